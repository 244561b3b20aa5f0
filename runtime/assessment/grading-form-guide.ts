// docs/grading-forms.md "Marking guide": grade = Σ(normalised × weight × 100) / Σ(weight) over criteria with weight > 0.

import { filled, gradeOrNull, listOf, record, sumAscending, weightOf } from "./grading-form-sum";
import type { FormFilling, FormGrade, GuideForm, GuideFormCriterion } from "./grading-form-types";

/** A criterion's filling normalised to 0..1: points / maxPoints, or scale item k of M → (k − 1) / (M − 1); null when unfilled or invalid. */
export function guideNormalised(criterion: GuideFormCriterion, value: unknown): number | null {
  if ("scale" in criterion && Array.isArray(criterion.scale)) {
    const M = criterion.scale.length;
    // With a repeated label (a build error) its first position counts.
    const k = typeof value === "string" ? criterion.scale.indexOf(value) + 1 : 0;
    return k >= 1 && M >= 2 ? (k - 1) / (M - 1) : null;
  }
  const max = (criterion as { maxPoints?: unknown }).maxPoints;
  if (typeof max !== "number" || !Number.isFinite(max) || max <= 0) return null;
  return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= max ? value / max : null;
}

/** Grade a marking-guide filling: criterion id → points (number) or scale label (string). */
export function gradeGuide(form: GuideForm, filling: FormFilling): FormGrade {
  const rows = listOf<GuideFormCriterion>(form.criteria).map((c) => ({
    id: String(c?.id),
    weight: c ? weightOf(c) : null,
    normalised: c ? guideNormalised(c, filled(filling, c.id)) : null,
  }));
  const criteria = record(rows.map((r) => [r.id, r.normalised === null ? null : r.normalised * 100]));

  // A weight that is not a number ≥ 0 (a build error) leaves the form ungradable.
  if (rows.some((r) => r.weight === null)) return { grade: null, criteria };
  // A criterion with weight 0 is shown but does not count: it need not be filled either.
  const counted = rows.filter((r) => (r.weight as number) > 0);
  if (counted.some((r) => r.normalised === null)) return { grade: null, criteria };
  const weights = sumAscending(counted.map((r) => r.weight as number));
  // Σ weight = 0 is a build error (Moodle would return 0): nothing to grade.
  if (!(weights > 0)) return { grade: null, criteria };
  const points = sumAscending(counted.map((r) => (r.normalised as number) * (r.weight as number) * 100));
  return { grade: gradeOrNull(points / weights), criteria };
}
