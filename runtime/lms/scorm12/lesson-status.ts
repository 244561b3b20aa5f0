// docs/rules/reporting.md "SCORM 1.2": cmi.core.lesson_status by the course's status mode, and the score that
// goes with it. Once the result is final the score is ALWAYS written: LMS gradebooks (Moodle's)
// take score.raw and nothing else, so a final result without it is a lost grade
// (docs/reporting.md "What each LMS shows"). While attempts remain and the LMS gave a mastery score
// that would judge the score differently from our status (SCORM 1.2 RTE 3.4.2: an LMS may rewrite
// lesson_status from score.raw and mastery_score at LMSFinish), the failing score is held back
// until the result is final, so the LMS cannot close an attempt the learner may still retake.
// What the LMS already holds is never lowered (held-outcome.ts): a held `passed` (or `completed` in
// the completed-* modes) stays, and so does the score held with a pass when ours is lower.
import type { Outcome } from "../../assessment/outcome";
import type { Scorm12StatusMode } from "../../course/types";
import { HeldPassScore, HeldStatus, type StatusRanks } from "../scorm-common/held-outcome";

export type Scorm12LessonStatus = "passed" | "completed" | "failed" | "incomplete";

export interface Scorm12Report {
  lessonStatus: Scorm12LessonStatus;
  /** score.raw on 0..100 (≤ 2 decimals), null = write no score. */
  scoreRaw: number | null;
  /** Why a score was held back, for the log. */
  warning: string | null;
  /** The score is held back on purpose until the result is final (the learner is told so). */
  heldUntilFinal: boolean;
}

function statusFor(outcome: Outcome, mode: Scorm12StatusMode): Scorm12LessonStatus {
  // "Satisfied" = passed (course with an assessment) or completed (course without one).
  const satisfied = outcome.hasAssessment ? outcome.status === "passed" : outcome.completed;
  const judgedFailing = outcome.score !== null && outcome.final && (outcome.status === "failed" || outcome.status === "unableToPass");
  const satisfiedStatus = mode === "passed-incomplete" || mode === "passed-failed" ? "passed" : "completed";
  if (satisfied) return satisfiedStatus;
  if (judgedFailing && (mode === "passed-failed" || mode === "completed-failed")) return "failed";
  return "incomplete";
}

/** What the LMS held at start (and this session wrote since): the floor of every later write. */
export interface Scorm12Held {
  status: HeldStatus;
  score: HeldPassScore;
}

/** `passed` always outranks the rest; `completed` only where it is the satisfied status (completed-* modes). */
function ranks(mode: Scorm12StatusMode): StatusRanks {
  return mode === "completed-incomplete" || mode === "completed-failed" ? { passed: 2, completed: 1 } : { passed: 2 };
}

export function scorm12Held(mode: Scorm12StatusMode, lessonStatus: string, scoreRaw: number | null): Scorm12Held {
  return { status: new HeldStatus("cmi.core.lesson_status", ranks(mode), lessonStatus), score: new HeldPassScore("cmi.core.score.raw", scoreRaw) };
}

export function scorm12Report(
  outcome: Outcome,
  mode: Scorm12StatusMode,
  masteryScore: number | null,
  held: Scorm12Held | null = null,
  log: (message: string) => void = () => {},
): Scorm12Report {
  const wanted = statusFor(outcome, mode);
  const lessonStatus = held ? (held.status.keep(wanted, log) as Scorm12LessonStatus) : wanted;
  const report = (scoreRaw: number | null, warning: string | null = null, heldUntilFinal = false): Scorm12Report => ({
    lessonStatus,
    scoreRaw,
    warning,
    heldUntilFinal,
  });
  if (outcome.score === null) return report(null);
  const scoreRaw = Number(Math.min(100, Math.max(0, outcome.score)).toFixed(2));
  // A kept status is not this session's verdict: the score that goes with ours is not written either.
  if (lessonStatus !== wanted) return report(null, `score ${scoreRaw} not written: it goes with "${wanted}", the LMS keeps "${lessonStatus}"`);
  if (held && !held.score.allows(scoreRaw, lessonStatus === "passed", log)) return report(null);
  // Final: the grade must arrive, whatever the LMS then does with the status.
  if (masteryScore === null || outcome.final) return report(scoreRaw);
  const lmsJudgesPassed = scoreRaw >= masteryScore;
  const agrees = lmsJudgesPassed ? lessonStatus === "passed" || lessonStatus === "completed" : lessonStatus === "failed";
  if (agrees) return report(scoreRaw);
  return report(
    null,
    `score ${scoreRaw} held until the result is final: with LMS mastery score ${masteryScore} the LMS would turn lesson_status "${lessonStatus}" into "${lmsJudgesPassed ? "passed" : "failed"}" and close the attempt`,
    true,
  );
}
