// Property-based tests (issue 3): fast-check explores rubrics, score sequences and learner states.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RubricData } from "../../runtime/course/types";
import { assessmentResult } from "../../runtime/assessment/attempts";
import { scoreAttempt, scoreQuestion } from "../../runtime/assessment";
import { decodeState, encodeState } from "../../runtime/assessment/codec/state-codec";
import { assessment, course, everyType, mixedQuestions } from "./fixtures";
import { simulate, someResponse } from "./simulate";
import { mulberry32 } from "../../runtime/assessment/prng";

const score = fc.double({ min: 0, max: 100, noNaN: true });
const resultValue = <T extends string>(...placeholders: T[]) => fc.oneof(score, ...placeholders.map((p) => fc.constant(p)));
const condition = fc.oneof(
  fc.integer({ min: -1, max: 6 }),
  fc
    .tuple(
      fc.constantFrom("[", "("),
      fc.oneof(fc.integer({ min: 0, max: 5 }).map(String), fc.constant("$last_attempt")),
      fc.oneof(fc.integer({ min: 0, max: 6 }).map(String), fc.constant("$last_attempt")),
      fc.constantFrom("]", ")"),
    )
    .map(([open, a, b, close]) => `${open}${a}, ${b}${close}`),
);
const rubric: fc.Arbitrary<RubricData> = fc.record(
  {
    type: fc.constantFrom("pass-fail" as const, "pass-fail" as const, "attempt" as const),
    passingAttemptScore: score,
    passedResult: resultValue("$attempt_score" as const),
    failedResult: resultValue("$attempt_score" as const, "no-score" as const),
    unableToPassResult: resultValue("$highest_attempt_score" as const, "no-score" as const),
    mods: fc.array(fc.record({ attemptCondition: condition, reward: fc.double({ min: -100, max: 100, noNaN: true }) }), { maxLength: 25 }),
  },
  { requiredKeys: ["type"] },
);
const attemptsAllowed = fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(Infinity));
const scenario = fc
  .tuple(rubric, attemptsAllowed, fc.array(score, { minLength: 1, maxLength: 6 }))
  .map(([r, A, scores]) => ({ rubric: r, A, scores: Number.isFinite(A) ? scores.slice(0, A) : scores }));

describe("rubric properties", () => {
  it("scores are always in 0..100 or null", () => {
    fc.assert(
      fc.property(scenario, ({ rubric: r, A, scores }) => {
        const result = scoreAttempt(r, scores, A);
        for (const s of [result.assessmentScore, result.assessmentModdedScore, result.attemptScore]) {
          expect(s === null || (s >= 0 && s <= 100)).toBe(true);
        }
      }),
    );
  });

  it("pass-fail: passed iff the latest raw score ≥ the threshold", () => {
    fc.assert(
      fc.property(scenario, ({ rubric: r, A, scores }) => {
        const P = r.passingAttemptScore ?? 100;
        if (r.type !== "pass-fail") return;
        expect(scoreAttempt(r, scores, A).status === "passed").toBe((scores[scores.length - 1] as number) >= P);
      }),
    );
  });

  it("mods never change a failed (or unableToPass) attempt", () => {
    fc.assert(
      fc.property(scenario, ({ rubric: r, A, scores }) => {
        const result = scoreAttempt(r, scores, A);
        if (result.status === "passed") return;
        expect(result.rewardedMods).toEqual([]);
        expect(result.rewardTotal).toBe(0);
        expect(result.assessmentModdedScore).toBe(scoreAttempt({ ...r, mods: [] }, scores, A).assessmentModdedScore);
      }),
    );
  });

  it("the assessment score equals the max of the (non-null) attempt scores", () => {
    fc.assert(
      fc.property(scenario, ({ rubric: r, A, scores }) => {
        const results = scores.map((_, i) => scoreAttempt(r, scores.slice(0, i + 1), A));
        const nonNull = results.map((x) => x.assessmentModdedScore).filter((x): x is number => x !== null);
        const a = assessment([], { attempts: Number.isFinite(A) ? A : "unlimited" });
        expect(assessmentResult(results, a).score).toBe(nonNull.length ? Math.max(...nonNull) : null);
      }),
    );
  });
});

describe("question properties", () => {
  it("every question scores 0..100 (null only for survey) on any well-formed or garbage response", () => {
    const questions = everyType();
    fc.assert(
      fc.property(
        fc.integer(),
        fc.anything(),
        fc.array(fc.string()),
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })),
        (seed, garbage, texts, numbers) => {
          const random = mulberry32(seed);
          for (const q of questions) {
            for (const response of [someResponse(q, random, { texts, numbers }), garbage]) {
              const s = scoreQuestion(q, response);
              if (q.type === "survey") expect(s).toBeNull();
              else expect(s !== null && s >= 0 && s <= 100).toBe(true);
            }
          }
        },
      ),
    );
  });
});

describe("codec properties", () => {
  const courses = [
    course(assessment(everyType(), { attempts: 5, allowAttemptsAfterPass: true, shuffleChoices: true })),
    course(
      assessment([...everyType().slice(0, 3), { kind: "bank", id: "pool", choose: 6, order: "random-unseen", questions: mixedQuestions(12) }], {
        attempts: "unlimited",
        allowAttemptsAfterPass: true,
      }),
    ),
    course(assessment(mixedQuestions(40), { attempts: 3 }), 7),
  ];
  const plan = fc.record({
    courseIndex: fc.integer({ min: 0, max: courses.length - 1 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    finishedAttempts: fc.integer({ min: 0, max: 4 }),
    inProgress: fc.boolean(),
    answerRate: fc.double({ min: 0, max: 1, noNaN: true }),
    texts: fc.array(fc.string({ unit: "binary", maxLength: 12 }), { maxLength: 4 }),
    numbers: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 4 }),
  });

  it("round-trips any valid state", () => {
    fc.assert(
      fc.property(plan, (p) => {
        const c = courses[p.courseIndex]!;
        const state = simulate(c, p);
        const { encoded, dropped } = encodeState(state, c, Infinity);
        expect(dropped).toEqual([]);
        expect(decodeState(encoded, c)).toEqual({ state, warning: null });
      }),
      { numRuns: 150 },
    );
  });

  it("never exceeds a budget it can meet, keeps results and the attempt in progress, and says what it dropped", () => {
    fc.assert(
      fc.property(plan, fc.double({ min: 0, max: 1.2, noNaN: true }), (p, share) => {
        const c = courses[p.courseIndex]!;
        const state = simulate(c, p);
        const smallest = encodeState(state, c, 0).encoded.length;
        const full = encodeState(state, c, Infinity).encoded.length;
        const budget = Math.floor(smallest + share * (full - smallest));
        const { encoded, dropped, fits } = encodeState(state, c, budget);
        expect(fits).toBe(true);
        expect(encoded.length).toBeLessThanOrEqual(budget);
        const decoded = decodeState(encoded, c).state!;
        expect(decoded.attempts.map((a) => a.result)).toEqual(state.attempts.map((a) => a.result));
        expect(decoded.current).toEqual(state.current);
        decoded.attempts.forEach((a, i) => {
          const droppedResponses = dropped.includes(`attempt ${a.number} responses`);
          expect(a.responses).toEqual(droppedResponses ? null : state.attempts[i]!.responses);
        });
        // Any budget at all: `fits` tells the truth.
        const tiny = encodeState(state, c, Math.floor(share * smallest));
        expect(tiny.fits).toBe(tiny.encoded.length <= Math.floor(share * smallest));
      }),
      { numRuns: 100 },
    );
  });
});
