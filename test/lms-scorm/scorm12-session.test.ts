// SCORM 1.2 session data: resume across two sessions, the 4096 budget, browse/review, interactions.
import { describe, expect, it } from "vitest";
import type { Response } from "../../runtime/assessment/types";
import type { QuestionData } from "../../runtime/course/types";
import { scorm12Interaction } from "../../runtime/lms/scorm12/interaction-format";
import type { Scorm12Api } from "../../runtime/lms/scorm-common/api-types";
import { COUNTER_RESERVE } from "../../runtime/lms/scorm-common/suspend-data";
import { createScorm12Driver } from "../../runtime/lms/scorm12/driver";
import { base, options } from "../assessment/fixtures";
import { ASSESSOR, NOW, taskQuestion } from "../assessment/rated-task-flow";
import { callsAfterFinish, interaction, lms12, logInto, outcome, quiet, reporting, stored, valuesSet } from "./helpers";
import { loadTaskKit } from "../../runtime/assessment/task-kit";

// The engine's task code is a chunk of its own: a course with a task loads it first (app/boot.ts).
await loadTaskKit();

const quietly = { logger: quiet };

describe("SCORM 1.2 resume", () => {
  it("carries suspend_data and location from one session to the next through the LMS", async () => {
    const first = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted", student_id: "u1", student_name: "Lovelace, Ada" } });
    const one = createScorm12Driver(first.api, reporting(), quietly);
    const facts1 = await one.start();
    expect(facts1).toMatchObject({ resumed: false, resumeState: null, learner: { id: "u1", name: "Ada Lovelace" } });
    one.saveState("v1|page=3|answers=abc", "page-3");
    one.reportOutcome(outcome("failed", 40));
    await one.exit();
    const kept = stored(first.lms);
    expect(kept["cmi.core.exit"]).toBe("suspend");

    // The LMS starts the next session from what it kept, with entry=resume after a suspend.
    const second = lms12({
      core: { entry: "resume", lesson_status: kept["cmi.core.lesson_status"], lesson_location: kept["cmi.core.lesson_location"] },
      suspend_data: kept["cmi.suspend_data"],
    });
    const two = createScorm12Driver(second.api, reporting(), quietly);
    const facts2 = await two.start();
    expect(facts2).toMatchObject({ resumed: true, resumeState: "v1|page=3|answers=abc" });
    // not a first launch: the status is left as it was
    expect(valuesSet(second.calls, "cmi.core.lesson_status")).toEqual([]);
    await two.exit();
  });

  it("refuses resume state over its budget (4096 less the interaction counter's room) and writes nothing (never truncates)", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    const logs: string[] = [];
    const driver = createScorm12Driver(lms.api, reporting(), { logger: logInto(logs) });
    const facts = await driver.start();
    expect(facts.stateBudget).toBe(4096 - COUNTER_RESERVE);
    driver.saveState("x".repeat(facts.stateBudget), null);
    driver.saveState("y".repeat(facts.stateBudget + 1), null);
    expect(logs.join()).toMatch(/4087 characters.*at most 4086/);
    await driver.exit();
    for (const value of valuesSet(lms.calls, "cmi.suspend_data")) expect(value.length).toBeLessThanOrEqual(4096);
    expect(stored(lms.lms)["cmi.suspend_data"]).toBe("x".repeat(facts.stateBudget));
  });

  it("leaves out a lesson_location over 255 characters, keeps the state", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    const logs: string[] = [];
    const driver = createScorm12Driver(lms.api, reporting(), { logger: logInto(logs) });
    await driver.start();
    driver.saveState("s", "p".repeat(256));
    await driver.exit();
    expect(valuesSet(lms.calls, "cmi.core.lesson_location")).toEqual([]);
    expect(stored(lms.lms)["cmi.suspend_data"]).toBe("s");
    expect(logs.join()).toContain("location of 256 characters");
  });
});

