// docs/rules/reporting.md "SCORM 1.2": status modes, scores, LMS mastery agreement, exit values — against
// scorm-again as the LMS.
import { describe, expect, it } from "vitest";
import type { Outcome } from "../../runtime/assessment/outcome";
import type { Scorm12StatusMode } from "../../runtime/course/types";
import { COUNTER_RESERVE } from "../../runtime/lms/scorm-common/suspend-data";
import { createScorm12Driver } from "../../runtime/lms/scorm12/driver";
import { callsAfterFinish, firstSet, lms12, logInto, notStarted, outcome, quiet, reporting, stored, valuesSet } from "./helpers";

const MODES: Scorm12StatusMode[] = ["passed-incomplete", "passed-failed", "completed-incomplete", "completed-failed"];

async function run(mode: Scorm12StatusMode, outcomes: Outcome[], seed: Record<string, unknown> = {}, settings: Record<string, unknown> = {}) {
  const core = { entry: "ab-initio", lesson_status: "not attempted", ...((seed.core as object) ?? {}) };
  const lms = lms12({ ...seed, core }, settings);
  const logs: string[] = [];
  const driver = createScorm12Driver(lms.api, reporting(mode), { logger: logInto(logs) });
  const facts = await driver.start();
  for (const o of outcomes) driver.reportOutcome(o);
  const delivered = driver.status().outcomeDelivered;
  await driver.exit();
  return { ...lms, driver, facts, delivered, logs, data: stored(lms.lms) };
}

const passed90 = outcome("passed", 90);
const failedFinal50 = outcome("unableToPass", 50);
const failedAttempt50 = outcome("failed", 50); // attempts remain
const noAssessmentDone: Outcome = { progress: 1, completed: true, status: "notAttempted", score: null, final: true, hasAssessment: false };

// [mode, outcome, expected lesson_status]
const TABLE: [Scorm12StatusMode, string, Outcome, string][] = [
  ["passed-incomplete", "passed", passed90, "passed"],
  ["passed-incomplete", "failed, final", failedFinal50, "incomplete"],
  ["passed-incomplete", "failed, attempts left", failedAttempt50, "incomplete"],
  ["passed-incomplete", "no assessment, completed", noAssessmentDone, "passed"],
  ["passed-failed", "passed", passed90, "passed"],
  ["passed-failed", "failed, final", failedFinal50, "failed"],
  ["passed-failed", "failed, attempts left", failedAttempt50, "incomplete"],
  ["completed-incomplete", "passed", passed90, "completed"],
  ["completed-incomplete", "failed, final", failedFinal50, "incomplete"],
  ["completed-incomplete", "no assessment, completed", noAssessmentDone, "completed"],
  ["completed-failed", "passed", passed90, "completed"],
  ["completed-failed", "failed, final", failedFinal50, "failed"],
  ["completed-failed", "failed, attempts left", failedAttempt50, "incomplete"],
];

