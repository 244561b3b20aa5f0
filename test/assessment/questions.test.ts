import { describe, expect, it } from "vitest";
import type { QuestionData } from "../../runtime/course/types";
import { scoreQuestion } from "../../runtime/assessment/scoring";
import { canonicalResponse } from "../../runtime/assessment/responses";
import { base, everyType } from "./fixtures";

const q = (id: string): QuestionData => everyType().find((x) => x.id === id)!;

describe("question scoring 0..100 (docs/rules/assessment.md §1)", () => {
  it("single choice: right, wrong, unknown id", () => {
    expect(scoreQuestion(q("q-single"), { type: "single-choice", choice: "c" })).toBe(100);
    expect(scoreQuestion(q("q-single"), { type: "single-choice", choice: "a" })).toBe(0);
    expect(scoreQuestion(q("q-single"), { type: "single-choice", choice: "zz" })).toBe(0);
  });

  it("multiple response: all-or-nothing by default, partial credit = (right − wrong picks) / right options", () => {
    const allOrNothing = { ...(q("q-multi") as Extract<QuestionData, { type: "multiple-response" }>), partialCredit: false };
    expect(scoreQuestion(allOrNothing, { type: "multiple-response", choices: ["c", "a"] })).toBe(100);
    expect(scoreQuestion(allOrNothing, { type: "multiple-response", choices: ["a"] })).toBe(0);
    const partial = q("q-multi");
    expect(scoreQuestion(partial, { type: "multiple-response", choices: ["a"] })).toBe(50);
    expect(scoreQuestion(partial, { type: "multiple-response", choices: ["a", "b"] })).toBe(0);
    expect(scoreQuestion(partial, { type: "multiple-response", choices: ["a", "c", "b"] })).toBe(50);
    expect(scoreQuestion(partial, { type: "multiple-response", choices: ["b", "d"] })).toBe(0);
    expect(scoreQuestion(partial, { type: "multiple-response", choices: [] })).toBe(0);
  });

  it("true-false", () => {
    expect(scoreQuestion(q("q-tf"), { type: "true-false", value: false })).toBe(100);
    expect(scoreQuestion(q("q-tf"), { type: "true-false", value: true })).toBe(0);
  });

  it("numeric: exact (binary noise absorbed), tolerance, range", () => {
    const exact: QuestionData = { ...base("n1"), type: "numeric", answer: { exact: 0.3 } };
    expect(scoreQuestion(exact, { type: "numeric", value: 0.1 + 0.2 })).toBe(100);
    expect(scoreQuestion(exact, { type: "numeric", value: 0.31 })).toBe(0);
    expect(scoreQuestion(q("q-num"), { type: "numeric", value: 9.86 })).toBe(100);
    expect(scoreQuestion(q("q-num"), { type: "numeric", value: 9.76 })).toBe(100);
    expect(scoreQuestion(q("q-num"), { type: "numeric", value: 9.87 })).toBe(0);
    const range: QuestionData = { ...base("n2"), type: "numeric", answer: { min: -5, max: 5 } };
    expect([-5, 0, 5, 5.01, -6].map((value) => scoreQuestion(range, { type: "numeric", value }))).toEqual([100, 100, 100, 0, 0]);
  });

  it("text entry: several accepted answers, case and whitespace rules", () => {
    const collapse = q("q-text");
    expect(scoreQuestion(collapse, { type: "text-entry", text: "  paris  " })).toBe(100);
    expect(scoreQuestion(collapse, { type: "text-entry", text: "PARIS,   france" })).toBe(100);
    expect(scoreQuestion(collapse, { type: "text-entry", text: "Lyon" })).toBe(0);
    const strict: QuestionData = { ...base("t2"), type: "text-entry", accepted: ["Paris"], caseSensitive: true, whitespace: "exact", long: false };
    expect(scoreQuestion(strict, { type: "text-entry", text: "Paris" })).toBe(100);
    expect(scoreQuestion(strict, { type: "text-entry", text: "paris" })).toBe(0);
    expect(scoreQuestion(strict, { type: "text-entry", text: "Paris " })).toBe(0);
    const trim: QuestionData = { ...strict, whitespace: "trim", accepted: ["New York"] };
    expect(scoreQuestion(trim, { type: "text-entry", text: " New York\n" })).toBe(100);
    expect(scoreQuestion(trim, { type: "text-entry", text: "New  York" })).toBe(0);
    // Unicode: a composed and a decomposed é are the same answer.
    const accent: QuestionData = { ...strict, accepted: ["café"] };
    expect(scoreQuestion(accent, { type: "text-entry", text: "cafe\u0301" })).toBe(100);
  });

  it("matching: all right, partial credit per pair, none", () => {
    const m = q("q-match");
    expect(scoreQuestion(m, { type: "matching", matches: { fr: "fr", de: "de", it: "it" } })).toBe(100);
    expect(scoreQuestion(m, { type: "matching", matches: { fr: "fr", de: "it", it: "de" } })).toBeCloseTo(100 / 3, 10);
    expect(scoreQuestion({ ...(m as Extract<QuestionData, { type: "matching" }>), partialCredit: false }, { type: "matching", matches: { fr: "fr" } })).toBe(0);
    expect(scoreQuestion(m, { type: "matching", matches: {} })).toBe(0);
  });

  it("ordering: exact order, partial credit by items that need not move, non-permutations are malformed", () => {
    const o = q("q-order");
    expect(scoreQuestion(o, { type: "ordering", order: ["one", "two", "three", "four"] })).toBe(100);
    expect(scoreQuestion(o, { type: "ordering", order: ["two", "one", "three", "four"] })).toBe(0);
    const partial = { ...(o as Extract<QuestionData, { type: "ordering" }>), partialCredit: true };
    expect(scoreQuestion(partial, { type: "ordering", order: ["four", "one", "two", "three"] })).toBe(75);
    expect(scoreQuestion(partial, { type: "ordering", order: ["four", "three", "two", "one"] })).toBe(25);
    expect(scoreQuestion(partial, { type: "ordering", order: ["one", "one", "two", "three"] })).toBe(0);
    expect(scoreQuestion(partial, { type: "ordering", order: ["one", "two", "three"] })).toBe(0);
  });

  it("survey is not gradable", () => {
    expect(scoreQuestion(q("q-survey"), { type: "survey", choice: "3" })).toBeNull();
    expect(scoreQuestion(q("q-survey"), undefined)).toBeNull();
  });

  it("unanswered and malformed responses score 0 and never throw", () => {
    const malformed: unknown[] = [
      undefined,
      null,
      42,
      "c",
      [],
      {},
      { type: "true-false", value: "yes" },
      { type: "numeric", value: Number.NaN },
      { type: "multiple-response", choices: "a" },
      { type: "matching", matches: ["fr"] },
      { type: "ordering", order: [1, 2] },
      { type: "text-entry" },
    ];
    for (const question of everyType().filter((x) => x.type !== "survey")) {
      for (const response of malformed) expect(scoreQuestion(question, response), `${question.id} ${JSON.stringify(response)}`).toBe(0);
      // A well-formed response of another type is malformed for this question.
      expect(scoreQuestion(question, { type: "survey", choice: "c" })).toBe(0);
    }
  });

  it("weights nothing here: question scores are 0..100 whatever the weight", () => {
    expect(scoreQuestion({ ...q("q-single"), weight: 5 }, { type: "single-choice", choice: "c" })).toBe(100);
  });
});

