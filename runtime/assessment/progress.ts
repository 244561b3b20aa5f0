// docs/rules/reporting.md "One outcome model" before any attempt (issue 14 item 1): progress, and the
// outcome while no attempt was started, which a launch reports without judging attempts (the rest of
// the outcome is course-outcome.ts computeOutcome, which starts with this).
import type { CourseData } from "../course/types";
import type { Outcome } from "./outcome";
import type { LearnerState } from "./types";

/** Share 0..1 of required content experienced: pages viewed and media watched to their threshold. */
export function progressOf(state: LearnerState, course: CourseData): number {
  const pages = course.pages.map((p) => p.id);
  const media = course.pages.flatMap((p) => p.media.map((m) => m.id));
  const total = pages.length + media.length;
  if (total === 0) return 1;
  const seen = pages.filter((id) => state.pagesSeen.includes(id)).length + media.filter((id) => state.mediaWatched.includes(id)).length;
  return seen / total;
}

/**
 * The outcome while no attempt has been started (none finished, none in progress), or of a course
 * without an assessment: it follows from progress alone, with no attempt judged (the launch has this
 * part of computeOutcome; the rest is in the session's assessment half, runtime/app/assessment-half.ts).
 * null when an attempt was started: computeOutcome then judges the attempts.
 */
export function outcomeBeforeAttempts(state: LearnerState, course: CourseData): Outcome | null {
  const progress = progressOf(state, course);
  // No attempt can ever change the outcome of a course without an assessment.
  if (!course.assessment) return { progress, completed: progress >= 1, status: "notAttempted", score: null, final: true, hasAssessment: false };
  if (state.attempts.length > 0 || state.current) return null;
  // Nothing judged yet: not completed (that needs a submitted attempt), no score, not final.
  return { progress, completed: false, status: "notAttempted", score: null, final: false, hasAssessment: true };
}
