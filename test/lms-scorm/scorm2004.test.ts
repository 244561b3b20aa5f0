// docs/rules/reporting.md "SCORM 2004" against scorm-again as the LMS: completion/success split, score scales,
// scaled_passing_score, exit + adl.nav.request, session time, resume, read-only modes, interactions.
import { describe, expect, it } from "vitest";
import type { Outcome } from "../../runtime/assessment/outcome";
import type { Response } from "../../runtime/assessment/types";
import type { QuestionData } from "../../runtime/course/types";
import { scorm2004Interaction } from "../../runtime/lms/scorm2004/interaction-format";
import { base, options } from "../assessment/fixtures";
import { NOW, taskQuestion } from "../assessment/rated-task-flow";
import { COUNTER_RESERVE } from "../../runtime/lms/scorm-common/suspend-data";
import { createScorm2004Driver } from "../../runtime/lms/scorm2004/driver";
import { callsAfterFinish, firstSet, interaction, lms2004, logInto, notStarted, outcome, quiet, reporting, stored, valuesSet } from "./helpers";
import { loadTaskKit } from "../../runtime/assessment/task-kit";

// The engine's task code is a chunk of its own: a course with a task loads it first (app/boot.ts).
await loadTaskKit();

async function run(outcomes: Outcome[], seed: Record<string, unknown> = {}) {
  const lms = lms2004({ entry: "ab-initio", ...seed });
  const logs: string[] = [];
  const driver = createScorm2004Driver(lms.api, reporting(), { logger: logInto(logs) });
  const facts = await driver.start();
  for (const o of outcomes) driver.reportOutcome(o);
  const delivered = driver.status().outcomeDelivered;
  await driver.exit();
  return { ...lms, facts, logs, delivered, data: stored(lms.lms) };
}

describe("SCORM 2004 outcome", () => {
  it("first launch: completion incomplete, exit suspend, no saved state (suspend_data 403)", async () => {
    const r = await run([notStarted]);
    expect(r.facts).toMatchObject({
      standard: "scorm2004",
      launchMode: "normal",
      credit: true,
      stateBudget: 64000 - COUNTER_RESERVE,
      resumeState: null,
      resumed: false,
      masteryScore: null,
    });
    expect(r.data["cmi.completion_status"]).toBe("incomplete");
    expect(r.data["cmi.success_status"]).toBe("unknown");
    expect(valuesSet(r.calls, "cmi.exit")).toEqual(["suspend"]);
    expect(valuesSet(r.calls, "adl.nav.request")).toEqual(["suspendAll"]);
  });

  it("passed: score on both scales before success, completed, exit normal + exitAll", async () => {
    const r = await run([outcome("passed", 87.5)]);
    expect(r.data).toMatchObject({
      "cmi.score.scaled": "0.875",
      "cmi.score.raw": "87.5",
      "cmi.score.min": "0",
      "cmi.score.max": "100",
      "cmi.success_status": "passed",
      "cmi.completion_status": "completed",
      "cmi.progress_measure": "1",
    });
    expect(firstSet(r.calls, "cmi.score.scaled")).toBeLessThan(firstSet(r.calls, "cmi.success_status"));
    expect(valuesSet(r.calls, "cmi.exit").at(-1)).toBe("normal");
    expect(valuesSet(r.calls, "adl.nav.request")).toEqual(["exitAll"]);
    expect(r.delivered).toBe(true);
    // Terminate implies a commit: no Commit right before it
    const terminate = r.calls.findIndex((c) => c.method === "Terminate");
    const nav = firstSet(r.calls, "adl.nav.request");
    expect(nav).toBeGreaterThan(0);
    expect(r.calls.slice(nav, terminate).some((c) => c.method === "Commit")).toBe(false);
    for (const t of valuesSet(r.calls, "cmi.session_time")) expect(t).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
    expect(callsAfterFinish(r.calls)).toEqual([]);
  });

  it("fail then pass in one session: unknown while attempts remain, then passed", async () => {
    const r = await run([outcome("failed", 40), outcome("passed", 90)]);
    expect(valuesSet(r.calls, "cmi.success_status")).toEqual(["passed"]); // `unknown` was held already: never written
    expect(valuesSet(r.calls, "cmi.completion_status")).toEqual(["incomplete", "completed"]);
    expect(r.data["cmi.score.scaled"]).toBe("0.9");
  });

  it("failed with attempts left: completion incomplete and success unknown (an LMS would end the attempt on `completed`), exit suspend, the score written", async () => {
    const r = await run([outcome("failed", 40)]);
    expect(r.data).toMatchObject({ "cmi.completion_status": "incomplete", "cmi.success_status": "unknown", "cmi.score.raw": "40", "cmi.score.scaled": "0.4" });
    expect(valuesSet(r.calls, "cmi.completion_status")).not.toContain("completed");
    expect(valuesSet(r.calls, "cmi.success_status")).not.toContain("failed");
    expect(valuesSet(r.calls, "cmi.exit").at(-1)).toBe("suspend");
    expect(valuesSet(r.calls, "adl.nav.request")).toEqual(["suspendAll"]);
  });

  it("exhausting attempts: failed, completed, exit normal", async () => {
    const r = await run([outcome("failed", 40), outcome("failed", 60), outcome("unableToPass", 60)]);
    expect(r.data).toMatchObject({ "cmi.success_status": "failed", "cmi.completion_status": "completed", "cmi.score.raw": "60" });
    expect(valuesSet(r.calls, "cmi.exit").at(-1)).toBe("normal");
  });

  it("no-score: no score written, success unknown", async () => {
    const r = await run([outcome("unableToPass", null)]);
    expect(r.calls.filter((c) => c.method === "SetValue" && c.args[0]!.startsWith("cmi.score"))).toEqual([]);
    expect(r.data["cmi.success_status"]).toBe("unknown");
    expect(r.data["cmi.completion_status"]).toBe("completed");
  });

  it("incomplete content with a passed assessment: passed but incomplete, exit suspend", async () => {
    const r = await run([outcome("passed", 100, { completed: false, progress: 0.6 })]);
    expect(r.data).toMatchObject({ "cmi.success_status": "passed", "cmi.completion_status": "incomplete", "cmi.progress_measure": "0.6" });
    expect(valuesSet(r.calls, "cmi.exit").at(-1)).toBe("suspend");
    expect(valuesSet(r.calls, "adl.nav.request")).toEqual(["suspendAll"]);
  });
});

