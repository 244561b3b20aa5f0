import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import { choiceReport, launch, newDriver, newPage, outcome, readBack, verbs } from "./helpers";

let lms: LocalLms;
beforeAll(async () => {
  lms = await startLocalLms();
});
afterAll(async () => {
  await lms.close();
});
let violationsBefore = 0;
beforeEach(() => {
  violationsBefore = lms.violations.length;
});
function expectNoNewViolations(): void {
  expect(lms.violations.slice(violationsBefore)).toEqual([]);
}

describe("cmi5 driver against the local LMS", () => {
  it("pass: Initialized, answered, Completed, Passed, Terminated; returnURL after Terminated", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    const facts = await driver.start();
    expect(facts).toMatchObject({ standard: "cmi5", launchMode: "normal", credit: true, masteryScore: 80, resumeState: null, learner: { id: "ada" } });
    driver.reportProgress(0.5);
    driver.reportInteraction(choiceReport("q1", true));
    driver.saveState("state-1", "page-2");
    driver.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 90, final: true }));
    const exit = await driver.exit();
    expect(exit).toEqual({ navigateTo: "https://lms.example.test/return?course=safety", closeWindow: false });
    const statements = await readBack(lms, l.registration);
    expect(verbs(statements)).toEqual(["initialized", "progressed", "answered", "completed", "passed", "terminated"]);
    const passed = statements[4]!;
    expect(passed.result?.score).toEqual({ scaled: 0.9, raw: 90, min: 0, max: 100 });
    expect(passed.context?.extensions?.["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"]).toBe(0.8);
    expect(driver.status()).toMatchObject({ state: "ended", pending: 0, outcomeDelivered: true });
    expectNoNewViolations();
  });
});
