// reporting.md "One outcome model": progress, completed, status, score, final — from the learner state.

import type { CourseData } from "../course/types";
import { assessmentResult, judgeAttempts } from "./attempts";
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
 * The outcome to report now. `passingScore` is the passing score in force (mastery.ts
 * passingScoreInForce); every finished attempt is judged with it (docs/rules/assessment.md §4).
 */
export function computeOutcome(state: LearnerState, course: CourseData, passingScore: number): Outcome {
  const progress = progressOf(state, course);
  const assessment = course.assessment;
  if (!assessment) {
    // No attempt can ever change the outcome of a course without an assessment.
    return { progress, completed: progress >= 1, status: "notAttempted", score: null, final: true, hasAssessment: false };
  }
  const result = assessmentResult(judgeAttempts(state.attempts, assessment, passingScore), assessment);
  // Completion is about experiencing the material AND submitting the assessment once, never the score.
  const completed = progress >= 1 && state.attempts.length > 0;
  // final: no further attempt can change the outcome (an attempt in progress still can).
  const final = result.final && state.current === null;
  return { progress, completed, status: result.status, score: result.score, final, hasAssessment: true };
}
