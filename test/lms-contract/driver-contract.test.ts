// The LmsDriver contract (runtime/lms/driver.ts), the same assertions for all five drivers, each
// against its real test LMS (harnesses.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Outcome } from "../../runtime/assessment/outcome";
import type { DeliveryStatus, ExitResult } from "../../runtime/lms/driver";
import { interaction } from "../lms-scorm/helpers";
import { harnesses, type Launched } from "./harnesses";

const PASSED: Outcome = { progress: 1, completed: true, status: "passed", score: 100, final: true, hasAssessment: true };
const NOTHING_TO_END: ExitResult = { navigateTo: null, closeWindow: true };

/** Let what a driver started go out and be answered (macrotask turns and answers awaited, no fixed wait). */
async function settle(launched: Launched): Promise<void> {
  await launched.driver.checkpoint();
  for (let n = 0; n < 3; n++) {
    await new Promise((resolve) => setImmediate(resolve));
    await launched.landed();
  }
}

describe.each(harnesses)("LmsDriver contract: $standard", (harness) => {
  beforeAll(() => harness.setUp());
  afterAll(() => harness.tearDown());

  it("first launch: facts with a budget, no resume state, languages as a list, learner fields string or null", async () => {
    const { driver } = harness.enrol().launch()!;
    expect(driver.standard).toBe(harness.standard);
    const facts = await driver.start();
    expect(facts.standard).toBe(harness.standard);
    expect(facts.stateBudget).toBeGreaterThan(0);
    expect(facts.resumeState).toBeNull();
    expect(facts.resumed).toBe(false);
    expect(Array.isArray(facts.languagePreference)).toBe(true);
    expect(facts.languagePreference.every((tag) => typeof tag === "string" && tag !== "")).toBe(true);
    for (const field of [facts.learner.id, facts.learner.name]) expect(field === null || typeof field === "string").toBe(true);
    await driver.exit();
  });

  it("a state within budget is the next launch's resume state; one over budget is not written, logged, never thrown", async () => {
    const enrolment = harness.enrol();
    const one = enrolment.launch()!;
    const facts = await one.driver.start();
    const kept = `v1|${"k".repeat(facts.stateBudget - 3)}`;
    expect(kept).toHaveLength(facts.stateBudget);
    one.driver.saveState(kept, "page-2");
    expect(() => one.driver.saveState("x".repeat(facts.stateBudget + 1), "page-3")).not.toThrow();
    expect(one.logs.join("\n")).toMatch(/nothing was written|not saved/);
    await one.driver.exit();

    const two = enrolment.launch()!;
    const again = await two.driver.start();
    expect(again.resumeState).toBe(kept);
    expect(again.resumed).toBe(true);
    await two.driver.exit();
  });

  it("before start: nothing sent, nothing thrown; exit ends nothing, and start and exit still work after", async () => {
    const launched = harness.enrol().launch()!;
    const { driver } = launched;
    const heard: DeliveryStatus[] = [];
    driver.onStatus((status) => heard.push(status));
    expect(driver.status().state).toBe(harness.standard === "standalone" ? "standalone" : "idle");
    expect(() => {
      driver.saveState("early", null);
      driver.reportProgress(0.5);
      driver.reportInteraction(interaction("q1"));
      driver.pageHidden(false);
    }).not.toThrow();
    await driver.checkpoint();
    expect(await driver.exit()).toEqual(NOTHING_TO_END);
    expect(launched.traffic()).toBe(0);
    expect(heard).toEqual([]);

    const facts = await driver.start();
    expect(facts.resumeState).toBeNull();
    await driver.exit();
    expect(driver.status().state).toBe(harness.standard === "standalone" ? "standalone" : "ended");
  });

  it("exit twice: the same result, nothing sent by the second, nothing thrown", async () => {
    const launched = harness.enrol().launch()!;
    await launched.driver.start();
    launched.driver.reportOutcome(PASSED);
    const first = await launched.driver.exit();
    await settle(launched);
    const sent = launched.traffic();
    expect(await launched.driver.exit()).toEqual(first);
    await settle(launched);
    expect(launched.traffic()).toBe(sent);
  });

  it("after exit every call is ignored: nothing reaches the LMS, nothing thrown, checkpoint resolves", async () => {
    const launched = harness.enrol().launch()!;
    const { driver } = launched;
    await driver.start();
    driver.saveState("before-exit", "page-1");
    await driver.exit();
    await settle(launched);
    const sent = launched.traffic();
    const before = launched.recorded();
    expect(() => {
      driver.saveState("after-exit", "page-9");
      driver.reportProgress(1);
      driver.reportInteraction(interaction("q1"));
      driver.reportOutcome(PASSED);
      driver.pageHidden(false);
      driver.pageHidden(true);
    }).not.toThrow();
    await driver.checkpoint();
    await settle(launched);
    expect(launched.traffic()).toBe(sent);
    expect(launched.recorded()).toEqual(before);
  });

  it("a page unloaded for good ends the session: later calls send nothing, checkpoint and exit resolve", async () => {
    const enrolment = harness.enrol();
    const launched = enrolment.launch()!;
    const { driver } = launched;
    await driver.start();
    driver.saveState("at-unload", "page-4");
    driver.pageHidden(true);
    await settle(launched);
    const sent = launched.traffic();
    driver.saveState("after-unload", "page-5");
    await driver.checkpoint();
    const result = await driver.exit();
    expect(await driver.exit()).toEqual(result);
    await settle(launched);
    expect(launched.traffic()).toBe(sent);
  });

  it("status: the last change heard equals status(); ended after exit (standalone: always standalone)", async () => {
    const launched = harness.enrol().launch()!;
    const { driver } = launched;
    const heard: DeliveryStatus[] = [];
    const stop = driver.onStatus((status) => heard.push(status));
    await driver.start();
    driver.saveState("s1", "page-1");
    driver.reportOutcome(PASSED);
    await driver.checkpoint();
    await driver.exit();
    const status = driver.status();
    expect(status.state).toBe(harness.standard === "standalone" ? "standalone" : "ended");
    expect(status.pending).toBe(0);
    if (harness.standard === "standalone") expect(heard).toEqual([]);
    else expect(heard.at(-1)).toEqual(status);
    stop();
    const count = heard.length;
    driver.reportOutcome(PASSED);
    expect(heard).toHaveLength(count);
  });

  it("interactions switched off: a submitted question leaves no interaction record", async () => {
    const launched = harness.enrol().launch({ interactions: false })!;
    await launched.driver.start();
    launched.driver.reportInteraction(interaction("q1"));
    launched.driver.reportOutcome(PASSED);
    await launched.driver.exit();
    await settle(launched);
    expect(launched.recorded().interactions).toBe(0);
  });

  it("checkpoint never rejects, before start, during and after the session", async () => {
    const { driver } = harness.enrol().launch()!;
    await expect(driver.checkpoint()).resolves.toBeUndefined();
    await driver.start();
    driver.reportOutcome(PASSED);
    await expect(driver.checkpoint()).resolves.toBeUndefined();
    await driver.exit();
    await expect(driver.checkpoint()).resolves.toBeUndefined();
  });
});

// Browse exists where an LMS launches the course with a mode (standalone has no LMS, Tin Can no mode).
describe.each(harnesses.filter((h) => h.browse))("LmsDriver contract, browse launch: $standard", (harness) => {
  beforeAll(() => harness.setUp());
  afterAll(() => harness.tearDown());

  it("browse: nothing judgemental and no interaction reaches the LMS", async () => {
    const launched = harness.enrol().launch({ mode: "browse" })!;
    const facts = await launched.driver.start();
    expect(facts.launchMode).toBe("browse");
    launched.driver.saveState("browsing", "page-1");
    launched.driver.reportInteraction(interaction("q1"));
    launched.driver.reportOutcome(PASSED);
    await launched.driver.exit();
    await settle(launched);
    expect(launched.recorded()).toEqual({ judgements: 0, interactions: 0 });
  });
});
