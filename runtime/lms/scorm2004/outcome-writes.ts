// docs/rules/reporting.md "SCORM 2004": completion and success are separate; the score goes on 0..1 (scaled)
// and 0..100 (raw). completion_status is `completed` only when the content is done AND the
// assessment is passed or final (or there is none), and success_status `failed` only when the
// failure is final: LMSs such as Moodle treat a completed attempt as over (review mode, no retry),
// so a failed attempt with attempts left reports `incomplete` / `unknown` (docs/reporting.md
// "What each LMS shows"). When the LMS gave cmi.scaled_passing_score it judges success itself from
// score.scaled (SCORM 2004 RTE 4.2.22): the score is written only when that judgement agrees with
// ours, so a failing score waits until it is final; a final score is always written.
// What the LMS already holds is never lowered (held-outcome.ts): success_status `passed` stays, so
// does completion_status `completed`, and so does the score held with a pass when ours is lower.
import type { Outcome } from "../../assessment/outcome";
import { isDone, type DataModelWrite } from "../scorm-common/data-model";
import { HeldPassScore, HeldStatus } from "../scorm-common/held-outcome";
import { scormDecimal } from "../scorm-common/time-format";

export type SuccessStatus = "passed" | "failed" | "unknown";

export function successStatusFor(outcome: Outcome): SuccessStatus {
  if (outcome.score === null) return "unknown";
  if (outcome.status === "passed") return "passed";
  // A failure is reported only once it is final: while attempts remain it is not the verdict yet.
  if ((outcome.status === "failed" || outcome.status === "unableToPass") && outcome.final) return "failed";
  return "unknown";
}

/** completed = content done AND (passed, final, or no assessment): an LMS may end the attempt on it. */
export function completionStatusFor(outcome: Outcome): "completed" | "incomplete" {
  const settled = !outcome.hasAssessment || outcome.status === "passed" || outcome.final;
  return outcome.completed && settled ? "completed" : "incomplete";
}

/** What the LMS held at start (and this session wrote since): the floor of every later write. */
export interface Scorm2004Held {
  success: HeldStatus;
  completion: HeldStatus;
  score: HeldPassScore;
  /**
   * progress_measure not below the held one while the LMS holds `completed`: with a
   * completion_threshold the LMS judges completion from it (docs/rules/lms.md §3).
   */
  progress(progress: number): number;
}

export function scorm2004Held(success: string, completion: string, scoreRaw: number | null, progressMeasure: number | null): Scorm2004Held {
  const floor = completion === "completed" ? (progressMeasure ?? 1) : 0;
  return {
    success: new HeldStatus("cmi.success_status", { passed: 1 }, success),
    completion: new HeldStatus("cmi.completion_status", { completed: 1 }, completion),
    score: new HeldPassScore("cmi.score.raw", scoreRaw),
    progress: (progress) => (Number.isFinite(progress) ? Math.max(progress, floor) : floor),
  };
}

function scoreAllowed(raw: number, wanted: SuccessStatus, success: string, held: Scorm2004Held | null, log: (message: string) => void): boolean {
  if (success !== wanted) {
    // A kept status is not this session's verdict: the score that goes with ours is not written either.
    log(`score ${raw} not written: it goes with success_status "${wanted}", the LMS keeps "${success}"`);
    return false;
  }
  return held === null || held.score.allows(raw, success === "passed", log);
}

/** The score writes, or why they wait: null when the LMS would judge the score differently. */
function scoreWrites(raw: number, success: string, masteryScore: number | null, final: boolean, log: (message: string) => void): DataModelWrite[] | null {
  const lmsVerdict = masteryScore === null ? null : raw >= masteryScore ? "passed" : "failed";
  if (!final && lmsVerdict !== null && lmsVerdict !== success) {
    log(
      `score ${raw} held until the result is final: with cmi.scaled_passing_score ${masteryScore! / 100} the LMS would judge "${lmsVerdict}", not "${success}"`,
    );
    return null;
  }
  // Score before status (docs/rules/lms.md §3).
  return [
    { element: "cmi.score.scaled", value: scormDecimal(raw / 100, 4), kind: "outcome" },
    { element: "cmi.score.raw", value: scormDecimal(raw), kind: "outcome" },
    { element: "cmi.score.min", value: "0", kind: "detail" },
    { element: "cmi.score.max", value: "100", kind: "detail" },
  ];
}

export interface Scorm2004OutcomeWrites {
  writes: DataModelWrite[];
  /** The score waits, on purpose, until the result is final (the learner is told so). */
  heldUntilFinal: boolean;
}

export function scorm2004OutcomeWrites(
  outcome: Outcome,
  masteryScore: number | null,
  log: (message: string) => void,
  held: Scorm2004Held | null = null,
): Scorm2004OutcomeWrites {
  const writes: DataModelWrite[] = [];
  let heldUntilFinal = false;
  const wanted = successStatusFor(outcome);
  const success = held ? held.success.keep(wanted, log) : wanted;
  const completedWanted = completionStatusFor(outcome);
  const completion = held ? held.completion.keep(completedWanted, log) : completedWanted;
  if (outcome.score !== null) {
    const raw = Number(Math.min(100, Math.max(0, outcome.score)).toFixed(2));
    if (scoreAllowed(raw, wanted, success, held, log)) {
      const scores = scoreWrites(raw, success, masteryScore, outcome.final, log);
      if (scores) writes.push(...scores);
      else heldUntilFinal = true;
    }
  }
  writes.push({ element: "cmi.success_status", value: success, kind: "outcome" });
  writes.push({ element: "cmi.completion_status", value: completion, kind: "outcome" });
  writes.push(progressWrite(held ? held.progress(outcome.progress) : outcome.progress));
  // `suspend` unless completed and final, then `normal` (an empty exit can wipe suspend_data).
  writes.push({ element: "cmi.exit", value: isDone(outcome) ? "normal" : "suspend", kind: "session" });
  return { writes, heldUntilFinal };
}

export function progressWrite(progress: number): DataModelWrite {
  const clamped = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
  return { element: "cmi.progress_measure", value: scormDecimal(clamped, 4), kind: "session" };
}