describe("SCORM 1.2 status modes without LMS mastery", () => {
  it.each(TABLE)("%s, %s → %s", async (mode, _label, o, expected) => {
    const r = await run(mode, [o]);
    expect(r.data["cmi.core.lesson_status"]).toBe(expected);
    expect(r.facts.masteryScore).toBeNull();
    if (o.score !== null) {
      expect(r.data["cmi.core.score.raw"]).toBe(String(o.score));
      expect(r.data["cmi.core.score.min"]).toBe("0");
      expect(r.data["cmi.core.score.max"]).toBe("100");
      // score written before status (docs/rules/lms.md §3)
      const judged = r.calls.findIndex((c) => c.method === "LMSSetValue" && c.args[0] === "cmi.core.lesson_status" && c.args[1] !== "incomplete");
      if (judged >= 0) expect(firstSet(r.calls, "cmi.core.score.raw")).toBeLessThan(judged);
    } else {
      expect(r.data["cmi.core.score.raw"]).toBe("");
    }
    expect(r.delivered).toBe(true);
    expect(valuesSet(r.calls, "cmi.core.exit")).not.toContain("normal");
    expect(callsAfterFinish(r.calls)).toEqual([]);
  });

  it("first launch: `not attempted` becomes `incomplete`, exit is `suspend` until done", async () => {
    const r = await run("passed-incomplete", [notStarted]);
    expect(valuesSet(r.calls, "cmi.core.lesson_status")).toEqual(["incomplete"]);
    expect(r.data["cmi.core.lesson_status"]).toBe("incomplete");
    expect(valuesSet(r.calls, "cmi.core.exit")).toEqual(["suspend"]);
    expect(r.facts).toMatchObject({
      standard: "scorm12",
      launchMode: "normal",
      credit: true,
      stateBudget: 4096 - COUNTER_RESERVE,
      resumed: false,
      resumeState: null,
    });
  });

  it('the course done: exit is "" (never `normal`)', async () => {
    const r = await run("passed-failed", [failedAttempt50, passed90]);
    expect(valuesSet(r.calls, "cmi.core.exit")).toEqual(["suspend", ""]);
    const sessionTimes = valuesSet(r.calls, "cmi.core.session_time");
    expect(sessionTimes.length).toBeGreaterThan(0);
    for (const t of sessionTimes) expect(t).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  });

  it("fail then pass: incomplete, then passed with the better score, never `failed`", async () => {
    for (const mode of MODES) {
      const r = await run(mode, [failedAttempt50, passed90]);
      expect(valuesSet(r.calls, "cmi.core.lesson_status")).not.toContain("failed");
      expect(r.data["cmi.core.lesson_status"]).toBe(mode.startsWith("passed") ? "passed" : "completed");
      expect(valuesSet(r.calls, "cmi.core.score.raw")).toEqual(["50", "90"]);
    }
  });

  it("exhausting attempts: failed per mode only once the outcome is final", async () => {
    const attempts = [outcome("failed", 40), outcome("failed", 55), outcome("unableToPass", 55)];
    const failing = await run("passed-failed", attempts);
    expect(valuesSet(failing.calls, "cmi.core.lesson_status")).toEqual(["incomplete", "failed"]);
    expect(failing.data["cmi.core.score.raw"]).toBe("55");
    expect(valuesSet(failing.calls, "cmi.core.exit").at(-1)).toBe("");
    const lenient = await run("passed-incomplete", attempts);
    expect(valuesSet(lenient.calls, "cmi.core.lesson_status")).toEqual(["incomplete"]);
  });

  it("no-score: no score element is written, and no judgement", async () => {
    const r = await run("passed-failed", [outcome("unableToPass", null)]);
    expect(r.calls.filter((c) => c.method === "LMSSetValue" && c.args[0]?.startsWith("cmi.core.score"))).toEqual([]);
    expect(r.data["cmi.core.lesson_status"]).toBe("incomplete");
  });

  it("scores keep at most 2 decimals", async () => {
    const r = await run("passed-incomplete", [outcome("passed", 83.33333)]);
    expect(r.data["cmi.core.score.raw"]).toBe("83.33");
  });
});

