// Small value helpers shared by the per-standard interaction formatters (docs/rules/interactions.md §1):
// numbers as the standards write them, numeric answers as bounds, picked options in authored order.

import type { NumericAnswer } from "../../course/types";

/**
 * A number as the standards write it: plain decimal (never "1e-7"), at most 7 decimals
 * (SCORM 2004 real(10,7)), binary noise such as 4.3999999999999995 rounded away.
 */
export function plainNumber(n: number): string {
  // toFixed switches to exponent notation from 1e21 on; such numbers are whole anyway.
  if (Math.abs(n) >= 1e21) return BigInt(n).toString();
  const fixed = n.toFixed(7);
  const trimmed = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  return trimmed === "-0" ? "0" : trimmed;
}

/** The numeric answer as [min, max] (equal for an exact answer). */
export function numericBounds(answer: NumericAnswer): [number, number] {
  if ("exact" in answer) return [answer.exact, answer.exact];
  if ("tolerance" in answer) return [answer.value - answer.tolerance, answer.value + answer.tolerance];
  return [answer.min, answer.max];
}

/** Known option ids the learner picked, in authored order, without duplicates. */
export function pickedInAuthoredOrder(authoredIds: string[], picked: string[]): string[] {
  const set = new Set(picked);
  return authoredIds.filter((id) => set.has(id));
}

/** For matching: [sourcePairId, targetPairId] for every source the learner matched to a known target, in authored order. */
export function matchedPairs(pairIds: string[], matches: Record<string, string>): [string, string][] {
  const out: [string, string][] = [];
  for (const id of pairIds) {
    if (!Object.prototype.hasOwnProperty.call(matches, id)) continue;
    const target = matches[id] as string;
    if (pairIds.includes(target)) out.push([id, target]);
  }
  return out;
}

export { optionIds } from "../../assessment/option-ids";
