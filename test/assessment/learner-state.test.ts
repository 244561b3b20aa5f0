import { describe, expect, it } from "vitest";
import type { CourseData } from "../../runtime/course/types";
import {
  answerQuestion,
  attemptsRemaining,
  clearAnswer,
  canStartAttempt,
  computeOutcome,
  createLearnerState,
  parseLmsMastery,
  passingScoreInForce,
  recordMediaWatched,
  reviewAllowed,
  setLocation,
  startAttempt,
  submitAttempt,
  visitPage,
  type LearnerState,
} from "../../runtime/assessment";
import { assessment, course, singleChoices } from "./fixtures";

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const quiz = (over: Parameters<typeof assessment>[1] = {}): CourseData => course(assessment(singleChoices(4), over));

/** Take an attempt answering `right` of the 4 questions correctly. */
function take(state: LearnerState, c: CourseData, right: number, passingScore = 80, seed = 1): LearnerState {
  let s = startAttempt(state, c, { seed, now: T0, passingScore });
  s.current!.draw.questions.forEach((q, i) => {
    s = answerQuestion(s, c, q.questionId, { type: "single-choice", choice: i < right ? "c" : "a" }, T0 + (i + 1) * 1000);
  });
  return submitAttempt(s, c, { passingScore, now: T0 + 10_000 })!.state;
}

describe("content progress and completion (docs/rules/reporting.md)", () => {
  it("counts pages and media; completion needs all of them AND one submitted attempt", () => {
    const c = quiz();
    let s = createLearnerState();
    expect(computeOutcome(s, c, 80)).toEqual({ progress: 0, completed: false, status: "notAttempted", score: null, final: false, hasAssessment: true });
    s = visitPage(s, c, "page-2");
    s = visitPage(s, c, "page-1");
    s = visitPage(s, c, "page-1");
    expect(s.pagesSeen).toEqual(["page-1", "page-2"]);
    expect(s.location).toBe("page-1");
    expect(computeOutcome(s, c, 80).progress).toBe(0.5);
    s = recordMediaWatched(visitPage(s, c, "page-3"), c, "intro-video");
    expect(computeOutcome(s, c, 80)).toMatchObject({ progress: 1, completed: false });
    s = take(s, c, 1);
    expect(computeOutcome(s, c, 80)).toMatchObject({ progress: 1, completed: true, status: "failed", score: 25, final: false });
  });

  it("ignores unknown pages, media and locations", () => {
    const c = quiz();
    const s = createLearnerState();
    expect(visitPage(s, c, "nope")).toBe(s);
    expect(recordMediaWatched(s, c, "nope")).toBe(s);
    expect(setLocation(s, c, "nope")).toBe(s);
    expect(setLocation(s, c, "final-quiz").location).toBe("final-quiz");
  });

  it("a course without an assessment is completed by its content alone", () => {
    const c = course(null, 1);
    const s = recordMediaWatched(visitPage(createLearnerState(), c, "page-1"), c, "intro-video");
    expect(computeOutcome(s, c, 100)).toEqual({ progress: 1, completed: true, status: "notAttempted", score: null, final: true, hasAssessment: false });
  });
});

