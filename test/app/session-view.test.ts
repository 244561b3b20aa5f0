// The assessment read model the screens render (runtime/app/session-view.ts), across the learner's
// states: no attempt yet, one in progress, failed with attempts left, passed, out of attempts, the
// LMS's mastery score in force instead of the rubric's, a Browse launch, and an attempt awaiting rating.
import { describe, expect, it } from "vitest";
import {
  answerQuestion,
  computeOutcome,
  createLearnerState,
  handIn,
  questionIndex,
  rateTask,
  startAttempt,
  submitAttempt,
  type LearnerState,
} from "../../runtime/assessment/index";
import { passingScoreFor, type AssessmentView, type ViewFacts } from "../../runtime/app/session-view";
import { assessmentViewer } from "../../runtime/app/session-view-attempts";
import type { AssessmentData, CourseData } from "../../runtime/course/types";
import { assessment as quizOf, course as courseOf, singleChoices, text } from "../assessment/fixtures";
import { RUBRIC, task } from "../ui/task-fixture";
import { loadTaskKit } from "../../runtime/assessment/task-kit";

// The engine's task code is a chunk of its own: a course with a task loads it first (app/boot.ts).
await loadTaskKit();

const NORMAL: ViewFacts = { masteryScore: null, launchMode: "normal" };

/** A quiz of 4 single-choice questions ("c" is right), 3 attempts, passing score 80, review once no attempt is left. */
function quiz(over: Partial<AssessmentData> = {}): CourseData {
  return courseOf(quizOf(singleChoices(4), { review: "no-attempts-remaining", ...over }));
}

function viewOf(course: CourseData, state: LearnerState, facts: ViewFacts = NORMAL): AssessmentView {
  const outcome = computeOutcome(state, course, passingScoreFor(course, facts));
  return assessmentViewer(course, facts, questionIndex(course.assessment!))(state, outcome)!;
}

/** One attempt with the first `right` questions answered right, submitted at `now`. */
function take(course: CourseData, state: LearnerState, right: number, now: number, facts: ViewFacts = NORMAL): LearnerState {
  const passingScore = passingScoreFor(course, facts);
  let next = startAttempt(state, course, { seed: 7, now, passingScore });
  next.current!.draw.questions.forEach((q, i) => {
    next = answerQuestion(next, course, q.questionId, { type: "single-choice", choice: i < right ? "c" : "a" }, now);
  });
  return submitAttempt(next, course, { passingScore, now: now + 1 })!.state;
}