describe("SCORM 2004 cmi.scaled_passing_score (the LMS judges success itself)", () => {
  it("is read as the mastery score and the LMS's judgement matches ours", async () => {
    for (const [o, verdict, raw] of [
      [outcome("passed", 80), "passed", "80"],
      [outcome("unableToPass", 79.99), "failed", "79.99"],
      [outcome("failed", 10), "unknown", ""], // attempts left: the failing score waits until final
    ] as const) {
      const r = await run([o], { scaled_passing_score: "0.8" });
      expect(r.facts.masteryScore).toBe(80);
      expect(r.data["cmi.success_status"]).toBe(verdict);
      expect(r.data["cmi.score.raw"]).toBe(raw);
    }
  });

  it("a failing score with attempts left waits until final (held until-final); the final one is written", async () => {
    const lms = lms2004({ entry: "ab-initio", scaled_passing_score: "0.8" });
    const logs: string[] = [];
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: logInto(logs) });
    await driver.start();
    driver.reportOutcome(outcome("failed", 70));
    expect(driver.status()).toMatchObject({ held: "until-final" });
    expect(logs.join()).toContain("score 70 held until the result is final");
    expect(stored(lms.lms)["cmi.score.scaled"]).toBe("");
    driver.reportOutcome(outcome("unableToPass", 70));
    expect(driver.status().held).toBeUndefined();
    await driver.exit();
    expect(stored(lms.lms)).toMatchObject({ "cmi.score.raw": "70", "cmi.success_status": "failed", "cmi.completion_status": "completed" });
  });

  it.each([
    ["-0.5", "unusable mastery value"],
    ["", null],
  ])("scaled_passing_score %j → no LMS mastery", async (value, warning) => {
    const r = await run([outcome("failed", 50)], { scaled_passing_score: value });
    expect(r.facts.masteryScore).toBeNull();
    if (warning) expect(r.facts.warnings.join()).toContain(warning);
    else expect(r.facts.warnings).toEqual([]);
  });
});

