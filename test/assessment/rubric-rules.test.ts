import { describe, expect, it } from "vitest";
import type { RubricData } from "../../runtime/course/types";
import { parseRange, rangeContains } from "../../runtime/assessment/range";
import { MAX_MODS, scoreAttempt } from "../../runtime/assessment/rubric";

const P80: RubricData = { type: "pass-fail", passingAttemptScore: 80 };

describe("range strings (docs/rules/assessment.md §2 attemptCondition)", () => {
  it("parses inclusive and exclusive bounds, spaces and $last_attempt", () => {
    expect(parseRange("[1,3]")).toEqual({ min: 1, minInclusive: true, max: 3, maxInclusive: true });
    expect(parseRange(" ( 1 , 3 ] ")).toEqual({ min: 1, minInclusive: false, max: 3, maxInclusive: true });
    expect(parseRange("[2, $last_attempt)")).toEqual({ min: 2, minInclusive: true, max: "$last_attempt", maxInclusive: false });
    expect(parseRange(4)).toEqual({ min: 4, minInclusive: true, max: 4, maxInclusive: true });
    expect(parseRange("4")).toEqual({ min: 4, minInclusive: true, max: 4, maxInclusive: true });
    expect(parseRange("$last_attempt")).toEqual({ min: "$last_attempt", minInclusive: true, max: "$last_attempt", maxInclusive: true });
  });

  it("rejects malformed ranges", () => {
    for (const bad of ["", "[1,2", "1,2]", "[1;2]", "[a,2]", "[1,2,3]", "{1,2}", "[$first,2]", "[,2]", Number.NaN]) {
      expect(parseRange(bad as string), String(bad)).toBeNull();
    }
  });

  it("contains values by bound kind", () => {
    const r = parseRange("(1,3]")!;
    expect([1, 2, 3, 4].map((n) => rangeContains(r, n))).toEqual([false, true, true, false]);
    const open = parseRange("[1,3)")!;
    expect([1, 2, 3].map((n) => rangeContains(open, n))).toEqual([true, true, false]);
  });

  it("$last_attempt is A, and infinite with unlimited attempts", () => {
    const exactlyLast = parseRange("$last_attempt")!;
    expect(rangeContains(exactlyLast, 3, 3)).toBe(true);
    expect(rangeContains(exactlyLast, 2, 3)).toBe(false);
    expect(rangeContains(exactlyLast, 1000, Infinity)).toBe(false);
    const all = parseRange("[1,$last_attempt]")!;
    expect(rangeContains(all, 1000, Infinity)).toBe(true);
  });
});

