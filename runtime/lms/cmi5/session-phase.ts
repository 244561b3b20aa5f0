// The cmi5 session's phases and the transitions the launch needs, pure: launching → launched (the
// launch reads), and the writes held until the write path arrives. The rest of the machine (statements
// under the sequence rules, cmi5 §9.3) is session-machine.ts, in the write path's chunk.
import { registrationRecordOf, type AuStateDocument } from "./au-state";
import { withHeld, type HeldWrite } from "./held-write";
import type { Cmi5LaunchData, LearnerPreferences } from "./launch-data";
import type { Cmi5SessionRecord } from "./session-store";

/**
 * launching: token only, LaunchData not read yet · launched: LaunchData read, no Initialized ·
 * initialized: open, statements may go · terminated: Terminated queued (endedOnUnload: and handed to
 * keepalive) · closed-by-lms: the LMS refuses this session's token for good.
 */
export type SessionPhase = "launching" | "launched" | "initialized" | "terminated" | "closed-by-lms";

export type SessionError =
  | { kind: "phase"; phase: SessionPhase; transition: string }
  /** The cmi5 requirement ids the statement breaks (sequence-rules.ts). */
  | { kind: "sequence"; violations: string[] };

export type Transition = { ok: true; record: Cmi5SessionRecord } | { ok: false; error: SessionError };

export interface LaunchReads {
  launch: Cmi5LaunchData;
  preferences: LearnerPreferences;
  auState: AuStateDocument;
}

export function phaseOf(record: Cmi5SessionRecord): SessionPhase {
  if (record.closedByLms === true) return "closed-by-lms";
  if (record.terminated) return "terminated";
  if (record.launch === null) return "launching";
  return record.initializedAt === null ? "launched" : "initialized";
}

export const ok = (record: Cmi5SessionRecord): Transition => ({ ok: true, record });
export const wrongPhase = (record: Cmi5SessionRecord, transition: string): Transition => ({
  ok: false,
  error: { kind: "phase", phase: phaseOf(record), transition },
});

/** launching → launched: LaunchData, preferences and our State document were read (cmi5 §10, §11). */
export function launched(record: Cmi5SessionRecord, reads: LaunchReads): Transition {
  if (phaseOf(record) !== "launching") return wrongPhase(record, "launched");
  return ok({
    ...record,
    launch: reads.launch,
    preferences: reads.preferences,
    registrationRecord: registrationRecordOf(reads.auState),
    resumeState: reads.auState.resumeState,
    location: reads.auState.location,
    resumed: reads.auState.resumeState !== null,
  });
}

/** A write asked for before the write path's code arrived: kept with the record, in order (held-write.ts). */
export function writeHeld(record: Cmi5SessionRecord, write: HeldWrite): Transition {
  if (phaseOf(record) !== "launched" && phaseOf(record) !== "initialized") return wrongPhase(record, "held");
  return ok({ ...record, held: withHeld(record.held ?? [], write) });
}

/** The write path took the held writes over (it replays them next). */
export function heldTaken(record: Cmi5SessionRecord): Transition {
  return ok(record.held === undefined ? record : { ...record, held: undefined });
}
