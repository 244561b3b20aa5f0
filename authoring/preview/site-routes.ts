// The route tables of the preview's two origins (docs/preview.md "Two origins"). The preview origin:
// the launch page, its files and the preview API. The package origin: the unpacked packages under
// /pkg/<target>/ (confined to the package), the SCORM host page with its three calls, and xAPI and
// cmi5 for the course, forwarded to the local LMS/LRS. State-changing API requests must be JSON from
// the server's own origin (request-guard.ts); both answer their loopback address only.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TargetId } from "../../runtime/course/types";
import { parseJsonBounded, readBoundedBody } from "../http/body";
import { isLoopbackRequest, loopbackOrigins } from "../http/loopback";
import { proxyTo } from "../http/proxy";
import { sendError, sendJson } from "../http/respond";
import type { Exchange, Handler, Route } from "../http/route-table";
import { serveFile } from "../http/static-files";
import { pageCsp, type AssetTable } from "./assets";
import { MAX_API_BODY_BYTES, MAX_BODY_BYTES } from "./body-limits";
import { cmi5Events } from "./cmi5-log";
import { LaunchRequestError } from "./launch-request";
import type { PreviewLms } from "./preview-lms";
import { checkStateChange } from "./request-guard";
import { scormHostApi, type ScormHostContext } from "./scorm-host-api";
import type { PreviewBuilds } from "./watch-builds";

/** Known once both servers listen. */
export interface PreviewPorts {
  preview: number;
  package: number;
}

export interface SiteContext {
  lms: PreviewLms;
  assets: AssetTable;
  ports: PreviewPorts;
  /** Watch mode's rebuilds (GET /api/builds; a launch waits for its target's build); null when not watching. */
  builds: PreviewBuilds | null;
}

const packageOriginOf = (ports: PreviewPorts) => `http://127.0.0.1:${ports.package}`;

export const loopbackGuard = (port: () => number) => (request: IncomingMessage) =>
  isLoopbackRequest(request, port()) ? null : "passmark preview answers on its loopback address only";

export function previewRoutes({ lms, assets, ports, builds }: SiteContext): Route<Handler>[] {
  const { log } = lms.parts;
  return [
    { method: "GET", path: "/api/info", handler: ({ response }) => sendJson(response, 200, lms.info()) },
    { method: "GET", path: "/api/course", handler: ({ response, url }) => courseView(response, lms, url.searchParams.get("target")) },
    ...(builds ? [{ method: "GET", path: "/api/builds", handler: ({ response }: Exchange) => builds.follow(response) }] : []),
    { method: "GET", path: "/api/events", handler: ({ response, url }) => log.follow(response, Number(url.searchParams.get("since") ?? "0")) },
    {
      method: "GET",
      path: "/api/log.json",
      handler: ({ response }) => sendJson(response, 200, log.download(), { "Content-Disposition": 'attachment; filename="passmark-preview-log.json"' }),
    },
    {
      method: "POST",
      path: "/api/launch",
      handler: stateChange(
        () => ports.preview,
        (exchange) => launch(exchange, lms, packageOriginOf(ports), builds),
      ),
    },
    {
      method: "*",
      path: "/api/*",
      handler: stateChange(
        () => ports.preview,
        ({ request, response, url }) => {
          const where = url.pathname.startsWith("/api/scorm/") ? ` (the SCORM host page's API is on ${packageOriginOf(ports)})` : "";
          sendError(response, 404, `no ${request.method} ${url.pathname}${where}`);
        },
      ),
    },
    ...assetRoutes(assets, "preview", ports),
    { method: "*", path: "/pkg/*", handler: ({ response }) => sendError(response, 404, `package files are served on ${packageOriginOf(ports)}`) },
  ];
}

