// Build the InteractionReport of one submitted question: what was asked, the usable response, its
// score and result, timing, and a rated task's data (runtime/assessment/outcome.ts). Standard-neutral:
// each LMS driver formats it for its own standard (docs/rules/interactions.md §1).

import type { QuestionData } from "../../course/types";
import type { InteractionReport, InteractionResult } from "../outcome";
import { responseMatchesType, scoreQuestion } from "../scoring";
import type { Response } from "../types";
import { taskKit } from "../task-kit";

export interface InteractionContext {
  attemptNumber: number;
  /** BCP 47 tag of the question's text (the course's language). */
  language: string;
  latencyMs: number;
  /** Epoch ms. */
  timestamp: number;
}

/** correct = full marks, incorrect = anything less (partial credit included: see `score`), neutral = survey. */
export function interactionResult(score: number | null): InteractionResult {
  if (score === null) return "neutral";
  return score >= 100 ? "correct" : "incorrect";
}

/** The response when it is well formed for the question, else null (reported as unanswered). */
export function usableResponse(question: QuestionData, response: unknown): Response | null {
  return responseMatchesType(question, response) ? response : null;
}

/** One question's report. A malformed response is reported as unanswered (response null). */
export function buildInteractionReport(question: QuestionData, response: unknown, context: InteractionContext): InteractionReport {
  const usable = usableResponse(question, response);
  const score = scoreQuestion(question, usable ?? undefined);
  return {
    questionId: question.id,
    attemptNumber: context.attemptNumber,
    description: question.prompt.text.trim() || question.id,
    result: interactionResult(score),
    score,
    weighting: question.weight,
    latencyMs: Math.max(0, context.latencyMs),
    timestamp: context.timestamp,
    language: context.language,
    question,
    response: usable,
    task: question.type === "task" ? taskKit().taskReport(question, usable ?? undefined) : null,
  };
}
