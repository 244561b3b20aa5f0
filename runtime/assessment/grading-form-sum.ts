// Arithmetic shared by the grading-form methods: an order-independent sum, a weight, a filled value, a clamp.

import type { FormFilling } from "./grading-form-types";

/**
 * The sum of the terms added smallest first. Sorting makes the result bit-for-bit independent of the
 * order of the criteria, and it stays monotone: raising one term never lowers the (rounded) sum.
 */
export function sumAscending(terms: readonly number[]): number {
  return [...terms].sort((a, b) => a - b).reduce((sum, t) => sum + t, 0);
}

/** A criterion's weight: 1 when absent, null when not a finite number ≥ 0 (the form cannot be graded). */
export function weightOf(criterion: { weight?: unknown }): number | null {
  const w = criterion.weight === undefined ? 1 : criterion.weight;
  return typeof w === "number" && Number.isFinite(w) && w >= 0 ? w : null;
}

/** The value entered for a criterion id (own properties only), or undefined. */
export function filled(filling: FormFilling, id: unknown): unknown {
  return typeof id === "string" && filling !== null && typeof filling === "object" && Object.prototype.hasOwnProperty.call(filling, id)
    ? filling[id]
    : undefined;
}

/** A finite number clamped to 0..100; anything else (NaN from a form that failed validation) → null. */
export function gradeOrNull(n: number): number | null {
  return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : null;
}

/** The criteria as a list, whatever an unvalidated form holds. */
export function listOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** A criteria record whose keys are all own data properties (an id "__proto__" included). */
export function record(entries: [string, number | null][]): Record<string, number | null> {
  return Object.fromEntries(entries);
}
