// Never downgrade what the LMS already holds (docs/reporting.md "Never lowering what the LMS holds"; held-outcome.ts). The LMS holds a pass
// and its best score with a suspend_data this course version cannot use (another format, or a state
// from before an update): a new session starts fresh, the learner fails a fresh attempt, and the LMS
// must still hold the pass and the best score. The real engine (CourseSession) drives real drivers
// over scorm-again as the LMS.
import { describe, expect, it } from "vitest";
import { createLearnerState } from "../../runtime/assessment/index";
import { decodeState } from "../../runtime/assessment/codec/state-codec";
import { CourseSession } from "../../runtime/app/session";
import type { CourseData, Scorm12StatusMode } from "../../runtime/course/types";
import type { LmsDriver } from "../../runtime/lms/driver";
import { readSuspendData } from "../../runtime/lms/scorm-common/suspend-data";
import { createScorm12Driver } from "../../runtime/lms/scorm12/driver";
import { createScorm2004Driver } from "../../runtime/lms/scorm2004/driver";
import { assessment, course as courseOf, singleChoices } from "../assessment/fixtures";
import { lms12, lms2004, logInto, outcome, quiet, reporting, stored, valuesSet } from "./helpers";
import * as stateCodec from "../../runtime/assessment/codec/state-codec";
import { codecAtHand } from "../../runtime/app/state-codec-loader";
import * as assessmentHalf from "../../runtime/app/assessment-half";
import { halfAtHand } from "../../runtime/app/assessment-half-loader";

/** 4 single-choice questions (correct: "c"), passing 80. */
function quiz(mode: Scorm12StatusMode, attempts = 3, allowAttemptsAfterPass = false): CourseData {
  const c = courseOf(assessment(singleChoices(4), { attempts, allowAttemptsAfterPass }), 2);
  return { ...c, reporting: { ...c.reporting, scorm12: { statusMode: mode } } };
}

/** Written by another player (or damaged): decodeState gives no state. */
const UNUSABLE_STATE = "legacy-player:{page:3,score:100}";

/** One session: resume from what the LMS holds, answer `correct` of 4 right, submit, exit. */
async function session(course: CourseData, driver: LmsDriver, correct: number) {
  const logs: string[] = [];
  const facts = await driver.start();
  const decoded = decodeState(facts.resumeState, course);
  let clock = Date.UTC(2026, 10, 22, 9);
  let seed = 1;
  const learner = new CourseSession(course, driver, facts, decoded.state ?? createLearnerState(), {
    clock: { now: () => (clock += 1000) },
    seed: () => seed++,
    codec: codecAtHand(stateCodec),
    half: halfAtHand(assessmentHalf),
    logger: { warn: (m) => logs.push(m), error: (m) => logs.push(m) },
  });
  learner.begin();
  for (const page of course.pages) learner.visitPage(page.id);
  expect(learner.startAttempt()).toBe(true);
  learner.view().state.current!.draw.questions.forEach((d, i) => learner.answer(d.questionId, { type: "single-choice", choice: i < correct ? "c" : "a" }));
  const submitted = learner.submit();
  await learner.exit();
  return { decoded, submitted, logs };
}

describe("SCORM 1.2: a held pass and its score are never lowered", () => {
  it.each(["passed-incomplete", "passed-failed"] as const)(
    "%s: LMS passed + 100, unusable state, fresh failing attempt → still passed and 100",
    async (mode) => {
      const course = quiz(mode, 1);
      const lms = lms12({ core: { entry: "resume", lesson_status: "passed", score: { raw: "100" } }, suspend_data: UNUSABLE_STATE });
      const driverLogs: string[] = [];
      const { decoded, submitted } = await session(course, createScorm12Driver(lms.api, course.reporting, { logger: logInto(driverLogs) }), 1);
      expect(decoded.state).toBeNull();
      expect(decoded.warning).toMatch(/starting fresh/);
      expect(submitted!.result.status).toBe("failed"); // the engine judged this session's only attempt a fail
      const data = stored(lms.lms);
      expect(data["cmi.core.lesson_status"]).toBe("passed");
      expect(data["cmi.core.score.raw"]).toBe("100");
      expect(valuesSet(lms.calls, "cmi.core.lesson_status").filter((v) => v !== "passed")).toEqual([]);
      expect(valuesSet(lms.calls, "cmi.core.score.raw")).toEqual([]);
      expect(driverLogs.join("\n")).toMatch(/cmi\.core\.lesson_status stays "passed" \(the LMS holds it\)/);
      // The new session's state was saved: the next launch knows this attempt.
      expect(decodeState(readSuspendData(data["cmi.suspend_data"]!).state, course).state?.attempts).toHaveLength(1);
    },
  );

  it("completed-failed: a held completed stays completed", async () => {
    const course = quiz("completed-failed", 1);
    const lms = lms12({ core: { entry: "resume", lesson_status: "completed", score: { raw: "90" } }, suspend_data: "garbage" });
    await session(course, createScorm12Driver(lms.api, course.reporting, { logger: quiet }), 0);
    expect(stored(lms.lms)["cmi.core.lesson_status"]).toBe("completed");
    expect(stored(lms.lms)["cmi.core.score.raw"]).toBe("90");
  });

  it("passed-incomplete: a held completed is not protected (the mode's satisfied status is passed)", async () => {
    const course = quiz("passed-incomplete", 3);
    const lms = lms12({ core: { entry: "resume", lesson_status: "completed" }, suspend_data: "" });
    await session(course, createScorm12Driver(lms.api, course.reporting, { logger: quiet }), 0);
    expect(stored(lms.lms)["cmi.core.lesson_status"]).toBe("incomplete");
  });

  it("a pass with a lower score than the held one keeps the held score; a higher one is written", async () => {
    const lower = lms12({ core: { entry: "resume", lesson_status: "passed", score: { raw: "100" } } });
    const lowerDriver = createScorm12Driver(lower.api, reporting("passed-incomplete"), { logger: quiet });
    await lowerDriver.start();
    lowerDriver.reportOutcome(outcome("passed", 85));
    await lowerDriver.exit();
    expect(stored(lower.lms)).toMatchObject({ "cmi.core.lesson_status": "passed", "cmi.core.score.raw": "100" });

    const higher = lms12({ core: { entry: "resume", lesson_status: "passed", score: { raw: "80" } } });
    const higherDriver = createScorm12Driver(higher.api, reporting("passed-incomplete"), { logger: quiet });
    await higherDriver.start();
    higherDriver.reportOutcome(outcome("passed", 95));
    await higherDriver.exit();
    expect(stored(higher.lms)).toMatchObject({ "cmi.core.lesson_status": "passed", "cmi.core.score.raw": "95" });
  });

  it("a held fail is not protected: a later pass replaces it", async () => {
    const lms = lms12({ core: { entry: "resume", lesson_status: "failed", score: { raw: "40" } } });
    const driver = createScorm12Driver(lms.api, reporting("passed-failed"), { logger: quiet });
    await driver.start();
    driver.reportOutcome(outcome("passed", 90));
    await driver.exit();
    expect(stored(lms.lms)).toMatchObject({ "cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90" });
  });
});

