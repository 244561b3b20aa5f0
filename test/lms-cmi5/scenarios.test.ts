// The cmi5 driver end to end against the real local LMS/LRS: every statement it receives passes
// @learninglocker/xapi-validation and the cmi5 rule checker (strict mode: a violation is a 403).
import { afterEach, describe, expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import { choiceReport, launch, newDriver, newPage, outcome, readBack, verbs, useLocalLms } from "./helpers";

const MASTERY_EXT = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
let lms: LocalLms;
const marks = useLocalLms((started) => (lms = started));
function expectNoNewViolations(): void {
  expect(marks.newViolations()).toEqual([]);
}
// Every scenario: the LMS saw no xAPI-invalid statement and no cmi5 rule violation.
afterEach(() => expectNoNewViolations());

describe("cmi5 driver: outcomes", () => {
  it("pass: Initialized, progressed, answered, Completed, Passed, Terminated; returnURL after Terminated", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    const facts = await driver.start();
    expect(facts).toMatchObject({
      standard: "cmi5",
      launchMode: "normal",
      credit: true,
      masteryScore: 80,
      resumeState: null,
      learner: { id: "ada", name: "Ada Learner" },
      resumed: false,
    });
    expect(driver.launchData).toMatchObject({ moveOn: "CompletedAndPassed", masteryScore: 0.8, returnURL: "https://lms.example.test/return?course=safety" });
    driver.reportProgress(0.5);
    driver.reportInteraction(choiceReport("q1", true));
    driver.saveState("state-1", "page-2");
    driver.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 90, final: true }));
    const exit = await driver.exit();
    expect(exit).toEqual({ navigateTo: "https://lms.example.test/return?course=safety", closeWindow: false });
    const statements = await readBack(lms, l.registration);
    expect(verbs(statements)).toEqual(["initialized", "progressed", "answered", "completed", "passed", "terminated"]);
    const passed = statements[4]!;
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 0.9, raw: 90, min: 0, max: 100 } });
    expect(passed.context?.extensions?.[MASTERY_EXT]).toBe(0.8);
    expect(statements[2]!.object).toMatchObject({ id: `${l.activityId}/q/q1` });
    expect(driver.status()).toMatchObject({ state: "ended", pending: 0, outcomeDelivered: true });
    expectNoNewViolations();
  });

  it("fail then pass in one session: only a Passed, never a Failed", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    await driver.start();
    driver.reportOutcome(outcome({ completed: true, status: "failed", score: 50, final: false }));
    await driver.checkpoint();
    // The failing score is not reported yet: the LMS has not been told, and the status says so.
    expect(driver.status().outcomeDelivered).toBe(false);
    driver.reportOutcome(outcome({ completed: true, status: "passed", score: 85, final: true }));
    await driver.checkpoint();
    expect(driver.status().outcomeDelivered).toBe(true);
    await driver.exit();
    expect(verbs(await readBack(lms, l.registration))).toEqual(["initialized", "completed", "passed", "terminated"]);
    expectNoNewViolations();
  });

  it("fail in one session (attempts remain), pass in the next: Failed before Terminated, then Passed", async () => {
    const first = launch(lms);
    const d1 = newDriver(first.url, new MemorySessionStorage(), newPage());
    await d1.start();
    d1.saveState("after-attempt-1", "assessment");
    d1.reportOutcome(outcome({ completed: true, status: "failed", score: 40, final: false }));
    await d1.exit();
    const afterFirst = await readBack(lms, first.registration);
    expect(verbs(afterFirst)).toEqual(["initialized", "completed", "failed", "terminated"]);
    expect(afterFirst[2]!.result).toMatchObject({ success: false, score: { scaled: 0.4, raw: 40 } });

    const second = launch(lms, { registration: first.registration });
    const d2 = newDriver(second.url, new MemorySessionStorage(), newPage());
    const facts = await d2.start();
    expect(facts.resumeState).toBe("after-attempt-1");
    expect(facts.resumed).toBe(true);
    // The engine restores attempt 1 and reports the same outcome again: nothing new is sent.
    d2.reportOutcome(outcome({ completed: true, status: "failed", score: 40, final: false }));
    d2.reportOutcome(outcome({ completed: true, status: "passed", score: 100, final: true }));
    await d2.exit();
    const all = await readBack(lms, first.registration);
    expect(verbs(all)).toEqual(["initialized", "completed", "failed", "terminated", "initialized", "passed", "terminated"]);
    expectNoNewViolations();
  });

  it("exhausting attempts: Failed at once (before exit), once", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    await driver.start();
    driver.reportOutcome(outcome({ completed: true, status: "failed", score: 60, final: false }));
    driver.reportOutcome(outcome({ completed: true, status: "unableToPass", score: 70, final: true }));
    await driver.checkpoint();
    expect(verbs(await readBack(lms, l.registration))).toEqual(["initialized", "completed", "failed"]);
    expect(driver.status().outcomeDelivered).toBe(true);
    driver.reportOutcome(outcome({ completed: true, status: "unableToPass", score: 70, final: true }));
    await driver.exit();
    const statements = await readBack(lms, l.registration);
    expect(verbs(statements)).toEqual(["initialized", "completed", "failed", "terminated"]);
    expect(statements[2]!.result?.score).toEqual({ scaled: 0.7, raw: 70, min: 0, max: 100 });
    expectNoNewViolations();
  });

  it("no-score: completion is reported, but no Passed/Failed and no score", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    await driver.start();
    driver.reportOutcome(outcome({ completed: true, status: "failed", score: null, final: false }));
    driver.reportOutcome(outcome({ completed: true, status: "unableToPass", score: null, final: true }));
    await driver.checkpoint();
    expect(driver.status().outcomeDelivered).toBe(true);
    await driver.exit();
    const statements = await readBack(lms, l.registration);
    expect(verbs(statements)).toEqual(["initialized", "completed", "terminated"]);
    expect(statements.some((s) => s.result?.score !== undefined)).toBe(false);
    expectNoNewViolations();
  });

  it.each(["Browse", "Review"] as const)("%s: only Initialized and Terminated, nothing judged, nothing saved", async (mode) => {
    const l = launch(lms, { launchMode: mode });
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    const facts = await driver.start();
    expect(facts.launchMode).toBe(mode.toLowerCase());
    expect(facts.credit).toBe(false);
    driver.reportProgress(0.7);
    driver.reportInteraction(choiceReport("q1", true));
    driver.saveState("browse-state", null);
    driver.reportOutcome(outcome({ completed: true, status: "passed", score: 100, final: true }));
    await driver.exit();
    expect(verbs(await readBack(lms, l.registration))).toEqual(["initialized", "terminated"]);
    const next = launch(lms, { registration: l.registration });
    const again = newDriver(next.url, new MemorySessionStorage(), newPage());
    expect((await again.start()).resumeState).toBeNull();
    await again.exit();
    expectNoNewViolations();
  });
});

