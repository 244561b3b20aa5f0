// The three calls of the SCORM host page, answered on the package origin next to it: the session's
// config, commits (stored before the SCO gets its answer) and log events. Same origin as the page
// that sends them, so commits on page close (sync XHR, fetch keepalive) need no CORS preflight; the
// SCO could reach the same data through window.API anyway. Bodies are checked (400 naming the field).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TargetId } from "../../runtime/course/types";
import { parseJsonBounded, readBoundedBody } from "../http/body";
import type { PreviewLog } from "./event-log";
import { sendJson } from "../http/respond";
import { MAX_API_BODY_BYTES } from "./body-limits";
import type { PackageInfo } from "./package-info";
import type { ScormSessionConfig } from "./protocol";
import { checkScormCommit, checkScormEvents } from "./scorm-bodies";
import { handleScormEvents } from "./scorm-events";
import type { ScormStore } from "./scorm-store";

export interface ScormHostContext {
  scorm: ScormStore;
  log: PreviewLog;
  packages: ReadonlyMap<TargetId, PackageInfo>;
  /** Origins of the launch page that frames the host page (it posts "refuse commits" messages). */
  launchPageOrigins: readonly string[];
  /** A commit changed what the LMS holds for `target`: refresh the launch page's view. */
  changed(target: TargetId): void;
}

const SESSION_PATH = "/api/scorm/session/";

/** Answers a /api/scorm/* request; false when the path is not one of the three. */
export async function scormHostApi(
  context: ScormHostContext,
  method: string,
  path: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  const answer = (status: number, body: unknown): true => {
    sendJson(response, status, body);
    return true;
  };
  if (method === "GET" && path.startsWith(SESSION_PATH)) {
    let sessionId: string;
    try {
      sessionId = decodeURIComponent(path.slice(SESSION_PATH.length));
    } catch {
      return answer(400, { message: "the session id in the path is not valid percent-encoding" });
    }
    const config = scormConfig(context, sessionId);
    return config ? answer(200, config) : answer(404, { message: "no such SCORM session" });
  }
  if (method !== "POST" || (path !== "/api/scorm/commit" && path !== "/api/scorm/events")) return false;
  const read = await readBoundedBody(request, MAX_API_BODY_BYTES);
  if (!read.ok) return answer(read.status, { message: read.message });
  const parsed = parseJsonBounded(read.body.toString("utf8"));
  if (!parsed.ok) return answer(400, { message: parsed.message });
  if (path === "/api/scorm/commit") {
    const checked = checkScormCommit(parsed.value);
    if (!checked.ok) return answer(400, { message: checked.message });
    const commit = checked.value;
    const record = context.scorm.session(commit.sessionId);
    if (!record) return answer(404, { message: "no such SCORM session" });
    const { kept, notes } = context.scorm.commit(commit);
    context.log.add({
      level: "info",
      kind: "scorm-commit",
      target: record.target,
      sessionId: record.id,
      summary: kept
        ? `commit #${commit.seq} stored by the LMS${commit.terminate ? " (at Finish)" : ""}`
        : `commit #${commit.seq} ignored: a newer one is already stored`,
      detail: commit.data,
    });
    for (const note of notes)
      context.log.add({ level: "warn", kind: "note", target: record.target, sessionId: record.id, summary: `${record.profile}: ${note}` });
    context.changed(record.target);
    return answer(200, { kept });
  }
  const checked = checkScormEvents(parsed.value);
  const record = checked.ok ? context.scorm.session(checked.value.sessionId) : undefined;
  if (!checked.ok || !record) return answer(400, { message: checked.ok ? "expected { sessionId, events: [...] } of a known session" : checked.message });
  handleScormEvents(record, checked.value.events, context.log, context.scorm);
  return answer(200, { accepted: checked.value.events.length });
}

function scormConfig(context: ScormHostContext, sessionId: string): ScormSessionConfig | null {
  const record = context.scorm.session(sessionId);
  const pkg = record ? context.packages.get(record.target) : undefined;
  if (!record || !pkg) return null;
  return {
    sessionId,
    target: record.target,
    version: record.target === "scorm12" ? "1.2" : "2004",
    scoUrl: `/pkg/${record.target}/${record.launchPath ?? pkg.launchPath}`,
    seed: record.seed,
    commitFailures: record.facts.commitFailures,
    launchPageOrigins: [...context.launchPageOrigins],
    ...(record.interactionsCount === null ? {} : { interactionsCount: record.interactionsCount }),
  };
}
