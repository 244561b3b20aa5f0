// The code of rated tasks (task-rating.ts, the grading forms, the codec's task tokens, the task report)
// is a chunk of its own that only a course with a task loads: the engine reaches it here. Whoever
// starts a course with a task calls loadTaskKit() before the first engine call (app/boot.ts does).
import type { CourseData } from "../course/types";
import { questionIndex } from "./question-index";

export type TaskKit = typeof import("./task-kit-code");

let kit: TaskKit | null = null;

/** Load the task code (once). A course without a task never needs it. */
export async function loadTaskKit(): Promise<TaskKit> {
  kit ??= await import("./task-kit-code");
  return kit;
}

/** The task code once loaded. A task met before loadTaskKit() is a mistake of the caller: it throws. */
export function taskKit(): TaskKit {
  if (kit === null) throw new Error("a task question before loadTaskKit(): a course with a task loads the task code first");
  return kit;
}

/** Whether the course has a task question, so needs the task code. */
export function courseHasTasks(course: CourseData): boolean {
  return course.assessment !== null && [...questionIndex(course.assessment).values()].some((q) => q.type === "task");
}
