// `passmark preview`: a local LMS for authors, on 127.0.0.1 only, on two origins (two ports). The
// preview origin serves the launch page and the preview API; the package origin serves the unpacked
// packages under /pkg/<target>/ (confined to the package), the SCORM host page (scorm-again as the
// LMS) with its three calls, and, for cmi5, the local LMS/LRS of authoring/lrs behind a proxy — so a
// package's script is never same-origin with the preview API. State-changing requests must be JSON
// from the server's own origin (request-guard.ts). Every statement, refusal, document write and SCORM
// call goes to the live log; the LMS data lives in the working folder so a relaunch resumes.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { TargetId } from "../../runtime/course/types";
import { startLocalLms, type LocalLms } from "../lrs";
import { pageCsp, loadAssets, type AssetTable } from "./assets";
import { cmi5Events } from "./cmi5-log";
import { PreviewLog } from "./event-log";
import { parseJsonBounded, readBoundedBody } from "../lrs/http-body";
import { MAX_API_BODY_BYTES, MAX_BODY_BYTES, isLoopbackRequest, sendJson, sendText } from "./http-util";
import { LearnerBook } from "./learners";
import { LaunchRequestError, checkLaunchRequest } from "./launch-request";
import { cmi5View, scormView } from "./lms-view";
import { proxyTo } from "./lrs-proxy";
import { prepareCourse, type PreparedCourse } from "./prepare";
import type { ZipLimits } from "../validate/zip-reader";
import type { LmsHolding } from "./lms-profiles/profile";
import { coverage, profileCovers, profileSummaries } from "./lms-profiles/registry";
import type { LaunchAnswer, LaunchRequest, LmsProfileId, LmsView, PreviewInfo, ScormMode } from "./protocol";
import { checkStateChange, loopbackOrigins } from "./request-guard";
import { scormHostApi, type ScormHostContext } from "./scorm-host-api";
import { servePackageFile } from "./package-files";
import { ScormStore, effectiveData } from "./scorm-store";

export interface PreviewOptions {
  /** Course folder or package zip. */
  source: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default: see prepareCourse. */
  workDir?: string;
  /** LMS behaviour of launches that do not name one (default "strict"). */
  lms?: LmsProfileId;
  /** What unpacking a zip may cost (default DEFAULT_ZIP_LIMITS). */
  zipLimits?: ZipLimits;
}

/** What the LMS holds for a learner on a SCORM target, read with that learner's LMS behaviour. */
export interface LmsRecord extends LmsHolding {
  profile: LmsProfileId;
  target: TargetId;
  learnerId: string;
  /** Of the latest session ("" before any launch). */
  mode: ScormMode | "";
  credit: boolean;
  entry: string;
  suspendData: string;
  sessions: number;
}

export interface PreviewServer {
  /** The launch page and the preview API (/api/*). */
  readonly origin: string;
  readonly port: number;
  /**
   * Package files, the SCORM host page next to its SCO, and xAPI for the course: another port, so a
   * package's script is never same-origin with the preview API (docs/preview.md "Two origins").
   */
  readonly packageOrigin: string;
  readonly packagePort: number;
  readonly course: PreparedCourse;
  readonly lms: LocalLms;
  readonly scorm: ScormStore;
  readonly log: PreviewLog;
  readonly learners: LearnerBook;
  /** The LMS behaviour of launches that name none. */
  readonly defaultLms: LmsProfileId;
  /** What POST /api/launch does (a LaunchRequest; anything else is refused with LaunchRequestError). */
  launch(request: LaunchRequest | unknown): LaunchAnswer;
  /** The LMS's view of the current learner on `target`. */
  view(target: TargetId): LmsView;
  /** What the LMS holds for a learner (default: the current one) on a SCORM target. */
  lmsRecord(target: Exclude<TargetId, "cmi5">, learnerId?: string): LmsRecord;
  close(): Promise<void>;
}

/** The request's URL, or null when its target does not parse (answered 400). */
function requestUrl(request: IncomingMessage, base: string): URL | null {
  try {
    return new URL(request.url ?? "/", base);
  } catch {
    return null;
  }
}

