// Rating a task (docs/grading-forms.md): a rating checked against its form, the task's grade and
// score, the learner's and the assessor's filling. Only courses with a task load this (task-kit.ts).

import type { CourseData, TaskQuestion } from "../course/types";
import { gradeForm } from "./grading-forms";
import type { FormGrade } from "./grading-form-types";
import { drawnTasks, isRecord, pendingRatings, TASK_TEXT_MAX, type RatingInput } from "./tasks";
import type { LearnerState, Rater, Response, TaskRating } from "./types";

type TaskResponse = Extract<Response, { type: "task" }>;

/** Lone UTF-16 surrogates become U+FFFD so the text can be stored and sent. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD").slice(0, TASK_TEXT_MAX);
}

/** The form's criteria as (id, accepts value) pairs. */
function criterionChecks(task: TaskQuestion): Map<string, (value: unknown) => boolean> {
  const checks = new Map<string, (value: unknown) => boolean>();
  const form = task.gradingForm;
  if (form.method === "rubric") {
    for (const c of form.criteria) checks.set(c.id, (v) => typeof v === "string" && c.levels.some((l) => l.id === v));
  } else if (form.method === "guide") {
    for (const c of form.criteria) {
      if ("scale" in c) checks.set(c.id, (v) => typeof v === "string" && c.scale.includes(v));
      else checks.set(c.id, (v) => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= c.maxPoints);
    }
  } else {
    for (const c of form.criteria) checks.set(c.id, (v) => typeof v === "boolean");
  }
  return checks;
}

/** The rating with unknown criteria and values that do not fit the form left out, texts made storable. */
export function canonicalRating(task: TaskQuestion, rating: TaskRating): TaskRating {
  const checks = criterionChecks(task);
  const filling: TaskRating["filling"] = {};
  const remarks: TaskRating["remarks"] = {};
  for (const [id, accepts] of checks) {
    const value = rating.filling[id];
    if (Object.prototype.hasOwnProperty.call(rating.filling, id) && accepts(value)) filling[id] = value as string | number | boolean;
    const remark = rating.remarks[id];
    if (typeof remark === "string" && remark.trim() !== "") remarks[id] = wellFormed(remark);
  }
  const rater: Rater | null =
    rating.rater === null
      ? null
      : rating.rater.role === "learner"
        ? { role: "learner" }
        : { role: "assessor", name: wellFormed(rating.rater.name).slice(0, 250), id: wellFormed(rating.rater.id).slice(0, 250) };
  return { filling, remarks, feedback: wellFormed(rating.feedback), rater, ratedAt: rating.ratedAt };
}

/** The form's grade for a rating (null grade while incomplete). */
export function ratingGrade(task: TaskQuestion, rating: Pick<TaskRating, "filling"> | null): FormGrade {
  return gradeForm(task.gradingForm, rating?.filling ?? {});
}

/** Whether the rater finished the form: complete and submitted (who and when recorded). */
export function isRated(task: TaskQuestion, response: unknown): boolean {
  const r = response as TaskResponse | undefined;
  return !!r && r.type === "task" && r.rating !== null && r.rating.ratedAt !== null && ratingGrade(task, r.rating).grade !== null;
}

/**
 * A task's score 0..100: the form's grade once rated; 0 while not rated (an attempt with an unrated
 * assessor task is never scored: see pendingRatings); null for a self-assessment that does not count.
 */
export function taskScore(task: TaskQuestion, response: unknown): number | null {
  if (!task.counts) return null;
  if (!isRated(task, response)) return 0;
  return ratingGrade(task, (response as TaskResponse).rating).grade ?? 0;
}

/** Canonical task response: the text ("" when the task takes none) and the rating checked against the form. */
export function canonicalTaskResponse(task: TaskQuestion, response: TaskResponse): TaskResponse {
  return {
    type: "task",
    text: task.learnerResponse === "text" ? wellFormed(response.text) : "",
    rating: response.rating === null ? null : canonicalRating(task, response.rating),
  };
}

/**
 * The response the learner's own answer leaves: an assessor task keeps its rating untouched (the
 * learner never rates it); a self-assessment is stamped with the learner as rater and `now` once the
 * form is complete.
 */
export function learnerTaskResponse(task: TaskQuestion, given: TaskResponse, previous: Response | undefined, now: number): TaskResponse {
  const canonical = canonicalTaskResponse(task, given);
  if (task.rater === "assessor") {
    const kept = previous?.type === "task" ? previous.rating : null;
    return { ...canonical, rating: kept };
  }
  if (canonical.rating === null) return canonical;
  const complete = ratingGrade(task, canonical.rating).grade !== null;
  return { ...canonical, rating: { ...canonical.rating, rater: complete ? { role: "learner" } : null, ratedAt: complete ? now : null } };
}

/**
 * The assessor's filling of one task while the attempt awaits rating (kept as it is typed, so a
 * reload loses nothing). Ignored unless the attempt is handed in and `taskId` is one of its assessor tasks.
 */
export function rateTask(state: LearnerState, course: CourseData, taskId: string, input: RatingInput, now: number): LearnerState {
  const current = state.current;
  if (!current || current.handedInAt === null || !isRecord(input)) return state;
  const task = drawnTasks(current, course).find((t) => t.id === taskId && t.rater === "assessor");
  if (!task) return state;
  const rating = canonicalRating(task, {
    filling: isRecord(input.filling) ? (input.filling as TaskRating["filling"]) : {},
    remarks: isRecord(input.remarks) ? (input.remarks as TaskRating["remarks"]) : {},
    feedback: typeof input.feedback === "string" ? input.feedback : "",
    rater: null,
    ratedAt: null,
  });
  const previous = current.answers[taskId];
  const text = previous?.response.type === "task" ? previous.response.text : "";
  return {
    ...state,
    current: {
      ...current,
      answers: {
        ...current.answers,
        [taskId]: { response: { type: "task", text, rating }, answeredAt: previous?.answeredAt ?? now, timeMs: previous?.timeMs ?? 0 },
      },
    },
  };
}

/**
 * The assessor submits: every pending task must have a complete form. Stamps `rater` and `now` on
 * each and returns the new state (the caller then submits the attempt); null when a form is not
 * complete, the rater has no name or identifier, or nothing awaits rating.
 */
export function completeRating(state: LearnerState, course: CourseData, rater: { name: string; id: string }, now: number): LearnerState | null {
  const current = state.current;
  const pending = pendingRatings(state, course);
  if (!current || current.handedInAt === null || pending.length === 0) return null;
  const name = wellFormed(String(rater?.name ?? ""))
    .trim()
    .slice(0, 250);
  const id = wellFormed(String(rater?.id ?? ""))
    .trim()
    .slice(0, 250);
  if (name === "" || id === "") return null;
  const answers = { ...current.answers };
  for (const task of pending) {
    const answer = answers[task.id];
    const response = answer?.response;
    if (!answer || response?.type !== "task" || response.rating === null || ratingGrade(task, response.rating).grade === null) return null;
    answers[task.id] = { ...answer, response: { ...response, rating: { ...response.rating, rater: { role: "assessor", name, id }, ratedAt: now } } };
  }
  return { ...state, current: { ...current, answers } };
}
