// Events the SCORM host page posts (API calls, refused commits, flags): into the live log, and the
// flags (what a real LMS would refuse) also into the session's record.
import type { PreviewLog } from "./event-log";
import type { HostEvent, LogKind } from "./protocol";
import type { ScormSessionRecord, ScormStore } from "./scorm-store";

const HOST_KINDS: readonly LogKind[] = ["scorm-call", "scorm-commit", "scorm-flag", "note"];

export function handleScormEvents(record: ScormSessionRecord, events: readonly HostEvent[], log: PreviewLog, store: ScormStore): void {
  for (const event of events) {
    if (typeof event !== "object" || event === null || typeof event.summary !== "string") continue;
    const kind = HOST_KINDS.includes(event.kind) ? event.kind : "note";
    const level = event.level === "error" || event.level === "warn" ? event.level : "info";
    log.add({ level, kind, target: record.target, sessionId: record.id, summary: event.summary.slice(0, 2000), detail: event.detail });
    if (kind === "scorm-flag") store.flag(record.id, event.summary);
  }
}