describe("the assessment view (what the screens show, no engine call of their own)", () => {
  it("no attempt yet: three left, the first may start, nothing to review, the rubric's passing score", () => {
    const view = viewOf(quiz(), createLearnerState());
    expect(view).toMatchObject({ attemptsAllowed: 3, attemptsUsed: 0, attemptsLeft: 3, passingScore: 80, passingScoreFromLms: false, showsPassingScore: true });
    expect(view.next).toEqual({ kind: "start", attempt: 1 });
    expect(view.current).toBeNull();
    expect(view.results).toEqual([]);
    expect(view.reviewAllowed).toBe(false);
  });

  it("an attempt in progress: resumed, counted as taken, its unanswered questions listed in the order shown", () => {
    const course = quiz();
    let state = startAttempt(createLearnerState(), course, { seed: 3, now: 1, passingScore: 80 });
    const shown = state.current!.draw.questions.map((q) => q.questionId);
    state = answerQuestion(state, course, shown[1]!, { type: "single-choice", choice: "c" }, 2);
    const view = viewOf(course, state);
    expect(view.next).toEqual({ kind: "resume", attempt: 1 });
    expect(view.attemptsLeft).toBe(2);
    expect(view.current!.number).toBe(1);
    expect(view.current!.questions.map((q) => q.question.id)).toEqual(shown);
    expect(view.current!.questions[1]!.response).toEqual({ type: "single-choice", choice: "c" });
    expect(view.current!.unanswered).toEqual([shown[0], shown[2], shown[3]]);
    expect(view.current!.awaitingRating).toBe(false);
    expect(view.reviewAllowed).toBe(false);
  });

  it("failed with attempts left: the result, the next attempt, no review yet, the score action for a fail", () => {
    const failed = { for: "[0,79]", when: "failed" as const, message: text("Read the course again") };
    const course = quiz({ scoreActions: [{ when: "passed", message: text("Well done") }, failed] });
    const view = viewOf(course, take(course, createLearnerState(), 2, 10));
    expect(view.results).toEqual([{ number: 1, attemptScore: 50, status: "failed", passed: false, submittedAt: 11 }]);
    expect(view.next).toEqual({ kind: "start", attempt: 2 });
    expect(view).toMatchObject({ attemptsUsed: 1, attemptsLeft: 2, reviewAllowed: false, current: null });
    expect(view.scoreAction).toEqual(failed);
  });

  it("passed: closed after the pass, reviewable, each question with its answer and score", () => {
    const course = quiz({ scoreActions: [{ when: "passed", message: text("Well done") }] });
    const view = viewOf(course, take(course, createLearnerState(), 4, 10));
    expect(view.results[0]).toMatchObject({ number: 1, attemptScore: 100, status: "passed", passed: true });
    expect(view.next).toEqual({ kind: "closed-after-pass" });
    expect(view.reviewAllowed).toBe(true);
    expect(view.scoreAction?.message.text).toBe("Well done");
    const review = view.reviews[0]!;
    expect(review.number).toBe(1);
    expect(review.questions!.map((q) => [q.response, q.score])).toEqual(Array(4).fill([{ type: "single-choice", choice: "c" }, 100]));
  });

  it("out of attempts: none left, none may start, every attempt reviewable (a dropped draw reviews as unavailable)", () => {
    const course = quiz({ attempts: 2 });
    let state = take(course, take(course, createLearnerState(), 1, 10), 3, 20);
    const view = viewOf(course, state);
    expect(view.results.map((r) => [r.number, r.attemptScore, r.status])).toEqual([
      [1, 25, "failed"],
      [2, 75, "failed"],
    ]);
    expect(view).toMatchObject({ attemptsUsed: 2, attemptsLeft: 0, next: { kind: "no-attempts-left" }, reviewAllowed: true });
    state = { ...state, attempts: [{ ...state.attempts[0]!, draw: null }, state.attempts[1]!] };
    expect(viewOf(course, state).reviews.map((r) => r.questions?.length ?? null)).toEqual([null, 4]);
  });

  it("unlimited attempts: Infinity left", () => {
    expect(viewOf(quiz({ attempts: "unlimited" }), createLearnerState()).attemptsLeft).toBe(Number.POSITIVE_INFINITY);
  });

  it("the LMS's mastery score replaces the rubric's: the same 50% attempt passes at 50 and fails at 80", () => {
    const course = quiz();
    const lms: ViewFacts = { masteryScore: 50, launchMode: "normal" };
    const state = take(course, createLearnerState(), 2, 10, lms);
    const withLms = viewOf(course, state, lms);
    expect(withLms).toMatchObject({ passingScore: 50, passingScoreFromLms: true, next: { kind: "closed-after-pass" } });
    expect(withLms.results[0]).toMatchObject({ attemptScore: 50, passed: true });
    const rubricOnly = viewOf(course, state);
    expect(rubricOnly).toMatchObject({ passingScore: 80, passingScoreFromLms: false, next: { kind: "start", attempt: 2 } });
    expect(rubricOnly.results[0]).toMatchObject({ attemptScore: 50, passed: false });
  });

  it("an attempt-type rubric does not show a passing score", () => {
    const course = quiz({ rubric: { type: "attempt", passedResult: "$attempt_score", failedResult: "$attempt_score" } });
    expect(viewOf(course, createLearnerState())).toMatchObject({ passingScore: 0, showsPassingScore: false });
  });

  it("a Browse launch: the assessment is read-only, whatever the attempts", () => {
    expect(viewOf(quiz(), createLearnerState(), { masteryScore: null, launchMode: "browse" }).next).toEqual({ kind: "read-only" });
  });

  it("awaiting rating: handed in, the assessor task pending with the criteria still missing a value", () => {
    const course = courseOf(quizOf([...singleChoices(1), task("observed", "Change the wheel", RUBRIC)]));
    let state = startAttempt(createLearnerState(), course, { seed: 1, now: 1, passingScore: 80 });
    state = answerQuestion(state, course, "q1", { type: "single-choice", choice: "c" }, 2);
    state = answerQuestion(state, course, "observed", { type: "task", text: "Done", rating: null }, 3);
    expect(viewOf(course, state).current).toMatchObject({ awaitingRating: false, unanswered: [] });
    state = handIn(state, course, 4);
    let current = viewOf(course, state).current!;
    expect(current.awaitingRating).toBe(true);
    expect(current.pendingRatings.map((p) => [p.task.id, p.response?.text, p.missing])).toEqual([["observed", "Done", ["plan", "safety"]]]);
    state = rateTask(state, course, "observed", { filling: { plan: "full" }, remarks: {}, feedback: "" }, 5);
    current = viewOf(course, state).current!;
    expect(current.pendingRatings[0]!.missing).toEqual(["safety"]);
    expect(viewOf(course, state).results).toEqual([]);
  });

  it("keeps the finished attempts' results and reviews while they are unchanged (a keystroke rebuilds only the rest)", () => {
    const course = quiz({ review: "always" });
    const view = assessmentViewer(course, NORMAL, questionIndex(course.assessment!));
    let state = take(course, createLearnerState(), 2, 10);
    const first = view(state, computeOutcome(state, course, 80))!;
    state = startAttempt(state, course, { seed: 9, now: 20, passingScore: 80 });
    const during = view(state, computeOutcome(state, course, 80))!;
    expect(during.reviews).toBe(first.reviews);
    expect(during.results).toBe(first.results);
    expect(during.current).not.toBeNull();
  });

  it("no assessment: no view", () => {
    const course = courseOf(null);
    expect(assessmentViewer(course, NORMAL, new Map())(createLearnerState(), computeOutcome(createLearnerState(), course, 100))).toBeNull();
  });
});
