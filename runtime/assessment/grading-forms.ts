// docs/grading-forms.md: gradeForm — the raw grade (0..100, or null until complete) and per-criterion values of a filled grading form.

import { gradeErrors } from "./grading-form-errors";
import { gradeGuide } from "./grading-form-guide";
import { gradeRubric } from "./grading-form-rubric";
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