describe("SCORM 2004 session data", () => {
  it("resume across two sessions through the LMS's data", async () => {
    const first = await (async () => {
      const lms = lms2004({ entry: "ab-initio", learner_id: "u7", learner_name: "Grace Hopper" });
      const driver = createScorm2004Driver(lms.api, reporting(), { logger: quiet });
      const facts = await driver.start();
      expect(facts.learner).toEqual({ id: "u7", name: "Grace Hopper" });
      driver.saveState("s".repeat(64000 - COUNTER_RESERVE), "page-7");
      driver.reportOutcome(outcome("failed", 30));
      await driver.exit();
      return stored(lms.lms);
    })();
    expect(first["cmi.exit"]).toBe("suspend");
    const lms = lms2004({
      entry: "resume",
      suspend_data: first["cmi.suspend_data"],
      location: first["cmi.location"],
      completion_status: first["cmi.completion_status"],
    });
    const logs: string[] = [];
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: logInto(logs) });
    const facts = await driver.start();
    expect(facts).toMatchObject({ resumed: true, stateBudget: 64000 - COUNTER_RESERVE });
    expect(facts.resumeState).toHaveLength(64000 - COUNTER_RESERVE);
    driver.saveState("s".repeat(64000 - COUNTER_RESERVE + 1), null);
    expect(logs.join()).toContain("nothing was written");
    await driver.exit();
    expect(valuesSet(lms.calls, "cmi.suspend_data")).toEqual([]);
  });

  it.each(["browse", "review"])("%s is read-only: only the navigation request and Terminate", async (mode) => {
    const lms = lms2004({ entry: "", mode, credit: "no-credit", suspend_data: "kept" });
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: quiet });
    const facts = await driver.start();
    expect(facts).toMatchObject({ launchMode: mode, credit: false, resumeState: "kept" });
    driver.saveState("changed", "p");
    driver.reportProgress(0.3);
    driver.reportInteraction(interaction("q1"));
    driver.reportOutcome(outcome("passed", 100));
    await driver.exit();
    expect(driver.status().outcomeDelivered).toBe(false); // nothing judgemental is reported here
    expect(lms.calls.filter((c) => c.method === "SetValue").map((c) => c.args[0])).toEqual(["adl.nav.request"]);
    expect(lms.calls.filter((c) => c.method === "Commit")).toEqual([]);
  });

  it("progress goes to cmi.progress_measure (0..1)", async () => {
    const lms = lms2004({ entry: "ab-initio" });
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: quiet });
    await driver.start();
    driver.reportProgress(0.33333);
    driver.reportProgress(2);
    await driver.exit();
    expect(valuesSet(lms.calls, "cmi.progress_measure")).toEqual(["0.3333", "1"]);
  });
});

function report2004(question: QuestionData, response: Response, result: "correct" | "incorrect" | "neutral" = "correct") {
  return interaction(question.id, { result, description: `  Prompt of\n${question.id}  ` }, question, response);
}

const selfRated: Response = {
  type: "task",
  text: "",
  rating: { filling: { plan: "p3", safety: "s2" }, remarks: {}, feedback: "", rater: { role: "learner" }, ratedAt: NOW },
};

const INTERACTIONS_2004 = [
  report2004({ ...base("tf"), type: "true-false", answer: true }, { type: "true-false", value: true }),
  report2004({ ...base("single"), type: "single-choice", choices: options("a", "b"), correct: "a" }, { type: "single-choice", choice: "b" }, "incorrect"),
  report2004(
    { ...base("multi"), type: "multiple-response", choices: options("a", "b", "c"), correct: ["a", "c"], partialCredit: false },
    { type: "multiple-response", choices: ["a", "c"] },
  ),
  report2004(
    { ...base("text"), type: "text-entry", accepted: ["Paris"], caseSensitive: true, whitespace: "trim", long: false },
    { type: "text-entry", text: "Paris" },
  ),
  report2004(
    { ...base("essay"), type: "text-entry", accepted: ["because"], caseSensitive: true, whitespace: "trim", long: true },
    { type: "text-entry", text: "A long answer." },
    "neutral",
  ),
  report2004(
    {
      ...base("pairs"),
      type: "matching",
      pairs: [
        { id: "a", source: "A", target: "X" },
        { id: "b", source: "B", target: "Y" },
      ],
      partialCredit: false,
    },
    { type: "matching", matches: { a: "a", b: "b" } },
  ),
  report2004(
    { ...base("order"), type: "ordering", items: options("a", "b", "c"), partialCredit: false },
    { type: "ordering", order: ["c", "a", "b"] },
    "incorrect",
  ),
  report2004({ ...base("survey"), type: "survey", choices: options("agree", "disagree") }, { type: "survey", choice: "agree" }, "neutral"),
  report2004({ ...base("number"), type: "numeric", answer: { min: 3, max: 4 } }, { type: "numeric", value: 3.5 }),
  // A self-assessment that does not count: a performance interaction whose result stays "neutral".
  report2004(taskQuestion("self", { rater: "learner", counts: false }), selfRated, "neutral"),
];

