// docs/rules/interactions.md: each question type's report in each standard's format (runtime/lms: xapi/interaction.ts,
// scorm2004/ and scorm12/interaction-format.ts), checked against the real
// validators: @learninglocker/xapi-validation for statements, scorm-again for SCORM 2004 and 1.2.
import validateXapi from "@learninglocker/xapi-validation";
import type Scorm12APIClass from "scorm-again/scorm12";
import type Scorm2004APIClass from "scorm-again/scorm2004";
import * as scorm12Module from "scorm-again/scorm12";
import * as scorm2004Module from "scorm-again/scorm2004";
import { describe, expect, it } from "vitest";
import type { QuestionData } from "../../runtime/course/types";
import type { Response } from "../../runtime/assessment/types";
import type { ScormInteraction } from "../../runtime/lms/scorm-common/interaction";
import { base, everyType, options } from "../assessment/fixtures";
import { formattedReport, type FormattedReport } from "./formatted";

// scorm-again's ESM build exports named classes while its types declare a default export.
const Scorm12API = (scorm12Module as unknown as { Scorm12API: typeof Scorm12APIClass }).Scorm12API;
const Scorm2004API = (scorm2004Module as unknown as { Scorm2004API: typeof Scorm2004APIClass }).Scorm2004API;

const context = { attemptNumber: 2, language: "en-US", latencyMs: 12_345, timestamp: Date.UTC(2026, 0, 2, 3, 4, 5) };
const byId = (id: string): QuestionData => everyType().find((q) => q.id === id)!;

/** Right, wrong and unanswered responses for each fixture question. */
const cases: [string, Response | undefined, "correct" | "incorrect" | "neutral"][] = [
  ["q-single", { type: "single-choice", choice: "c" }, "correct"],
  ["q-single", { type: "single-choice", choice: "a" }, "incorrect"],
  ["q-multi", { type: "multiple-response", choices: ["c", "a"] }, "correct"],
  ["q-multi", { type: "multiple-response", choices: ["a"] }, "incorrect"],
  ["q-tf", { type: "true-false", value: false }, "correct"],
  ["q-num", { type: "numeric", value: 9.8 }, "correct"],
  ["q-num", { type: "numeric", value: 1e-9 }, "incorrect"],
  ["q-text", { type: "text-entry", text: "paris" }, "correct"],
  ["q-text", { type: "text-entry", text: "{lang=fr} Lyon, [,] or [.]" }, "incorrect"],
  ["q-match", { type: "matching", matches: { fr: "fr", de: "de", it: "it" } }, "correct"],
  ["q-match", { type: "matching", matches: { fr: "de" } }, "incorrect"],
  ["q-order", { type: "ordering", order: ["one", "two", "three", "four"] }, "correct"],
  ["q-order", { type: "ordering", order: ["four", "two", "three", "one"] }, "incorrect"],
  ["q-survey", { type: "survey", choice: "4" }, "neutral"],
  ...everyType().map((q): [string, undefined, "incorrect" | "neutral"] => [q.id, undefined, q.type === "survey" ? "neutral" : "incorrect"]),
];

function statementFor(report: FormattedReport): unknown {
  const xapi = report.xapi!;
  return {
    id: "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
    actor: { objectType: "Agent", account: { homePage: "https://lms.example.org", name: "learner-1" } },
    verb: { id: "http://adlnet.gov/expapi/verbs/answered", display: { "en-US": "answered" } },
    object: { objectType: "Activity", id: `https://example.org/au/1/q/${report.questionId}`, definition: xapi.definition },
    result: {
      response: xapi.response,
      ...(report.result === "neutral" ? {} : { success: report.result === "correct" }),
      ...(report.score === null ? {} : { score: { scaled: report.score / 100 } }),
      duration: "PT12.35S",
    },
    timestamp: new Date(report.timestamp).toISOString(),
  };
}

function writeScorm2004(s: ScormInteraction, result: string): number[] {
  const lms = new Scorm2004API({ logLevel: 5, autocommit: false });
  lms.Initialize("");
  const errors: number[] = [];
  const set = (k: string, v: string): void => {
    lms.SetValue(`cmi.interactions.0.${k}`, v);
    errors.push(Number(lms.GetLastError()));
  };
  set("id", "q-1");
  set("type", s.type);
  s.correctPatterns.forEach((p, i) => set(`correct_responses.${i}.pattern`, p));
  if (s.response !== "") set("learner_response", s.response);
  set("result", result);
  set("latency", "PT12.35S");
  return errors;
}

