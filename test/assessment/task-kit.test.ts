// runtime/assessment/task-kit.ts: which courses need the task code, and loading it once.
import { describe, expect, it } from "vitest";
import { courseHasTasks, loadTaskKit, taskKit } from "../../runtime/assessment/task-kit";
import { assessment, course, everyType } from "./fixtures";
import { assessorCourse, selfAssessedCourse } from "./rated-task-flow";

describe("courseHasTasks", () => {
  it("is false for a course without an assessment, and for one with every other question type", () => {
    expect(courseHasTasks({ ...course(assessment(everyType())), assessment: null })).toBe(false);
    expect(courseHasTasks(course(assessment(everyType())))).toBe(false);
  });

  it("is true for an assessor task and for a self-assessment", () => {
    expect(courseHasTasks(assessorCourse())).toBe(true);
    expect(courseHasTasks(selfAssessedCourse())).toBe(true);
  });
});

describe("loadTaskKit", () => {
  it("loads the task code once: the same functions every time, and taskKit() returns them", async () => {
    const first = await loadTaskKit();
    expect(await loadTaskKit()).toBe(first);
    expect(taskKit()).toBe(first);
    expect(typeof first.taskScore).toBe("function");
    expect(typeof first.decodeTaskToken).toBe("function");
  });
});
