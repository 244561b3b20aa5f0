import { describe, expect, it } from "vitest";
import { validateRubric } from "../../runtime/assessment/rubric-validate";

const paths = (problems: { path: string; severity: string }[], severity = "error"): string[] =>
  problems.filter((p) => p.severity === severity).map((p) => p.path);

describe("validateRubric (docs/rules/assessment.md §2, build time)", () => {
  it("accepts a sound rubric", () => {
    expect(
      validateRubric(
        {
          type: "pass-fail",
          passingAttemptScore: 80,
          passedResult: "$attempt_score",
          failedResult: "no-score",
          unableToPassResult: "$highest_attempt_score",
          mods: [{ attemptCondition: "[1,2]", reward: 5 }],
        },
        { attemptsAllowed: 3 },
      ),
    ).toEqual([]);
  });

  it("reports out-of-range numbers with their paths", () => {
    const problems = validateRubric({
      type: "pass-fail",
      passingAttemptScore: 120,
      passedResult: -1,
      failedResult: 101,
      mods: [{ attemptCondition: 1, reward: 150 }],
    });
    expect(paths(problems)).toEqual(["/passingAttemptScore", "/passedResult", "/failedResult", "/mods/0/reward"]);
  });

  it("reports placeholders where the table does not allow them", () => {
    const problems = validateRubric({
      type: "pass-fail",
      passedResult: "no-score",
      failedResult: "$highest_attempt_score",
      unableToPassResult: "$attempt_score",
    });
    expect(paths(problems)).toEqual(["/passedResult", "/failedResult", "/unableToPassResult"]);
  });

  it("reports malformed ranges at /mods/<i>/attemptCondition and more than 20 mods", () => {
    const mods = Array.from({ length: 22 }, (_, i) => ({ attemptCondition: i === 3 ? "[1,2" : 1, reward: 1 }));
    const problems = validateRubric({ type: "pass-fail", mods });
    expect(paths(problems)).toEqual(["/mods/20", "/mods/3/attemptCondition"]);
  });

  it("warns about mods that can never apply", () => {
    const problems = validateRubric(
      {
        type: "pass-fail",
        mods: [{ reward: 1 }, { attemptCondition: "[3,1]", reward: 1 }, { attemptCondition: 5, reward: 1 }, { attemptCondition: "$last_attempt", reward: 1 }],
      },
      { attemptsAllowed: 3 },
    );
    expect(paths(problems, "warning")).toEqual(["/mods/0", "/mods/1/attemptCondition", "/mods/2/attemptCondition"]);
    const unlimited = validateRubric({ type: "pass-fail", mods: [{ attemptCondition: "$last_attempt", reward: 1 }] }, { attemptsAllowed: "unlimited" });
    expect(unlimited).toMatchObject([{ path: "/mods/0/attemptCondition", severity: "warning", message: expect.stringMatching(/unlimited/) }]);
  });

  it("with a mastery score expected: passedResult below the bar and failing results reaching it are errors", () => {
    expect(paths(validateRubric({ type: "pass-fail", passingAttemptScore: 80, passedResult: 70 }, { masteryExpected: true }))).toEqual(["/passedResult"]);
    expect(paths(validateRubric({ type: "pass-fail", passingAttemptScore: 80, passedResult: 70 }))).toEqual([]);
    expect(paths(validateRubric({ type: "pass-fail", passedResult: 100, failedResult: 90 }, { masteryExpected: true, masteryScore: 85 }))).toEqual([
      "/failedResult",
    ]);
    expect(paths(validateRubric({ type: "attempt" }, { masteryExpected: true }), "warning")).toEqual(["/type"]);
  });

  it("reports a bad type and non-object rubrics without throwing", () => {
    expect(paths(validateRubric({ type: "points" }))).toEqual(["/type"]);
    expect(paths(validateRubric(null))).toEqual([""]);
    expect(paths(validateRubric({ type: "pass-fail", mods: "lots" }))).toEqual(["/mods"]);
  });
});
