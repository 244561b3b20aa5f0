// A response as the engine keeps it: checked against its question and put in canonical form
// (known ids only, authored order, no duplicates), so that scoring, reports and the resume state agree.

import type { QuestionData } from "../course/types";
import { responseMatchesType } from "./scoring";
import { optionIds } from "./option-ids";
import { taskKit } from "./task-kit";

export { optionIds } from "./option-ids";
import type { Response } from "./types";

/** Lone UTF-16 surrogates (possible in pasted text) become U+FFFD, so the text can be stored and sent. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/**
 * The canonical form of a response to `question`, or null when it does not fit the question
 * (wrong type, unknown ids, an ordering that is not a permutation of the items, a non-finite number).
 */
export function canonicalResponse(question: QuestionData, response: unknown): Response | null {
  if (!responseMatchesType(question, response)) return null;
  const ids = optionIds(question);
  const r = response;
  switch (r.type) {
    case "single-choice":
    case "survey":
      return ids.includes(r.choice) ? { type: r.type, choice: r.choice } : null;
    case "multiple-response":
      if (!r.choices.every((id) => ids.includes(id))) return null;
      return { type: r.type, choices: ids.filter((id) => r.choices.includes(id)) };
    case "true-false":
      return { type: r.type, value: r.value };
    case "numeric":
      return { type: r.type, value: r.value === 0 ? 0 : r.value };
    case "text-entry":
      return { type: r.type, text: wellFormed(r.text) };
    case "matching": {
      const entries = Object.entries(r.matches);
      if (!entries.every(([source, target]) => ids.includes(source) && ids.includes(target))) return null;
      const matches: Record<string, string> = {};
      for (const id of ids) if (Object.prototype.hasOwnProperty.call(r.matches, id)) matches[id] = r.matches[id] as string;
      return { type: r.type, matches };
    }
    case "ordering":
      if (r.order.length !== ids.length || !ids.every((id) => r.order.includes(id))) return null;
      return { type: r.type, order: [...r.order] };
    case "task":
      return question.type === "task" ? taskKit().canonicalTaskResponse(question, r) : null;
  }
}