/** cmi5 §8.1: the LMS makes the activity id it hands the AU (stable, so State documents persist). */
export function launchActivityId(auId: string): string {
  return `https://passmark.dev/preview/activity/${encodeURIComponent(auId)}`;
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const course = await prepareCourse(options.source, { ...(options.workDir ? { workDir: options.workDir } : {}), ...(options.zipLimits ? { zipLimits: options.zipLimits } : {}) });
  mkdirSync(course.workDir, { recursive: true });
  const assets: AssetTable = await loadAssets();
  const lms = await startLocalLms({ persistFile: join(course.workDir, "preview-lrs.json"), strict: true });
  const scorm = new ScormStore(join(course.workDir, "preview-scorm.json"));
  const learners = new LearnerBook(join(course.workDir, "preview-learners.json"));
  const log = new PreviewLog();
  const defaultLms: LmsProfileId = options.lms ?? "strict";
  let currentTarget: TargetId | null = null;
  let port = 0;
  let origin = "";
  let packagePort = 0;
  let packageOrigin = "";
  const hostContext: ScormHostContext = {
    scorm,
    log,
    packages: course.packages,
    get launchPageOrigins() {
      return loopbackOrigins(port);
    },
    changed: (target) => {
      if (currentTarget === target) log.view(view(target));
    },
  };

  const answerWith = (handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>) => (request: IncomingMessage, response: ServerResponse) => {
    handler(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, `preview: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  const server = createServer(answerWith(handlePreview));
  const packageServer = createServer(answerWith(handlePackage));

  function serveAsset(path: string, on: "preview" | "package", method: string, response: ServerResponse): boolean {
    const asset = assets.get(path);
    if (!asset || (asset.servedOn !== on && asset.servedOn !== "both")) return false;
    if (method !== "GET" && method !== "HEAD") {
      sendText(response, 405, "GET only");
      return true;
    }
    const headers: Record<string, string> = { "Content-Type": asset.contentType, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
    const origins = { packageOrigin, previewOrigins: loopbackOrigins(port) };
    if (asset.contentType.startsWith("text/html")) headers["Content-Security-Policy"] = pageCsp(on === "preview" ? "launch" : "scorm-host", origins);
    response.writeHead(200, headers).end(method === "HEAD" ? undefined : asset.body);
    return true;
  }

  /** The preview origin: the launch page, its files and the preview API. */
  async function handlePreview(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackRequest(request, port)) return sendText(response, 403, "passmark preview answers on its loopback address only");
    const url = requestUrl(request, origin);
    if (!url) return sendText(response, 400, "bad request target");
    const method = request.method ?? "GET";
    if (url.pathname.startsWith("/api/")) return api(method, url, request, response);
    if (serveAsset(url.pathname, "preview", method, response)) return;
    if (url.pathname === "/favicon.ico") return void response.writeHead(204).end();
    sendText(response, 404, url.pathname.startsWith("/pkg/") ? `package files are served on ${packageOrigin}` : "not found");
  }

  /** The package origin: package files, the SCORM host page and its API, xAPI and cmi5 for the course. */
  async function handlePackage(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackRequest(request, packagePort)) return sendText(response, 403, "passmark preview answers on its loopback address only");
    const url = requestUrl(request, packageOrigin);
    if (!url) return sendText(response, 400, "bad request target");
    const path = url.pathname;
    const method = request.method ?? "GET";
    if (path.startsWith("/xapi/") || path.startsWith("/cmi5/fetch/") || path === "/lms/return") {
      const read = await readBoundedBody(request, MAX_BODY_BYTES);
      if (!read.ok) return sendJson(response, read.status, { message: read.message });
      const known = knownStatementIds(read.body);
      proxyTo(lms.origin, request, response, read.body, (exchange) => {
        for (const event of cmi5Events(exchange, known)) log.add(event);
        if (currentTarget === "cmi5") log.view(view("cmi5"));
      });
      return;
    }
    if (path.startsWith("/pkg/")) {
      if (method !== "GET" && method !== "HEAD") return sendText(response, 405, "package files are read-only");
      const [, , target = "", ...rest] = path.split("/");
      const pkg = course.packages.get(target as TargetId);
      if (!pkg) return sendText(response, 404, `no ${target} package in this preview`);
      return servePackageFile(pkg.root, rest.join("/"), request, response);
    }
    if (path.startsWith("/api/")) {
      const refused = checkStateChange(request, packagePort);
      if (refused) return sendJson(response, refused.status, { message: refused.message });
      if (await scormHostApi(hostContext, method, path, request, response)) return;
      return sendJson(response, 404, { message: `no ${method} ${path} on the package origin` });
    }
    if (serveAsset(path, "package", method, response)) return;
    if (path === "/favicon.ico") return void response.writeHead(204).end();
    sendText(response, 404, "not found");
  }

  async function api(method: string, url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = url.pathname;
    const refused = checkStateChange(request, port);
    if (refused) return sendJson(response, refused.status, { message: refused.message });
    if (method === "GET" && path === "/api/info") return sendJson(response, 200, info());
    if (method === "GET" && path === "/api/events") return log.follow(response, Number(url.searchParams.get("since") ?? "0"));
    if (method === "GET" && path === "/api/log.json") {
      return sendJson(response, 200, log.download(), { "Content-Disposition": 'attachment; filename="passmark-preview-log.json"' });
    }
    if (method !== "POST" || path !== "/api/launch") {
      const where = path.startsWith("/api/scorm/") ? ` (the SCORM host page's API is on ${packageOrigin})` : "";
      return sendJson(response, 404, { message: `no ${method} ${path}${where}` });
    }
    const read = await readBoundedBody(request, MAX_API_BODY_BYTES);
    if (!read.ok) return sendJson(response, read.status, { message: read.message });
    const parsed = parseJsonBounded(read.body.toString("utf8"));
    if (!parsed.ok) return sendJson(response, 400, { message: parsed.message });
    try {
      return sendJson(response, 200, launch(parsed.value));
    } catch (error) {
      if (error instanceof LaunchRequestError) return sendJson(response, 400, { message: error.message });
      throw error;
    }
  }

  function knownStatementIds(body: Buffer): Set<string> {
    const known = new Set<string>();
    if (body.length === 0) return known;
    const parsed = parseJsonBounded(body.toString("utf8"));
    if (!parsed.ok) return known; // the LRS answers 400 and the log shows it
    const ids = (Array.isArray(parsed.value) ? parsed.value : [parsed.value]).map((s) => (s as { id?: unknown })?.id).filter((id): id is string => typeof id === "string");
    const stored = new Set(lms.statements().map((s) => s.id));
    for (const id of ids) if (stored.has(id)) known.add(id);
    return known;
  }

  function info(): PreviewInfo {
    const first = course.packages.values().next().value;
    const cmi5 = course.packages.get("cmi5");
    return {
      title: course.title,
      targets: [...course.packages.keys()],
      masteryScore: (cmi5 ?? first)?.masteryScore ?? null,
      moveOn: cmi5?.moveOn ?? "NotApplicable",
      learnerId: learners.current().id,
      lms: defaultLms,
      profiles: profileSummaries(),
    };
  }

  function launch(body: LaunchRequest | unknown): LaunchAnswer {
    const checked = checkLaunchRequest(body, course.packages);
    // A default the target is not covered by (`--lms moodle`, then a cmi5 launch) falls back to strict.
    const profile = checked.lms ?? (profileCovers(defaultLms, checked.target) ? defaultLms : "strict");
    const pkg = course.packages.get(checked.target)!;
    const learner = checked.learner === "new" ? learners.next() : learners.current();
    currentTarget = checked.target;
    let answer: LaunchAnswer;
    if (checked.target === "cmi5") {
      const facts = checked.cmi5;
      const launched = lms.launch({
        auUrl: `${packageOrigin}/pkg/cmi5/${pkg.launchPath}`,
        activityId: launchActivityId(pkg.activityId),
        publisherId: pkg.activityId,
        actor: learner.actor,
        registration: learner.registration,
        launchMode: facts.launchMode,
        moveOn: facts.moveOn,
        masteryScore: facts.masteryScore === null ? undefined : facts.masteryScore / 100,
        returnURL: facts.returnURL === null ? null : new URL(facts.returnURL, packageOrigin).toString(),
      });
      // The AU talks to its own (package) origin; the LRS behind it is reached through the proxy.
      const frame = new URL(launched.url);
      frame.searchParams.set("endpoint", `${packageOrigin}/xapi/`);
      frame.searchParams.set("fetch", launched.fetchUrl.replace(lms.origin, packageOrigin));
      answer = { sessionId: launched.sessionId, target: "cmi5", learnerId: learner.id, registration: launched.registration, frameUrl: frame.toString() };
      log.add({ level: "info", kind: "launch", target: "cmi5", sessionId: launched.sessionId, summary: `cmi5 launch of ${learner.id} (registration ${launched.registration})`, detail: { facts, activityId: launched.activityId } });
    } else {
      const id = randomUUID();
      const record = scorm.start({ id, target: checked.target, learner: { id: learner.id, name: learner.name }, facts: checked.scorm, profile, newAttempt: checked.newAttempt });
      answer = { sessionId: id, target: checked.target, learnerId: learner.id, registration: null, frameUrl: `${packageOrigin}/host/scorm.html?session=${id}` };
      const entry = record.seedFlat["cmi.core.entry"] ?? record.seedFlat["cmi.entry"] ?? "";
      log.add({
        level: "info",
        kind: "launch",
        target: checked.target,
        sessionId: id,
        summary: `${checked.target} launch of ${learner.id} (${profile}): attempt ${record.attempt}, ${record.mode}, ${record.credit ? "credit" : "no-credit"}, entry "${entry}" — ${record.launchNote}`,
        detail: { lms: profile, newAttempt: checked.newAttempt, facts: checked.scorm, seed: record.seedFlat },
      });
    }
    if (checked.lms === null && profile !== defaultLms) {
      log.add({ level: "info", kind: "note", target: checked.target, sessionId: answer.sessionId, summary: `${coverage(defaultLms)}: this ${checked.target} launch behaves as strict` });
    }
    log.view(view(checked.target));
    return answer;
  }

  function view(target: TargetId): LmsView {
    const learner = learners.current();
    if (target !== "cmi5") return scormView(target, learner.id, scorm.sessions(learner.id, target), scorm.holding(learner.id, target));
    const statements = lms.statements({ registration: learner.registration });
    const sessionIds = [...new Set(statements.map((s) => (s.context?.extensions ?? {})["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]).filter((id): id is string => typeof id === "string"))];
    return cmi5View(learner.id, learner.registration, statements, lms.violations, sessionIds);
  }

  function lmsRecord(target: Exclude<TargetId, "cmi5">, learnerId = learners.current().id): LmsRecord {
    const latest = scorm.latest(learnerId, target);
    const data = latest ? effectiveData(latest) : {};
    return {
      ...scorm.holding(learnerId, target),
      profile: latest?.profile ?? defaultLms,
      target,
      learnerId,
      mode: latest?.mode ?? "",
      credit: latest?.credit ?? false,
      entry: latest ? (latest.seedFlat["cmi.core.entry"] ?? latest.seedFlat["cmi.entry"] ?? "") : "",
      suspendData: data["cmi.suspend_data"] ?? "",
      sessions: scorm.sessions(learnerId, target).length,
    };
  }

  const listen = (http: typeof server, at: number) =>
    new Promise<number>((resolve, reject) => {
      http.once("error", reject);
      http.listen(at, "127.0.0.1", () => resolve((http.address() as AddressInfo).port));
    });
  try {
    packagePort = await listen(packageServer, 0);
    packageOrigin = `http://127.0.0.1:${packagePort}`;
    port = await listen(server, options.port ?? 0);
    origin = `http://127.0.0.1:${port}`;
  } catch (error) {
    if (packageServer.listening) await new Promise((resolve) => packageServer.close(resolve));
    await lms.close();
    throw error;
  }

  return {
    origin,
    port,
    packageOrigin,
    packagePort,
    course,
    lms,
    scorm,
    log,
    learners,
    defaultLms,
    launch,
    view,
    lmsRecord,
    close: async () => {
      log.closeAll();
      for (const http of [server, packageServer]) {
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      }
      await lms.close();
    },
  };
}
