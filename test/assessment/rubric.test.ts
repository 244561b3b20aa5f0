import { describe, expect, it } from "vitest";
import type { RubricData } from "../../runtime/course/types";
import { scoreAttempt } from "../../runtime/assessment/rubric";

const P80: RubricData = { type: "pass-fail", passingAttemptScore: 80 };

describe("docs/rules/assessment.md §5 worked examples (P = 80)", () => {
  it("passed=100, failed=0: [79] → failed 0; [80] → passed 100", () => {
    const rubric: RubricData = { ...P80, passedResult: 100, failedResult: 0 };
    expect(scoreAttempt(rubric, [79], 3)).toMatchObject({ status: "failed", assessmentModdedScore: 0, attemptNumber: 1, attemptScore: 79 });
    expect(scoreAttempt(rubric, [80], 3)).toMatchObject({ status: "passed", assessmentModdedScore: 100, assessmentScore: 100 });
  });

  describe("passed=$attempt_score, failed=no-score, unableToPass=$highest_attempt_score, A=3", () => {
    const rubric: RubricData = { ...P80, passedResult: "$attempt_score", failedResult: "no-score", unableToPassResult: "$highest_attempt_score" };
    it("[79] → failed, null", () => {
      expect(scoreAttempt(rubric, [79], 3)).toEqual({
        status: "failed",
        attemptNumber: 1,
        attemptScore: 79,
        assessmentScore: null,
        rewardedMods: [],
        rewardTotal: 0,
        assessmentModdedScore: null,
      });
    });
    it("[79,80] → passed, 80", () => {
      expect(scoreAttempt(rubric, [79, 80], 3)).toMatchObject({ status: "passed", attemptNumber: 2, assessmentModdedScore: 80 });
    });
    it("[79,79,79] → unableToPass, 79 (the last attempt reaching it)", () => {
      expect(scoreAttempt(rubric, [79, 79, 79], 3)).toMatchObject({ status: "unableToPass", attemptNumber: 3, assessmentModdedScore: 79 });
    });
    it("[70,60,50] → unableToPass, 70 reported from attempt 1", () => {
      expect(scoreAttempt(rubric, [70, 60, 50], 3)).toEqual({
        status: "unableToPass",
        attemptNumber: 1,
        attemptScore: 50,
        assessmentScore: 70,
        rewardedMods: [],
        rewardTotal: 0,
        assessmentModdedScore: 70,
      });
    });
  });

  describe('type attempt, mods {1:+1, 2:+3, "[2,3]":+7}', () => {
    const rubric: RubricData = {
      type: "attempt",
      mods: [
        { attemptCondition: 1, reward: 1 },
        { attemptCondition: 2, reward: 3 },
        { attemptCondition: "[2,3]", reward: 7 },
      ],
    };
    it("[80] → 81", () =>
      expect(scoreAttempt(rubric, [80], Infinity)).toMatchObject({ status: "passed", assessmentModdedScore: 81, rewardedMods: [0], rewardTotal: 1 }));
    it("[80,50] → 60 (rewards 3+7)", () =>
      expect(scoreAttempt(rubric, [80, 50], Infinity)).toMatchObject({
        assessmentScore: 50,
        assessmentModdedScore: 60,
        rewardedMods: [1, 2],
        rewardTotal: 10,
      }));
    it("[80,51,70] → 77", () => expect(scoreAttempt(rubric, [80, 51, 70], Infinity)).toMatchObject({ assessmentModdedScore: 77, rewardedMods: [2] }));
  });

  it("mod 1:+100 on [80] → 100 (clamped); mod 1:-100 → 0", () => {
    expect(scoreAttempt({ ...P80, mods: [{ attemptCondition: 1, reward: 100 }] }, [80], 3)).toMatchObject({ assessmentModdedScore: 100, rewardTotal: 100 });
    expect(scoreAttempt({ ...P80, mods: [{ attemptCondition: 1, reward: -100 }] }, [80], 3)).toMatchObject({ assessmentModdedScore: 0, rewardTotal: -100 });
  });
});
