// The origin the browser talks to in the cmi5 benchmarks: static files (the unpacked package, the
// reference-library pages) answered at once, and /xapi/ + /cmi5/ proxied to the local LMS+LRS
// (authoring/lrs), where the added latency applies. One origin, so no CORS preflights distort the
// round-trip counts; every proxied request is logged with its timing and the statement verbs it carried.
import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serveContent } from "../../authoring/lrs/static-content";

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
    return list.flatMap((s) => (typeof s === "object" && s !== null && typeof (s as { verb?: { id?: unknown } }).verb?.id === "string" ? [(s as { verb: { id: string } }).verb.id] : []));
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
  const lrs = new URL(lrsOrigin);

  const proxy = (incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer, startedAt: number): void => {
    inFlight++;
    const settle = (): void => {
      inFlight--;
      lastActivity = performance.now();
    };
    const upstream = httpRequest(
      // Host names the LRS itself: it answers only its own loopback address (no DNS rebinding).
      { host: lrs.hostname, port: lrs.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: lrs.host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (c: Buffer) => chunks.push(c));
        answer.on("end", () => {
          const path = new URL(incoming.url ?? "/", lrsOrigin).pathname;
          const verbs = path.endsWith("/statements") && incoming.method !== "GET" ? verbsOf(body) : [];
          const status = answer.statusCode ?? 0;
          const error = status >= 400 ? Buffer.concat(chunks).toString("utf8").slice(0, 300) : undefined;
          proxied.push({ method: incoming.method ?? "GET", path, status, startedAt, endedAt: performance.now(), verbs, ...(error ? { error } : {}) });
          settle();
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
          for (const wake of [...waiters]) wake();
        });
      },
    );
    upstream.on("error", () => {
      settle();
      outgoing.writeHead(502).end();
    });
    upstream.end(body);
  };

  const server = createServer((incoming, outgoing) => {
    const startedAt = performance.now();
    const chunks: Buffer[] = [];
    incoming.on("data", (c: Buffer) => chunks.push(c));
    incoming.on("end", () => {
      const path = new URL(incoming.url ?? "/", "http://front").pathname;
      if (path.startsWith("/xapi/") || path.startsWith("/cmi5/") || path.startsWith("/lms/")) {
        proxy(incoming, outgoing, Buffer.concat(chunks), startedAt);
        return;
      }
      const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
      const answer = mount ? serveContent(mounts[mount]!, path.slice(mount.length)) : { status: 404, body: { message: "not found" } };
      const body = Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(JSON.stringify(answer.body ?? ""));
      outgoing.writeHead(answer.status, { "Content-Type": answer.contentType ?? "application/json", "Cache-Control": "no-store" }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
