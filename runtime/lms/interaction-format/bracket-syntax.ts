// The bracket-delimiter interaction syntax xAPI and SCORM 2004 share (docs/rules/interactions.md §2–§3):
// the interaction type, correct-response patterns and the learner's response with the "[,]" "[.]"
// "[:]" delimiters. lms/xapi/interaction.ts and lms/scorm2004/interaction-format.ts build on it;
// the SCORM 2004 limits are applied there.

import type { QuestionData } from "../../course/types";
import { ID_PATTERN } from "../../assessment/id-pattern";
import { taskKit } from "../../assessment/task-kit";
import type { Response } from "../../assessment/types";
import { matchedPairs, numericBounds, optionIds, pickedInAuthoredOrder, plainNumber } from "./values";

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
export function taskSteps(question: QuestionData, response: Response | null): [string, string][] {
  if (question.type !== "task" || response?.type !== "task" || response.rating === null || !taskKit().isRated(question, response)) return [];
  const { criteria } = taskKit().gradeForm(question.gradingForm, response.rating.filling);
  return question.gradingForm.criteria.flatMap((c) => {
    const value = criteria[c.id];
    return value === null || value === undefined ? [] : [[c.id, plainNumber(value)] as [string, string]];
  });
}

/** The learner's response in the bracket-delimiter format; "" when unanswered. */
export function bracketResponse(question: QuestionData, response: Response | null): string {
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
      return matchedPairs(optionIds(question), response.matches)
        .map(([s, t]) => `${s}[.]${t}`)
        .join("[,]");
    case "ordering":
      return response.order.join("[,]");
    case "task":
      return taskSteps(question, response)
        .map(([id, value]) => `${id}[.]${value}`)
        .join("[,]");
  }
}

/** True when every option id can appear in a bracket-delimited pattern unambiguously. */
export function idsExpressible(question: QuestionData): boolean {
  const criteria = question.type === "task" ? question.gradingForm.criteria.map((c) => c.id) : [];
  return ID_PATTERN.test(question.id) && [...optionIds(question), ...criteria].every((id) => ID_PATTERN.test(id));
}