function writeScorm12(s: ScormInteraction, result: string): number[] {
  const lms = new Scorm12API({ logLevel: 5, autocommit: false, mastery_override: false });
  lms.LMSInitialize("");
  const errors: number[] = [];
  const set = (k: string, v: string): void => {
    lms.LMSSetValue(`cmi.interactions.0.${k}`, v);
    errors.push(Number(lms.LMSGetLastError()));
  };
  set("id", "q-1");
  set("type", s.type);
  s.correctPatterns.forEach((p, i) => set(`correct_responses.${i}.pattern`, p));
  if (s.response !== "") set("student_response", s.response);
  set("result", result === "incorrect" ? "wrong" : result);
  set("latency", "0000:00:12.35");
  return errors;
}

describe("InteractionReport per question type", () => {
  it.each(cases)("%s %j → %s, valid in xAPI, SCORM 2004 and SCORM 1.2", (id, response, result) => {
    const report = formattedReport(byId(id), response, context);
    expect(report).toMatchObject({ questionId: id, attemptNumber: 2, result, latencyMs: 12_345, weighting: 1, description: `Prompt of ${id}` });
    expect(validateXapi(statementFor(report))).toEqual([]);
    expect(writeScorm2004(report.scorm2004!, result).filter((e) => e !== 0)).toEqual([]);
    expect(writeScorm12(report.scorm12!, result).filter((e) => e !== 0)).toEqual([]);
  });

  it("formats choice, multiple response and true-false", () => {
    const multi = formattedReport(byId("q-multi"), { type: "multiple-response", choices: ["c", "a"] }, context);
    expect(multi.xapi!.definition).toMatchObject({
      type: "http://adlnet.gov/expapi/activities/cmi.interaction",
      interactionType: "choice",
      correctResponsesPattern: ["a[,]c"],
      choices: [
        { id: "a", description: { "en-US": "Option a" } },
        { id: "b", description: { "en-US": "Option b" } },
        { id: "c", description: { "en-US": "Option c" } },
        { id: "d", description: { "en-US": "Option d" } },
      ],
    });
    expect(multi.xapi!.response).toBe("a[,]c");
    expect(multi.scorm2004).toEqual({ type: "choice", response: "a[,]c", correctPatterns: ["a[,]c"] });
    // SCORM 1.2: single characters mapped from the choice POSITION (a→0, c→2), commas between.
    expect(multi.scorm12).toEqual({ type: "choice", response: "0,2", correctPatterns: ["0,2"] });
    const tf = formattedReport(byId("q-tf"), { type: "true-false", value: true }, context);
    expect([tf.xapi!.response, tf.xapi!.definition.correctResponsesPattern, tf.scorm12]).toEqual([
      "true",
      ["false"],
      { type: "true-false", response: "t", correctPatterns: ["f"] },
    ]);
  });

  it("formats numeric: min[:]max for a tolerance (no binary noise), a single number when exact; 1.2 cannot carry a range", () => {
    const num = formattedReport(byId("q-num"), { type: "numeric", value: 1e-9 }, context);
    expect(num.xapi!.definition.correctResponsesPattern).toEqual(["9.76[:]9.86"]);
    expect(num.xapi!.response).toBe("0");
    expect(num.scorm12).toEqual({ type: "numeric", response: "0", correctPatterns: [] });
    const exact: QuestionData = { ...base("n"), type: "numeric", answer: { exact: 42 } };
    expect(formattedReport(exact, { type: "numeric", value: -3.5 }, context).scorm12).toEqual({ type: "numeric", response: "-3.5", correctPatterns: ["42"] });
  });

  it("numbers: never in exponent notation; beyond 10 integer digits SCORM cannot carry them (null)", () => {
    const huge = formattedReport(byId("q-num"), { type: "numeric", value: 1e21 }, context);
    expect(huge.xapi!.response).toBe("1000000000000000000000");
    expect([huge.scorm2004, huge.scorm12]).toEqual([null, null]);
    const big = formattedReport(byId("q-num"), { type: "numeric", value: 9_999_999_999.5 }, context);
    expect(big.scorm2004!.response).toBe("9999999999.5");
    expect(writeScorm2004(big.scorm2004!, "incorrect").filter((e) => e !== 0)).toEqual([]);
    expect(writeScorm12(big.scorm12!, "incorrect").filter((e) => e !== 0)).toEqual([]);
  });

  it("formats fill-in: one pattern per accepted answer, case_matters when case-sensitive, long-fill-in, length limits", () => {
    const text = formattedReport(byId("q-text"), { type: "text-entry", text: "paris" }, context);
    expect(text.xapi!.definition).toMatchObject({ interactionType: "fill-in", correctResponsesPattern: ["Paris", "Paris, France"] });
    const strict: QuestionData = { ...base("t"), type: "text-entry", accepted: ["Paris"], caseSensitive: true, whitespace: "trim", long: true };
    const long = formattedReport(strict, { type: "text-entry", text: "x".repeat(5000) }, context);
    expect(long.xapi!.definition).toMatchObject({ interactionType: "long-fill-in", correctResponsesPattern: ["{case_matters=true}Paris"] });
    expect(long.scorm2004!.response).toHaveLength(4000);
    expect(long.scorm12).toMatchObject({ type: "fill-in", correctPatterns: ["Paris"] });
    expect(long.scorm12!.response).toHaveLength(255);
    const short = formattedReport({ ...strict, long: false }, { type: "text-entry", text: "y".repeat(300) }, context);
    expect(short.scorm2004!.response).toHaveLength(250);
  });

  it("SCORM 2004 fill-in: leaves out patterns an LMS would split or reject, keeps a leading { literal", () => {
    const text = formattedReport(byId("q-text"), { type: "text-entry", text: "{x}" }, context);
    expect(text.scorm2004).toEqual({ type: "fill-in", response: " {x}", correctPatterns: ["Paris"] });
    expect(writeScorm2004(text.scorm2004!, "incorrect").filter((e) => e !== 0)).toEqual([]);
    const listy = formattedReport(byId("q-text"), { type: "text-entry", text: "a[,]{b},c,d,e,f,g,h,i,j,k,l" }, context);
    expect(listy.scorm2004!.response).toBe("a, {b},c,d,e,f,g,h,i,j");
    expect(listy.xapi!.response).toBe("a[,]{b},c,d,e,f,g,h,i,j,k,l");
    expect(writeScorm2004(listy.scorm2004!, "incorrect").filter((e) => e !== 0)).toEqual([]);
    const strict: QuestionData = {
      ...base("t"),
      type: "text-entry",
      accepted: ["Paris", " padded", "{brace}"],
      caseSensitive: true,
      whitespace: "exact",
      long: true,
    };
    const long = formattedReport(strict, { type: "text-entry", text: "Paris" }, context);
    expect(long.scorm2004).toEqual({ type: "long-fill-in", response: "Paris", correctPatterns: [] });
    const caseless = formattedReport({ ...strict, caseSensitive: false }, { type: "text-entry", text: "Paris" }, context);
    expect(caseless.scorm2004!.correctPatterns).toEqual(["Paris"]);
    expect(writeScorm2004(caseless.scorm2004!, "correct").filter((e) => e !== 0)).toEqual([]);
    expect(writeScorm2004(long.scorm2004!, "correct").filter((e) => e !== 0)).toEqual([]);
    expect(writeScorm12(long.scorm12!, "correct").filter((e) => e !== 0)).toEqual([]);
    expect(validateXapi(statementFor(long))).toEqual([]);
  });

  it("SCORM text on one line: each run of line breaks becomes ' / ', which scorm-again accepts (it refuses a line break: 406, 405); xAPI keeps the text", () => {
    const essay: QuestionData = { ...base("t"), type: "text-entry", accepted: ["Paris", "two\nlines"], caseSensitive: false, whitespace: "trim", long: true };
    const typed = "First paragraph.\r\n\r\n  Second\u2028third\u2029fourth\rfifth\n";
    for (const question of [essay, { ...essay, long: false }, byId("q-text")]) {
      const report = formattedReport(question, { type: "text-entry", text: typed }, context);
      expect(report.scorm2004!.response, question.id).toBe("First paragraph. / Second / third / fourth / fifth / ");
      expect(report.scorm12!.response, question.id).toBe("First paragraph. / Second / third / fourth / fifth / ");
      expect(
        writeScorm2004(report.scorm2004!, "incorrect").filter((e) => e !== 0),
        question.id,
      ).toEqual([]);
      expect(
        writeScorm12(report.scorm12!, "wrong").filter((e) => e !== 0),
        question.id,
      ).toEqual([]);
      expect(report.xapi!.response, question.id).toBe(typed);
      expect(validateXapi(statementFor(report))).toEqual([]);
    }
    // An accepted answer with a line break cannot be a SCORM pattern (refused the same way): left out.
    const withBreak = formattedReport(essay, { type: "text-entry", text: "Paris" }, context);
    expect(withBreak.scorm2004!.correctPatterns).toEqual(["Paris"]);
    expect(withBreak.scorm12!.correctPatterns).toEqual(["Paris"]);
    // Alone, a line break still becomes something the LMS keeps.
    const lone = formattedReport(byId("q-text"), { type: "text-entry", text: "\u2028" }, context);
    expect([lone.scorm2004!.response, lone.scorm12!.response]).toEqual([" / ", " / "]);
    expect(writeScorm2004(lone.scorm2004!, "incorrect").filter((e) => e !== 0)).toEqual([]);
  });

  it("formats matching and sequencing", () => {
    const match = formattedReport(byId("q-match"), { type: "matching", matches: { it: "fr", fr: "de" } }, context);
    expect(match.xapi!.definition.correctResponsesPattern).toEqual(["fr[.]fr[,]de[.]de[,]it[.]it"]);
    expect(match.xapi!.definition.source).toHaveLength(3);
    expect(match.xapi!.definition.target![2]).toEqual({ id: "it", description: { "en-US": "Rome" } });
    expect(match.xapi!.response).toBe("fr[.]de[,]it[.]fr");
    expect(match.scorm12).toEqual({ type: "matching", response: "0.1,2.0", correctPatterns: ["0.0,1.1,2.2"] });
    const order = formattedReport(byId("q-order"), { type: "ordering", order: ["four", "two", "three", "one"] }, context);
    expect([order.xapi!.definition.interactionType, order.xapi!.response, order.scorm12!.response, order.scorm12!.correctPatterns]).toEqual([
      "sequencing",
      "four[,]two[,]three[,]one",
      "3,1,2,0",
      ["0,1,2,3"],
    ]);
  });

  it("reports a survey as likert with a scale and no correct pattern", () => {
    const survey = formattedReport(byId("q-survey"), { type: "survey", choice: "4" }, context);
    expect(survey.xapi!.definition.correctResponsesPattern).toBeUndefined();
    expect(survey.xapi!.definition.scale).toHaveLength(5);
    expect(survey).toMatchObject({
      result: "neutral",
      score: null,
      scorm2004: { type: "likert", response: "4", correctPatterns: [] },
      scorm12: { type: "likert", response: "3", correctPatterns: [] },
    });
  });

  it("returns null where a standard cannot express the report: > 36 options in SCORM 1.2, > 36 listed ids in 2004, ids with spaces", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const big: QuestionData = { ...base("big"), type: "single-choice", choices: options(...ids), correct: "c39" };
    const report = formattedReport(big, { type: "single-choice", choice: "c39" }, context);
    expect(report.scorm12).toBeNull();
    expect(report.scorm2004).toEqual({ type: "choice", response: "c39", correctPatterns: ["c39"] });
    expect(validateXapi(statementFor(report))).toEqual([]);
    const sequence: QuestionData = { ...base("seq"), type: "ordering", items: options(...ids), partialCredit: false };
    const long = formattedReport(sequence, { type: "ordering", order: ids }, context);
    expect([long.scorm2004, long.scorm12]).toEqual([null, null]);
    expect(validateXapi(statementFor(long))).toEqual([]);
    const spaced: QuestionData = {
      ...base("sp"),
      type: "single-choice",
      choices: [
        { id: "a b", text: "A" },
        { id: "c", text: "C" },
      ],
      correct: "c",
    };
    const bad = formattedReport(spaced, { type: "single-choice", choice: "c" }, context);
    expect([bad.xapi, bad.scorm2004]).toEqual([null, null]);
  });

  it("reports a malformed response as unanswered, never throws", () => {
    const report = formattedReport(byId("q-single"), { type: "single-choice", choice: 3 }, context);
    expect(report).toMatchObject({ result: "incorrect", score: 0, scorm2004: { response: "" }, scorm12: { response: "" } });
  });
});
