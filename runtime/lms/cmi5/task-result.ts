// The result of a rated task's `answered` statement (docs/reporting.md "Rated tasks"): the grade as
// result.score, the filled form in one passmark result extension. Pure.
import type { TaskReport } from "../../assessment/outcome";
import type { ResultScore } from "../xapi/types";

/** Values as the performance steps give them: 7 decimals at most (SCORM 2004 real(10,7) too). */
const round7 = (value: number): number => Number(value.toFixed(7));

/** One criterion in the extension: its value 0..100 and what the rater entered, under a name that says what it is. */
export interface TaskRatingCriterion {
  id: string;
  value: number | null;
  /** rubric: the level id picked. */
  level?: string;
  /** guide: the points given. */
  points?: number;
  /** guide: the scale label picked. */
  label?: string;
  /** errors: true = yes (no error), false = an error. */
  answer?: boolean;
  /** The rater's remark, when there is one. */
  remark?: string;
}

/** The value of EXT_TASK_RATING. */
export interface TaskRatingExtension {
  method: TaskReport["method"];
  grade: number;
  counts: boolean;
  rater: "assessor" | "learner";
  /** ISO 8601 UTC. */
  ratedAt: string;
  criteria: TaskRatingCriterion[];
  feedback: string;
}

function criterion(method: TaskReport["method"], c: TaskReport["criteria"][number]): TaskRatingCriterion {
  const out: TaskRatingCriterion = { id: c.id, value: c.value === null ? null : round7(c.value) };
  const entered = c.entered;
  if (method === "rubric" && typeof entered === "string") out.level = entered;
  else if (method === "guide" && typeof entered === "number") out.points = entered;
  else if (method === "guide" && typeof entered === "string") out.label = entered;
  else if (method === "errors" && typeof entered === "boolean") out.answer = entered;
  if (c.remark !== "") out.remark = c.remark;
  return out;
}

export function taskRatingExtension(task: TaskReport): TaskRatingExtension {
  return {
    method: task.method,
    grade: round7(task.grade),
    counts: task.counts,
    rater: task.rater.role,
    ratedAt: new Date(task.ratedAt).toISOString(),
    criteria: task.criteria.map((c) => criterion(task.method, c)),
    feedback: task.feedback,
  };
}

/**
 * result.score of a task that counts: scaled = grade / 100, raw = grade, min 0, max 100 (xAPI allows
 * a decimal raw on an allowed statement; cmi5 §9.5.1's integer rule is for Passed/Failed). null for
 * a self-assessment that does not count: recorded, not scored, like a survey.
 */
export function taskScore(task: TaskReport): ResultScore | null {
  if (!task.counts || !Number.isFinite(task.grade)) return null;
  const raw = Math.min(100, Math.max(0, Math.round(task.grade * 1e4) / 1e4));
  return { scaled: Math.round(raw * 1e4) / 1e6, raw, min: 0, max: 100 };
}
