// The build warns when feedback is written but no learner can ever see it (timing "review", review "never").
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import { baseAssessment, baseCourse, makeCourse, removeCourses } from "./course-fixtures";

afterAll(removeCourses);

const question = {
  id: "q1",
  type: "true-false",
  prompt: "Fire doors may be wedged open.",
  answer: false,
  feedback: { incorrect: "Wedged doors let smoke spread." },
};

function assessment(extra: Record<string, unknown>): Record<string, unknown> {
  return { ...baseAssessment(), questions: [question], ...extra };
}

function writeCourse(extra: Record<string, unknown>): string {
  return makeCourse({ "course.json": { ...baseCourse(), id: "https://courses.test/feedback", ...extra } });
}

describe("feedback no learner sees", () => {
  it("is a warning at /assessment/feedbackTiming naming the question and the two ways out", async () => {
    const { warnings } = await loadCourse(writeCourse({ assessment: assessment({}) }));
    expect(warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      '/assessment/feedbackTiming: question "q1" has feedback that no learner will see: feedback is shown only in review ("feedbackTiming": "review", the default) and "review" is "never"; set "feedbackTiming" to "after-answer" or "after-attempt", or allow review',
    ]);
  });

  it.each([[{ feedbackTiming: "after-answer" }], [{ feedbackTiming: "after-attempt" }], [{ review: "always" }]])("is not given with %j", async (extra) => {
    const { warnings } = await loadCourse(writeCourse({ assessment: assessment(extra) }));
    expect(warnings).toEqual([]);
  });

  it("is not given when no question has feedback", async () => {
    const { warnings } = await loadCourse(writeCourse({ assessment: assessment({ questions: [{ ...question, feedback: undefined }] }) }));
    expect(warnings).toEqual([]);
  });
});