describe("attempts through the learner-state API", () => {
  it("records answers with time on each question and reports every drawn question", () => {
    const c = quiz();
    let s = startAttempt(createLearnerState(), c, { seed: 3, now: T0, passingScore: 80 });
    const [q1, q2] = s.current!.draw.questions.map((q) => q.questionId);
    s = answerQuestion(s, c, q1!, { type: "single-choice", choice: "c" }, T0 + 5000);
    s = answerQuestion(s, c, q2!, { type: "single-choice", choice: "a" }, T0 + 8000);
    s = answerQuestion(s, c, q1!, { type: "single-choice", choice: "c" }, T0 + 9000);
    expect(s.current!.answers[q1!]).toEqual({ response: { type: "single-choice", choice: "c" }, answeredAt: T0 + 9000, timeMs: 6000 });
    // Ignored: unknown question, wrong type, unknown choice.
    expect(answerQuestion(s, c, "nope", { type: "single-choice", choice: "c" }, T0)).toBe(s);
    expect(answerQuestion(s, c, q1!, { type: "true-false", value: true }, T0)).toBe(s);
    expect(answerQuestion(s, c, q1!, { type: "single-choice", choice: "zz" }, T0)).toBe(s);
    const q3 = s.current!.draw.questions[2]!.questionId;
    const withQ3 = answerQuestion(s, c, q3, { type: "single-choice", choice: "c" }, T0 + 9500);
    expect(clearAnswer(withQ3, q3).current!.answers).toEqual(s.current!.answers);
    expect(clearAnswer(s, q3)).toBe(s);
    const submitted = submitAttempt(s, c, { passingScore: 80, now: T0 + 20_000 })!;
    expect(submitted.result).toMatchObject({ status: "failed", attemptScore: 25, assessmentModdedScore: 25, attemptNumber: 1 });
    expect(submitted.interactionReports.map((r) => [r.questionId, r.result, r.latencyMs])).toEqual([
      [q1, "correct", 6000],
      [q2, "incorrect", 3000],
      [expect.any(String), "incorrect", 0],
      [expect.any(String), "incorrect", 0],
    ]);
    expect(submitted.questionScores[q1!]).toBe(100);
    expect(submitted.state.current).toBeNull();
    expect(submitted.state.attempts[0]).toMatchObject({
      number: 1,
      seed: 3,
      startedAt: T0,
      submittedAt: T0 + 20_000,
      passingScore: 80,
      responses: { [q1!]: { choice: "c" } },
    });
    expect(submitAttempt(submitted.state, c, { passingScore: 80, now: T0 })).toBeNull();
  });

  it("names the attempt just submitted, even when $highest_attempt_score reports an earlier one (issue 10 item 4)", () => {
    const c = quiz({
      rubric: {
        type: "pass-fail",
        passingAttemptScore: 80,
        passedResult: "$attempt_score",
        failedResult: "$attempt_score",
        unableToPassResult: "$highest_attempt_score",
      },
    });
    let s = createLearnerState();
    const submittedOf = (right: number) => {
      s = startAttempt(s, c, { seed: 7, now: T0, passingScore: 80 });
      s.current!.draw.questions.forEach((q, i) => {
        s = answerQuestion(s, c, q.questionId, { type: "single-choice", choice: i < right ? "c" : "a" }, T0 + 1000);
      });
      const submitted = submitAttempt(s, c, { passingScore: 80, now: T0 + 2000 })!;
      s = submitted.state;
      return submitted;
    };
    expect(submittedOf(3)).toMatchObject({ attemptNumber: 1, result: { attemptNumber: 1, attemptScore: 75, status: "failed" } });
    expect(submittedOf(2)).toMatchObject({ attemptNumber: 2, result: { attemptNumber: 2, attemptScore: 50, status: "failed" } });
    const last = submittedOf(1);
    // The rubric reports the highest score from attempt 1; the attempt just finished is 3 and scored 25.
    expect(last.result).toMatchObject({ status: "unableToPass", attemptNumber: 1, attemptScore: 25, assessmentModdedScore: 75 });
    expect(last.attemptNumber).toBe(3);
    expect(last.state.attempts.map((a) => [a.number, a.result.attemptScore])).toEqual([
      [1, 75],
      [2, 50],
      [3, 25],
    ]);
  });

  it("an attempt in progress is resumed, never replaced", () => {
    const c = quiz();
    const s = startAttempt(createLearnerState(), c, { seed: 3, now: T0, passingScore: 80 });
    expect(startAttempt(s, c, { seed: 99, now: T0 + 1, passingScore: 80 })).toBe(s);
    expect(canStartAttempt(s, c.assessment, 80)).toBe(false);
    expect(attemptsRemaining(s, c.assessment)).toBe(2);
  });

  it("enforces the attempts limit", () => {
    const c = quiz({ attempts: 2 });
    let s = take(createLearnerState(), c, 0);
    expect(attemptsRemaining(s, c.assessment)).toBe(1);
    s = take(s, c, 0);
    expect(attemptsRemaining(s, c.assessment)).toBe(0);
    expect(canStartAttempt(s, c.assessment, 80)).toBe(false);
    expect(startAttempt(s, c, { seed: 5, now: T0, passingScore: 80 })).toBe(s);
    expect(computeOutcome(s, c, 80)).toMatchObject({ status: "failed", final: true });
  });

  it("closes after a pass unless allowAttemptsAfterPass; unlimited attempts stay open", () => {
    const closed = quiz({ attempts: "unlimited" });
    const passed = take(createLearnerState(), closed, 4);
    expect(computeOutcome(passed, closed, 80)).toMatchObject({ status: "passed", score: 100, final: true });
    expect(canStartAttempt(passed, closed.assessment, 80)).toBe(false);
    expect(attemptsRemaining(passed, closed.assessment)).toBe(Infinity);
    const open = quiz({ attempts: "unlimited", allowAttemptsAfterPass: true });
    const again = take(createLearnerState(), open, 4);
    expect(canStartAttempt(again, open.assessment, 80)).toBe(true);
    expect(computeOutcome(again, open, 80).final).toBe(false);
    // A later failing attempt does not undo the pass; the score stays the highest.
    const third = take(again, open, 1);
    expect(computeOutcome(third, open, 80)).toMatchObject({ status: "passed", score: 100 });
  });

  it("review policy: never, always, no-attempts-remaining", () => {
    for (const [review, afterOne, afterLast] of [
      ["never", false, false],
      ["always", true, true],
      ["no-attempts-remaining", false, true],
    ] as const) {
      const c = quiz({ attempts: 2, review });
      const one = take(createLearnerState(), c, 0);
      expect(reviewAllowed(one, c.assessment, 80), review).toBe(afterOne);
      expect(reviewAllowed(take(one, c, 0), c.assessment, 80), review).toBe(afterLast);
    }
    const c = quiz({ attempts: 5, review: "no-attempts-remaining" });
    expect(reviewAllowed(take(createLearnerState(), c, 4), c.assessment, 80)).toBe(true); // closed by the pass
    expect(reviewAllowed(createLearnerState(), c.assessment, 80)).toBe(false);
  });

  it("unableToPass on the last attempt with $highest_attempt_score", () => {
    const c = quiz({
      attempts: 2,
      rubric: { type: "pass-fail", passingAttemptScore: 80, failedResult: "no-score", unableToPassResult: "$highest_attempt_score" },
    });
    let s = take(createLearnerState(), c, 2);
    expect(computeOutcome(s, c, 80)).toMatchObject({ status: "failed", score: null, final: false });
    s = take(s, c, 1);
    expect(computeOutcome(s, c, 80)).toMatchObject({ status: "unableToPass", score: 50, final: true });
  });
});