describe("canonicalResponse: what the engine keeps", () => {
  it("orders multiple-response picks as authored and drops duplicates", () => {
    expect(canonicalResponse(q("q-multi"), { type: "multiple-response", choices: ["c", "a", "c"] })).toEqual({
      type: "multiple-response",
      choices: ["a", "c"],
    });
  });
  it("rejects unknown ids, non-permutations, wrong types", () => {
    expect(canonicalResponse(q("q-single"), { type: "single-choice", choice: "x" })).toBeNull();
    expect(canonicalResponse(q("q-match"), { type: "matching", matches: { fr: "xx" } })).toBeNull();
    expect(canonicalResponse(q("q-order"), { type: "ordering", order: ["one"] })).toBeNull();
    expect(canonicalResponse(q("q-tf"), { type: "numeric", value: 1 })).toBeNull();
  });
  it("normalises -0 and keeps matches in authored order", () => {
    expect(canonicalResponse(q("q-num"), { type: "numeric", value: -0 })).toEqual({ type: "numeric", value: 0 });
    expect(Object.keys((canonicalResponse(q("q-match"), { type: "matching", matches: { it: "it", fr: "de" } }) as { matches: object }).matches)).toEqual([
      "fr",
      "it",
    ]);
  });
  it("does not confuse ids with Object.prototype members", () => {
    const m: QuestionData = {
      ...base("m"),
      type: "matching",
      pairs: [
        { id: "constructor", source: "s", target: "t" },
        { id: "x", source: "s2", target: "t2" },
      ],
      partialCredit: true,
    };
    expect(scoreQuestion(m, { type: "matching", matches: { x: "x" } })).toBe(50);
    expect(canonicalResponse(m, { type: "matching", matches: { x: "x" } })).toEqual({ type: "matching", matches: { x: "x" } });
  });
});
