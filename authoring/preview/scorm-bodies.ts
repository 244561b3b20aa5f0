// Checks the bodies the SCORM host page posts (a commit, a batch of log events) before anything is
// stored: a checked value, or a message naming what is wrong (answered 400).
import type { HostEvent, LogKind, LogLevel, ScormCommit } from "./protocol";

const LEVELS: readonly LogLevel[] = ["info", "warn", "error"];
const HOST_KINDS: readonly LogKind[] = ["scorm-call", "scorm-commit", "scorm-flag", "note"];
/** The host page sends at most 40 events a batch. */
export const MAX_EVENTS_PER_POST = 1000;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const refuse = (message: string): { ok: false; message: string } => ({ ok: false, message });

export function checkScormCommit(body: unknown): Checked<ScormCommit> {
  if (!isObject(body)) return refuse("a commit is a JSON object { sessionId, seq, terminate, data }");
  const { sessionId, seq, terminate, data, scoWrote } = body;
  if (typeof sessionId !== "string" || sessionId === "") return refuse("sessionId: expected the session's id (a string)");
  if (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 1) return refuse("seq: expected a whole number ≥ 1");
  if (typeof terminate !== "boolean") return refuse("terminate: expected true or false");
  if (!isObject(data)) return refuse("data: expected the data model as a JSON object ({ cmi: {…} })");
  if (scoWrote !== undefined && (!isObject(scoWrote) || Object.values(scoWrote).some((v) => typeof v !== "string"))) {
    return refuse("scoWrote: expected an object of strings");
  }
  return { ok: true, value: { sessionId, seq, terminate, data, ...(scoWrote === undefined ? {} : { scoWrote: scoWrote as Record<string, string> }) } };
}

export function checkScormEvents(body: unknown): Checked<{ sessionId: string; events: HostEvent[] }> {
  if (!isObject(body)) return refuse("expected a JSON object { sessionId, events: [...] }");
  const { sessionId, events } = body;
  if (typeof sessionId !== "string" || sessionId === "") return refuse("sessionId: expected the session's id (a string)");
  if (!Array.isArray(events)) return refuse("events: expected an array");
  if (events.length > MAX_EVENTS_PER_POST) return refuse(`events: at most ${MAX_EVENTS_PER_POST} a request`);
  for (const [index, event] of events.entries()) {
    if (!isObject(event)) return refuse(`events[${index}]: expected an object { level, kind, summary, detail }`);
    if (typeof event.summary !== "string") return refuse(`events[${index}].summary: expected a string`);
    if (!(LEVELS as readonly unknown[]).includes(event.level)) return refuse(`events[${index}].level: expected one of ${LEVELS.join(", ")}`);
    if (!(HOST_KINDS as readonly unknown[]).includes(event.kind)) return refuse(`events[${index}].kind: expected one of ${HOST_KINDS.join(", ")}`);
  }
  return { ok: true, value: { sessionId, events: events as HostEvent[] } };
}
