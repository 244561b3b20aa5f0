// docs/rules/assessment.md §3 score actions: the author's message for an assessment score and status
// (a file of its own, issue 14 item 1: a launch shows one before any attempt; attempts.ts re-exports it).
import type { AssessmentData, ScoreAction } from "../course/types";
import type { AssessmentStatus } from "./outcome";
import { parseRange, rangeContains } from "./range";

/**
 * §3 score actions: the first action, in the author's order, that matches both the assessment score
 * (`for`: a range, or "no-score" for null; absent = any score) and the status (`when`; absent = any).
 * Null when none matches.
 */
export function scoreActionFor(assessment: AssessmentData | null, score: number | null, status: AssessmentStatus): ScoreAction | null {
  return (assessment?.scoreActions ?? []).find((action) => scoreActionMatches(action, score, status)) ?? null;
}

export function scoreActionMatches(action: ScoreAction, score: number | null, status: AssessmentStatus): boolean {
  if (action.when !== undefined && action.when !== status) return false;
  if (action.for === undefined) return true;
  if (action.for === "no-score") return score === null;
  const range = parseRange(action.for);
  return score !== null && range !== null && rangeContains(range, score);
}
