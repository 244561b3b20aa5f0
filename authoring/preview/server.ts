// `passmark preview`: a local LMS for authors, on 127.0.0.1 only. Serves the unpacked packages under
// /pkg/<target>/ (confined to the package), the launch page, the SCORM host page (scorm-again as the
// LMS) and, for cmi5, the local LMS/LRS of authoring/lrs behind the same origin. Every statement,
// refusal, document write and SCORM call goes to the live log; the LMS data lives in the working
// folder so a relaunch resumes.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { TargetId } from "../../runtime/course/types";
import { startLocalLms, type LocalLms } from "../lrs";
import { PREVIEW_CSP, loadAssets, type AssetTable } from "./assets";
import { cmi5Events } from "./cmi5-log";
import { PreviewLog } from "./event-log";
import { BodyTooLargeError, isLoopbackRequest, parseJson, readBody, sendJson, sendText } from "./http-util";
import { LearnerBook } from "./learners";
import { LaunchRequestError, checkLaunchRequest } from "./launch-request";
import { cmi5View, scormView } from "./lms-view";
import { proxyTo } from "./lrs-proxy";
import { prepareCourse, type PreparedCourse } from "./prepare";
import type { ZipLimits } from "../validate/zip-reader";
import type { LmsHolding } from "./lms-profiles/profile";
import { coverage, profileCovers, profileSummaries } from "./lms-profiles/registry";
import type { HostEvent, LaunchAnswer, LaunchRequest, LmsProfileId, LmsView, PreviewInfo, ScormCommit, ScormMode, ScormSessionConfig } from "./protocol";
import { servePackageFile } from "./package-files";
import { ScormStore, effectiveData } from "./scorm-store";
import { handleScormEvents } from "./scorm-events";

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
  readonly origin: string;
  readonly port: number;
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

