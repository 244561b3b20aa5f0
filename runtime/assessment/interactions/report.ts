// Build the InteractionReport of one submitted question: every standard's format at once
// (runtime/assessment/outcome.ts, docs/rules/interactions.md §1).

import type { QuestionData } from "../../course/types";
import type { InteractionReport, InteractionResult } from "../outcome";
import { scoreQuestion } from "../scoring";
import { usableResponse } from "./format";
import { scorm12Interaction, scorm2004Interaction } from "./scorm";
import { taskReport } from "./task-report";
import { xapiInteraction } from "./xapi";

export interface InteractionContext {
  attemptNumber: number;
  /** BCP 47 tag for xAPI language maps (the course's language). */
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

/** One question's report. A malformed response is reported as unanswered (response ""). */
export function buildInteractionReport(question: QuestionData, response: unknown, context: InteractionContext): InteractionReport {
  const usable = usableResponse(question, response);
  const score = scoreQuestion(question, usable);
  return {
    questionId: question.id,
    attemptNumber: context.attemptNumber,
    description: question.prompt.text.trim() || question.id,
    result: interactionResult(score),
    score,
    weighting: question.weight,
    latencyMs: Math.max(0, context.latencyMs),
    timestamp: context.timestamp,
    xapi: xapiInteraction(question, usable, context.language),
    scorm2004: scorm2004Interaction(question, usable),
    scorm12: scorm12Interaction(question, usable),
    task: taskReport(question, usable),
  };
}
