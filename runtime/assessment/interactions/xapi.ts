// xAPI / cmi5 interaction activity definitions and result.response strings (docs/rules/interactions.md §2).
// Also used for SCORM 2004, whose learner_response / pattern formats share the "[,]" "[.]" "[:]"
// delimiters; see scorm.ts for the differences.

import type { QuestionData } from "../../course/types";
import { ID_PATTERN } from "../question-validate";
import type { XapiInteraction } from "../outcome";
import type { Response } from "../types";
import { gradeForm } from "../grading-forms";
import { isRated } from "../tasks";
import { matchedPairs, numericBounds, optionIds, pickedInAuthoredOrder, plainNumber } from "./format";

type Definition = XapiInteraction["definition"];
type Component = { id: string; description: Record<string, string> };

export const CMI_INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";

/** The interaction type both xAPI and SCORM 2004 use for a question. */
export function interactionType(question: QuestionData): string {
  switch (question.type) {
    case "single-choice":
    case "multiple-response":
      return "choice";
    case "true-false":
      return "true-false";
    case "numeric":
      return "numeric";
    case "text-entry":
      return question.long ? "long-fill-in" : "fill-in";
    case "matching":
      return "matching";
    case "ordering":
      return "sequencing";
    case "survey":
      return "likert";
    case "task":
      return "performance";
  }
}

/** Correct-response patterns in the bracket-delimiter format (xAPI, SCORM 2004). */
export function bracketPatterns(question: QuestionData): string[] {
  switch (question.type) {
    case "single-choice":
      return [question.correct];
    case "multiple-response":
      return [pickedInAuthoredOrder(optionIds(question), question.correct).join("[,]")];
    case "true-false":
      return [String(question.answer)];
    case "numeric": {
      const [min, max] = numericBounds(question.answer);
      return [min === max ? plainNumber(min) : `${plainNumber(min)}[:]${plainNumber(max)}`];
    }
    case "text-entry":
      // Case-insensitive is the default in both standards; whitespace rules cannot be expressed.
      return question.accepted.map((a) => (question.caseSensitive ? `{case_matters=true}${a}` : a));
    case "matching":
      return [question.pairs.map((p) => `${p.id}[.]${p.id}`).join("[,]")];
    case "ordering":
      return [question.items.map((i) => i.id).join("[,]")];
    case "survey":
    case "task":
      return [];
  }
}

/**
 * A rated task as performance steps: "criterion[.]value" per filled criterion, the value on 0..100
 * (docs/grading-forms.md criterion values), in form order; none until the rating is complete and
 * submitted (a half-filled form is never reported).
 */
export function taskSteps(question: QuestionData, response: Response | undefined): [string, string][] {
  if (question.type !== "task" || response?.type !== "task" || response.rating === null || !isRated(question, response)) return [];
  const { criteria } = gradeForm(question.gradingForm, response.rating.filling);
  return question.gradingForm.criteria.flatMap((c) => {
    const value = criteria[c.id];
    return value === null || value === undefined ? [] : [[c.id, plainNumber(value)] as [string, string]];
  });
}

/** The learner's response in the bracket-delimiter format; "" when unanswered. */
export function bracketResponse(question: QuestionData, response: Response | undefined): string {
  if (!response) return "";
  switch (response.type) {
    case "single-choice":
    case "survey":
      return optionIds(question).includes(response.choice) ? response.choice : "";
    case "multiple-response":
      return pickedInAuthoredOrder(optionIds(question), response.choices).join("[,]");
    case "true-false":
      return String(response.value);
    case "numeric":
      return plainNumber(response.value);
    case "text-entry":
      return response.text;
    case "matching":
      return matchedPairs(optionIds(question), response.matches).map(([s, t]) => `${s}[.]${t}`).join("[,]");
    case "ordering":
      return response.order.join("[,]");
    case "task":
      return taskSteps(question, response).map(([id, value]) => `${id}[.]${value}`).join("[,]");
  }
}

/** True when every option id can appear in a bracket-delimited pattern unambiguously. */
export function idsExpressible(question: QuestionData): boolean {
  const criteria = question.type === "task" ? question.gradingForm.criteria.map((c) => c.id) : [];
  return ID_PATTERN.test(question.id) && [...optionIds(question), ...criteria].every((id) => ID_PATTERN.test(id));
}

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

/** The xAPI interaction for one answered question; null when it cannot be expressed validly. */
export function xapiInteraction(question: QuestionData, response: Response | undefined, language: string): XapiInteraction | null {
  if (!idsExpressible(question)) return null;
  const lang = language.trim() || "und";
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
