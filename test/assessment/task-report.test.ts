// The standard-neutral report of a rated task (docs/reporting.md "Rated tasks"): InteractionReport.task
// built only once the form is complete and submitted, and Outcome.assessor from the attempt that gave the status.
import { describe, expect, it } from "vitest";
import { answerQuestion, buildInteractionReport, computeOutcome, startAttempt, submitAttempt } from "../../runtime/assessment";
import type { GradingForm } from "../../runtime/assessment/grading-forms";
import type { Response } from "../../runtime/assessment/types";
import { formatted } from "../lms-format/formatted";
import { ASSESSOR, NOW, PASSING, assessorAttempt, assessorCourse, freshState, selfAssessedCourse, taskQuestion } from "./rated-task-flow";
import { loadTaskKit } from "../../runtime/assessment/task-kit";

// The engine's task code is a chunk of its own: a course with a task loads it first (app/boot.ts).
await loadTaskKit();

const context = { attemptNumber: 1, language: "en", latencyMs: 0, timestamp: NOW };
const rated = (filling: Record<string, string | number | boolean>, over: Partial<Extract<Response, { type: "task" }>["rating"] & object> = {}): Response => ({
  type: "task",
  text: "",
  rating: { filling, remarks: {}, feedback: "", rater: { role: "assessor", name: "A", id: "a" }, ratedAt: NOW, ...over },
});

describe("InteractionReport.task", () => {
  it("a rated rubric task: grade, criteria in form order with the level picked and its value, remarks, feedback, rater, time", () => {
    const report = buildInteractionReport(
      taskQuestion("observed"),
      rated({ safety: "s6", plan: "p1" }, { remarks: { plan: "Late start" }, feedback: "Good." }),
      context,
    );
    expect(report.task).toEqual({
      method: "rubric",
      grade: expect.closeTo((7 / 9) * 100, 10),
      counts: true,
      criteria: [
        { id: "plan", description: "Plans the work", value: expect.closeTo(100 / 3, 10), entered: "p1", remark: "Late start" },
        { id: "safety", description: "Works safely", value: 100, entered: "s6", remark: "" },
      ],
      feedback: "Good.",
      rater: { role: "assessor", name: "A", id: "a" },
      ratedAt: NOW,
    });
  });

  it("guide and errors forms: points, labels and yes/no as entered; an unfilled weight-0 criterion is null", () => {
    const guide: GradingForm = {
      method: "guide",
      criteria: [
        { id: "clarity", description: "Clarity", maxPoints: 10 },
        { id: "tone", description: "Tone", scale: ["poor", "good"] },
        { id: "tidy", description: "Tidy", weight: 0, scale: ["no", "yes"] },
      ],
    };
    const g = buildInteractionReport(taskQuestion("g", { gradingForm: guide }), rated({ clarity: 7, tone: "good" }), context).task;
    expect(g?.criteria.map((c) => [c.id, c.entered, c.value])).toEqual([
      ["clarity", 7, 70],
      ["tone", "good", 100],
      ["tidy", null, null],
    ]);
    const errors: GradingForm = {
      method: "errors",
      criteria: [
        { id: "gloves", description: "Gloves" },
        { id: "seal", description: "Seal" },
      ],
      mapping: [{ errors: 1, grade: 60 }],
    };
    const e = buildInteractionReport(taskQuestion("e", { gradingForm: errors }), rated({ gloves: true, seal: false }), context).task;
    expect(e).toMatchObject({
      method: "errors",
      grade: 60,
      criteria: [
        { id: "gloves", entered: true, value: 100 },
        { id: "seal", entered: false, value: 0 },
      ],
    });
  });

  it("nothing of a form that is not complete and submitted: no task data, no steps", () => {
    const q = taskQuestion("observed");
    const half = formatted(buildInteractionReport(q, rated({ plan: "p3" }), context));
    const unsubmitted = formatted(buildInteractionReport(q, rated({ plan: "p3", safety: "s6" }, { rater: null, ratedAt: null }), context));
    for (const report of [half, unsubmitted, formatted(buildInteractionReport(q, undefined, context))]) {
      expect(report.task).toBeNull();
      expect(report.xapi?.response).toBe("");
      expect(report.scorm2004?.response).toBe("");
      expect(report.scorm12?.response).toBe("");
    }
    expect(formatted(buildInteractionReport(q, rated({ plan: "p3", safety: "s6" }), context)).xapi?.response).toBe("plan[.]100[,]safety[.]100");
  });

  it("other questions have task null", () => {
    const c = assessorCourse();
    const run = assessorAttempt(c, freshState(), true, { filling: { plan: "p3", safety: "s6" }, remarks: {}, feedback: "" });
    expect(run.reports.map((r) => [r.questionId, r.task === null])).toEqual([
      ["q1", true],
      ["q2", true],
      ["observed", false],
    ]);
  });
});