describe("SCORM 2004 interactions", () => {
  it("every type is accepted by scorm-again's strict validation (id before type)", async () => {
    const lms = lms2004({ entry: "ab-initio" });
    const logs: string[] = [];
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: logInto(logs) });
    await driver.start();
    for (const r of INTERACTIONS_2004) driver.reportInteraction(r);
    driver.reportOutcome(outcome("passed", 80));
    await driver.exit();
    const sets = lms.calls.filter((c) => c.method === "SetValue" && c.args[0]!.startsWith("cmi.interactions."));
    expect(sets.filter((c) => c.result !== "true")).toEqual([]);
    expect(logs).toEqual([]);
    const data = stored(lms.lms);
    INTERACTIONS_2004.forEach((r, n) => {
      expect(data[`cmi.interactions.${n}.id`]).toBe(`${r.questionId}-a1`);
      expect(data[`cmi.interactions.${n}.type`]).toBe(scorm2004Interaction(r)!.type);
      expect(data[`cmi.interactions.${n}.learner_response`]).toBe(scorm2004Interaction(r)!.response);
      expect(data[`cmi.interactions.${n}.result`]).toBe(r.result);
      expect(data[`cmi.interactions.${n}.description`]).toBe(`Prompt of ${r.questionId}`);
      expect(data[`cmi.interactions.${n}.timestamp`]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      expect(valuesSet(lms.calls, `cmi.interactions.${n}.latency`)).toEqual(["PT12.34S"]);
      const order = sets.filter((c) => c.args[0]!.startsWith(`cmi.interactions.${n}.`)).map((c) => c.args[0]);
      expect(order.slice(0, 2)).toEqual([`cmi.interactions.${n}.id`, `cmi.interactions.${n}.type`]);
    });
    expect(data["cmi.interactions.1.result"]).toBe("incorrect");
    expect(INTERACTIONS_2004.map((r) => [scorm2004Interaction(r)!.response, scorm2004Interaction(r)!.correctPatterns])).toEqual([
      ["true", ["true"]],
      ["b", ["a"]],
      ["a[,]c", ["a[,]c"]],
      ["Paris", ["{case_matters=true}Paris"]],
      ["A long answer.", []],
      ["a[.]a[,]b[.]b", ["a[.]a[,]b[.]b"]],
      ["c[,]a[,]b", ["a[,]b[,]c"]],
      ["agree", []],
      ["3.5", ["3[:]4"]],
      ["plan[.]100[,]safety[.]33.3333333", []],
    ]);
  });

  it("ids stay unique across sessions: ids already on the LMS are read back", async () => {
    const lms = lms2004({ entry: "resume", interactions: { "0": { id: "q1-a1", type: "true-false" } } });
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: quiet });
    await driver.start();
    driver.reportInteraction(interaction("q1"));
    await driver.exit();
    const data = stored(lms.lms);
    expect(data["cmi.interactions.1.id"]).toBe("q1-a1-2");
  });

  it("a description over 250 characters is shortened, never refused", async () => {
    const lms = lms2004({ entry: "ab-initio" });
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: quiet });
    await driver.start();
    driver.reportInteraction(interaction("long", { description: "w ".repeat(400) }));
    await driver.exit();
    expect(stored(lms.lms)["cmi.interactions.0.description"]).toHaveLength(250);
  });
});
