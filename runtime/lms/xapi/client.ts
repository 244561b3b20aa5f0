// A small xAPI client on fetch: every request carries Basic auth and the version header (cmi5 §8.2),
// can be sent with `keepalive` (page hide, docs/rules/lms.md §5) and is aborted after a timeout.
// It never throws: every answer, network error or timeout comes back as an XapiAnswer, so the
// caller (the Outbox, the launch sequence) decides what is retryable.
import { browserTimers, type Timers } from "../ports";
import type { Agent, Statement } from "./types";
import { XAPI_VERSION } from "./types";

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface XapiAnswer {
  /** 2xx */
  ok: boolean;
  /** HTTP status; 0 for a network error or a timeout. */
  status: number;
  /** "network" / "timeout" when no HTTP answer arrived. */
  failure: "network" | "timeout" | null;
  /** Parsed JSON body when there was one, else null. */
  body: unknown;
  /** Raw body text (for logs; may be empty). */
  text: string;
}

export interface XapiRequestOptions {
  query?: Record<string, string>;
  /** JSON-serialised unless it is already a string. */
  body?: unknown;
  keepalive?: boolean;
  timeoutMs?: number;
}

export interface XapiClientOptions {
  /** The launch `endpoint` (trailing slash optional). */
  endpoint: string;
  /** The `auth-token` from the fetch URL; sent as `Authorization: Basic <token>`. Never logged. */
  authToken: string;
  fetch: FetchLike;
  timeoutMs: number;
  /** The timeout's timer (runtime/lms/ports.ts; the browser's by default). */
  timers?: Timers;
}

export interface StateParams {
  activityId: string;
  agent: Agent;
  registration: string;
  stateId: string;
}

export class XapiClient {
  private readonly base_: string;

  private readonly options_: XapiClientOptions;

  constructor(options: XapiClientOptions) {
    this.options_ = options;
    this.base_ = options.endpoint.endsWith("/") ? options.endpoint : `${options.endpoint}/`;
  }

  async request(method: string, resource: string, options: XapiRequestOptions = {}): Promise<XapiAnswer> {
    const url = new URL(resource, this.base_);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = {
      Authorization: `Basic ${this.options_.authToken}`,
      "X-Experience-API-Version": XAPI_VERSION,
    };
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
      headers["Content-Type"] = "application/json";
    }
    const controller = new AbortController();
    let timedOut = false;
    const timers = this.options_.timers ?? browserTimers;
    const timer = timers.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs ?? this.options_.timeoutMs);
    try {
      const response = await this.options_.fetch(url.toString(), {
        method,
        headers,
        body,
        keepalive: options.keepalive === true,
        signal: controller.signal,
        credentials: "omit",
        // Documents change under a constant URL (LaunchData per session, our State per write): a
        // read must reach the LRS, never a cached copy (a stale LaunchData names another session).
        ...(method === "GET" ? { cache: "no-store" as const } : {}),
      });
      const text = await response.text();
      return { ok: response.ok, status: response.status, failure: null, body: parseJson(text), text };
    } catch (error) {
      const failure = timedOut ? "timeout" : "network";
      return { ok: false, status: 0, failure, body: null, text: error instanceof Error ? error.message : String(error) };
    } finally {
      timers.clearTimeout(timer);
    }
  }

  /** PUT with the id: a retry of an already stored statement is answered 204/409 and counts as accepted. */
  putStatement(statement: Statement & { id: string }, options: XapiRequestOptions = {}): Promise<XapiAnswer> {
    return this.request("PUT", "statements", { ...options, query: { statementId: statement.id }, body: statement });
  }

  /** POST a batch, kept in order (xAPI 1.0.3 §2.1.2: the LRS stores the array in order). */
  postStatements(statements: Statement[], options: XapiRequestOptions = {}): Promise<XapiAnswer> {
    return this.request("POST", "statements", { ...options, body: statements });
  }

  getState(params: StateParams, options: XapiRequestOptions = {}): Promise<XapiAnswer> {
    return this.request("GET", "activities/state", { ...options, query: stateQuery(params) });
  }

  putState(params: StateParams, document: unknown, options: XapiRequestOptions = {}): Promise<XapiAnswer> {
    return this.request("PUT", "activities/state", { ...options, query: stateQuery(params), body: document });
  }

  getAgentProfile(agent: Agent, profileId: string, options: XapiRequestOptions = {}): Promise<XapiAnswer> {
    return this.request("GET", "agents/profile", { ...options, query: { agent: JSON.stringify(agent), profileId } });
  }
}

function stateQuery(params: StateParams): Record<string, string> {
  return {
    stateId: params.stateId,
    activityId: params.activityId,
    agent: JSON.stringify(params.agent),
    registration: params.registration,
  };
}

/** The JSON in `text`, or null when there is none (empty or unreadable). */
export function parseJson(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
