// Responses a simulated learner gives: the correct one for a question, or a plausible wrong one.
import type { Response } from "../../runtime/assessment";
import type { QuestionData } from "../../runtime/course/types";

export function correctResponse(q: QuestionData): Response {
  switch (q.type) {
    case "single-choice":
      return { type: q.type, choice: q.correct };
    case "multiple-response":
      return { type: q.type, choices: [...q.correct] };
    case "true-false":
      return { type: q.type, value: q.answer };
    case "numeric": {
      const a = q.answer;
      return { type: q.type, value: "exact" in a ? a.exact : "value" in a ? a.value : a.min };
    }
    case "text-entry":
      return { type: q.type, text: q.accepted[0] ?? "" };
    case "matching":
      return { type: q.type, matches: Object.fromEntries(q.pairs.map((p) => [p.id, p.id])) };
    case "ordering":
      return { type: q.type, order: q.items.map((i) => i.id) };
    case "survey":
      return { type: q.type, choice: q.choices[0]?.id ?? "" };
    case "task":
      // The rating is the rater's, never the learner's answer: the bench courses have no tasks to rate.
      return { type: q.type, text: "Done as instructed.", rating: null };
  }
}

/** A wrong (or partly wrong) response of the right shape: what a struggling learner types. */
export function wrongResponse(q: QuestionData): Response {
  switch (q.type) {
    case "single-choice":
      return { type: q.type, choice: q.choices.find((c) => c.id !== q.correct)?.id ?? q.correct };
    case "multiple-response":
      return { type: q.type, choices: q.choices.filter((c) => !q.correct.includes(c.id)).map((c) => c.id) };
    case "true-false":
      return { type: q.type, value: !q.answer };
    case "numeric":
      return { type: q.type, value: 1234.5 };
    case "text-entry":
      return { type: q.type, text: "the notebook on the shelf" };
    case "matching": {
      const ids = q.pairs.map((p) => p.id);
      return { type: q.type, matches: Object.fromEntries(ids.map((id, i) => [id, ids[(i + 1) % ids.length]!])) };
    }
    case "ordering":
      return { type: q.type, order: q.items.map((i) => i.id).reverse() };
    case "survey":
      return { type: q.type, choice: q.choices[q.choices.length - 1]?.id ?? "" };
    case "task":
      return { type: q.type, text: "", rating: null };
  }
}