describe("cmi5 driver: masteryScore", () => {
  it("absent: no masteryscore extension, score kept on Passed", async () => {
    const l = launch(lms, { masteryScore: undefined });
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    const facts = await driver.start();
    expect(facts.masteryScore).toBeNull();
    driver.reportOutcome(outcome({ completed: true, status: "passed", score: 72.5, final: true }));
    await driver.exit();
    const passed = (await readBack(lms, l.registration)).find((s) => s.verb.id.endsWith("/passed"))!;
    expect(passed.context?.extensions?.[MASTERY_EXT]).toBeUndefined();
    expect(passed.result?.score).toEqual({ scaled: 0.725 }); // fractional: no raw (cmi5 §9.5.1)
    expectNoNewViolations();
  });

  it("a Passed below the LMS masteryScore goes without a score; a Failed at/above it too", async () => {
    const l = launch(lms, { masteryScore: 0.9 });
    const d = newDriver(l.url, new MemorySessionStorage(), newPage());
    expect((await d.start()).masteryScore).toBe(90);
    d.reportOutcome(outcome({ completed: true, status: "passed", score: 85, final: true }));
    await d.exit();
    const passed = (await readBack(lms, l.registration)).find((s) => s.verb.id.endsWith("/passed"))!;
    expect(passed.result?.score).toBeUndefined();
    expect(passed.context?.extensions?.[MASTERY_EXT]).toBe(0.9);

    const l2 = launch(lms, { masteryScore: 0.5 });
    const d2 = newDriver(l2.url, new MemorySessionStorage(), newPage());
    await d2.start();
    d2.reportOutcome(outcome({ completed: true, status: "unableToPass", score: 60, final: true }));
    await d2.exit();
    const failed = (await readBack(lms, l2.registration)).find((s) => s.verb.id.endsWith("/failed"))!;
    expect(failed.result).toMatchObject({ success: false });
    expect(failed.result?.score).toBeUndefined();
    expectNoNewViolations();
  });

  it("an empty masteryScore (\"\") is 'not given', with a warning — never 0", async () => {
    const l = launch(lms, { masteryScore: "" });
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    const facts = await driver.start();
    expect(facts.masteryScore).toBeNull();
    expect(facts.warnings.join(" ")).toMatch(/masteryScore gave an empty mastery value/);
    await driver.exit();
    expectNoNewViolations();
  });

  it("a nonsense masteryScore is 'not given', with a warning", async () => {
    const l = launch(lms, { masteryScore: "eighty" });
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    const facts = await driver.start();
    expect(facts.masteryScore).toBeNull();
    expect(facts.warnings.join(" ")).toMatch(/unusable mastery value/);
    await driver.exit();
    expectNoNewViolations();
  });
});

describe("cmi5 driver: session", () => {
  it("without a returnURL, exit asks the UI to close the window", async () => {
    const l = launch(lms, { returnURL: null });
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    await driver.start();
    expect(await driver.exit()).toEqual({ navigateTo: null, closeWindow: true });
  });

  it("learner preferences are read (404 is normal)", async () => {
    const l = launch(lms, {
      actor: { objectType: "Agent", account: { homePage: "https://lms.example.test", name: "zoe" } },
      learnerPreferences: { languagePreference: "fr-CA, en-US", audioPreference: "off" },
    });
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    const facts = await driver.start();
    expect(facts.languagePreference).toEqual(["fr-CA", "en-US"]);
    expect(facts.audioPreference).toBe("off");
    await driver.exit();
  });

  it("interactions turned off by the course: no answered statements", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { reporting: { interactions: false } });
    await driver.start();
    driver.reportInteraction(choiceReport("q1", false));
    await driver.exit();
    expect(verbs(await readBack(lms, l.registration))).toEqual(["initialized", "terminated"]);
  });

  it("progress is throttled and never sent on or after Completed", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { timing: { progressIntervalMs: 10_000 } });
    await driver.start();
    driver.reportProgress(0.1);
    driver.reportProgress(0.2);
    driver.reportProgress(0.3);
    driver.reportOutcome(outcome({ progress: 1, completed: true }));
    driver.reportProgress(1);
    await driver.exit();
    const statements = await readBack(lms, l.registration);
    expect(verbs(statements)).toEqual(["initialized", "progressed", "progressed", "completed", "terminated"]);
    const progress = statements
      .filter((s) => s.verb.id.endsWith("/progressed"))
      .map((s) => s.result?.extensions?.["https://w3id.org/xapi/cmi5/result/extensions/progress"]);
    expect(progress).toEqual([10, 30]);
    expectNoNewViolations();
  });
});
