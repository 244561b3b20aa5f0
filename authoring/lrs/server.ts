// The local LMS + LRS (node:http, 127.0.0.1, port 0 by default): launches cmi5 sessions, answers the
// fetch URL once, serves the xAPI resources an AU uses, checks every statement (xAPI validator +
// cmi5 rules), injects faults on demand, and can serve a built package for `passmark preview`.
// Answers only requests whose Host is its own loopback address (no DNS rebinding), grants no CORS
// (browsers reach it through a same-origin proxy or its own /content/), and bounds bodies.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Statement } from "@xapi/xapi";
import { FaultInjector, type FaultAction } from "./faults";
import { answerFetch, createLaunch, type Cmi5Launch, type LaunchOptions } from "./launch";
import { agentProfileResource, stateResource } from "./documents-resource";
import { getStatements, postStatements, putStatement, type Answer, type Caller } from "./statements-resource";
import { MAX_JSON_DEPTH, parseJsonBounded, readBoundedBody } from "./http-body";
import { serveContent } from "./static-content";
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
  const strict = options.strict ?? true;
  const adminToken = Buffer.from(`admin:${randomBytes(12).toString("hex")}`).toString("base64");
  const requests: RequestLogEntry[] = [];
  const held = new Set<ServerResponse>();
  let origin = "";

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, { status: 500, body: { message: String(error) } });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    if (!ownHost(request.headers.host)) return send(response, { status: 403, body: { message: "the local LRS answers on its loopback address only" } });
    let url: URL;
    try {
      url = new URL(request.url ?? "/", origin);
    } catch {
      return send(response, { status: 400, body: { message: "bad request target" } });
    }
    const method = request.method ?? "GET";
    const read = await readBoundedBody(request, MAX_LRS_BODY_BYTES);
    if (!read.ok) return send(response, { status: read.status, body: { message: read.message } });
    const body = read.body.toString("utf8");
    if (faults.latencyMs > 0) await delay(faults.latencyMs);
    const fault = method === "OPTIONS" ? "pass" : faults.next(method, url.pathname);
    const log = (status: number) => requests.push({ method, path: url.pathname, status, fault, receivedAt, at: Date.now() });
    if (fault === "reset") {
      log(0);
      request.socket.destroy();
      return;
    }
    if (fault === "timeout") {
      log(0);
      held.add(response);
      await delay(faults.timeoutHoldMs);
      held.delete(response);
      request.socket.destroy();
      return;
    }
    const answer: Answer = fault !== "pass" ? { status: fault, body: { message: `injected fault ${fault}` } } : route(method, url, request, body);
    log(answer.status);
    send(response, answer);
  }

  /** Host is this server's own loopback name and port (a rebound DNS name carries its own). */
  function ownHost(host: string | undefined): boolean {
    const port = new URL(origin).port;
    return [`127.0.0.1:${port}`, `localhost:${port}`, new URL(origin).host].includes((host ?? "").toLowerCase());
  }

  function route(method: string, url: URL, request: IncomingMessage, body: string): Answer {
    const path = url.pathname;
    if (method === "OPTIONS") return { status: 204 }; // no CORS headers: a cross-origin preflight fails
    if (path.startsWith("/cmi5/fetch/")) {
      if (method !== "POST") return { status: 405, body: { message: "cmi5 §8.2: the fetch URL takes POST only" } };
      return { status: 200, body: answerFetch(store.sessionByFetchKey(path.slice("/cmi5/fetch/".length))) };
    }
    if (path === "/lms/return") return { status: 200, contentType: "text/html", body: "<!doctype html><title>LMS</title><p>Back in the LMS.</p>" };
    if (path.startsWith("/content/") && options.contentRoot) return serveContent(options.contentRoot, path.slice("/content/".length));
    if (!path.startsWith("/xapi/")) return { status: 404, body: { message: "not found" } };
    const resource = path.slice("/xapi/".length);
    if (resource === "about") return { status: 200, body: { version: ["1.0.3"] } };
    const caller = authenticate(request.headers.authorization);
    if (caller === null) return { status: 401, body: { message: "unknown or revoked credentials" } };
    if (!request.headers["x-experience-api-version"]) return { status: 400, body: { message: "X-Experience-API-Version header missing" } };
    const contentType = String(request.headers["content-type"] ?? "");
    switch (resource) {
      case "statements":
        if (method === "GET") return getStatements(store, url.searchParams);
        if (method === "PUT") return withJson(body, (json) => putStatement(store, caller, url.searchParams, json, strict));
        if (method === "POST") return withJson(body, (json) => postStatements(store, caller, json, strict));
        return { status: 405, body: { message: `${method} not supported` } };
      case "activities/state":
        return stateResource(store, caller, method, url.searchParams, body, contentType);
      case "agents/profile":
        return agentProfileResource(store, method, url.searchParams, body, contentType);
      default:
        return { status: 404, body: { message: `unknown resource ${resource}` } };
    }
  }

  function authenticate(header: string | undefined): Caller | null {
    const match = /^Basic (.+)$/.exec(header ?? "");
    if (!match) return null;
    if (match[1] === adminToken) return { session: null };
    const session = store.sessionByToken(match[1]!);
    if (!session || !session.fetchUsed || session.revoked) return null;
    return { session };
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  origin = `http://${options.host ?? "127.0.0.1"}:${address.port}`;

  const sessionOrThrow = (id: string): LmsSession => {
    const session = store.data.sessions[id];
    if (!session) throw new Error(`local LMS: no session ${id}`);
    return session;
  };

  return {
    origin,
    endpoint: `${origin}/xapi/`,
    adminAuth: `Basic ${adminToken}`,
    faults,
    requests,
    launch: (launchOptions) => createLaunch(store, origin, launchOptions),
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
    revokeToken: (id) => {
      sessionOrThrow(id).revoked = true;
      store.changed();
    },
    restoreToken: (id) => {
      sessionOrThrow(id).revoked = false;
      store.changed();
    },
    setFetchError: (id, code) => {
      sessionOrThrow(id).fetchErrorCode = code;
      store.changed();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of held) response.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function withJson(body: string, next: (json: unknown) => Answer): Answer {
  const parsed = parseJsonBounded(body, MAX_JSON_DEPTH);
  return parsed.ok ? next(parsed.value) : { status: 400, body: { message: parsed.message } };
}

function send(response: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = { "X-Experience-API-Version": "1.0.3" };
  if (answer.body === undefined || answer.status === 204) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  if (Buffer.isBuffer(answer.body)) {
    response.writeHead(answer.status, { ...headers, "Content-Type": answer.contentType ?? "application/octet-stream" }).end(answer.body);
    return;
  }
  const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
  response.writeHead(answer.status, { ...headers, "Content-Type": answer.contentType ?? "application/json" }).end(text);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
