// ScormDriver.launch() before the course is known (runtime/entry-scorm12.ts, entry-scorm2004.ts, issue 14):
// Initialize and the start's reads happen at once, nothing is written until start(), and a launch split
// that way makes exactly the calls, in the same order, and leaves the LMS the same data as start() alone.
import { describe, expect, it } from "vitest";
import type { Outcome } from "../../runtime/assessment/outcome";
import { LaunchError } from "../../runtime/lms/launch-error";
import { createScorm12Driver } from "../../runtime/lms/scorm12/driver";
import { createScorm2004Driver } from "../../runtime/lms/scorm2004/driver";
import type { ScormDriver } from "../../runtime/lms/scorm-common/scorm-driver";
import { interaction, lms12, lms2004, outcome, quiet, reporting, stored, type RecordedCall } from "./helpers";

const SEED12 = {
  core: { entry: "resume", lesson_status: "passed", score: { raw: "90" }, student_id: "s-1", student_name: "Doe, Jane" },
  suspend_data: "saved",
};
const SEED2004 = {
  entry: "resume",
  completion_status: "incomplete",
  success_status: "unknown",
  learner_id: "l-1",
  suspend_data: "saved",
  scaled_passing_score: "0.7",
};

/** A fixed clock: the session time written at exit is the same in both runs. */
const OPTIONS = { logger: quiet, clock: { now: () => 1_000 } };
const FAILED: Outcome = outcome("unableToPass", 40);

/** One session: `early` launches before the course's reporting options are given, as the entry does. */
async function session(driver: ScormDriver, early: boolean, calls: RecordedCall[]) {
  const mode = reporting("passed-failed");
  let afterLaunch: RecordedCall[] = [];
  if (early) {
    driver.launch();
    afterLaunch = [...calls];
    driver.withReporting(mode);
  }
  const facts = await driver.start();
  driver.reportInteraction(interaction("q1"));
  driver.reportOutcome(FAILED);
  await driver.exit();
  return { facts, afterLaunch };
}

const sequence = (calls: RecordedCall[]) => calls.map((c) => `${c.method}(${c.args.join(",")})`);

describe("launch() before the course, then start()", () => {
  it("SCORM 1.2: LMSInitialize and reads only, then the same calls and data as start() alone", async () => {
    const split = lms12(structuredClone(SEED12));
    const whole = lms12(structuredClone(SEED12));
    const early = await session(createScorm12Driver(split.api, null, OPTIONS), true, split.calls);
    const late = await session(createScorm12Driver(whole.api, reporting("passed-failed"), OPTIONS), false, whole.calls);
    expect(early.afterLaunch[0]?.method).toBe("LMSInitialize");
    expect(early.afterLaunch.length).toBeGreaterThan(5);
    expect(early.afterLaunch.map((c) => c.method).filter((m) => !/^LMS(Initialize|Get)/.test(m))).toEqual([]);
    expect(sequence(split.calls)).toEqual(sequence(whole.calls));
    expect(early.facts).toEqual(late.facts);
    // The status mode given after the reads still rules: "passed" held at start is never lowered to "failed".
    expect(stored(split.lms)["cmi.core.lesson_status"]).toBe("passed");
    expect(stored(split.lms)).toEqual(stored(whole.lms));
  });

  it("SCORM 2004: Initialize and reads only, then the same calls and data as start() alone", async () => {
    const split = lms2004(structuredClone(SEED2004));
    const whole = lms2004(structuredClone(SEED2004));
    const early = await session(createScorm2004Driver(split.api, null, OPTIONS), true, split.calls);
    const late = await session(createScorm2004Driver(whole.api, reporting("passed-failed"), OPTIONS), false, whole.calls);
    expect(early.afterLaunch[0]?.method).toBe("Initialize");
    expect(early.afterLaunch.map((c) => c.method).filter((m) => !/^(Initialize|Get)/.test(m))).toEqual([]);
    expect(sequence(split.calls)).toEqual(sequence(whole.calls));
    expect(early.facts).toEqual(late.facts);
    expect(early.facts.masteryScore).toBe(70);
    expect(stored(split.lms)).toEqual(stored(whole.lms));
  });

  it("interactions off in the course's options, given after launch(): none is written", async () => {
    const lms = lms2004({ completion_status: "not attempted" });
    const driver = createScorm2004Driver(lms.api, null, { logger: quiet });
    driver.launch();
    driver.withReporting(reporting("passed-incomplete", false));
    await driver.start();
    driver.reportInteraction(interaction("q1"));
    await driver.exit();
    expect(lms.calls.filter((c) => c.method === "SetValue" && c.args[0]!.startsWith("cmi.interactions."))).toEqual([]);
  });

  it("launch() twice, then start(): one Initialize", async () => {
    const lms = lms12({ core: { lesson_status: "not attempted" } });
    const driver = createScorm12Driver(lms.api, null, { logger: quiet });
    driver.launch();
    driver.launch();
    await driver.withReporting(reporting()).start();
    expect(lms.calls.filter((c) => c.method === "LMSInitialize")).toHaveLength(1);
  });

  it("a refused Initialize: start() throws the LaunchError, writes nothing; a later start() tries again", async () => {
    const lms = lms12({});
    lms.lms.lmsInitialize(); // the LMS's session is already open: 1.2 answers "false" with error 101
    lms.calls.length = 0;
    const driver = createScorm12Driver(lms.api, null, { logger: quiet });
    driver.launch();
    driver.withReporting(reporting());
    await expect(driver.start()).rejects.toBeInstanceOf(LaunchError);
    expect(lms.calls.filter((c) => c.method === "LMSInitialize")).toHaveLength(1);
    expect(lms.calls.filter((c) => c.method === "LMSSetValue" || c.method === "LMSCommit")).toEqual([]);
    await expect(driver.start()).rejects.toBeInstanceOf(LaunchError);
    expect(lms.calls.filter((c) => c.method === "LMSInitialize")).toHaveLength(2);
  });
});
