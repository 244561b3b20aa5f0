// A course update must not reset a learner (docs/rules/assessment.md §3: the attempt count lives in the LMS-side
// state): the resume state's content part and assessment part are checked apart (state-decode.ts).
import { describe, expect, it } from "vitest";
import type { CourseData } from "../../runtime/course/types";
import { assessmentResult, attemptBlock, attemptResults, attemptsRemaining, type LearnerState } from "../../runtime/assessment";
import { decodeState, encodeState } from "../../runtime/assessment/codec/state-codec";
import { assessment, course, everyType, mixedQuestions, singleChoices, text } from "./fixtures";
import { simulate } from "./simulate";

const quiz = (n: number, attempts = 4): CourseData =>
  course(assessment(mixedQuestions(n), { attempts, allowAttemptsAfterPass: true, shuffleChoices: true }), 5);

const learner = (c: CourseData, finishedAttempts = 3, inProgress = true): LearnerState =>
  simulate(c, { seed: 21, finishedAttempts, inProgress, answerRate: 1, texts: ["Paris"], numbers: [9.81] });

const withPageAdded = (c: CourseData): CourseData => ({
  ...c,
  pages: [...c.pages.slice(0, 2), { id: "page-new", title: "New", body: text("New"), media: [] }, ...c.pages.slice(2)],
});

/** A finished attempt without what referred to the old questions. */
const resultOnly = (s: LearnerState): LearnerState["attempts"] => s.attempts.map((a) => ({ ...a, draw: null, responses: null }));

/** Written by codec version 1 (commit bb4f1b6) for the course and learner of the version-1 test below. */
const VERSION_1_STATE =
  "P1.15rgjgm|2|7|1|1,104a7pr,muqlp34r,653k,80,f,1,40.4761904761905,40.4761904761905,,0,40.4761904761905,=,:4:f:9.8::211:0231:;2,nf7ukg,muqlwa8a,8bia,80,f,2,64.2857142857143,64.2857142857143,,0,64.2857142857143,=,2:1:f:9.8:'Paris:2.1:2130:|3,wpk78e,muqm5u0y,99ar,=,:9*1ubv*1ubv:t*3qq8*1wed:9.8*5jig*1ss8:'Paris*5p67*5nr:222*6diq*ocj:1032*7lbv*17t5:3*99ar*1nyw";

