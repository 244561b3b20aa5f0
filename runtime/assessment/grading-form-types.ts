// docs/grading-forms.md: the data of a grading form (rubric, marking guide, number of errors), its filling and its grade.

/** One cell of a rubric row: what the rater can pick. `score` ≥ 0. */
export interface RubricFormLevel {
  id: string;
  score: number;
  description: string;
}

/** One rubric row: 2+ levels, exactly one of which the rater picks. */
export interface RubricFormCriterion {
  id: string;
  description: string;
  levels: RubricFormLevel[];
}

/** A rubric (grid). `pointsOnly`: grade = total / max instead of (total − min) / (max − min). */
export interface RubricForm {
  method: "rubric";
  pointsOnly?: boolean;
  criteria: RubricFormCriterion[];
}

/** A marking-guide criterion graded with points 0..maxPoints. `weight`: a whole number ≥ 0, default 1. */
export interface GuidePointsCriterion {
  id: string;
  description: string;
  weight?: number;
  maxPoints: number;
}

/** A marking-guide criterion graded on a scale of 2+ labels, worst first. `weight`: a whole number ≥ 0, default 1. */
export interface GuideScaleCriterion {
  id: string;
  description: string;
  weight?: number;
  scale: string[];
}

export type GuideFormCriterion = GuidePointsCriterion | GuideScaleCriterion;

/** A marking guide (Moodle workshop "accumulative"): a weighted mean of normalised criteria. */
export interface GuideForm {
  method: "guide";
  criteria: GuideFormCriterion[];
}

/** An assertion answered yes (no error) or no (an error). `weight`: a whole number ≥ 0, default 1. */
export interface ErrorsFormCriterion {
  id: string;
  description: string;
  weight?: number;
}

/** From this many (weighted) errors on, the grade is `grade` (until a larger entry applies). */
export interface ErrorsMappingEntry {
  errors: number;
  grade: number;
}

/** Number of errors (Moodle workshop "numerrors"). */
export interface ErrorsForm {
  method: "errors";
  criteria: ErrorsFormCriterion[];
  mapping: ErrorsMappingEntry[];
}

export type GradingForm = RubricForm | GuideForm | ErrorsForm;

/**
 * What the rater entered, by criterion id: a level id (rubric); points or a scale label (guide);
 * true = yes, no error / false = an error (number of errors). A missing id is not filled yet.
 */
export type FormFilling = Readonly<Record<string, string | number | boolean | null | undefined>>;

/**
 * `grade`: 0..100, not rounded; null while the form is not complete (or cannot be graded at all).
 * `criteria`: each criterion's value on 0..100 (docs/grading-forms.md), null when unfilled or invalid.
 */
export interface FormGrade {
  grade: number | null;
  criteria: Record<string, number | null>;
}
