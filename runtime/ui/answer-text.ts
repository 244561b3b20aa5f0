// Answers as plain text for the review screen: what the learner gave and what was expected.
// Learner input stays text (rendered as a text node, never as HTML).
import type { Response } from "../assessment/index";
import type { QuestionData } from "../course/types";
import type { Translator } from "../i18n/index";

const number = (i18n: Translator, n: number) => i18n.number(n, 10);

function optionText(question: QuestionData, id: string): string {
  if ("choices" in question) return question.choices.find((c) => c.id === id)?.text ?? id;
  if (question.type === "ordering") return question.items.find((i) => i.id === id)?.text ?? id;
  if (question.type === "matching") return question.pairs.find((p) => p.id === id)?.target ?? id;
  return id;
}

function pairsText(question: QuestionData, matches: Record<string, string>): string {
  if (question.type !== "matching") return "";
  return question.pairs.map((p) => `${p.source} → ${matches[p.id] ? optionText(question, matches[p.id]!) : "—"}`).join("; ");
}

/** The learner's response as text, or null when there was none. */
export function responseText(question: QuestionData, response: Response | undefined, i18n: Translator): string | null {
  if (!response) return null;
  switch (response.type) {
    case "single-choice":
    case "survey":
      return optionText(question, response.choice);
    case "multiple-response":
      return response.choices.map((id) => optionText(question, id)).join(", ") || null;
    case "true-false":
      return i18n.t(response.value ? "true" : "false");
    case "numeric":
      return number(i18n, response.value);
    case "text-entry":
      return response.text;
    case "matching":
      return pairsText(question, response.matches);
    case "ordering":
      return response.order.map((id, i) => `${i + 1}. ${optionText(question, id)}`).join("  ");
    case "task":
      // The learner's text only: the filled form is shown by its own view.
      return response.text === "" ? null : response.text;
  }
}

/** The expected answer as text; null for a survey (no correct answer). */
export function correctText(question: QuestionData, i18n: Translator): string | null {
  switch (question.type) {
    case "single-choice":
      return optionText(question, question.correct);
    case "multiple-response":
      return question.correct.map((id) => optionText(question, id)).join(", ");
    case "true-false":
      return i18n.t(question.answer ? "true" : "false");
    case "numeric": {
      const a = question.answer;
      if ("exact" in a) return number(i18n, a.exact);
      if ("tolerance" in a) return `${number(i18n, a.value)} ± ${number(i18n, a.tolerance)}`;
      return `${number(i18n, a.min)} – ${number(i18n, a.max)}`;
    }
    case "text-entry":
      return question.accepted.join(" / ");
    case "matching":
      return pairsText(question, Object.fromEntries(question.pairs.map((p) => [p.id, p.id])));
    case "ordering":
      return question.items.map((item, i) => `${i + 1}. ${item.text}`).join("  ");
    case "survey":
    case "task":
      return null;
  }
}
