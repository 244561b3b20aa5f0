// The local LMS + LRS (node:http, 127.0.0.1, port 0 by default): launches cmi5 (and Tin Can) sessions, answers the
// fetch URL once, serves the xAPI resources an AU uses (routes.ts), checks every statement (xAPI validator +
// cmi5 rules), injects faults on demand, and can serve a built package for `passmark preview`.
// Answers only requests whose Host is its own loopback address (no DNS rebinding), grants no CORS
// (browsers reach it through a same-origin proxy or its own /content/), and bounds bodies. Repeated
// slashes in a path count as one, as on the LRSs AUs are written against.
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import type { Statement } from "@xapi/xapi";
import { readBoundedBody } from "../http/body";
import { listen } from "../http/listen";
import { matchRoute } from "../http/route-table";
import { FaultInjector, type FaultAction } from "./faults";
import { createLaunch, type Cmi5Launch, type LaunchOptions } from "./launch";
import { createTincanLaunch, type TincanLaunch, type TincanLaunchOptions } from "./tincan-launch";
import { lrsRoutes, sendAnswer } from "./routes";
import type { Answer } from "./statements-resource";
import { LrsStore, type LmsSession, type ViolationRecord } from "./store";

export interface LocalLmsOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** JSON file holding everything (statements, documents, sessions); loaded at start when it exists. */
  persistFile?: string | null;
  /** Strict-LMS mode (default true): a cmi5 rule violation is answered 403. Recorded either way. */
  strict?: boolean;
  /** Folder served under /content/ (an unpacked package for preview / end-to-end tests). */
  contentRoot?: string | null;
}

/** A statement batch with attachments-free statements, or a State document, stays far below this. */
export const MAX_LRS_BODY_BYTES = 4 * 1024 * 1024;

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  fault: FaultAction;
  /** When the request arrived (epoch ms, before any added latency). */
  receivedAt: number;
  /** When it was answered (or dropped). */
  at: number;
}

export interface LocalLms {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** The xAPI endpoint handed to AUs: origin + "/xapi/". */
  readonly endpoint: string;
  /** `Basic …` credentials that read and write everything (for tests and tooling, never for AUs). */
  readonly adminAuth: string;
  readonly faults: FaultInjector;
  readonly requests: readonly RequestLogEntry[];
  launch(options: LaunchOptions): Cmi5Launch;
  /** A Tin Can launch: credentials in the URL, no fetch, no cmi5 rules (tincan-launch.ts). */
  launchTincan(options: TincanLaunchOptions): TincanLaunch;
  /** Stored statements in the order they were stored, optionally filtered. */
  statements(filter?: { registration?: string; sessionId?: string; verb?: string }): Statement[];
  readonly violations: readonly ViolationRecord[];
  session(sessionId: string): LmsSession | undefined;
  /** 401 for this session's token until restored (a lost login, an expired token). */
  revokeToken(sessionId: string): void;
  restoreToken(sessionId: string): void;
  /** Make the fetch URL answer with a cmi5 error-code (1, 2, 3) or behave normally (null). */
  setFetchError(sessionId: string, code: "1" | "2" | "3" | null): void;
  close(): Promise<void>;
}

