// What the engine tells a driver (docs/reporting.md): one outcome model and one interaction report,
// standard-neutral pure data. Each LMS driver translates it for its own standard; the UI shows it.

import type { QuestionData } from "../course/types";
import type { GradingForm } from "./grading-form-types";
import type { Rater, Response } from "./types";

/** An assessor as a rated attempt names them (docs/grading-forms.md): the drivers' "instructor". */
export interface Assessor {
  name: string;
  /** What the assessor typed to identify themselves: an email, an employee number… (never verified). */
  id: string;
}

export type AssessmentStatus = "notAttempted" | "failed" | "unableToPass" | "passed";

export interface Outcome {
  /** Share of required content experienced, 0..1 (pages viewed, media watched to threshold). */
  progress: number;
  /** All required content experienced AND the assessment (if any) submitted at least once. */
  completed: boolean;
  /** docs/rules/assessment.md §3 overall status. A course without an assessment stays "notAttempted". */
  status: AssessmentStatus;
  /** Assessment score 0..100, or null = "no-score": report no score and no judgement. */
  score: number | null;
  /** No further attempt can change the outcome (passed and closed, or attempts exhausted). */
  final: boolean;
  /** Whether the course has an assessment at all (a course without one is done once completed). */
  hasAssessment: boolean;
  /**
   * The assessor who rated the attempt that gave `status` (docs/reporting.md "Rated tasks"): drivers
   * name them on the judgement where their standard can. null / absent: no assessor rated that attempt
   * (no task, a self-assessment, or the resume state had to drop the attempt's responses).
   */
  assessor?: Assessor | null;
}

export type InteractionResult = "correct" | "incorrect" | "neutral";

/**
 * One submitted question, standard-neutral (docs/rules/interactions.md §1): what was asked, the usable
 * response, score, result and timing, and a rated task's data. Each driver formats it for its own
 * standard from `question` and `response` (runtime/lms/driver.ts); what its standard cannot express
 * validly it leaves out and logs, never sends malformed.
 */
export interface InteractionReport {
  /** Question id, unique within the course (a short identifier: no spaces). */
  questionId: string;
  /** 1-based attempt this answer belongs to. */
  attemptNumber: number;
  /** Plain-text prompt. */
  description: string;
  result: InteractionResult;
  /** Question score 0..100, null for survey questions. */
  score: number | null;
  weighting: number;
  /** Time on the question in milliseconds. */
  latencyMs: number;
  /** When it was submitted, epoch milliseconds. */
  timestamp: number;
  /** BCP 47 tag of the question's text (the course's language). */
  language: string;
  /** The question as built (plain course data): options, correct answers, criteria. */
  question: QuestionData;
  /** The learner's response when well formed for the question; null = unanswered (a malformed response included). */
  response: Response | null;
  /**
   * A task rated with a grading form (docs/reporting.md "Rated tasks"), standard-neutral; null for
   * every other question and for a task without a submitted, complete rating: nothing about an
   * unrated form leaves the package.
   */
  task?: TaskReport | null;
}

/** One criterion of a rated form, in form order. */
export interface TaskCriterionReport {
  id: string;
  description: string;
  /** The criterion's value on 0..100 (docs/grading-forms.md), null when not filled (a weight-0 criterion may be left empty). */
  value: number | null;
  /** What the rater entered: a level id (rubric), points or a scale label (guide), true = yes / false = an error (errors); null when empty. */
  entered: string | number | boolean | null;
  /** The rater's remark on this criterion; "" when none. */
  remark: string;
}

/** A rated task: the form's grade, its criteria, the rater's words, who rated and when. */
export interface TaskReport {
  method: GradingForm["method"];
  /** The form's grade 0..100, not rounded. */
  grade: number;
  /** false: a self-assessment that is recorded but not scored (its InteractionReport score is null). */
  counts: boolean;
  criteria: TaskCriterionReport[];
  /** Overall feedback; "" when none. */
  feedback: string;
  /** The learner (self-assessment) or the assessor who submitted the form. */
  rater: Rater;
  /** When the rater submitted the form, epoch milliseconds. */
  ratedAt: number;
}