describe("mastery precedence (docs/rules/assessment.md §4)", () => {
  const c = quiz({ rubric: { type: "pass-fail", passingAttemptScore: 80, passedResult: "$attempt_score", failedResult: "$attempt_score" } });
  const threshold = (value: unknown, scale: "fraction" | "percent"): number =>
    passingScoreInForce(parseLmsMastery(value, scale, "lms").score, c.assessment!.rubric.passingAttemptScore);

  it("a valid LMS mastery value replaces the passing score, both ways", () => {
    const s = take(createLearnerState(), c, 3, threshold(0.7, "fraction")); // 75 ≥ 70
    expect(computeOutcome(s, c, threshold(0.7, "fraction"))).toMatchObject({ status: "passed", score: 75 });
    expect(computeOutcome(s, c, threshold("90", "percent"))).toMatchObject({ status: "failed", score: 75 });
  });

  it("'', garbage and out-of-range LMS values count as absent: the rubric's 80 applies, never 0 or 100", () => {
    for (const [value, scale] of [
      ["", "percent"],
      ["abc", "percent"],
      ["150", "percent"],
      ["-5", "percent"],
      [1.2, "fraction"],
      ["0.8x", "fraction"],
      [null, "fraction"],
    ] as const) {
      expect(threshold(value, scale), JSON.stringify(value)).toBe(80);
      const s = take(createLearnerState(), c, 3, threshold(value, scale));
      expect(computeOutcome(s, c, threshold(value, scale)).status, JSON.stringify(value)).toBe("failed");
      const s2 = take(createLearnerState(), c, 4, threshold(value, scale));
      expect(computeOutcome(s2, c, threshold(value, scale)).status, JSON.stringify(value)).toBe("passed");
    }
  });

  it("without LMS value or rubric score the bar is 100", () => {
    expect(passingScoreInForce(null, undefined)).toBe(100);
  });
});
