import { describe, expect, it } from "vitest";
import type { CourseData } from "../../runtime/course/types";
import { type LearnerState } from "../../runtime/assessment";
import { courseFingerprint, decodeState, encodeState } from "../../runtime/assessment/codec/state-codec";
import { SCORM12_SUSPEND_DATA_MAX } from "../../runtime/lms/scorm-common/suspend-data";
import { assessment, course, everyType, mixedQuestions, singleChoices } from "./fixtures";
import { simulate } from "./simulate";

const big = (n: number, attempts: number | "unlimited" = 4): CourseData =>
  course(
    assessment(mixedQuestions(n), { attempts, allowAttemptsAfterPass: true, shuffleChoices: true, rubric: { type: "pass-fail", passingAttemptScore: 100 } }),
    12,
  );

/** 3 finished attempts and one in progress, every question answered. */
const heavy = (c: CourseData, seed = 7): LearnerState =>
  simulate(c, { seed, finishedAttempts: 3, inProgress: true, answerRate: 1, texts: ["Paris", "Paris, France", "Lyon"], numbers: [9.81, 3.14159, -12] });

describe("resume-state codec", () => {
  it("round-trips a state with every question type, attempts and one in progress", () => {
    const c = course(assessment(everyType(), { attempts: 5, allowAttemptsAfterPass: true, shuffleChoices: true }));
    const state = simulate(c, {
      seed: 1,
      finishedAttempts: 3,
      inProgress: true,
      answerRate: 0.8,
      texts: ["naïve café", "a|b;c,d:e*f~g=h'i!", "{x}", " ", ""],
      numbers: [0.1 + 0.2, -1e-12, 1e21],
    });
    expect(state.attempts).toHaveLength(3);
    expect(state.current).not.toBeNull();
    const { encoded, dropped, fits } = encodeState(state, c, 64_000);
    expect([dropped, fits]).toEqual([[], true]);
    expect(encoded).toMatch(/^[\x20-\x7e]*$/); // printable ASCII only
    expect(decodeState(encoded, c)).toEqual({ state, warning: null });
  });

  it("encodes the issue's scenario — 100 questions, 3 finished attempts + 1 in progress, every response kept — within 4,096", () => {
    const c = big(100);
    const state = heavy(c);
    expect(state.attempts).toHaveLength(3);
    expect(Object.keys(state.current!.answers)).toHaveLength(100);
    const { encoded, dropped } = encodeState(state, c, SCORM12_SUSPEND_DATA_MAX);
    console.log(`100 questions, 3 finished + 1 in progress, all answered: ${encoded.length} characters`);
    expect(dropped).toEqual([]);
    expect(encoded.length).toBeLessThanOrEqual(4096);
    expect(decodeState(encoded, c).state).toEqual(state);
  });

  it("degrades deterministically over budget: oldest response details first, then draws; results and the attempt in progress stay", () => {
    const c = big(200);
    const state = heavy(c, 11);
    const full = encodeState(state, c, Infinity).encoded;
    const budget = full.length - 10;
    const first = encodeState(state, c, budget);
    expect(first).toEqual(encodeState(state, c, budget)); // deterministic
    expect(first.dropped).toEqual(["attempt 1 responses"]);
    expect(first.encoded.length).toBeLessThanOrEqual(budget);
    const decoded = decodeState(first.encoded, c).state!;
    expect(decoded.attempts[0]!.responses).toBeNull();
    expect(decoded.attempts.map((a) => a.result)).toEqual(state.attempts.map((a) => a.result));
    expect(decoded.attempts.slice(1)).toEqual(state.attempts.slice(1));
    expect(decoded.current).toEqual(state.current);

    const tight = encodeState(state, c, 1000);
    expect(tight.dropped).toEqual(["attempt 1 responses", "attempt 2 responses", "attempt 3 responses"]);
    const kept = decodeState(tight.encoded, c).state!;
    expect(kept.attempts.map((a) => a.result)).toEqual(state.attempts.map((a) => a.result));
    expect(kept.current).toEqual(state.current);
    expect(kept.attempts).toHaveLength(3); // the count survives: the attempts limit holds across sessions
  });

  it("says when even the smallest form does not fit", () => {
    const c = big(50);
    const state = heavy(c);
    const result = encodeState(state, c, 20);
    expect(result.fits).toBe(false);
    expect(result.encoded.length).toBeGreaterThan(20);
    expect(decodeState(result.encoded, c).state!.current).toEqual(state.current);
  });

  it("never throws on a state that does not belong to the course: fits false, nothing to save", () => {
    const c = big(10);
    const state = heavy(c);
    const alien: LearnerState = { ...state, current: { ...state.current!, draw: { questions: [{ questionId: "nope", presentedOrder: null }] } } };
    expect(encodeState(alien, c, 4096)).toEqual({ encoded: "", dropped: [expect.stringMatching(/does not fit this course.*nope/)], fits: false });
  });

  it("decodes nothing from empty input, silently", () => {
    const c = big(5);
    for (const empty of [undefined, null, ""]) expect(decodeState(empty, c)).toEqual({ state: null, warning: null });
  });

  it("garbage, truncated, older-version and other-course data give no state and a warning, never a throw", () => {
    const c = big(30);
    const { encoded } = encodeState(heavy(c), c, 64_000);
    const other: CourseData = { ...course(assessment(singleChoices(30))), id: "https://example.org/courses/another" };
    const inputs: unknown[] = [
      "hello",
      '{"json":true}',
      42,
      {},
      "P1.|||||",
      "P2.|||||",
      `P2.${courseFingerprint(c)}|zz|||||`,
      `P0.${courseFingerprint(c)}|||||`,
      `P2.${courseFingerprint(c)}.x|||||`,
      encoded.replace(/^P2\./, "P3."),
      encoded.slice(0, encoded.length - 7),
      encoded.slice(0, 40),
      encoded + "|",
      encoded.replace(/,/g, ";"),
    ];
    for (const input of inputs) {
      const result = decodeState(input, c);
      expect(result.state, String(input).slice(0, 60)).toBeNull();
      expect(result.warning, String(input).slice(0, 60)).toMatch(/starting fresh/);
    }
    expect(decodeState(encoded, other).warning).toMatch(/another course/);
    expect(decodeState(encodeState(heavy(c), c, 64_000).encoded.replace(/^P2\./, "P0."), c).warning).toMatch(/version 0/);
    // Every truncation point and every single-character corruption: never a throw, never a wrong attempt count.
    for (let cut = 0; cut < encoded.length; cut += 3) expect(() => decodeState(encoded.slice(0, cut), c)).not.toThrow();
    for (let at = 0; at < encoded.length; at += 5) {
      const mangled = encoded.slice(0, at) + "%" + encoded.slice(at + 1);
      const decoded = decodeState(mangled, c);
      if (decoded.state) expect(decoded.state.attempts.length).toBeLessThanOrEqual(4);
    }
  });

  it("survives a republish that changes prompts, answers, the rubric or attempts: nothing dropped, no warning", () => {
    const c = big(20);
    const state = heavy(c);
    const { encoded } = encodeState(state, c, 64_000);
    const a = c.assessment!;
    const fixed: CourseData = {
      ...c,
      assessment: {
        ...a,
        attempts: 6,
        rubric: { type: "pass-fail", passingAttemptScore: 70 },
        items: a.items.map((q) => (q.kind === "question" ? { ...q, prompt: { html: "x", text: "x" } } : q)),
      },
    };
    expect(decodeState(encoded, fixed)).toEqual({ state, warning: null });
  });

  it("reproduces the attempt in progress identically: same questions, same presented orders", () => {
    const c = big(60);
    const state = heavy(c, 3);
    const decoded = decodeState(encodeState(state, c, 4096).encoded, c).state!;
    expect(decoded.current!.draw).toEqual(state.current!.draw);
    expect(decoded.current!.seed).toBe(state.current!.seed);
  });

  it("writes a draw explicitly when the seed does not reproduce it", () => {
    const c = big(10);
    const state = heavy(c, 5);
    const reversed: LearnerState = { ...state, current: { ...state.current!, draw: { questions: [...state.current!.draw.questions].reverse() } } };
    expect(decodeState(encodeState(reversed, c, 64_000).encoded, c).state).toEqual(reversed);
  });
});