export async function startLocalLms(options: LocalLmsOptions = {}): Promise<LocalLms> {
  const store = new LrsStore(options.persistFile ?? null);
  const faults = new FaultInjector();
  const adminToken = Buffer.from(`admin:${randomBytes(12).toString("hex")}`).toString("base64");
  const routes = lrsRoutes({ store, strict: options.strict ?? true, adminToken, contentRoot: options.contentRoot ?? null });
  const requests: RequestLogEntry[] = [];
  const held = new Set<ServerResponse>();
  let port = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const host = (request.headers.host ?? "").toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}` && host !== `${options.host ?? "127.0.0.1"}:${port}`) {
      return sendAnswer(response, { status: 403, body: { message: "the local LRS answers on its loopback address only" } });
    }
    const url = parseTarget(request.url);
    if (!url) return sendAnswer(response, { status: 400, body: { message: "bad request target" } });
    const method = request.method ?? "GET";
    const read = await readBoundedBody(request, MAX_LRS_BODY_BYTES);
    if (!read.ok) return sendAnswer(response, { status: read.status, body: { message: read.message } });
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    const fault = method === "OPTIONS" ? "pass" : faults.next(method, url.pathname);
    const log = (status: number) => requests.push({ method, path: url.pathname, status, fault, receivedAt, at: Date.now() });
    if (fault === "reset" || fault === "timeout") {
      log(0);
      held.add(response);
      if (fault === "timeout") await delay(faults.timeoutHoldMs);
      held.delete(response);
      return void request.socket.destroy();
    }
    const found = matchRoute(routes, method, url.pathname);
    let answer: Answer | void;
    if (fault !== "pass") answer = { status: fault, body: { message: `injected fault ${fault}` } };
    else if (method === "OPTIONS")
      answer = { status: 204 }; // no CORS headers: a cross-origin preflight fails
    else if (!found.ok) answer = { status: found.status, body: { message: found.message } };
    else answer = await found.handler({ request, response, url, params: found.params, body: read.body.toString("utf8") });
    if (answer) sendAnswer(response, answer);
    log(response.statusCode);
  }

  const site = await listen(
    (request, response) =>
      void handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendAnswer(response, { status: 500, body: { message: String(error) } });
      }),
    { port: options.port ?? 0, host: options.host ?? "127.0.0.1" },
  );
  port = site.port;
  return localLmsApi(store, site.url, adminToken, faults, requests, async () => {
    for (const response of held) response.socket?.destroy();
    await site.close();
  });
}

function localLmsApi(
  store: LrsStore,
  origin: string,
  adminToken: string,
  faults: FaultInjector,
  requests: RequestLogEntry[],
  close: () => Promise<void>,
): LocalLms {
  const sessionOrThrow = (id: string): LmsSession => {
    const session = store.data.sessions[id];
    if (!session) throw new Error(`local LMS: no session ${id}`);
    return session;
  };
  const mark = (id: string, change: (session: LmsSession) => void) => {
    change(sessionOrThrow(id));
    store.changed();
  };
  return {
    origin,
    endpoint: `${origin}/xapi/`,
    adminAuth: `Basic ${adminToken}`,
    faults,
    requests,
    launch: (launchOptions) => createLaunch(store, origin, launchOptions),
    launchTincan: (launchOptions) => createTincanLaunch(store, origin, launchOptions),
    statements: (filter = {}) =>
      store.data.statements
        .filter((s) => !filter.registration || s.statement.context?.registration === filter.registration)
        .filter((s) => !filter.sessionId || s.sessionId === filter.sessionId)
        .filter((s) => !filter.verb || s.statement.verb.id === filter.verb)
        .map((s) => s.statement),
    get violations() {
      return store.data.violations;
    },
    session: (id) => store.data.sessions[id],
    revokeToken: (id) => mark(id, (session) => (session.revoked = true)),
    restoreToken: (id) => mark(id, (session) => (session.revoked = false)),
    setFetchError: (id, code) => mark(id, (session) => (session.fetchErrorCode = code)),
    close,
  };
}

/**
 * The request target with each run of slashes in its path made one: `/xapi//activities/state` is
 * `/xapi/activities/state`. AUs join the endpoint they were handed (which ends in "/", cmi5 §8.1) with
 * "/activities/state" and the like (CATAPULT's examples built on cmi5.js do), and LRSs behind common
 * web servers answer them. The query is left untouched (its values may hold "//").
 */
export function normalisedTarget(target: string): string {
  const query = target.indexOf("?");
  const path = query === -1 ? target : target.slice(0, query);
  return path.replace(/\/{2,}/g, "/") + (query === -1 ? "" : target.slice(query));
}

function parseTarget(target: string | undefined): URL | null {
  try {
    // Normalised first: a target starting "//" would otherwise parse as a host name.
    return new URL(normalisedTarget(target ?? "/"), "http://localhost");
  } catch {
    return null;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
