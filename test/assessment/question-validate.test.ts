import { describe, expect, it } from "vitest";
import type { QuestionData } from "../../runtime/course/types";
import { validateQuestion } from "../../runtime/assessment/question-validate";
import { validateAssessment } from "../../runtime/assessment/assessment-validate";
import { REPORTING_LIMITS } from "../../runtime/lms/reporting-limits";
import { assessment, base, everyType, options, singleChoices } from "./fixtures";

const errors = (q: unknown): string[] =>
  validateQuestion(q)
    .filter((p) => p.severity === "error")
    .map((p) => p.path);
const warnings = (q: unknown): string[] =>
  validateQuestion(q, REPORTING_LIMITS)
    .filter((p) => p.severity === "warning")
    .map((p) => p.path);

describe("validateQuestion (build time)", () => {
  it("accepts every type in the fixtures", () => {
    for (const q of everyType()) expect(validateQuestion(q), q.id).toEqual([]);
  });

  it("finds questions that can never be answered correctly", () => {
    expect(errors({ ...base("s"), type: "single-choice", choices: options("a", "b"), correct: "c" })).toEqual(["/correct"]);
    expect(errors({ ...base("m"), type: "multiple-response", choices: options("a", "b"), correct: ["a", "z"], partialCredit: false })).toEqual(["/correct/1"]);
    expect(errors({ ...base("m"), type: "multiple-response", choices: options("a", "b"), correct: [], partialCredit: false })).toEqual(["/correct"]);
    expect(errors({ ...base("n"), type: "numeric", answer: { min: 5, max: 1 } })).toEqual(["/answer"]);
    expect(errors({ ...base("t"), type: "text-entry", accepted: [], caseSensitive: false, whitespace: "trim", long: false })).toEqual(["/accepted"]);
    expect(errors({ ...base("t"), type: "text-entry", accepted: ["ok", "   "], caseSensitive: false, whitespace: "trim", long: false })).toEqual([
      "/accepted/1",
    ]);
    expect(
      errors({
        ...base("p"),
        type: "matching",
        partialCredit: false,
        pairs: [
          { id: "a", source: "x", target: "T" },
          { id: "b", source: "y", target: "T" },
        ],
      }),
    ).toEqual(["/pairs/1/target"]);
  });

  it("reports bad shapes with paths", () => {
    expect(
      errors({
        ...base("s"),
        type: "single-choice",
        choices: [
          { id: "a b", text: "A" },
          { id: "a b", text: "" },
        ],
        correct: "a b",
      }),
    ).toEqual(["/choices/0/id", "/choices/1/id", "/choices/1/id", "/choices/1/text"]);
    expect(errors({ ...base("bad id"), weight: -1, type: "true-false", answer: "yes" })).toEqual(["/id", "/weight", "/answer"]);
    expect(errors({ ...base("n"), type: "numeric", answer: { value: 1, tolerance: -1 } })).toEqual(["/answer/tolerance"]);
    expect(errors({ ...base("n"), type: "numeric", answer: { approx: 1 } })).toEqual(["/answer"]);
    expect(errors({ ...base("x"), type: "essay" })).toEqual(["/type"]);
    expect(errors({ ...base("o"), type: "ordering", items: options("a"), partialCredit: "no" })).toEqual(["/partialCredit", "/items"]);
    expect(errors("nope")).toEqual([""]);
  });

  it("warns about what a standard cannot report", () => {
    const ids = Array.from({ length: 37 }, (_, i) => `c${i}`);
    expect(warnings({ ...base("big"), type: "single-choice", choices: options(...ids), correct: "c0" })).toEqual(["/choices"]);
    expect(warnings({ ...base("t"), type: "text-entry", accepted: ["x".repeat(251)], caseSensitive: false, whitespace: "trim", long: false })).toEqual([
      "/accepted/0",
    ]);
  });

  it("words the reporting limits for authors as the lms side gives them, and checks none without them", () => {
    const ids = Array.from({ length: 37 }, (_, i) => `c${i}`);
    const big = { ...base("big"), type: "single-choice", choices: options(...ids), correct: "c0" };
    const pairs = { ...base("p"), type: "matching", partialCredit: false, pairs: ids.map((id) => ({ id, source: `s ${id}`, target: `t ${id}` })) };
    const text = { ...base("t"), type: "text-entry", accepted: ["x".repeat(251)], caseSensitive: false, whitespace: "trim", long: false };
    const messages = (q: unknown): string[] => validateQuestion(q, REPORTING_LIMITS).map((p) => p.message);
    expect(messages(big)).toEqual([
      "more than 36 choice: SCORM 1.2 cannot report this question, nor SCORM 2004 a response or answer listing more than 36 of them",
    ]);
    expect(messages(pairs)).toEqual(["more than 36 pairs: SCORM 1.2 cannot report this question"]);
    expect(messages(text)).toEqual(["longer than 250 characters: SCORM 2004 fill-in cannot carry it (use long)"]);
    for (const q of [big, pairs, text]) expect(validateQuestion(q)).toEqual([]);
  });
});

describe("validateAssessment", () => {
  it("prefixes question problems, checks banks, ids, attempts, rubric and score actions", () => {
    const broken: QuestionData = { ...base("q2"), type: "single-choice", choices: options("a", "b"), correct: "z" };
    const a = assessment([singleChoices(1)[0]!, { kind: "bank", id: "bank", choose: 5, order: "random", questions: [broken, singleChoices(1)[0]!] }], {
      attempts: 0,
      rubric: { type: "pass-fail", mods: [{ attemptCondition: "[x]", reward: 1 }] },
      scoreActions: [
        { for: "[0,50]", message: { html: "", text: "" } },
        { for: "[0,", message: { html: "", text: "" } },
        { when: "passed", message: { html: "", text: "" } },
        { when: "won" as "passed", message: { html: "", text: "" } },
      ],
    });
    const paths = validateAssessment(a)
      .filter((p) => p.severity === "error")
      .map((p) => p.path);
    expect(paths).toEqual([
      "/attempts",
      "/items/1/choose",
      "/items/1/questions/0/correct",
      "/items/1/questions/1/id",
      "/rubric/mods/0/attemptCondition",
      "/scoreActions/1/for",
      "/scoreActions/3/when",
    ]);
  });

  it("warns that a legacy attempt rubric closes the assessment after one attempt unless more are allowed after a pass", () => {
    const warn = (allowAttemptsAfterPass: boolean) =>
      validateAssessment(assessment(singleChoices(2), { rubric: { type: "attempt" }, allowAttemptsAfterPass }))
        .filter((p) => p.severity === "warning")
        .map((p) => p.path);
    expect(warn(false)).toEqual(["/allowAttemptsAfterPass"]);
    expect(warn(true)).toEqual([]);
  });
});
