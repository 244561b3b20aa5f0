// The engine's own report builder (runtime/assessment buildInteractionReport) through both SCORM
// drivers, which format it (scorm2004/ and scorm12/interaction-format.ts) into scorm-again: every question type, right and wrong answers, accepted as written.
import { describe, expect, it } from "vitest";
import { buildInteractionReport } from "../../runtime/assessment";
import type { QuestionData } from "../../runtime/course/types";
import { createScorm12Driver } from "../../runtime/lms/scorm12/driver";
import { scorm12Interaction } from "../../runtime/lms/scorm12/interaction-format";
import { createScorm2004Driver } from "../../runtime/lms/scorm2004/driver";
import { scorm2004Interaction } from "../../runtime/lms/scorm2004/interaction-format";
import { lms12, lms2004, logInto, quiet, reporting, stored } from "./helpers";

const base = (id: string, prompt: string) => ({
  kind: "question" as const,
  id,
  prompt: { html: `<p>${prompt}</p>`, text: prompt },
  weight: 1,
  feedback: { correct: null, incorrect: null },
});
const options = (...ids: string[]) => ids.map((id) => ({ id, text: `Option ${id}` }));

const QUESTIONS: [QuestionData, unknown, unknown][] = [
  [
    { ...base("capital", "Capital of France?"), type: "single-choice", choices: options("paris", "lyon"), correct: "paris" },
    { type: "single-choice", choice: "paris" },
    { type: "single-choice", choice: "lyon" },
  ],
  [
    {
      ...base("primes", "Pick the primes"),
      type: "multiple-response",
      choices: options("two", "three", "four"),
      correct: ["two", "three"],
      partialCredit: false,
    },
    { type: "multiple-response", choices: ["two", "three"] },
    { type: "multiple-response", choices: ["four"] },
  ],
  [
    { ...base("sky", "The sky is blue"), type: "true-false", answer: true },
    { type: "true-false", value: true },
    { type: "true-false", value: false },
  ],
  [
    { ...base("pi", "Pi to one decimal"), type: "numeric", answer: { value: 3.1, tolerance: 0.05 } },
    { type: "numeric", value: 3.1 },
    { type: "numeric", value: 4 },
  ],
  [
    { ...base("word", "Say hello"), type: "text-entry", accepted: ["hello", "hi"], caseSensitive: false, whitespace: "trim", long: false },
    { type: "text-entry", text: "Hello" },
    { type: "text-entry", text: "bye" },
  ],
  [
    { ...base("essay", "Explain"), type: "text-entry", accepted: ["because"], caseSensitive: false, whitespace: "collapse", long: true },
    { type: "text-entry", text: "because" },
    { type: "text-entry", text: "no idea at all" },
  ],
  [
    {
      ...base("pairs", "Match"),
      type: "matching",
      pairs: [
        { id: "fr", source: "France", target: "Paris" },
        { id: "de", source: "Germany", target: "Berlin" },
      ],
      partialCredit: true,
    },
    { type: "matching", matches: { fr: "fr", de: "de" } },
    { type: "matching", matches: { fr: "de", de: "fr" } },
  ],
  [
    { ...base("order", "Order"), type: "ordering", items: options("one", "two", "three"), partialCredit: false },
    { type: "ordering", order: ["one", "two", "three"] },
    { type: "ordering", order: ["three", "one", "two"] },
  ],
  [
    { ...base("mood", "How was it?"), type: "survey", choices: options("good", "bad") },
    { type: "survey", choice: "good" },
    { type: "survey", choice: "bad" },
  ],
];

function reports() {
  return QUESTIONS.flatMap(([question, right, wrong], i) =>
    [right, wrong].map((response, a) =>
      buildInteractionReport(question, response, { attemptNumber: a + 1, language: "en", latencyMs: 1500 * (i + 1), timestamp: Date.UTC(2026, 5, 1, 10, i) }),
    ),
  );
}

describe("engine interaction reports through the SCORM drivers", () => {
  it("SCORM 2004: every report the engine can express is accepted", async () => {
    const lms = lms2004({ entry: "ab-initio" });
    const logs: string[] = [];
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: logInto(logs) });
    await driver.start();
    const all = reports();
    for (const report of all) driver.reportInteraction(report);
    await driver.exit();
    const refused = lms.calls.filter((c) => c.method === "SetValue" && c.args[0]!.startsWith("cmi.interactions.") && c.result !== "true");
    expect(refused).toEqual([]);
    expect(logs).toEqual([]);
    const data = stored(lms.lms);
    all.forEach((report, n) => {
      expect(data[`cmi.interactions.${n}.learner_response`]).toBe(scorm2004Interaction(report)!.response);
      expect(data[`cmi.interactions.${n}.result`]).toBe(report.result);
    });
  });

  it("SCORM 1.2: every report the engine can express is accepted, results in the 1.2 vocabulary", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    const driver = createScorm12Driver(lms.api, reporting(), { logger: quiet });
    await driver.start();
    const expressible = reports().filter((r) => scorm12Interaction(r) !== null);
    expect(expressible.length).toBeGreaterThan(10);
    for (const report of expressible) driver.reportInteraction(report);
    await driver.exit();
    const refused = lms.calls.filter((c) => c.method === "LMSSetValue" && c.args[0]!.startsWith("cmi.interactions.") && c.result !== "true");
    expect(refused).toEqual([]);
    const data = stored(lms.lms);
    expressible.forEach((report, n) => {
      expect(data[`cmi.interactions.${n}.student_response`]).toBe(scorm12Interaction(report)!.response);
      expect(data[`cmi.interactions.${n}.result`]).toBe({ correct: "correct", incorrect: "wrong", neutral: "neutral" }[report.result]);
    });
  });

  it("unanswered questions are reported without a learner response, and accepted (2004 and 1.2)", async () => {
    const unanswered = QUESTIONS.map(([question], i) =>
      buildInteractionReport(question, undefined, { attemptNumber: 1, language: "en", latencyMs: 1000, timestamp: Date.UTC(2026, 5, 1, 11, i) }),
    );
    const lms = lms2004({ entry: "ab-initio" });
    const logs: string[] = [];
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: logInto(logs) });
    await driver.start();
    for (const report of unanswered) driver.reportInteraction(report);
    await driver.exit();
    const refused = lms.calls.filter((c) => c.method === "SetValue" && c.args[0]!.startsWith("cmi.interactions.") && c.result !== "true");
    expect(refused).toEqual([]);
    expect(logs).toEqual([]);
    const data = stored(lms.lms);
    unanswered.forEach((report, n) => {
      expect(data[`cmi.interactions.${n}.id`]).toBeTruthy();
      expect(data[`cmi.interactions.${n}.learner_response`] ?? "").toBe("");
      expect(data[`cmi.interactions.${n}.result`]).toBe(report.result);
    });

    const lms1 = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    const driver12 = createScorm12Driver(lms1.api, reporting(), { logger: quiet });
    await driver12.start();
    for (const report of unanswered.filter((r) => scorm12Interaction(r) !== null)) driver12.reportInteraction(report);
    await driver12.exit();
    const written = lms1.calls.filter((c) => c.method === "LMSSetValue" && c.args[0]!.startsWith("cmi.interactions."));
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((c) => c.result !== "true")).toEqual([]);
    expect(written.filter((c) => c.args[0]!.endsWith(".student_response"))).toEqual([]);
  });
});
