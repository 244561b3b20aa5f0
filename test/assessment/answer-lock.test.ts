// Feedback timing "after-answer": checkAnswer locks an answer (the engine then refuses to change or
// clear it), the lock survives the resume-state codec, and states saved before locks existed decode.
import { describe, expect, it } from "vitest";
import { answerQuestion, checkAnswer, clearAnswer, createLearnerState, startAttempt, submitAttempt, type LearnerState } from "../../runtime/assessment";
import { decodeState, encodeState } from "../../runtime/assessment/codec/state-codec";
import type { CourseData, FeedbackTiming } from "../../runtime/course/types";
import { assessment, course, singleChoices } from "./fixtures";

function started(timing: FeedbackTiming | undefined): { c: CourseData; state: LearnerState } {
  const c = course(assessment(singleChoices(3), timing === undefined ? {} : { feedbackTiming: timing }));
  return { c, state: startAttempt(createLearnerState(), c, { seed: 7, now: 1_000, passingScore: 80 }) };
}

describe("checkAnswer", () => {
  it("locks the answer with after-answer: no change, no clearing, and the locked answer is what is scored", () => {
    const { c, state } = started("after-answer");
    const answered = answerQuestion(state, c, "q1", { type: "single-choice", choice: "a" }, 2_000);
    const locked = checkAnswer(answered, c, "q1");
    expect(locked.current!.answers.q1).toMatchObject({ response: { type: "single-choice", choice: "a" }, locked: true });
    expect(answerQuestion(locked, c, "q1", { type: "single-choice", choice: "c" }, 3_000)).toBe(locked);
    expect(clearAnswer(locked, "q1")).toBe(locked);
    expect(checkAnswer(locked, c, "q1")).toBe(locked);
    // Other questions stay open.
    const other = answerQuestion(locked, c, "q2", { type: "single-choice", choice: "c" }, 3_000);
    expect(other.current!.answers.q2!.locked).toBeUndefined();
    const submitted = submitAttempt(other, c, { passingScore: 80, now: 4_000 })!;
    expect(submitted.questionScores).toEqual({ q1: 0, q2: 100, q3: 0 });
  });

  it("does nothing for an unanswered question or with another timing (the default is review)", () => {
    for (const timing of ["after-attempt", "review", undefined] as const) {
      const { c, state } = started(timing);
      const answered = answerQuestion(state, c, "q1", { type: "single-choice", choice: "a" }, 2_000);
      expect(checkAnswer(answered, c, "q1")).toBe(answered);
    }
    const { c, state } = started("after-answer");
    expect(checkAnswer(state, c, "q1")).toBe(state);
    expect(checkAnswer(createLearnerState(), c, "q1").current).toBeNull();
  });
});

describe("the lock in the resume state", () => {
  it("round-trips, and only a locked answer carries the extra part", () => {
    const { c, state } = started("after-answer");
    let s = answerQuestion(state, c, "q1", { type: "single-choice", choice: "b" }, 2_000);
    s = answerQuestion(s, c, "q2", { type: "single-choice", choice: "c" }, 2_500);
    s = checkAnswer(s, c, "q1");
    const { encoded } = encodeState(s, c, 4096);
    expect(encoded).toContain("*L");
    const decoded = decodeState(encoded, c).state!;
    expect(decoded.current!.answers).toEqual(s.current!.answers);
    expect(decoded.current!.answers.q1!.locked).toBe(true);
    expect(decoded.current!.answers.q2!.locked).toBeUndefined();
  });

  it("decodes a state written before locks existed (three-part answers) unchanged", () => {
    const { c, state } = started("after-answer");
    const s = answerQuestion(state, c, "q1", { type: "single-choice", choice: "b" }, 2_000);
    const { encoded } = encodeState(s, c, 4096);
    expect(encoded).not.toContain("*L");
    expect(decodeState(encoded, c).state).toEqual(s);
  });

  it("refuses a damaged lock part (starts fresh with a warning, as for any damaged state)", () => {
    const { c, state } = started("after-answer");
    const s = checkAnswer(answerQuestion(state, c, "q1", { type: "single-choice", choice: "b" }, 2_000), c, "q1");
    const damaged = encodeState(s, c, 4096).encoded.replace("*L", "*X");
    const decoded = decodeState(damaged, c);
    expect(decoded.state).toBeNull();
    expect(decoded.warning).toMatch(/lock/);
  });
});