export function packageRoutes({ lms, assets, ports }: SiteContext): Route<Handler>[] {
  const { course, log } = lms.parts;
  const host: ScormHostContext = {
    scorm: lms.parts.scorm,
    log,
    packages: course.packages,
    get launchPageOrigins() {
      return loopbackOrigins(ports.preview);
    },
    changed: (target) => lms.changed(target),
  };
  const forward: Handler = async ({ request, response }) => {
    const read = await readBoundedBody(request, MAX_BODY_BYTES);
    if (!read.ok) return sendError(response, read.status, read.message);
    const known = lms.knownStatementIds(read.body);
    // The LRS serves cmi5 and Tin Can launches alike: the events are the latest launch's target's.
    const target = lms.currentTarget === "xapi" ? "xapi" : "cmi5";
    proxyTo(lms.parts.lms.origin, request, response, read.body, (exchange) => {
      for (const event of cmi5Events(exchange, known)) log.add({ ...event, target });
      lms.changed(target);
    });
  };
  const packageFile: Handler = async ({ request, response, params, url }) => {
    if (request.method !== "GET" && request.method !== "HEAD") return sendError(response, 405, "package files are read-only", { Allow: "GET, HEAD" });
    const pkg = course.packages.get(params.target as TargetId);
    if (!pkg) return sendError(response, 404, `no ${params.target} package in this preview`);
    await serveFile(request, response, pkg.root, params["*"]!);
    if (response.statusCode === 404) lms.packageFileMissing(pkg.target, url.pathname);
  };
  return [
    ...["/xapi/*", "/cmi5/fetch/*", "/lms/return"].map((path) => ({ method: "*", path, handler: forward })),
    { method: "*", path: "/pkg/:target/*", handler: packageFile },
    {
      method: "*",
      path: "/api/*",
      handler: stateChange(
        () => ports.package,
        async ({ request, response, url }) => {
          const method = request.method ?? "GET";
          if (!(await scormHostApi(host, method, url.pathname, request, response)))
            sendError(response, 404, `no ${method} ${url.pathname} on the package origin`);
        },
      ),
    },
    ...assetRoutes(assets, "package", ports),
  ];
}

/** GET /api/course?target=…: each unit's result and the course rollup (400 naming `target` when it is not one of the preview's). */
function courseView(response: ServerResponse, lms: PreviewLms, target: string | null): void {
  if (target === null || !lms.parts.course.packages.has(target as TargetId))
    return sendError(response, 400, `target: expected one of ${[...lms.parts.course.packages.keys()].join(", ")}`);
  sendJson(response, 200, lms.courseView(target as TargetId));
}

/** `handler`, behind request-guard.ts's check against cross-site requests. */
function stateChange(port: () => number, handler: Handler): Handler {
  return (exchange) => {
    const refused = checkStateChange(exchange.request, port());
    return refused ? sendError(exchange.response, refused.status, refused.message) : handler(exchange);
  };
}

async function launch({ request, response }: Exchange, lms: PreviewLms, packageOrigin: string, builds: PreviewBuilds | null): Promise<void> {
  const read = await readBoundedBody(request, MAX_API_BODY_BYTES);
  if (!read.ok) return sendError(response, read.status, read.message);
  const parsed = parseJsonBounded(read.body.toString("utf8"));
  if (!parsed.ok) return sendError(response, 400, parsed.message);
  // Watch mode: a target a save made out of date is built first; one that does not build is not launched.
  const target = (parsed.value as { target?: unknown } | null)?.target;
  const problems = builds && lms.parts.course.packages.has(target as TargetId) ? await builds.ready(target as TargetId) : null;
  if (problems) return sendError(response, 409, `the course did not build: ${problems.join("; ")}`);
  try {
    sendJson(response, 200, lms.launch(parsed.value, packageOrigin));
  } catch (error) {
    if (!(error instanceof LaunchRequestError)) throw error;
    sendError(response, 400, error.message);
  }
}

/** The preview's own files on `site`, GET only, its pages under pageCsp; the favicon is an empty 204. */
function assetRoutes(assets: AssetTable, site: "preview" | "package", ports: PreviewPorts): Route<Handler>[] {
  const routes: Route<Handler>[] = [...assets]
    .filter(([, asset]) => asset.servedOn === site || asset.servedOn === "both")
    .map(([path, asset]) => ({
      method: "GET",
      path,
      handler: ({ request, response }: Exchange) => {
        const headers: Record<string, string> = { "Content-Type": asset.contentType, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
        const origins = { packageOrigin: packageOriginOf(ports), previewOrigins: loopbackOrigins(ports.preview) };
        if (asset.contentType.startsWith("text/html")) headers["Content-Security-Policy"] = pageCsp(site === "preview" ? "launch" : "scorm-host", origins);
        response.writeHead(200, headers).end(request.method === "HEAD" ? undefined : asset.body);
      },
    }));
  return [...routes, { method: "GET", path: "/favicon.ico", handler: ({ response }: Exchange) => void response.writeHead(204).end() }];
}
