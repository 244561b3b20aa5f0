// Tasks judged with a grading form (docs/grading-forms.md): the "awaiting rating" step of an attempt —
// hand in, the assessor rates, then the attempt is submitted. Grading, scoring and checking a rating
// is task-rating.ts, which only courses with a task load (task-kit.ts): the functions here that need
// it reach it through taskKit(), and never for a course without a task.

import type { CourseData, QuestionData, TaskQuestion } from "../course/types";
import { questionIndex } from "./bank";
import type { FormGrade } from "./grading-form-types";
import { taskKit } from "./task-kit";
import type { AttemptInProgress, LearnerState, Rater, Response, TaskRating } from "./types";

type TaskResponse = Extract<Response, { type: "task" }>;

/** What a rater enters; the engine stamps who and when (completeRating, or the learner's own answer). */
export type RatingInput = Pick<TaskRating, "filling" | "remarks" | "feedback">;

/** Longest remark / feedback / learner text kept (characters); longer input is cut, never refused. */
export const TASK_TEXT_MAX = 4000;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function isRater(v: unknown): v is Rater {
  if (!isRecord(v)) return false;
  if (v.role === "learner") return true;
  return v.role === "assessor" && typeof v.name === "string" && typeof v.id === "string";
}

/** Whether `v` has the shape of a TaskRating (values are checked against the form by canonicalRating). */
export function isTaskRatingShape(v: unknown): v is TaskRating {
  if (!isRecord(v) || !isRecord(v.filling) || !isRecord(v.remarks) || typeof v.feedback !== "string") return false;
  if (!(v.rater === null || isRater(v.rater))) return false;
  return v.ratedAt === null || (typeof v.ratedAt === "number" && Number.isFinite(v.ratedAt));
}

/** The rating with unknown criteria and values that do not fit the form left out, texts made storable. */
export function canonicalRating(task: TaskQuestion, rating: TaskRating): TaskRating {
  return taskKit().canonicalRating(task, rating);
}

/** The form's grade for a rating (null grade while incomplete). */
export function ratingGrade(task: TaskQuestion, rating: Pick<TaskRating, "filling"> | null): FormGrade {
  return taskKit().ratingGrade(task, rating);
}

/** Whether the rater finished the form: complete and submitted (who and when recorded). */
export function isRated(task: TaskQuestion, response: unknown): boolean {
  return taskKit().isRated(task, response);
}

/** A task's score 0..100 (task-rating.ts); null for a self-assessment that does not count. */
export function taskScore(task: TaskQuestion, response: unknown): number | null {
  return taskKit().taskScore(task, response);
}

/** Canonical task response: the text ("" when the task takes none) and the rating checked against the form. */
export function canonicalTaskResponse(task: TaskQuestion, response: TaskResponse): TaskResponse {
  return taskKit().canonicalTaskResponse(task, response);
}

/** The response the learner's own answer leaves (task-rating.ts). */
export function learnerTaskResponse(task: TaskQuestion, given: TaskResponse, previous: Response | undefined, now: number): TaskResponse {
  return taskKit().learnerTaskResponse(task, given, previous, now);
}

/** The tasks among the attempt's drawn questions, in the order shown. */
export function drawnTasks(current: AttemptInProgress, course: CourseData): TaskQuestion[] {
  const byId = course.assessment ? questionIndex(course.assessment) : new Map<string, QuestionData>();
  return current.draw.questions.flatMap((d) => {
    const q = byId.get(d.questionId);
    return q && q.type === "task" ? [q] : [];
  });
}

/** Assessor tasks of the attempt in progress that are not rated yet, in the order shown. */
export function pendingRatings(state: LearnerState, course: CourseData): TaskQuestion[] {
  const current = state.current;
  if (!current) return [];
  return drawnTasks(current, course).filter((t) => t.rater === "assessor" && !taskKit().isRated(t, current.answers[t.id]?.response));
}

/** Whether the attempt in progress is handed in and waits for the assessor. */
export function awaitingRating(state: LearnerState): boolean {
  return state.current !== null && state.current.handedInAt !== null;
}

/**
 * The learner hands the attempt in while assessor tasks are unrated: it becomes "awaiting rating"
 * (answers locked). Same state when there is no attempt, it is already handed in, or nothing waits.
 */
export function handIn(state: LearnerState, course: CourseData, now: number): LearnerState {
  const current = state.current;
  if (!current || current.handedInAt !== null || pendingRatings(state, course).length === 0) return state;
  return { ...state, current: { ...current, handedInAt: now } };
}

/** The assessor's filling of one task while the attempt awaits rating (task-rating.ts). */
export function rateTask(state: LearnerState, course: CourseData, taskId: string, input: RatingInput, now: number): LearnerState {
  return taskKit().rateTask(state, course, taskId, input, now);
}

/** The assessor submits: the new state, or null when a form is not complete (task-rating.ts). */
export function completeRating(state: LearnerState, course: CourseData, rater: { name: string; id: string }, now: number): LearnerState | null {
  return taskKit().completeRating(state, course, rater, now);
}

/** The assessor of an attempt's responses (the first assessor rating found), or null. */
export function attemptAssessor(responses: Readonly<Record<string, Response>> | null): Extract<Rater, { role: "assessor" }> | null {
  for (const response of Object.values(responses ?? {})) {
    if (response.type === "task" && response.rating?.rater?.role === "assessor") return response.rating.rater;
  }
  return null;
}
