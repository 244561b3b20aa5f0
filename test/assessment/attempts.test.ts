import { describe, expect, it } from "vitest";
import type { AssessmentData, QuestionData } from "../../runtime/course/types";
import { assessmentResult, attemptScore, scoreActionFor, scoreActionMatches } from "../../runtime/assessment/attempts";
import type { AttemptResult } from "../../runtime/assessment/types";
import { assessment, base, everyType, text } from "./fixtures";

const single = (id: string, weight = 1): QuestionData => ({
  ...base(id),
  weight,
  type: "single-choice",
  choices: [
    { id: "a", text: "A" },
    { id: "b", text: "B" },
  ],
  correct: "a",
});
const right = { type: "single-choice", choice: "a" } as const;
const wrong = { type: "single-choice", choice: "b" } as const;

const result = (status: AttemptResult["status"], score: number | null): AttemptResult => ({
  status,
  attemptNumber: 1,
  attemptScore: score ?? 0,
  assessmentScore: score,
  rewardedMods: [],
  rewardTotal: 0,
  assessmentModdedScore: score,
});

describe("attempt score (docs/rules/assessment.md §1)", () => {
  it("is the mean of gradable question scores, survey excluded, unanswered = 0", () => {
    const survey = everyType().find((q) => q.type === "survey")!;
    expect(
      attemptScore([
        { question: single("a"), response: right },
        { question: single("b"), response: wrong },
        { question: single("c"), response: undefined },
        { question: survey, response: { type: "survey", choice: "1" } },
      ]),
    ).toBeCloseTo(100 / 3, 12);
  });
  it("is weighted when weights differ", () => {
    expect(
      attemptScore([
        { question: single("a", 3), response: right },
        { question: single("b", 1), response: wrong },
      ]),
    ).toBe(75);
  });
  it("is 0 when nothing is gradable", () => {
    expect(attemptScore([])).toBe(0);
    expect(attemptScore([{ question: everyType().find((q) => q.type === "survey")!, response: undefined }])).toBe(0);
    expect(attemptScore([{ question: single("z", 0), response: right }])).toBe(0);
  });
});

describe("the assessment across attempts (docs/rules/assessment.md §3)", () => {
  const a3: AssessmentData = assessment([], { attempts: 3 });

  it("notAttempted before any attempt", () => {
    expect(assessmentResult([], a3)).toEqual({ status: "notAttempted", score: null, scoreAttemptNumber: null, attemptsTaken: 0, final: false });
  });
  it("score = highest non-null, ties to the later attempt, null counts lowest", () => {
    expect(assessmentResult([result("failed", 50), result("failed", null), result("failed", 50)], a3)).toMatchObject({ score: 50, scoreAttemptNumber: 3 });
    expect(assessmentResult([result("failed", null), result("failed", null)], a3)).toMatchObject({ score: null, scoreAttemptNumber: null, status: "failed" });
  });
  it("passed if any attempt passed, even when a later one failed", () => {
    expect(assessmentResult([result("passed", 90), result("failed", 10)], { ...a3, allowAttemptsAfterPass: true })).toMatchObject({
      status: "passed",
      score: 90,
    });
  });
  it("unableToPass when the last allowed attempt ended so", () => {
    expect(assessmentResult([result("failed", 10), result("failed", 20), result("unableToPass", 20)], a3)).toMatchObject({
      status: "unableToPass",
      final: true,
    });
  });
  it("final: closed after a pass unless more attempts are allowed; exhausted attempts", () => {
    expect(assessmentResult([result("passed", 90)], a3).final).toBe(true);
    expect(assessmentResult([result("passed", 90)], { ...a3, allowAttemptsAfterPass: true }).final).toBe(false);
    expect(assessmentResult([result("failed", 1), result("failed", 2)], a3).final).toBe(false);
    expect(assessmentResult([result("failed", 1), result("failed", 2), result("failed", 3)], a3).final).toBe(true);
    expect(assessmentResult([result("failed", 1)], { ...a3, attempts: "unlimited" }).final).toBe(false);
  });
});

describe("score actions (first match wins, same range grammar, no-score)", () => {
  const actions = assessment([], {
    scoreActions: [
      { for: "no-score", message: text("nothing") },
      { for: "[0,50)", message: text("low") },
      { for: "[ 40 , 100 ]", message: text("high") },
      { for: "100", message: text("perfect (never reached: the previous one matches first)") },
    ],
  });
  it("chooses by score", () => {
    expect(scoreActionFor(actions, null, "failed")?.message.text).toBe("nothing");
    expect(scoreActionFor(actions, 0, "failed")?.message.text).toBe("low");
    expect(scoreActionFor(actions, 45, "failed")?.message.text).toBe("low");
    expect(scoreActionFor(actions, 50, "failed")?.message.text).toBe("high");
    expect(scoreActionFor(actions, 100, "failed")?.message.text).toBe("high");
  });
  it('with "when": chooses by status too, first match in order; 87.5 under a mastery score of 90 never reads the pass message (issue 10 item 8)', () => {
    const byOutcome = assessment([], {
      scoreActions: [
        { when: "passed", for: "100", message: text("perfect") },
        { when: "passed", message: text("well done") },
        { when: "failed", for: "[80,100]", message: text("so close") },
        { when: "failed", message: text("try again") },
        { for: "no-score", message: text("no score") },
        { message: text("everyone else") },
      ],
    });
    const chosen = (score: number | null, status: Parameters<typeof scoreActionFor>[2]) => scoreActionFor(byOutcome, score, status)?.message.text;
    expect(chosen(100, "passed")).toBe("perfect");
    expect(chosen(87.5, "passed")).toBe("well done"); // with the rubric's 80
    expect(chosen(87.5, "failed")).toBe("so close"); // the same score under an LMS mastery score of 90
    expect(chosen(20, "failed")).toBe("try again");
    expect(chosen(null, "failed")).toBe("try again"); // an action without "for" matches no-score too
    expect(chosen(null, "unableToPass")).toBe("no score");
    expect(chosen(70, "unableToPass")).toBe("everyone else");
    expect(scoreActionMatches({ when: "passed", for: "no-score", message: text("x") }, null, "passed")).toBe(true);
    expect(scoreActionMatches({ when: "passed", for: "[0,50]", message: text("x") }, 60, "passed")).toBe(false);
    expect(scoreActionMatches({ when: "unableToPass", message: text("x") }, 60, "failed")).toBe(false);
  });

  it("returns null when nothing matches", () => {
    expect(scoreActionFor(assessment([], { scoreActions: [{ for: "[90,100]", message: text("x") }] }), 10, "failed")).toBeNull();
    expect(scoreActionFor(assessment([], { scoreActions: [{ for: "[90,100]", message: text("x") }] }), null, "failed")).toBeNull();
    expect(scoreActionFor(null, 10, "failed")).toBeNull();
  });
});