describe("SCORM 1.2 with an LMS mastery score (the LMS may rewrite the status)", () => {
  const mastery = { student_data: { mastery_score: "80" }, core: { credit: "credit", lesson_mode: "normal" } };
  const override = { mastery_override: true };

  it("reads cmi.student_data.mastery_score as the passing score", async () => {
    const r = await run("passed-incomplete", [], mastery);
    expect(r.facts.masteryScore).toBe(80);
    expect(r.facts.warnings).toEqual([]);
  });

  it.each(MODES)("%s: while attempts remain the status survives the LMS's comparison; a final result always carries its score", async (mode) => {
    for (const o of [passed90, outcome("passed", 80), failedFinal50, failedAttempt50, outcome("failed", 79.99)]) {
      const r = await run(mode, [o], mastery, override);
      const written = valuesSet(r.calls, "cmi.core.lesson_status").at(-1);
      const after = r.data["cmi.core.lesson_status"];
      const raw = r.data["cmi.core.score.raw"];
      if (o.final) {
        // The grade arrives (an LMS gradebook reads score.raw only); the LMS's own judgement of it
        // can only say what ours says: satisfied ⇔ ≥ 80.
        expect(raw, JSON.stringify(o)).toBe(String(o.score));
        if (o.status === "passed") expect(["completed", "passed"]).toContain(after);
        else expect(["failed", "incomplete"]).toContain(after);
        continue;
      }
      if (written === "completed")
        expect(["completed", "passed"]).toContain(after); // both "satisfied"
      else expect(after).toBe(written);
      // whenever a score went out, it agrees with the status: ≥ 80 ⇔ satisfied, < 80 ⇔ failed
      if (raw !== "") expect(Number(raw) >= 80 ? ["passed", "completed"] : ["failed"]).toContain(written);
    }
  });

  it("passed-incomplete, failed for good: the score is written (the grade arrives); the LMS's mastery override may make it `failed`", async () => {
    const r = await run("passed-incomplete", [failedFinal50], mastery, override);
    expect(valuesSet(r.calls, "cmi.core.lesson_status").at(-1)).toBe("incomplete");
    expect(r.data["cmi.core.score.raw"]).toBe("50");
    expect(r.data["cmi.core.score.min"]).toBe("0");
    expect(r.data["cmi.core.score.max"]).toBe("100");
    expect(r.data["cmi.core.lesson_status"]).toBe("failed"); // scorm-again's mastery override at LMSFinish
  });

  it("passed-incomplete, failed with attempts left: the score is held until final, and the driver says so (held until-final)", async () => {
    const lms = lms12(
      { core: { entry: "ab-initio", lesson_status: "not attempted", credit: "credit", lesson_mode: "normal" }, student_data: { mastery_score: "80" } },
      override,
    );
    const logs: string[] = [];
    const driver = createScorm12Driver(lms.api, reporting("passed-incomplete"), { logger: logInto(logs) });
    await driver.start();
    driver.reportOutcome(failedAttempt50);
    expect(driver.status()).toMatchObject({ outcomeDelivered: true, held: "until-final" });
    expect(logs.join()).toContain("score 50 held until the result is final");
    driver.reportOutcome(failedFinal50);
    expect(driver.status().held).toBeUndefined();
    await driver.exit();
    expect(stored(lms.lms)["cmi.core.score.raw"]).toBe("50");
  });

  it("passed-failed, failed for good: status failed with its score", async () => {
    const r = await run("passed-failed", [failedAttempt50, failedFinal50], mastery, override);
    expect(r.data["cmi.core.lesson_status"]).toBe("failed");
    expect(r.data["cmi.core.score.raw"]).toBe("50");
  });

  it.each([
    ["empty", "", null],
    ["not a number", "eighty", "unusable mastery value"],
    ["out of range", "180", "unusable mastery value"],
  ])("mastery %s → no LMS mastery", async (_label, value, warning) => {
    const seed = { student_data: { mastery_score: "" } };
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" }, ...seed });
    // scorm-again validates what it loads; serve the LMS's value the way a sloppy LMS would.
    const api = { ...lms.api, LMSGetValue: (el: string) => (el === "cmi.student_data.mastery_score" ? value : lms.api.LMSGetValue(el)) };
    const driver = createScorm12Driver(api, reporting("passed-failed"), { logger: quiet });
    const facts = await driver.start();
    expect(facts.masteryScore).toBeNull();
    if (warning === null) expect(facts.warnings).toEqual([]);
    else expect(facts.warnings.join()).toContain(warning);
    driver.reportOutcome(failedAttempt50);
    await driver.exit();
    // without a usable mastery the score goes out with the engine's own judgement
    expect(stored(lms.lms)["cmi.core.score.raw"]).toBe("50");
    expect(stored(lms.lms)["cmi.core.lesson_status"]).toBe("incomplete");
  });
});
