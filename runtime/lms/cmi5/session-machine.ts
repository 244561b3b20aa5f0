// The cmi5 session as a state machine, pure: launching → launched → initialized → terminated, or
// closed by the LMS. Each transition takes the session record and returns the next one or an error
// value; a statement is only let into the outbox when the sequence rules allow it (cmi5 §9.3).
// `Cmi5OpenSession` (open-session.ts) is the one writer that applies these and saves the record. The
// phases and the launch's transitions are in session-phase.ts (the launch needs only those).
import type { Outcome } from "../../assessment/outcome";
import type { Cmi5LaunchData } from "./launch-data";
import type { OutboxItem } from "./outbox-item";
import { checkSequence, mayFollow, sequenceStatementOf, type SequenceSoFar } from "./sequence-rules";
import { ok, phaseOf, wrongPhase, type Transition } from "./session-phase";
import type { Cmi5SessionRecord } from "./session-store";
import type { Cmi5Statement } from "./statements";
import { EXT_PROGRESS, VERB } from "./statement-vocabulary";

export { heldTaken, launched, phaseOf, writeHeld, type LaunchReads, type SessionError, type SessionPhase, type Transition } from "./session-phase";

/**
 * What this session and its registration already hold, as the sequence rules see it. The AU sends
 * in timestamp order, so its first statement is its Initialized and its latest is `lastTimestamp`;
 * a Completed or Passed of the registration (our State document) counts as "before anything now".
 */
export function sequenceSoFar(record: Cmi5SessionRecord, launch: Cmi5LaunchData): SequenceSoFar {
  const started = record.initializedAt !== null;
  const defined: string[] = [];
  if (started) defined.push(VERB.initialized);
  if (record.judgement.passedSent) defined.push(VERB.passed);
  if (record.judgement.failedSent) defined.push(VERB.failed);
  if (record.terminated) defined.push(VERB.terminated);
  return {
    launchMode: launch.launchMode,
    masteryScore: launch.masteryScore,
    initializedAt: record.initializedAt,
    terminatedAt: record.terminated ? record.lastTimestamp : null,
    firstAt: record.initializedAt,
    lastAt: started ? record.lastTimestamp : null,
    definedVerbs: defined,
    completedAt: record.registrationRecord.completedSent ? 0 : null,
    passedAt: record.registrationRecord.passedSent ? 0 : null,
  };
}

/** May a statement with `verb` go out next (the sequence rules; false before LaunchData was read)? */
export function mayGo(record: Cmi5SessionRecord, verb: string): boolean {
  return record.launch !== null && mayFollow(verb, sequenceSoFar(record, record.launch));
}

/**
 * A statement enters the outbox: refused (error value, record unchanged) when it breaks a sequence
 * rule, so it never leaves the page; else the record notes it (session start, what was sent).
 */
export function statementQueued(record: Cmi5SessionRecord, statement: Cmi5Statement): Transition {
  const phase = phaseOf(record);
  if (record.launch === null || phase === "closed-by-lms") return wrongPhase(record, "statement");
  const facts = sequenceStatementOf(statement);
  const violations = checkSequence(facts, sequenceSoFar(record, record.launch));
  if (violations.length > 0) return { ok: false, error: { kind: "sequence", violations } };
  const at = facts.at;
  const next: Cmi5SessionRecord = { ...record, lastTimestamp: Math.max(record.lastTimestamp, at) };
  switch (facts.verb) {
    case VERB.initialized:
      return ok({ ...next, initializedAt: at });
    case VERB.completed:
      return ok({ ...next, registrationRecord: { ...record.registrationRecord, completedSent: true } });
    case VERB.passed:
      return ok({ ...next, registrationRecord: { ...record.registrationRecord, passedSent: true }, judgement: { ...record.judgement, passedSent: true } });
    case VERB.failed:
      return ok({ ...next, judgement: { ...record.judgement, failedSent: true } });
    case VERB.terminated:
      return ok({ ...next, terminated: true });
    case VERB.progressed: {
      const percent = statement.result?.extensions?.[EXT_PROGRESS];
      return ok({ ...next, lastProgressPercent: typeof percent === "number" ? percent : record.lastProgressPercent });
    }
    default:
      return ok(next);
  }
}

/** The engine's resume state, kept for a reload of this page (and for the next State document). */
export function stateKept(record: Cmi5SessionRecord, resumeState: string, location: string | null): Transition {
  if (phaseOf(record) !== "initialized") return wrongPhase(record, "state");
  return ok({ ...record, resumeState, location });
}

/** The latest outcome: a failing one may still owe a Failed at the session end. */
export function outcomeNoted(record: Cmi5SessionRecord, outcome: Outcome): Transition {
  if (phaseOf(record) !== "initialized") return wrongPhase(record, "outcome");
  return ok({ ...record, latestOutcome: outcome });
}

/** At unload, after Terminated: whether the whole queue went to keepalive (then a reload sends nothing). */
export function unloaded(record: Cmi5SessionRecord, allHandedToKeepalive: boolean): Transition {
  if (phaseOf(record) !== "terminated") return wrongPhase(record, "unloaded");
  return ok({ ...record, endedOnUnload: allHandedToKeepalive });
}

/** The LMS ended the session (403 on writes and on LMS.LaunchData): final, whatever the phase. */
export function closedByLms(record: Cmi5SessionRecord): Transition {
  return ok(record.closedByLms === true ? record : { ...record, closedByLms: true });
}

/** The outbox's queue and what the LMS refused, kept with the record (one write with the flags above). */
export function outboxChanged(record: Cmi5SessionRecord, items: readonly OutboxItem[], rejected: readonly OutboxItem[]): Transition {
  return ok({ ...record, outbox: [...items], rejected: [...rejected] });
}
