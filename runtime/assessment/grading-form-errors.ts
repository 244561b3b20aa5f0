// docs/grading-forms.md "Number of errors": weighted "no" answers, then the mapping table (last entry at or below the count).

import { filled, gradeOrNull, listOf, record, sumAscending, weightOf } from "./grading-form-sum";
import type { ErrorsForm, ErrorsFormCriterion, ErrorsMappingEntry, FormFilling, FormGrade } from "./grading-form-types";

/**
 * The grade for a number of errors: 100 for 0 errors; otherwise the grade of the table entry with the
 * largest `errors` at or below the count (a gap keeps the entry before it; past the table the last
 * one holds; below the first entry it stays 100). Clamped to 0..100. Entries that are not whole
 * numbers ≥ 1 never apply; of two entries for the same count the first wins (both are build errors).
 */
export function errorsToGrade(mapping: readonly ErrorsMappingEntry[], errors: number): number {
  let best: ErrorsMappingEntry | null = null;
  for (const entry of mapping) {
    const n = entry?.errors;
    if (!Number.isInteger(n) || n < 1 || n > errors) continue;
    if (best === null || n > best.errors) best = entry;
  }
  return best === null ? 100 : Math.min(100, Math.max(0, best.grade));
}

/** Grade a number-of-errors filling: criterion id → true (yes, no error) / false (an error). */
export function gradeErrors(form: ErrorsForm, filling: FormFilling): FormGrade {
  const rows = listOf<ErrorsFormCriterion>(form.criteria).map((c) => {
    const value = c ? filled(filling, c.id) : undefined;
    return { id: String(c?.id), weight: c ? weightOf(c) : null, answer: typeof value === "boolean" ? value : null };
  });
  const criteria = record(rows.map((r) => [r.id, r.answer === null ? null : r.answer ? 100 : 0]));

  if (rows.some((r) => r.weight === null)) return { grade: null, criteria };
  // An assertion with weight 0 adds no error either way: it does not count, so it need not be answered.
  const counted = rows.filter((r) => (r.weight as number) > 0);
  if (counted.some((r) => r.answer === null)) return { grade: null, criteria };
  const errors = sumAscending(counted.filter((r) => r.answer === false).map((r) => r.weight as number));
  return { grade: gradeOrNull(errorsToGrade(listOf<ErrorsMappingEntry>(form.mapping), errors)), criteria };
}