describe("resume state across a course update", () => {
  it("a page added: attempts, their answers and the attempt in progress are kept; place and pages seen start over, with a warning", () => {
    const c = quiz(30);
    const state = learner(c);
    expect(state.pagesSeen.length).toBeGreaterThan(0);
    const { encoded } = encodeState(state, c, 4096);
    const updated = withPageAdded(c);
    const { state: decoded, warning } = decodeState(encoded, updated);
    expect(decoded).toEqual({ ...state, location: null, pagesSeen: [], mediaWatched: [] });
    expect(warning).toMatch(/pages or media changed/);
    expect(warning).not.toMatch(/starting fresh/);
    // The learner can go on: the resumed state saves and reloads under the new course as is.
    const again = encodeState(decoded!, updated, 4096).encoded;
    expect(decodeState(again, updated)).toEqual({ state: decoded, warning: null });
  });

  it("a question changed: finished attempts keep results and count; answers, draws and the attempt in progress go, with a warning", () => {
    const c = quiz(12, 4);
    const state = learner(c);
    expect(state.attempts).toHaveLength(3);
    const { encoded } = encodeState(state, c, 4096);
    const a = c.assessment!;
    const updated: CourseData = { ...c, assessment: { ...a, items: [...a.items.slice(0, 5), ...singleChoices(2, "extra"), ...a.items.slice(6)] } };
    const { state: decoded, warning } = decodeState(encoded, updated);
    expect(decoded).toEqual({ ...state, attempts: resultOnly(state), current: null });
    expect(warning).toBe(
      "the assessment's questions changed since this state was saved: 3 finished attempt(s) keep their results and count (their questions and answers are dropped), attempt 4, in progress, cannot be mapped to them and is dropped",
    );
    expect(warning).not.toMatch(/pages or media/);
    // The rubric judges the kept raw scores exactly as before; only one attempt of four is left.
    const passing = 80;
    expect(attemptResults(decoded!, updated, passing)).toEqual(attemptResults(state, c, passing));
    expect(assessmentResult(attemptResults(decoded!, updated, passing), updated.assessment!)).toEqual(assessmentResult(attemptResults(state, c, passing), a));
    expect(attemptsRemaining(decoded!, updated.assessment)).toBe(1);
    expect(attemptBlock(decoded!, updated.assessment, passing)).toBeNull();
    const again = encodeState(decoded!, updated, 4096).encoded;
    expect(decodeState(again, updated)).toEqual({ state: decoded, warning: null });
  });

  it("both parts changed: each is judged on its own; no attempt is lost from the count", () => {
    const c = quiz(10, 3);
    const state = learner(c, 3, false);
    const { encoded } = encodeState(state, c, 4096);
    const a = c.assessment!;
    const updated: CourseData = { ...withPageAdded(c), assessment: { ...a, items: [...a.items].reverse() } };
    const { state: decoded, warning } = decodeState(encoded, updated);
    expect(decoded).toEqual({ ...state, location: null, pagesSeen: [], mediaWatched: [], attempts: resultOnly(state) });
    expect(warning).toMatch(/pages or media changed.*; .*3 finished attempt/);
    expect(attemptBlock(decoded!, updated.assessment, 80)).toBe("no-attempts-left");
  });

  it("the course's assessment removed: finished attempts dropped with a warning, content kept", () => {
    const c = quiz(6);
    const state = learner(c, 2, false);
    const { state: decoded, warning } = decodeState(encodeState(state, c, 4096).encoded, { ...c, assessment: null });
    expect(decoded).toMatchObject({ attempts: [], current: null, pagesSeen: state.pagesSeen });
    expect(warning).toMatch(/no longer has an assessment: 2 finished attempt/);
  });

  it("another course's state (same shape, other id) still gives no state", () => {
    const c = quiz(6);
    const { encoded } = encodeState(learner(c), c, 4096);
    expect(decodeState(encoded, { ...c, id: "https://example.org/courses/other" })).toEqual({
      state: null,
      warning: "the saved state belongs to another course; starting fresh",
    });
  });

  it("reads states written by codec version 1: whole when the course is the same, results only when it changed", () => {
    const c = course(assessment(everyType(), { attempts: 5, allowAttemptsAfterPass: true, shuffleChoices: true }));
    const state = simulate(c, { seed: 4, finishedAttempts: 2, inProgress: true, answerRate: 0.8, texts: ["Paris"], numbers: [9.8] });
    expect(VERSION_1_STATE.startsWith("P1.")).toBe(true);
    expect(decodeState(VERSION_1_STATE, c)).toEqual({ state, warning: null });
    const updated = withPageAdded(c);
    const { state: decoded, warning } = decodeState(VERSION_1_STATE, updated);
    expect(decoded).toEqual({ ...state, location: null, pagesSeen: [], mediaWatched: [], attempts: resultOnly(state), current: null });
    expect(warning).toMatch(/pages or media changed.*2 finished attempt\(s\) keep their results.*attempt 3, in progress/);
    // What is written back is version 2.
    expect(encodeState(decoded!, updated, 4096).encoded).toMatch(/^P2\./);
  });

  it("garbage and damaged text still give no state and a warning, for any version header", () => {
    const c = quiz(8);
    const { encoded } = encodeState(learner(c), c, 4096);
    const updated = withPageAdded(c);
    const damaged = [
      "garbage",
      "P2.zz|",
      "P1.abc|x|y",
      encoded.replace(/\|[^|]*$/, "|1,zz"),
      encoded.slice(0, encoded.indexOf(";") + 3),
      encoded.replace(/;/, ";x,"),
      "P1." + encoded.slice(encoded.indexOf("|")).replace(";", ";;"),
    ];
    for (const input of damaged) {
      for (const target of [c, updated]) {
        const result = decodeState(input, target);
        expect(result.state, input.slice(0, 40)).toBeNull();
        expect(result.warning, input.slice(0, 40)).toMatch(/starting fresh/);
      }
    }
  });
});
