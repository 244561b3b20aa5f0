// The local LMS + LRS's route table: the cmi5 fetch URL (cmi5 §8.2), the LMS return page, a package
// under /content/, and the xAPI resources an AU uses, each behind the caller's credentials and the
// X-Experience-API-Version header. A handler answers with an Answer value (or writes a file itself).
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_JSON_DEPTH, parseJsonBounded } from "../http/body";
import type { Params, Route } from "../http/route-table";
import { serveFile } from "../http/static-files";
import { agentProfileResource, stateResource } from "./documents-resource";
import { answerFetch } from "./launch";
import { getStatements, postStatements, putStatement, type Answer, type Caller } from "./statements-resource";
import type { LrsStore } from "./store";

/** On every answer of the local LRS. */
export const XAPI_VERSION_HEADER = { "X-Experience-API-Version": "1.0.3" };

export interface LrsCall {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  params: Params;
  /** The request body (read within the size limit before routing). */
  body: string;
}

export type LrsHandler = (call: LrsCall) => Answer | Promise<void>;

export interface LrsRouteContext {
  store: LrsStore;
  strict: boolean;
  /** `Basic …` of the admin (tests and tooling). */
  adminToken: string;
  contentRoot: string | null;
}

export function lrsRoutes(context: LrsRouteContext): Route<LrsHandler>[] {
  const { store, strict } = context;
  const xapi =
    (handler: (call: LrsCall, caller: Caller) => Answer): LrsHandler =>
    (call) => {
      const caller = authenticate(context, call.request.headers.authorization);
      if (caller === null) return { status: 401, body: { message: "unknown or revoked credentials" } };
      if (!call.request.headers["x-experience-api-version"]) return { status: 400, body: { message: "X-Experience-API-Version header missing" } };
      return handler(call, caller);
    };
  const contentType = (call: LrsCall) => String(call.request.headers["content-type"] ?? "");
  const routes: Route<LrsHandler>[] = [
    { method: "POST", path: "/cmi5/fetch/:key", handler: ({ params }) => ({ status: 200, body: answerFetch(store.sessionByFetchKey(params.key!)) }) },
    { method: "*", path: "/cmi5/fetch/:key", handler: () => ({ status: 405, body: { message: "cmi5 §8.2: the fetch URL takes POST only" } }) },
    {
      method: "*",
      path: "/lms/return",
      handler: () => ({ status: 200, contentType: "text/html", body: "<!doctype html><title>LMS</title><p>Back in the LMS.</p>" }),
    },
    { method: "*", path: "/xapi/about", handler: () => ({ status: 200, body: { version: ["1.0.3"] } }) },
    { method: "GET", path: "/xapi/statements", handler: xapi(({ url }) => getStatements(store, url.searchParams)) },
    {
      method: "PUT",
      path: "/xapi/statements",
      handler: xapi(({ url, body }, caller) => withJson(body, (json) => putStatement(store, caller, url.searchParams, json, strict))),
    },
    { method: "POST", path: "/xapi/statements", handler: xapi(({ body }, caller) => withJson(body, (json) => postStatements(store, caller, json, strict))) },
    { method: "*", path: "/xapi/statements", handler: xapi(({ request }) => ({ status: 405, body: { message: `${request.method} not supported` } })) },
    {
      method: "*",
      path: "/xapi/activities/state",
      handler: xapi((call, caller) => stateResource(store, caller, call.request.method ?? "GET", call.url.searchParams, call.body, contentType(call))),
    },
    {
      method: "*",
      path: "/xapi/agents/profile",
      handler: xapi((call) => agentProfileResource(store, call.request.method ?? "GET", call.url.searchParams, call.body, contentType(call))),
    },
    { method: "*", path: "/xapi/*", handler: xapi(({ params }) => ({ status: 404, body: { message: `unknown resource ${params["*"]}` } })) },
  ];
  const root = context.contentRoot;
  if (root)
    routes.push({
      method: "GET",
      path: "/content/*",
      handler: ({ request, response, params }) => serveFile(request, response, root, params["*"]!, { headers: XAPI_VERSION_HEADER }),
    });
  return routes;
}

function authenticate(context: LrsRouteContext, header: string | undefined): Caller | null {
  const match = /^Basic (.+)$/.exec(header ?? "");
  if (!match) return null;
  if (match[1] === context.adminToken) return { session: null };
  const session = context.store.sessionByToken(match[1]!);
  // A cmi5 session's token counts once its fetch URL handed it out; a Tin Can one from the launch.
  if (!session || !session.fetchUsed || session.revoked) return null;
  return { session };
}

function withJson(body: string, next: (json: unknown) => Answer): Answer {
  const parsed = parseJsonBounded(body, MAX_JSON_DEPTH);
  return parsed.ok ? next(parsed.value) : { status: 400, body: { message: parsed.message } };
}

/** An Answer as the LRS writes it: JSON unless told otherwise, always with the xAPI version. */
export function sendAnswer(response: ServerResponse, answer: Answer): void {
  if (answer.body === undefined || answer.status === 204) {
    response.writeHead(answer.status, XAPI_VERSION_HEADER).end();
    return;
  }
  const text = typeof answer.body === "string" || Buffer.isBuffer(answer.body) ? answer.body : JSON.stringify(answer.body);
  response.writeHead(answer.status, { ...XAPI_VERSION_HEADER, "Content-Type": answer.contentType ?? "application/json" }).end(text);
}