describe("SCORM 1.2 browse and review are read-only", () => {
  it.each(["browse", "review"])("%s: no status, score, state or interaction writes", async (mode) => {
    const lms = lms12({ core: { entry: "", lesson_status: "passed", lesson_mode: mode, credit: "no-credit" }, suspend_data: "saved" });
    const driver = createScorm12Driver(lms.api, reporting("passed-failed"), quietly);
    const facts = await driver.start();
    expect(facts).toMatchObject({ launchMode: mode, credit: false, resumeState: "saved" });
    driver.saveState("changed", "p1");
    driver.reportProgress(0.5);
    driver.reportInteraction(interaction("q1"));
    driver.reportOutcome(outcome("unableToPass", 10));
    await driver.checkpoint();
    await driver.exit();
    expect(lms.calls.filter((c) => c.method === "LMSSetValue")).toEqual([]);
    expect(lms.calls.filter((c) => c.method === "LMSCommit")).toEqual([]);
    expect(lms.calls.at(-1)?.method).toBe("LMSFinish");
    expect(stored(lms.lms)["cmi.suspend_data"]).toBe("saved");
  });
});

function report12(question: QuestionData, response: Response, result: "correct" | "incorrect" | "neutral" = "correct") {
  return interaction(question.id, { result }, question, response);
}

const rated: Response = {
  type: "task",
  text: "",
  rating: { filling: { plan: "p3", safety: "s2" }, remarks: {}, feedback: "", rater: { role: "assessor", ...ASSESSOR }, ratedAt: NOW },
};

// SCORM 1.2 RTE formats: single-character ids, commas between items, `.` inside a matching pair.
const INTERACTIONS_12 = [
  report12({ ...base("tf"), type: "true-false", answer: true }, { type: "true-false", value: true }),
  report12({ ...base("single"), type: "single-choice", choices: options("a", "b"), correct: "a" }, { type: "single-choice", choice: "b" }, "incorrect"),
  report12(
    { ...base("multi"), type: "multiple-response", choices: options("a", "b", "c"), correct: ["a", "c"], partialCredit: false },
    { type: "multiple-response", choices: ["a", "c"] },
  ),
  report12(
    { ...base("text"), type: "text-entry", accepted: ["Paris"], caseSensitive: false, whitespace: "trim", long: false },
    { type: "text-entry", text: "Paris" },
  ),
  report12(
    {
      ...base("pairs"),
      type: "matching",
      pairs: [
        { id: "a", source: "A", target: "1" },
        { id: "b", source: "B", target: "2" },
      ],
      partialCredit: false,
    },
    { type: "matching", matches: { a: "a", b: "b" } },
  ),
  report12(
    { ...base("order"), type: "ordering", items: options("a", "b", "c"), partialCredit: false },
    { type: "ordering", order: ["c", "a", "b"] },
    "incorrect",
  ),
  report12({ ...base("survey"), type: "survey", choices: options("1", "2", "3", "4", "5") }, { type: "survey", choice: "3" }, "neutral"),
  report12({ ...base("number"), type: "numeric", answer: { exact: 3.5 } }, { type: "numeric", value: 3.5 }),
  report12(taskQuestion("task"), rated, "neutral"),
];

