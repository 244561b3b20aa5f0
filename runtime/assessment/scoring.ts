// docs/rules/assessment.md §1: each gradable question scores 0..100; unanswered or malformed → 0, never a throw.
// Survey questions are not gradable (null); a task scores its grading form (tasks.ts).

import type { MatchingQuestion, MultipleResponseQuestion, NumericAnswer, OrderingQuestion, QuestionData, TextEntryQuestion } from "../course/types";
import { taskKit } from "./task-kit";
import { isTaskRatingShape } from "./tasks";
import type { Response } from "./types";

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** Whether a response has the shape its question expects (ids are not checked here). */
export function responseMatchesType(question: QuestionData, response: unknown): response is Response {
  if (typeof response !== "object" || response === null) return false;
  const r = response as Record<string, unknown>;
  if (r.type !== question.type) return false;
  switch (question.type) {
    case "single-choice":
    case "survey":
      return typeof r.choice === "string";
    case "multiple-response":
      return isStringArray(r.choices);
    case "true-false":
      return typeof r.value === "boolean";
    case "numeric":
      return typeof r.value === "number" && Number.isFinite(r.value);
    case "text-entry":
      return typeof r.text === "string";
    case "matching":
      return typeof r.matches === "object" && r.matches !== null && !Array.isArray(r.matches) && Object.values(r.matches).every((v) => typeof v === "string");
    case "ordering":
      return isStringArray(r.order);
    case "task":
      return typeof r.text === "string" && (r.rating === null || isTaskRatingShape(r.rating));
  }
}

/** Multiple response with partial credit: (right picks − wrong picks) / number of right options, floored at 0. */
function scoreMultipleResponse(q: MultipleResponseQuestion, chosen: string[]): number {
  const picked = new Set(chosen);
  const correct = new Set(q.correct);
  if (correct.size === 0) return 0;
  let hits = 0;
  let misses = 0;
  for (const id of picked) {
    if (correct.has(id)) hits++;
    else misses++;
  }
  if (hits === correct.size && misses === 0) return 100;
  return q.partialCredit ? Math.max(0, (hits - misses) / correct.size) * 100 : 0;
}

// Absorb binary noise (0.1 + 0.2) without accepting anything a person would call different.
const EPSILON = 1e-9;

export function numericAnswerAccepts(answer: NumericAnswer, value: number): boolean {
  if ("exact" in answer) return Math.abs(value - answer.exact) <= EPSILON * Math.max(1, Math.abs(answer.exact));
  if ("tolerance" in answer) return Math.abs(value - answer.value) <= answer.tolerance + EPSILON * Math.max(1, Math.abs(answer.value));
  return value >= answer.min - EPSILON && value <= answer.max + EPSILON;
}

/** Text as the question compares it: NFC, whitespace rule, case rule. */
export function normalizeText(q: Pick<TextEntryQuestion, "caseSensitive" | "whitespace">, text: string): string {
  let t = text.normalize("NFC");
  if (q.whitespace === "trim") t = t.trim();
  else if (q.whitespace === "collapse") t = t.trim().replace(/\s+/g, " ");
  return q.caseSensitive ? t : t.toLowerCase();
}

function scoreMatching(q: MatchingQuestion, matches: Record<string, string>): number {
  if (q.pairs.length === 0) return 0;
  const right = q.pairs.filter((p) => Object.prototype.hasOwnProperty.call(matches, p.id) && matches[p.id] === p.id).length;
  if (right === q.pairs.length) return 100;
  return q.partialCredit ? (right / q.pairs.length) * 100 : 0;
}

/** Length of the longest run of items already in the right relative order (longest increasing subsequence). */
function inOrderCount(positions: number[]): number {
  const tails: number[] = [];
  for (const p of positions) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < p) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = p;
  }
  return tails.length;
}

/** Ordering with partial credit: share of items that need not move (n − fewest moves) / n. */
function scoreOrdering(q: OrderingQuestion, order: string[]): number {
  const ids = q.items.map((i) => i.id);
  // Malformed unless the response is a permutation of the items.
  if (order.length !== ids.length || new Set(order).size !== order.length) return 0;
  const positions = order.map((id) => ids.indexOf(id));
  if (positions.some((p) => p < 0)) return 0;
  if (positions.every((p, i) => p === i)) return 100;
  return q.partialCredit ? (inOrderCount(positions) / ids.length) * 100 : 0;
}

/** Score one question 0..100 (null for a survey). `response` may be anything: malformed → 0. */
export function scoreQuestion(question: QuestionData, response: unknown): number | null {
  if (question.type === "survey") return null;
  if (question.type === "task") return taskKit().taskScore(question, response);
  if (!responseMatchesType(question, response)) return 0;
  const r = response;
  switch (question.type) {
    case "single-choice":
      return r.type === "single-choice" && r.choice === question.correct ? 100 : 0;
    case "multiple-response":
      return r.type === "multiple-response" ? scoreMultipleResponse(question, r.choices) : 0;
    case "true-false":
      return r.type === "true-false" && r.value === question.answer ? 100 : 0;
    case "numeric":
      return r.type === "numeric" && numericAnswerAccepts(question.answer, r.value) ? 100 : 0;
    case "text-entry": {
      if (r.type !== "text-entry") return 0;
      const given = normalizeText(question, r.text);
      return question.accepted.some((a) => normalizeText(question, a) === given) ? 100 : 0;
    }
    case "matching":
      return r.type === "matching" ? scoreMatching(question, r.matches) : 0;
    case "ordering":
      return r.type === "ordering" ? scoreOrdering(question, r.order) : 0;
  }
}