/** cmi5 §8.1.5: the LMS makes the activity id it hands the AU (stable, so State documents persist). */
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

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) return sendText(response, 413, error.message);
      if (!response.headersSent) sendText(response, 500, `preview: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackRequest(request, port)) return sendText(response, 403, "passmark preview answers on its loopback address only");
    const url = new URL(request.url ?? "/", origin);
    const path = url.pathname;
    const method = request.method ?? "GET";
    if (path.startsWith("/xapi/") || path.startsWith("/cmi5/fetch/") || path === "/lms/return") {
      const body = await readBody(request);
      const known = knownStatementIds(body);
      proxyTo(lms.origin, request, response, body, (exchange) => {
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
    const asset = assets.get(path);
    if (asset) {
      if (method !== "GET") return sendText(response, 405, "GET only");
      const headers: Record<string, string> = { "Content-Type": asset.contentType, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
      if (asset.contentType.startsWith("text/html")) headers["Content-Security-Policy"] = PREVIEW_CSP;
      return void response.writeHead(200, headers).end(asset.body);
    }
    if (path.startsWith("/api/")) return api(method, url, request, response);
    if (path === "/favicon.ico") return void response.writeHead(204).end();
    sendText(response, 404, "not found");
  }

  async function api(method: string, url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = url.pathname;
    if (method === "GET" && path === "/api/info") return sendJson(response, 200, info());
    if (method === "GET" && path === "/api/events") return log.follow(response, Number(url.searchParams.get("since") ?? "0"));
    if (method === "GET" && path === "/api/log.json") {
      return sendJson(response, 200, log.download(), { "Content-Disposition": 'attachment; filename="passmark-preview-log.json"' });
    }
    if (method === "GET" && path.startsWith("/api/scorm/session/")) {
      const config = scormConfig(decodeURIComponent(path.slice("/api/scorm/session/".length)));
      return config ? sendJson(response, 200, config) : sendJson(response, 404, { message: "no such SCORM session" });
    }
    if (method !== "POST") return sendJson(response, 404, { message: `no ${method} ${path}` });
    let body: unknown;
    try {
      body = parseJson(await readBody(request));
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw error;
      return sendJson(response, 400, { message: "the body is not JSON" });
    }
    if (path === "/api/launch") {
      try {
        return sendJson(response, 200, launch(body));
      } catch (error) {
        if (error instanceof LaunchRequestError) return sendJson(response, 400, { message: error.message });
        throw error;
      }
    }
    if (path === "/api/scorm/commit") {
      const commit = body as ScormCommit;
      const record = scorm.session(String(commit.sessionId));
      if (!record) return sendJson(response, 404, { message: "no such SCORM session" });
      const { kept, notes } = scorm.commit(commit);
      log.add({ level: "info", kind: "scorm-commit", target: record.target, sessionId: record.id, summary: kept ? `commit #${commit.seq} stored by the LMS${commit.terminate ? " (at Finish)" : ""}` : `commit #${commit.seq} ignored: a newer one is already stored`, detail: commit.data });
      for (const note of notes) log.add({ level: "warn", kind: "note", target: record.target, sessionId: record.id, summary: `${record.profile}: ${note}` });
      if (currentTarget === record.target) log.view(view(record.target));
      return sendJson(response, 200, { kept });
    }
    if (path === "/api/scorm/events") {
      const posted = body as { sessionId?: string; events?: HostEvent[] };
      const record = scorm.session(String(posted.sessionId));
      if (!record || !Array.isArray(posted.events)) return sendJson(response, 400, { message: "expected { sessionId, events: [...] } of a known session" });
      handleScormEvents(record, posted.events, log, scorm);
      return sendJson(response, 200, { accepted: posted.events.length });
    }
    sendJson(response, 404, { message: `no POST ${path}` });
  }

  function knownStatementIds(body: Buffer): Set<string> {
    const known = new Set<string>();
    if (body.length === 0) return known;
    try {
      const parsed = parseJson(body);
      const ids = (Array.isArray(parsed) ? parsed : [parsed]).map((s) => (s as { id?: unknown })?.id).filter((id): id is string => typeof id === "string");
      const stored = new Set(lms.statements().map((s) => s.id));
      for (const id of ids) if (stored.has(id)) known.add(id);
    } catch {
      // not JSON: the LRS answers 400 and the log shows it
    }
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
        auUrl: `${origin}/pkg/cmi5/${pkg.launchPath}`,
        activityId: launchActivityId(pkg.activityId),
        publisherId: pkg.activityId,
        actor: learner.actor,
        registration: learner.registration,
        launchMode: facts.launchMode,
        moveOn: facts.moveOn,
        masteryScore: facts.masteryScore === null ? undefined : facts.masteryScore / 100,
        returnURL: facts.returnURL === null ? null : new URL(facts.returnURL, origin).toString(),
      });
      // The AU talks to this origin; the LRS behind it is reached through the proxy.
      const frame = new URL(launched.url);
      frame.searchParams.set("endpoint", `${origin}/xapi/`);
      frame.searchParams.set("fetch", launched.fetchUrl.replace(lms.origin, origin));
      answer = { sessionId: launched.sessionId, target: "cmi5", learnerId: learner.id, registration: launched.registration, frameUrl: frame.pathname + frame.search };
      log.add({ level: "info", kind: "launch", target: "cmi5", sessionId: launched.sessionId, summary: `cmi5 launch of ${learner.id} (registration ${launched.registration})`, detail: { facts, activityId: launched.activityId } });
    } else {
      const id = randomUUID();
      const record = scorm.start({ id, target: checked.target, learner: { id: learner.id, name: learner.name }, facts: checked.scorm, profile, newAttempt: checked.newAttempt });
      answer = { sessionId: id, target: checked.target, learnerId: learner.id, registration: null, frameUrl: `/host/scorm.html?session=${id}` };
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

  function scormConfig(sessionId: string): ScormSessionConfig | null {
    const record = scorm.session(sessionId);
    const pkg = record ? course.packages.get(record.target) : undefined;
    if (!record || !pkg) return null;
    return {
      sessionId,
      target: record.target,
      version: record.target === "scorm12" ? "1.2" : "2004",
      scoUrl: `/pkg/${record.target}/${pkg.launchPath}`,
      seed: record.seed,
      commitFailures: record.facts.commitFailures,
      ...(record.interactionsCount === null ? {} : { interactionsCount: record.interactionsCount }),
    };
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

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  }).catch(async (error: unknown) => {
    await lms.close();
    throw error;
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    get origin() {
      return origin;
    },
    port,
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
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await lms.close();
    },
  };
}
