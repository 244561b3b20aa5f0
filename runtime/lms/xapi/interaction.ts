// xAPI / cmi5 interaction activity definitions and result.response strings (docs/rules/interactions.md §2),
// formatted from the engine's standard-neutral InteractionReport (its question and usable response).

import type { InteractionReport } from "../../assessment/outcome";
import type { QuestionData } from "../../course/types";
import { bracketPatterns, bracketResponse, idsExpressible, interactionType } from "../interaction-format/bracket-syntax";

export const CMI_INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";

export interface XapiInteraction {
  /** xAPI activity definition (type http://adlnet.gov/expapi/activities/cmi.interaction). */
  definition: {
    type: "http://adlnet.gov/expapi/activities/cmi.interaction";
    name: Record<string, string>;
    description: Record<string, string>;
    interactionType: string;
    correctResponsesPattern?: string[];
    choices?: { id: string; description: Record<string, string> }[];
    scale?: { id: string; description: Record<string, string> }[];
    source?: { id: string; description: Record<string, string> }[];
    target?: { id: string; description: Record<string, string> }[];
    steps?: { id: string; description: Record<string, string> }[];
  };
  /** result.response ("" when the question was not answered). */
  response: string;
}

type Definition = XapiInteraction["definition"];
type Component = { id: string; description: Record<string, string> };

function components(question: QuestionData, lang: string): Partial<Definition> {
  const list = (items: { id: string; text: string }[]): Component[] => items.map((i) => ({ id: i.id, description: { [lang]: i.text } }));
  switch (question.type) {
    case "single-choice":
    case "multiple-response":
      return { choices: list(question.choices) };
    case "ordering":
      return { choices: list(question.items) };
    case "survey":
      return { scale: list(question.choices) };
    case "task":
      return { steps: list(question.gradingForm.criteria.map((c) => ({ id: c.id, text: c.description }))) };
    case "matching":
      return {
        source: list(question.pairs.map((p) => ({ id: p.id, text: p.source }))),
        target: list(question.pairs.map((p) => ({ id: p.id, text: p.target }))),
      };
    default:
      return {};
  }
}

/** The xAPI interaction for one submitted question; null when it cannot be expressed validly. */
export function xapiInteraction(report: Pick<InteractionReport, "question" | "response" | "language">): XapiInteraction | null {
  const { question, response } = report;
  if (!idsExpressible(question)) return null;
  const lang = report.language.trim() || "und";
  const text = question.prompt.text.trim() || question.id;
  const patterns = bracketPatterns(question);
  const definition: Definition = {
    type: CMI_INTERACTION,
    name: { [lang]: text },
    description: { [lang]: text },
    interactionType: interactionType(question),
    ...(patterns.length > 0 ? { correctResponsesPattern: patterns } : {}),
    ...components(question, lang),
  };
  return { definition, response: bracketResponse(question, response) };
}
