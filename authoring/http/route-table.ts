// A route table: method + path pattern → handler, first match in order. Patterns are exact paths
// ("/api/info"), ":name" for one segment ("/cmi5/fetch/:key") and a final "*" for the rest
// ("/pkg/:target/*"); segments are matched as they stand in the URL (still percent-encoded). A GET
// route answers HEAD too; "*" takes any method. A path no route knows is a 404; a path known only
// for other methods a 405 naming them.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { sendError } from "./respond";

export type Params = Readonly<Record<string, string>>;

export interface Route<H> {
  method: string;
  path: string;
  handler: H;
}

export type RouteMatch<H> = { ok: true; handler: H; params: Params } | { ok: false; status: 404 | 405; message: string; allow: string[] };

export function matchRoute<H>(routes: readonly Route<H>[], method: string, pathname: string): RouteMatch<H> {
  const allow = new Set<string>();
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    if (route.method === "*" || route.method === method || (route.method === "GET" && method === "HEAD")) return { ok: true, handler: route.handler, params };
    allow.add(route.method);
    if (route.method === "GET") allow.add("HEAD");
  }
  if (allow.size === 0) return { ok: false, status: 404, message: `not found: ${pathname}`, allow: [] };
  return { ok: false, status: 405, message: `${method} ${pathname}: only ${[...allow].join(", ")}`, allow: [...allow] };
}

/** The pattern's parameters when `pathname` matches it ("*" holds the rest), else null. */
export function matchPath(pattern: string, pathname: string): Params | null {
  const want = pattern.split("/");
  const have = pathname.split("/");
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    if (part === "*" && i === want.length - 1) {
      if (have.length < want.length) return null;
      params["*"] = have.slice(i).join("/");
      return params;
    }
    const segment = have[i];
    if (segment === undefined) return null;
    if (part.startsWith(":") && segment !== "") params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return have.length === want.length ? params : null;
}

export interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  params: Params;
}

export type Handler = (exchange: Exchange) => void | Promise<void>;

export interface RouteTableOptions {
  /** Checked before routing: a message refuses the request with 403. */
  guard?: (request: IncomingMessage) => string | null;
  /** Headers on the table's own refusals (400, 403, 404, 405, 500). */
  headers?: Record<string, string>;
}

/** A request listener answering with `routes`; a handler that throws is answered 500 with its message. */
export function routeTable(routes: readonly Route<Handler>[], options: RouteTableOptions = {}): RequestListener {
  const refuse = (response: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) =>
    sendError(response, status, message, { ...options.headers, ...extra });
  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const refused = options.guard?.(request);
    if (refused) return refuse(response, 403, refused);
    let url: URL;
    try {
      url = new URL(request.url ?? "/", "http://localhost");
    } catch {
      return refuse(response, 400, "bad request target");
    }
    const found = matchRoute(routes, request.method ?? "GET", url.pathname);
    if (!found.ok) return refuse(response, found.status, found.message, found.status === 405 ? { Allow: found.allow.join(", ") } : {});
    await found.handler({ request, response, url, params: found.params });
  };
  return (request, response) => {
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) refuse(response, 500, error instanceof Error ? error.message : String(error));
      else response.destroy();
    });
  };
}
