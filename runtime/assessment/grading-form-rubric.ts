// docs/grading-forms.md "Rubric": grade = (total − min) / (max − min) × 100, or total / max × 100 with pointsOnly.

import { filled, gradeOrNull, listOf, record, sumAscending } from "./grading-form-sum";
import type { FormFilling, FormGrade, RubricForm, RubricFormCriterion, RubricFormLevel } from "./grading-form-types";

interface Row {
  id: string;
  lowest: number;
  highest: number;
  /** The picked level's score, or null when nothing (valid) is picked. */
  picked: number | null;
}

function row(criterion: RubricFormCriterion, filling: FormFilling): Row {
  const levels = listOf<RubricFormLevel>(criterion?.levels);
  const scores = levels.map((l) => l?.score).filter((s): s is number => typeof s === "number");
  const choice = filled(filling, criterion?.id);
  // With duplicate level ids (a build error) the first one counts.
  const level = typeof choice === "string" ? levels.find((l) => l?.id === choice) : undefined;
  return {
    id: String(criterion?.id),
    lowest: scores.length ? Math.min(...scores) : NaN,
    highest: scores.length ? Math.max(...scores) : NaN,
    picked: level && typeof level.score === "number" ? level.score : null,
  };
}

/** Grade a rubric filling: criterion id → level id. */
export function gradeRubric(form: RubricForm, filling: FormFilling): FormGrade {
  const rows = listOf<RubricFormCriterion>(form.criteria).map((c) => row(c, filling));
  const criteria = record(
    rows.map((r) => {
      const span = r.highest - r.lowest;
      // A row whose levels all score the same (a build error) cannot place the pick: null.
      const value = r.picked === null || !(span > 0) ? null : gradeOrNull(((r.picked - r.lowest) / span) * 100);
      return [r.id, value];
    }),
  );
  if (rows.length === 0 || rows.some((r) => r.picked === null)) return { grade: null, criteria };

  const total = sumAscending(rows.map((r) => r.picked as number));
  const min = sumAscending(rows.map((r) => r.lowest));
  const max = sumAscending(rows.map((r) => r.highest));
  // max ≤ min (or max ≤ 0 with pointsOnly) cannot be graded: a build error, so null rather than a guess.
  if (!(max > min)) return { grade: null, criteria };
  const grade = form.pointsOnly === true ? (total / max) * 100 : ((total - min) / (max - min)) * 100;
  return { grade: gradeOrNull(grade), criteria };
}