describe("SCORM 1.2 interactions", () => {
  it("writes one interaction per submitted question, every value accepted by scorm-again", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    const driver = createScorm12Driver(lms.api, reporting(), quietly);
    await driver.start();
    for (const r of INTERACTIONS_12) driver.reportInteraction(r);
    driver.reportOutcome(outcome("failed", 60));
    await driver.exit();
    const sets = lms.calls.filter((c) => c.method === "LMSSetValue" && c.args[0]!.startsWith("cmi.interactions."));
    expect(sets.length).toBeGreaterThan(INTERACTIONS_12.length * 5);
    expect(sets.filter((c) => c.result !== "true")).toEqual([]);
    const data = stored(lms.lms);
    INTERACTIONS_12.forEach((r, n) => {
      expect(data[`cmi.interactions.${n}.id`]).toBe(`${r.questionId}-a1`);
      expect(data[`cmi.interactions.${n}.type`]).toBe(scorm12Interaction(r)!.type);
      expect(data[`cmi.interactions.${n}.student_response`]).toBe(scorm12Interaction(r)!.response);
      expect(valuesSet(lms.calls, `cmi.interactions.${n}.latency`)).toEqual(["0000:00:12.34"]);
      expect(data[`cmi.interactions.${n}.time`]).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    });
    expect(data["cmi.interactions.1.result"]).toBe("wrong"); // 1.2 says `wrong`, not "incorrect"
    expect(data["cmi.interactions.6.result"]).toBe("neutral");
    expect(data["cmi.interactions.4.correct_responses.0.pattern"]).toBe("0.0,1.1");
    expect(INTERACTIONS_12.map((r) => scorm12Interaction(r)!.response)).toEqual([
      "t",
      "1",
      "0,2",
      "Paris",
      "0.0,1.1",
      "2,0,1",
      "2",
      "3.5",
      "plan.100,safety.33.3333333",
    ]);
    expect(valuesSet(lms.calls, "cmi.interactions.1.result")).toEqual(["wrong"]);
    expect(callsAfterFinish(lms.calls)).toEqual([]);
  });

  it("keeps ids unique when the same question is answered again in the session", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    const driver = createScorm12Driver(lms.api, reporting(), quietly);
    await driver.start();
    driver.reportInteraction(interaction("q1"));
    driver.reportInteraction(interaction("q1"));
    driver.reportInteraction(interaction("q1", { attemptNumber: 2 }));
    await driver.exit();
    const data = stored(lms.lms);
    expect([data["cmi.interactions.0.id"], data["cmi.interactions.1.id"], data["cmi.interactions.2.id"]]).toEqual(["q1-a1", "q1-a1-2", "q1-a2"]);
  });

  it("leaves out a report that has no valid 1.2 form, and logs it", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    const logs: string[] = [];
    const driver = createScorm12Driver(lms.api, reporting(), { logger: logInto(logs) });
    await driver.start();
    const ids = Array.from({ length: 37 }, (_, i) => `c${i}`);
    const wide: QuestionData = { ...base("wide"), type: "single-choice", choices: options(...ids), correct: "c0" };
    const huge: QuestionData = { ...base("huge"), type: "numeric", answer: { exact: 1 } };
    driver.reportInteraction(interaction("wide", {}, wide, { type: "single-choice", choice: "c0" })); // 37 options: no one-character ids
    driver.reportInteraction(interaction("huge", {}, huge, { type: "numeric", value: 1e21 })); // no CMIDecimal holds it
    await driver.exit();
    expect(lms.calls.filter((c) => c.args[0]?.startsWith("cmi.interactions.") && c.method === "LMSSetValue")).toEqual([]);
    expect(logs.filter((m) => m.includes("left out"))).toHaveLength(2);
  });

  it("sends none when the course turned interactions off", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    const driver = createScorm12Driver(lms.api, reporting("passed-incomplete", false), quietly);
    await driver.start();
    driver.reportInteraction(interaction("q1"));
    await driver.exit();
    expect(lms.calls.filter((c) => c.args[0]?.startsWith("cmi.interactions.") && c.method === "LMSSetValue")).toEqual([]);
  });

  it("sends none to an LMS without interactions (probe _children), and the course still works", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    let lastError = "0";
    const api: Scorm12Api = {
      ...lms.api,
      LMSGetValue: (el) => {
        if (el.startsWith("cmi.interactions")) {
          lastError = "401";
          return "";
        }
        lastError = "0";
        return lms.api.LMSGetValue(el);
      },
      LMSGetLastError: () => (lastError !== "0" ? lastError : lms.api.LMSGetLastError()),
      LMSSetValue: (el, v) => {
        lastError = "0";
        return lms.api.LMSSetValue(el, v);
      },
    };
    const driver = createScorm12Driver(api, reporting(), quietly);
    await driver.start();
    driver.reportInteraction(interaction("q1"));
    driver.reportOutcome(outcome("passed", 100));
    await driver.exit();
    expect(lms.calls.filter((c) => c.args[0]?.startsWith("cmi.interactions.") && c.method === "LMSSetValue")).toEqual([]);
    expect(stored(lms.lms)["cmi.core.lesson_status"]).toBe("passed");
  });
});
