// docs/grading-forms.md: gradeForm — the raw grade (0..100, or null until complete) and per-criterion values of a filled grading form.

import { gradeErrors } from "./grading-form-errors";
import { gradeGuide } from "./grading-form-guide";
import { gradeRubric } from "./grading-form-rubric";
import { weightOf } from "./grading-form-sum";
import type { FormFilling, FormGrade, GradingForm } from "./grading-form-types";

export type {
  ErrorsForm,
  ErrorsFormCriterion,
  ErrorsMappingEntry,
  FormFilling,
  FormGrade,
  GradingForm,
  GuideForm,
  GuideFormCriterion,
  GuidePointsCriterion,
  GuideScaleCriterion,
  RubricForm,
  RubricFormCriterion,
  RubricFormLevel,
} from "./grading-form-types";
export { errorsToGrade } from "./grading-form-errors";
export { validateGradingForm } from "./grading-form-validate";

/**
 * Grade a filled form. Pure and never throws: a form that failed validation gets grade null where
 * its arithmetic is undefined. `grade` is not rounded (display rounds).
 */
export function gradeForm(form: GradingForm, filling: FormFilling): FormGrade {
  const f = form as GradingForm | null | undefined;
  const answers: FormFilling = typeof filling === "object" && filling !== null ? filling : {};
  switch (f?.method) {
    case "rubric":
      return gradeRubric(f, answers);
    case "guide":
      return gradeGuide(f, answers);
    case "errors":
      return gradeErrors(f, answers);
    default:
      return { grade: null, criteria: {} };
  }
}

/**
 * Ids of the criteria that still need a value before the form is complete, in form order: every
 * rubric row; in a guide or errors form each criterion that counts (weight 0 never needs one).
 */
export function missingCriteria(form: GradingForm, filling: FormFilling): string[] {
  const values = gradeForm(form, filling).criteria;
  const criteria: { id: string; weight?: number }[] = form.criteria;
  return criteria.filter((c) => values[c.id] == null && (form.method === "rubric" || weightOf(c) !== 0)).map((c) => c.id);
}
