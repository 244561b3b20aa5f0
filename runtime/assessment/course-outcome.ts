// docs/rules/reporting.md "One outcome model": progress, completed, status, score, final — from the learner
// state; and the assessor of the attempt that gave the status (docs/reporting.md "Rated tasks").

import type { CourseData } from "../course/types";
import { assessmentResult, judgeAttempts } from "./attempts";
import type { Assessor, Outcome } from "./outcome";
import { outcomeBeforeAttempts, progressOf } from "./progress";
import { attemptAssessor } from "./tasks";
import type { AttemptResult, LearnerState } from "./types";

export { outcomeBeforeAttempts, progressOf } from "./progress";

/**
 * The assessor of the attempt that gave the status: the first passing attempt when passed (the
 * Passed statement follows it), else the latest attempt (a Failed is about the last judgement).
 * null when that attempt has no assessor rating, or its responses were dropped to fit the resume state.
 */
export function statusAssessor(state: LearnerState, results: readonly AttemptResult[]): Assessor | null {
  const passing = results.findIndex((r) => r.status === "passed");
  const attempt = state.attempts[passing >= 0 ? passing : state.attempts.length - 1];
  const rater = attempt ? attemptAssessor(attempt.responses) : null;
  return rater ? { name: rater.name, id: rater.id } : null;
}

/**
 * The outcome to report now. `passingScore` is the passing score in force (mastery.ts
 * passingScoreInForce); every finished attempt is judged with it (docs/rules/assessment.md §4).
 */
export function computeOutcome(state: LearnerState, course: CourseData, passingScore: number): Outcome {
  const beforeAttempts = outcomeBeforeAttempts(state, course); // no attempt started, or no assessment
  if (beforeAttempts) return beforeAttempts;
  const assessment = course.assessment!;
  const progress = progressOf(state, course);
  const results = judgeAttempts(state.attempts, assessment, passingScore);
  const result = assessmentResult(results, assessment);
  // Completion is about experiencing the material AND submitting the assessment once, never the score.
  const completed = progress >= 1 && state.attempts.length > 0;
  // final: no further attempt can change the outcome (an attempt in progress still can).
  const final = result.final && state.current === null;
  const assessor = statusAssessor(state, results);
  // Only present when an assessor rated that attempt: outcomes of courses without one are unchanged.
  return { progress, completed, status: result.status, score: result.score, final, hasAssessment: true, ...(assessor ? { assessor } : {}) };
}