describe("the pass-fail rubric rules (docs/rules/assessment.md §2)", () => {
  it("defaults: P=100, passedResult 100, failedResult 0", () => {
    expect(scoreAttempt({ type: "pass-fail" }, [99], 2)).toMatchObject({ status: "failed", assessmentModdedScore: 0 });
    expect(scoreAttempt({ type: "pass-fail" }, [100], 2)).toMatchObject({ status: "passed", assessmentModdedScore: 100 });
  });

  it("pass/fail depends only on the latest attempt", () => {
    const result = scoreAttempt({ ...P80, failedResult: "$attempt_score" }, [90, 50], 3);
    expect(result).toMatchObject({ status: "failed", attemptNumber: 2, assessmentModdedScore: 50 });
  });

  it("unableToPass needs finite A, the last attempt, unableToPassResult set and no attempt ever reaching P", () => {
    const rubric: RubricData = { ...P80, unableToPassResult: "no-score" };
    expect(scoreAttempt(rubric, [10, 20, 30], 3).status).toBe("unableToPass");
    expect(scoreAttempt(rubric, [10, 20, 30], 3).assessmentModdedScore).toBeNull();
    expect(scoreAttempt(rubric, [10, 20, 30], Infinity).status).toBe("failed"); // unlimited
    expect(scoreAttempt(rubric, [10, 20, 30], "unlimited").status).toBe("failed");
    expect(scoreAttempt(rubric, [10, 20], 3).status).toBe("failed"); // not the last attempt
    expect(scoreAttempt(P80, [10, 20, 30], 3).status).toBe("failed"); // unableToPassResult absent
    expect(scoreAttempt(rubric, [85, 20, 30], 3)).toMatchObject({ status: "failed", assessmentModdedScore: 0 }); // P was reached once
  });

  it("a numeric unableToPassResult is used as it is", () => {
    expect(scoreAttempt({ ...P80, unableToPassResult: 25 }, [10], 1)).toMatchObject({ status: "unableToPass", assessmentModdedScore: 25 });
  });

  it("mods apply only to a passed attempt, all matching mods summed, only the final score clamped", () => {
    const rubric: RubricData = {
      ...P80,
      passedResult: "$attempt_score",
      failedResult: "$attempt_score",
      mods: [
        { attemptCondition: "[1,2]", reward: 30 },
        { attemptCondition: 1, reward: 30 },
        { attemptCondition: "[1,$last_attempt]", reward: -50 },
      ],
    };
    expect(scoreAttempt(rubric, [90], 3)).toMatchObject({ rewardedMods: [0, 1, 2], rewardTotal: 10, assessmentModdedScore: 100 });
    expect(scoreAttempt(rubric, [10], 3)).toMatchObject({ status: "failed", rewardedMods: [], rewardTotal: 0, assessmentModdedScore: 10 });
  });

  it("a mod without a condition applies to nothing; an exact $last_attempt mod never applies when unlimited", () => {
    const rubric: RubricData = { ...P80, mods: [{ reward: 5 }, { attemptCondition: "$last_attempt", reward: 5 }] };
    expect(scoreAttempt(rubric, [90], Infinity).rewardedMods).toEqual([]);
    expect(scoreAttempt({ ...rubric, passedResult: 50 }, [90], 1)).toMatchObject({ rewardedMods: [1], assessmentModdedScore: 55 });
  });

  it("only the first 20 mods count", () => {
    const mods = Array.from({ length: 25 }, () => ({ attemptCondition: 1, reward: 1 }));
    const result = scoreAttempt({ ...P80, passedResult: 0, mods }, [90], 3);
    expect(result.rewardedMods).toHaveLength(MAX_MODS);
    expect(result.assessmentModdedScore).toBe(20);
  });

  it("malformed mod conditions match nothing", () => {
    const result = scoreAttempt({ ...P80, passedResult: 50, mods: [{ attemptCondition: "[1,", reward: 9 }] }, [90], 3);
    expect(result.rewardedMods).toEqual([]);
  });

  it("legacy type attempt: every attempt passes, score = attempt score + mods", () => {
    expect(scoreAttempt({ type: "attempt", passingAttemptScore: 90 }, [12.5], 3)).toMatchObject({
      status: "passed",
      assessmentScore: 12.5,
      assessmentModdedScore: 12.5,
    });
  });

  it("never rounds", () => {
    expect(scoreAttempt({ ...P80, failedResult: "$attempt_score" }, [200 / 3], 3).assessmentModdedScore).toBe(200 / 3);
  });

  it("a mastery override replaces passingAttemptScore (the caller's job)", () => {
    const rubric: RubricData = { ...P80, passedResult: "$attempt_score", failedResult: "$attempt_score" };
    expect(scoreAttempt(rubric, [70], 3).status).toBe("failed");
    expect(scoreAttempt({ ...rubric, passingAttemptScore: 60 }, [70], 3).status).toBe("passed");
  });

  it("never throws on odd inputs: no attempts counts as one attempt scoring 0, scores are clamped", () => {
    expect(scoreAttempt(P80, [], 3)).toMatchObject({ status: "failed", attemptNumber: 1, attemptScore: 0 });
    expect(scoreAttempt(P80, [150], 3)).toMatchObject({ status: "passed", attemptScore: 100 });
  });
});
