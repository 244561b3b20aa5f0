// docs/rules/assessment.md §1 attempt score and §3 the assessment across attempts: result, closing after a pass,
// the attempts limit, review policy and score actions.

import type { AssessmentData, QuestionData, ScoreAction } from "../course/types";
import { attemptsAllowedNumber, rubricInForce, scoreAttempt } from "./rubric";
import { scoreQuestion } from "./scoring";
import type { AssessmentStatus } from "./outcome";
import type { AssessmentResult, AttemptResult, FinishedAttempt, LearnerState } from "./types";

/** §1: (weighted) mean of the gradable question scores, survey excluded; 0 when nothing is gradable. */
export function attemptScore(answers: readonly { question: QuestionData; response: unknown }[]): number {
  let total = 0;
  let weights = 0;
  for (const { question, response } of answers) {
    const score = scoreQuestion(question, response);
    if (score === null) continue;
    const weight = Number.isFinite(question.weight) && question.weight >= 0 ? question.weight : 1;
    total += score * weight;
    weights += weight;
  }
  if (weights <= 0) return 0;
  // Remove binary noise (15 significant digits are all a double holds reliably), not precision: (100+100+100+66.67+33.33)/5 must be exactly 80, not
  // 79.99999999999999, or a learner on the passing mark fails (§2 `sn >= P`).
  return Number((total / weights).toPrecision(15));
}

/**
 * Judge every finished attempt again with the passing score in force now (mastery override or rubric),
 * from the raw attempt scores, which are always kept. The rubric with P replaced is exactly §4.
 */
export function judgeAttempts(attempts: readonly FinishedAttempt[], assessment: AssessmentData, passingScore: number): AttemptResult[] {
  const rubric = rubricInForce(assessment.rubric, passingScore);
  const A = attemptsAllowedNumber(assessment.attempts);
  const raw = attempts.map((a) => a.result.attemptScore);
  return raw.map((_, i) => scoreAttempt(rubric, raw.slice(0, i + 1), A));
}

/** §3: the result across attempts. */
export function assessmentResult(results: readonly AttemptResult[], assessment: AssessmentData): AssessmentResult {
  let score: number | null = null;
  let scoreAttemptNumber: number | null = null;
  results.forEach((r, i) => {
    // Highest non-null; a tie goes to the later attempt.
    if (r.assessmentModdedScore !== null && (score === null || r.assessmentModdedScore >= score)) {
      score = r.assessmentModdedScore;
      scoreAttemptNumber = i + 1;
    }
  });
  const passed = results.some((r) => r.status === "passed");
  const last = results[results.length - 1];
  const status = passed ? "passed" : last === undefined ? "notAttempted" : last.status === "unableToPass" ? "unableToPass" : "failed";
  const A = attemptsAllowedNumber(assessment.attempts);
  const exhausted = results.length >= A;
  const closedByPass = passed && !assessment.allowAttemptsAfterPass;
  const final = status === "unableToPass" || closedByPass || (results.length > 0 && exhausted);
  return { status, score, scoreAttemptNumber, attemptsTaken: results.length, final };
}

/** Why no new attempt can start, or null when one can. */
export type AttemptBlock = "no-assessment" | "in-progress" | "no-attempts-left" | "closed-after-pass";

export function attemptBlock(state: LearnerState, assessment: AssessmentData | null, passingScore: number): AttemptBlock | null {
  if (!assessment) return "no-assessment";
  if (state.current) return "in-progress";
  if (state.attempts.length >= attemptsAllowedNumber(assessment.attempts)) return "no-attempts-left";
  const results = judgeAttempts(state.attempts, assessment, passingScore);
  if (!assessment.allowAttemptsAfterPass && results.some((r) => r.status === "passed")) return "closed-after-pass";
  return null;
}

/** Attempts the learner may still start (the one in progress counts as taken); Infinity when unlimited. */
export function attemptsRemaining(state: LearnerState, assessment: AssessmentData | null): number {
  if (!assessment) return 0;
  const used = state.attempts.length + (state.current ? 1 : 0);
  return Math.max(0, attemptsAllowedNumber(assessment.attempts) - used);
}

/**
 * §3 review policy: may the learner review finished attempts now? `no-attempts-remaining` means no
 * further attempt can be started (limit reached, or closed after a pass).
 */
export function reviewAllowed(state: LearnerState, assessment: AssessmentData | null, passingScore: number): boolean {
  if (!assessment || state.attempts.length === 0 || state.current) return false;
  if (assessment.review === "always") return true;
  if (assessment.review === "never") return false;
  const block = attemptBlock(state, assessment, passingScore);
  return block === "no-attempts-left" || block === "closed-after-pass";
}

export { scoreActionFor, scoreActionMatches } from "./score-actions";
