// The origin the browser talks to in the cmi5 benchmarks: static files (the unpacked package, the
// reference-library pages) answered at once, and /xapi/ + /cmi5/ + /lms/ forwarded to the local
// LMS+LRS (authoring/lrs), where the added latency applies. One origin, so no CORS preflights distort
// the round-trip counts; every proxied request is logged with its timing and the statement verbs it
// carried. Built on authoring/http (route table, static files, proxy).
import { readBoundedBody } from "../../authoring/http/body";
import { listen } from "../../authoring/http/listen";
import { proxyTo } from "../../authoring/http/proxy";
import { sendError } from "../../authoring/http/respond";
import { routeTable, type Handler, type Route } from "../../authoring/http/route-table";
import { serveFile } from "../../authoring/http/static-files";

/** What the local LRS accepts (authoring/lrs MAX_LRS_BODY_BYTES). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface ProxiedRequest {
  method: string;
  path: string;
  status: number;
  /** performance.now() in this process when the request arrived / when the LRS's answer was sent on. */
  startedAt: number;
  endedAt: number;
  /** Verb ids of the statements in a statements PUT/POST body. */
  verbs: string[];
  /** Start of the LRS's answer when it was an error (for messages). */
  error?: string;
}

export interface FrontServer {
  readonly origin: string;
  readonly proxied: ProxiedRequest[];
  /** Resolves once no LMS request has been in flight for `quietMs`. */
  whenIdle(quietMs: number, timeoutMs: number): Promise<void>;
  /** Resolves when a statements request carrying `verbId` was answered 2xx by the LRS. */
  whenStored(verbId: string, timeoutMs: number): Promise<ProxiedRequest>;
  close(): Promise<void>;
}

function verbsOf(body: Buffer): string[] {
  try {
    const json: unknown = JSON.parse(body.toString("utf8"));
    const list = Array.isArray(json) ? json : [json];
    return list.flatMap((s) =>
      typeof s === "object" && s !== null && typeof (s as { verb?: { id?: unknown } }).verb?.id === "string" ? [(s as { verb: { id: string } }).verb.id] : [],
    );
  } catch {
    return [];
  }
}

/** `mounts`: URL prefix ("/content/") → folder on disk. */
export async function startFrontServer(lrsOrigin: string, mounts: Record<string, string>): Promise<FrontServer> {
  const proxied: ProxiedRequest[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();
  const waiters = new Set<() => void>();

  const forward: Handler = async ({ request, response, url }) => {
    const startedAt = performance.now();
    const read = await readBoundedBody(request, MAX_BODY_BYTES);
    if (!read.ok) return sendError(response, read.status, read.message);
    inFlight++;
    proxyTo(lrsOrigin, request, response, read.body, (exchange) => {
      inFlight--;
      lastActivity = performance.now();
      const verbs = url.pathname.endsWith("/statements") && exchange.method !== "GET" ? verbsOf(read.body) : [];
      const error = exchange.status >= 400 ? exchange.responseBody.slice(0, 300) : undefined;
      proxied.push({
        method: exchange.method,
        path: url.pathname,
        status: exchange.status,
        startedAt,
        endedAt: lastActivity,
        verbs,
        ...(error ? { error } : {}),
      });
      for (const wake of [...waiters]) wake();
    });
  };
  const routes: Route<Handler>[] = [
    ...["/xapi/*", "/cmi5/*", "/lms/*"].map((path) => ({ method: "*", path, handler: forward })),
    ...Object.entries(mounts).map(([prefix, root]) => ({
      method: "GET",
      path: `${prefix}*`,
      handler: (({ request, response, params }) => serveFile(request, response, root, params["*"]!)) as Handler,
    })),
  ];
  const site = await listen(routeTable(routes));
  const origin = site.url;

  return {
    origin,
    proxied,
    whenIdle: async (quietMs, timeoutMs) => {
      const deadline = performance.now() + timeoutMs;
      while (inFlight > 0 || performance.now() - lastActivity < quietMs) {
        if (performance.now() > deadline) throw new Error(`LMS traffic did not settle within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    whenStored: (verbId, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const hit = proxied.find((r) => r.verbs.includes(verbId) && r.status >= 200 && r.status < 300);
          if (!hit) return false;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no ${verbId} statement stored within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      }),
    close: () => site.close(),
  };
}