describe("an attempt awaiting rating reports nothing", () => {
  it("no InteractionReport exists while it waits, and the outcome stays unjudged", () => {
    const c = assessorCourse();
    const run = assessorAttempt(c, freshState(), true, { filling: { plan: "p3", safety: "s6" }, remarks: { plan: "Clear" }, feedback: "Fine" });
    expect(run.awaiting.current?.handedInAt).not.toBeNull();
    expect(submitAttempt(run.awaiting, c, { passingScore: PASSING, now: NOW + 9000 })).toBeNull();
    expect(computeOutcome(run.awaiting, c, PASSING)).toEqual({
      progress: 1,
      completed: false,
      status: "notAttempted",
      score: null,
      final: false,
      hasAssessment: true,
    });
  });
});

describe("Outcome.assessor", () => {
  const full = { filling: { plan: "p3", safety: "s6" }, remarks: {}, feedback: "" };
  const poor = { filling: { plan: "p0", safety: "s0" }, remarks: {}, feedback: "" };

  it("passed: the assessor of the first passing attempt", () => {
    const c = assessorCourse(3);
    const first = assessorAttempt(c, freshState(), false, poor, { name: "Bo Early", id: "E-1" });
    expect(first.outcome).toMatchObject({ status: "failed", assessor: { name: "Bo Early", id: "E-1" } });
    const second = assessorAttempt(c, first.state, true, full, ASSESSOR, NOW + 60_000);
    expect(second.outcome).toMatchObject({ status: "passed", assessor: ASSESSOR });
  });

  it("failed for good: the assessor of the last attempt", () => {
    const c = assessorCourse(1);
    const only = assessorAttempt(c, freshState(), false, poor, { name: "Bo Early", id: "E-1" });
    expect(only.outcome).toMatchObject({ status: "failed", final: true, assessor: { name: "Bo Early", id: "E-1" } });
  });

  it("a self-assessment names no assessor (the key is absent)", () => {
    const c = selfAssessedCourse();
    let s = startAttempt(freshState(), c, { seed: 1, now: NOW, passingScore: PASSING });
    s = answerQuestion(s, c, "q1", { type: "single-choice", choice: "c" }, NOW + 1);
    s = answerQuestion(
      s,
      c,
      "reflect",
      { type: "task", text: "I did well", rating: { filling: { plan: "p3", safety: "s2" }, remarks: {}, feedback: "", rater: null, ratedAt: null } },
      NOW + 2,
    );
    const submitted = submitAttempt(s, c, { passingScore: PASSING, now: NOW + 3 })!;
    const report = submitted.interactionReports.find((r) => r.questionId === "reflect")!;
    expect(report).toMatchObject({ score: null, result: "neutral", task: { counts: false, rater: { role: "learner" }, ratedAt: NOW + 2 } });
    expect("assessor" in computeOutcome(submitted.state, c, PASSING)).toBe(false);
  });
});
