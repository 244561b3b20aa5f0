// docs/rules/assessment.md §3 question banks: choose N from a pool, order sequential / random / random-unseen,
// choice shuffling; the draw is made once per attempt from a seed and stored with it.

import type { AssessmentData, BankData, QuestionData } from "../course/types";
import { mulberry32, shuffled, type Random } from "./prng";
import type { AttemptDraw, DrawnQuestion } from "./types";

/** How often each question id appeared in earlier attempts' draws (random-unseen, sequential). */
export type SeenCounts = ReadonlyMap<string, number>;

export function seenCounts(draws: readonly (AttemptDraw | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const draw of draws) for (const q of draw?.questions ?? []) counts.set(q.questionId, (counts.get(q.questionId) ?? 0) + 1);
  return counts;
}

/** Shuffle, but never hand back the authored order when it is the answer (ordering items, matching targets). */
function shuffledAwayFromAnswer(ids: string[], random: Random): string[] {
  const out = shuffled(ids, random);
  if (out.length > 1 && out.every((id, i) => id === ids[i])) out.push(out.shift() as string);
  return out;
}

function presentedOrder(q: QuestionData, shuffleChoices: boolean, random: Random): string[] | null {
  switch (q.type) {
    case "single-choice":
    case "multiple-response":
      return shuffleChoices
        ? shuffled(
            q.choices.map((c) => c.id),
            random,
          )
        : null;
    case "ordering":
      return shuffledAwayFromAnswer(
        q.items.map((i) => i.id),
        random,
      );
    case "matching":
      return shuffledAwayFromAnswer(
        q.pairs.map((p) => p.id),
        random,
      );
    default:
      return null;
  }
}

/**
 * Choose the bank's questions. sequential: the least-seen questions, ties by authored position, shown
 * in authored order (so attempt 2 continues where attempt 1 stopped, as in Obojobo); random: any N in
 * random order; random-unseen: the least-seen questions first (ties broken at random), random order.
 */
function chooseFromBank(bank: BankData, seen: SeenCounts, random: Random): QuestionData[] {
  const n = Math.max(0, Math.min(bank.choose, bank.questions.length));
  const count = (q: QuestionData): number => seen.get(q.id) ?? 0;
  if (bank.order === "sequential") {
    const picked = bank.questions
      .map((q, index) => ({ q, index }))
      .sort((a, b) => count(a.q) - count(b.q) || a.index - b.index)
      .slice(0, n);
    return picked.sort((a, b) => a.index - b.index).map((p) => p.q);
  }
  const pool = shuffled(bank.questions, random);
  if (bank.order === "random") return pool.slice(0, n);
  // Stable sort keeps the random order among equally-seen questions.
  return shuffled(pool.sort((a, b) => count(a) - count(b)).slice(0, n), random);
}

/**
 * Make the draw of one attempt: deterministic in (assessment, seed, seen counts). The resume-state
 * codec stores a draw this reproduces as its seed alone, so any change to this algorithm must bump
 * STATE_CODEC_VERSION (a pinned-output test guards it).
 */
export function drawAttempt(assessment: AssessmentData, seed: number, seen: SeenCounts = new Map()): AttemptDraw {
  const random = mulberry32(seed);
  const questions: DrawnQuestion[] = [];
  for (const item of assessment.items) {
    const chosen = item.kind === "bank" ? chooseFromBank(item, seen, random) : [item];
    for (const q of chosen) questions.push({ questionId: q.id, presentedOrder: presentedOrder(q, assessment.shuffleChoices, random) });
  }
  return { questions };
}

export { questionIndex } from "./question-index";
