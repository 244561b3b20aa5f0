// A write the app asked for while the driver's write path (write-path.ts, a chunk of its own) was
// not loaded yet: kept in order in the session record (sessionStorage), replayed when it arrives
// (docs/rules/lms.md §5 "The write path loads after the first screen").
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import type { DeliveryStatus } from "../driver";
import type { Cmi5SessionRecord } from "./session-store";

export type HeldWrite = { at: number } & (
  | { kind: "state"; state: string; location: string | null }
  | { kind: "progress"; progress: number }
  | { kind: "interaction"; report: InteractionReport }
  | { kind: "outcome"; outcome: Outcome }
);

/** `held` with `write` last. Only the newest resume state is worth keeping: an older one is dropped. */
export function withHeld(held: readonly HeldWrite[], write: HeldWrite): HeldWrite[] {
  return [...(write.kind === "state" ? held.filter((w) => w.kind !== "state") : held), write];
}

/**
 * The DeliveryStatus while the write path's code is on its way ("sent" only for what the LMS holds):
 * what waits is the held writes and an earlier page's queue; `loadError` (non-empty) when the last
 * load failed and is tried again. A failing score may still owe its Failed: not delivered; held on
 * purpose until the session ends when not final (reporting-policy.ts; the sequence rules that can
 * forbid a Failed here: Normal mode only, one of Passed/Failed per session, none after a Passed).
 */
export function statusWhileLoading(record: Readonly<Cmi5SessionRecord>, loadError: string): DeliveryStatus {
  const held = record.held ?? [];
  const isOutcome = (item: Cmi5SessionRecord["outbox"][number]) => item.kind === "statement" && item.role === "outcome";
  const heldOutcomes = held.flatMap((w) => (w.kind === "outcome" ? [w.outcome] : []));
  const latest = heldOutcomes[heldOutcomes.length - 1] ?? record.latestOutcome;
  const { judgement, registrationRecord } = record;
  const failedOwed =
    latest !== null &&
    (latest.status === "failed" || latest.status === "unableToPass") &&
    latest.score !== null &&
    record.launch?.launchMode === "Normal" &&
    !judgement.failedSent &&
    !judgement.passedSent &&
    !registrationRecord.passedSent;
  const pending = record.outbox.length + held.length;
  return {
    state: loadError !== "" ? "retrying" : pending > 0 ? "sending" : record.initializedAt === null ? "idle" : "delivered",
    pending,
    outcomeDelivered: heldOutcomes.length === 0 && !record.outbox.some(isOutcome) && !record.rejected.some(isOutcome) && !failedOwed,
    ...(failedOwed && !latest.final ? { held: "until-session-end" as const } : {}),
    ...(loadError !== "" ? { detail: `the reporting code did not load (${loadError}); trying again` } : {}),
  };
}

/** The newest resume state held, if any: it is newer than the record's (a reload resumes from it). */
export function heldResumeState(record: Readonly<Cmi5SessionRecord>): string | null {
  const states = (record.held ?? []).filter((w) => w.kind === "state");
  const last = states[states.length - 1];
  return last?.kind === "state" ? last.state : null;
}
