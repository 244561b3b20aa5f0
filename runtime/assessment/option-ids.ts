// The option ids of a question in authored order, a file of its own (issue 14 item 1: the LMS drivers'
// interaction formats need it in every launch; responses.ts re-exports it).
import type { QuestionData } from "../course/types";

/** The option ids of a question in authored order (choices, items, pairs); [] for the other types. */
export function optionIds(question: QuestionData): string[] {
  switch (question.type) {
    case "single-choice":
    case "multiple-response":
    case "survey":
      return question.choices.map((c) => c.id);
    case "ordering":
      return question.items.map((i) => i.id);
    case "matching":
      return question.pairs.map((p) => p.id);
    default:
      return [];
  }
}
