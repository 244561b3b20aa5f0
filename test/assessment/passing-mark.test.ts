// A learner exactly on the passing mark passes, whatever floating point does to the mean; and the
// legacy `attempt` rubric obeys an LMS mastery score (docs/rules/assessment.md §2, §4).
import { describe, expect, it } from "vitest";
import { attemptScore, passingScoreInForce, rubricInForce, scoreAttempt } from "../../runtime/assessment";
import type { MultipleResponseQuestion, QuestionData, RubricData } from "../../runtime/course/types";
import { base, options } from "./fixtures";

const single = (id: string): QuestionData => ({ ...base(id), type: "single-choice", choices: options("a", "b"), correct: "a" });
const partial = (id: string, correct: string[], all: string[]): MultipleResponseQuestion => ({
  ...base(id),
  type: "multiple-response",
  choices: options(...all),
  correct,
  partialCredit: true,
});

describe("attempt score on the passing mark (docs/rules/assessment.md §1–§2)", () => {
  it("a mean that is exactly 80 is 80, and passes at P = 80", () => {
    const answers = [
      { question: single("s1"), response: { type: "single-choice", choice: "a" } },
      { question: single("s2"), response: { type: "single-choice", choice: "a" } },
      { question: single("s3"), response: { type: "single-choice", choice: "a" } },
      // 2 of 3 right: 66.67; 2 of 6 right: 33.33 — together exactly 100.
      { question: partial("m3", ["a", "b", "c"], ["a", "b", "c", "d"]), response: { type: "multiple-response", choices: ["a", "b"] } },
      {
        question: partial("m6", ["a", "b", "c", "d", "e", "f"], ["a", "b", "c", "d", "e", "f", "g"]),
        response: { type: "multiple-response", choices: ["a", "b"] },
      },
    ];
    const score = attemptScore(answers);
    expect(score).toBe(80);
    expect(scoreAttempt({ type: "pass-fail", passingAttemptScore: 80 }, [score], 3).status).toBe("passed");
  });

  it("weights that sum in binary noise still give the exact mean (75 at P = 75)", () => {
    const weights = [0.5, 0.1, 0.2, 0.4];
    const answers = weights.map((weight, i) => ({
      question: { ...single(`w${i}`), weight },
      response: { type: "single-choice", choice: i === 0 || i === 3 ? "a" : "b" },
    }));
    expect(attemptScore(answers)).toBe(75);
  });

  it("1/3 and 2/3 partial credit average to exactly 50", () => {
    const answers = [
      { question: partial("t1", ["a", "b", "c"], ["a", "b", "c"]), response: { type: "multiple-response", choices: ["a"] } },
      { question: partial("t2", ["a", "b", "c"], ["a", "b", "c"]), response: { type: "multiple-response", choices: ["a", "b"] } },
    ];
    expect(attemptScore(answers)).toBe(50);
  });
});

describe("legacy `attempt` rubric and the LMS mastery score (docs/rules/assessment.md §2, §4)", () => {
  const legacy: RubricData = { type: "attempt", mods: [{ attemptCondition: 1, reward: 5 }] };

  it("without an LMS value every attempt passes (bar 0), as Obojobo", () => {
    const P = passingScoreInForce(null, legacy.passingAttemptScore, legacy.type);
    expect(P).toBe(0);
    const result = scoreAttempt(rubricInForce(legacy, P), [20], 3);
    expect(result.status).toBe("passed");
    expect(result.assessmentModdedScore).toBe(25);
  });

  it("with an LMS mastery of 80 a 20 fails (no mods), and an 85 passes with its mods", () => {
    const P = passingScoreInForce(80, legacy.passingAttemptScore, legacy.type);
    const low = scoreAttempt(rubricInForce(legacy, P), [20], 3);
    expect(low.status).toBe("failed");
    expect(low.rewardedMods).toEqual([]);
    expect(low.assessmentModdedScore).toBe(20);
    const high = scoreAttempt(rubricInForce(legacy, P), [85], 3);
    expect(high.status).toBe("passed");
    expect(high.assessmentModdedScore).toBe(90);
  });

  it("scoreAttempt itself keeps Obojobo's legacy behaviour: every attempt passes", () => {
    expect(scoreAttempt({ ...legacy, passingAttemptScore: 90 }, [20], 3).status).toBe("passed");
  });

  it("pass-fail keeps its default bar of 100", () => {
    expect(passingScoreInForce(null, undefined)).toBe(100);
    expect(passingScoreInForce(null, undefined, "pass-fail")).toBe(100);
  });
});