describe("SCORM 2004: held success passed, completion completed and the pass's score are never lowered", () => {
  const held = {
    entry: "resume",
    success_status: "passed",
    completion_status: "completed",
    progress_measure: "1",
    score: { raw: "100", scaled: "1", min: "0", max: "100" },
  };

  it("LMS passed + completed + 100, unusable state, fresh failing attempt → still passed, completed, 100", async () => {
    const course = quiz("passed-incomplete", 3);
    const lms = lms2004({ ...held, suspend_data: UNUSABLE_STATE });
    const driverLogs: string[] = [];
    const { decoded, submitted } = await session(course, createScorm2004Driver(lms.api, course.reporting, { logger: logInto(driverLogs) }), 1);
    expect(decoded.state).toBeNull();
    expect(submitted!.result.status).toBe("failed");
    const data = stored(lms.lms);
    expect(data).toMatchObject({
      "cmi.success_status": "passed",
      "cmi.completion_status": "completed",
      "cmi.score.raw": "100",
      "cmi.score.scaled": "1",
      "cmi.progress_measure": "1",
    });
    expect(valuesSet(lms.calls, "cmi.success_status").filter((v) => v !== "passed")).toEqual([]);
    expect(valuesSet(lms.calls, "cmi.completion_status").filter((v) => v !== "completed")).toEqual([]);
    expect(valuesSet(lms.calls, "cmi.score.raw")).toEqual([]);
    const log = driverLogs.join("\n");
    expect(log).toMatch(/cmi\.success_status stays "passed"/);
    expect(log).toMatch(/cmi\.completion_status stays "completed"/);
  });

  it("a later passing attempt with a lower score keeps the held score", async () => {
    const lms = lms2004(held);
    const logs: string[] = [];
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: logInto(logs) });
    await driver.start();
    driver.reportOutcome(outcome("passed", 85));
    await driver.exit();
    expect(stored(lms.lms)).toMatchObject({ "cmi.success_status": "passed", "cmi.score.raw": "100", "cmi.score.scaled": "1" });
    expect(logs.join("\n")).toMatch(/cmi\.score\.raw stays 100 .*85 would lower it/);
  });

  it("an LMS that holds only score.scaled: a lower passing score is not written either", async () => {
    const lms = lms2004({ entry: "resume", success_status: "passed", completion_status: "completed", score: { scaled: "0.95" } });
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: quiet });
    await driver.start();
    driver.reportOutcome(outcome("passed", 85));
    await driver.exit();
    expect(stored(lms.lms)).toMatchObject({ "cmi.success_status": "passed", "cmi.score.scaled": "0.95", "cmi.score.raw": "" });
  });

  it("a held failed or incomplete is not protected: a pass replaces it", async () => {
    const lms = lms2004({ entry: "resume", success_status: "failed", completion_status: "incomplete", score: { raw: "40", scaled: "0.4" } });
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: quiet });
    await driver.start();
    driver.reportOutcome(outcome("passed", 90));
    await driver.exit();
    expect(stored(lms.lms)).toMatchObject({ "cmi.success_status": "passed", "cmi.completion_status": "completed", "cmi.score.raw": "90" });
  });
});
