// docs/rules/assessment.md §2 range strings: a whole number, or "[a,b]", "(a,b]", "[a,b)", "(a,b)" (square =
// inclusive), spaces allowed, bounds numbers or "$last_attempt". Shared by rubric mods
// (attemptCondition) and score actions (`for`).

export type RangeBound = number | "$last_attempt";

export interface Range {
  min: RangeBound;
  minInclusive: boolean;
  max: RangeBound;
  maxInclusive: boolean;
}

export const LAST_ATTEMPT = "$last_attempt";

function parseBound(text: string): RangeBound | null {
  const t = text.trim();
  if (t === LAST_ATTEMPT) return LAST_ATTEMPT;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/** Parse a range; a bare number (or "$last_attempt") is the range of that single value. Null when malformed. */
export function parseRange(condition: number | string): Range | null {
  if (typeof condition === "number") {
    return Number.isFinite(condition) ? { min: condition, minInclusive: true, max: condition, maxInclusive: true } : null;
  }
  if (typeof condition !== "string") return null;
  const text = condition.trim();
  const single = parseBound(text);
  if (single !== null) return { min: single, minInclusive: true, max: single, maxInclusive: true };
  const m = /^([[(])([^,]*),([^,]*)([\])])$/.exec(text);
  if (!m) return null;
  const min = parseBound(m[2] ?? "");
  const max = parseBound(m[3] ?? "");
  if (min === null || max === null) return null;
  return { min, minInclusive: m[1] === "[", max, maxInclusive: m[4] === "]" };
}

/** `$last_attempt` resolves to `lastAttempt` (Infinity with unlimited attempts). */
function resolve(bound: RangeBound, lastAttempt: number): number {
  return bound === LAST_ATTEMPT ? lastAttempt : bound;
}

/** Whether `value` lies in the range; an infinite `$last_attempt` bound contains no finite value exactly. */
export function rangeContains(range: Range, value: number, lastAttempt: number = Infinity): boolean {
  const min = resolve(range.min, lastAttempt);
  const max = resolve(range.max, lastAttempt);
  const aboveMin = range.minInclusive ? value >= min : value > min;
  const belowMax = range.maxInclusive ? value <= max : value < max;
  return aboveMin && belowMax;
}

/** True when no value at all can lie in the range (e.g. "[5,3]", "(2,2]"), given finite bounds. */
export function rangeIsEmpty(range: Range, lastAttempt: number): boolean {
  const min = resolve(range.min, lastAttempt);
  const max = resolve(range.max, lastAttempt);
  if (min > max) return true;
  return min === max && !(range.minInclusive && range.maxInclusive);
}
