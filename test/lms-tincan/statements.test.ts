// The Tin Can driver's statements through the local LRS (docs/xapi-target.md "Statements"): valid per
// the xAPI validator, no cmi5 category or extension, the interaction definitions of cmi5, the score
// and the status right, and nothing the LRS refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";
import { xapiInteraction } from "../../runtime/lms/xapi/interaction";
import { choiceReport, outcome } from "../lms-cmi5/helpers";
import { COURSE_ID, expectValidTincan, newTincanDriver, tincanLaunch, verbs } from "./helpers";

let lms: LocalLms;
beforeAll(async () => void (lms = await startLocalLms()));
afterAll(() => lms.close());

describe("a first session that passes", () => {
  it("attempted, initialized, answered, completed, passed with the score, terminated — all valid", async () => {
    const l = tincanLaunch(lms);
    const driver = newTincanDriver(l.url);
    const facts = await driver.start();
    expect(facts).toMatchObject({ standard: "xapi", launchMode: "normal", credit: true, masteryScore: null, resumeState: null, resumed: false });
    expect(facts.learner).toEqual({ id: "ada", name: "Ada Learner" });
    const report = choiceReport("q1", true);
    driver.reportInteraction(report);
    driver.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 85, final: true }));
    await driver.checkpoint();
    expect(driver.status()).toMatchObject({ state: "delivered", pending: 0, outcomeDelivered: true });
    await driver.exit();
    expect(driver.status().state).toBe("ended");

    const stored = lms.statements({ registration: l.registration! });
    expect(verbs(stored)).toEqual(["attempted", "initialized", "answered", "completed", "passed", "terminated"]);
    expectValidTincan(stored);
    expect(lms.violations).toEqual([]);
    for (const s of stored) {
      expect(s.actor).toEqual(l.actor);
      expect(s.context?.registration).toBe(l.registration);
      expect(s.context?.contextActivities?.category).toBeUndefined();
      expect(s.context?.extensions).toBeUndefined();
    }
    const passed = stored.find((s) => s.verb.id.endsWith("/passed"))!;
    expect(passed.object).toEqual({ objectType: "Activity", id: COURSE_ID });
    expect(passed.result).toMatchObject({ success: true, completion: true, score: { scaled: 0.85, raw: 85, min: 0, max: 100 } });
    const answered = stored.find((s) => s.verb.id.endsWith("/answered"))!;
    // The same interaction definition as cmi5 (runtime/lms/xapi/interaction.ts).
    expect((answered.object as { definition: unknown }).definition).toEqual(xapiInteraction(report)!.definition);
    expect(answered.object).toMatchObject({ id: `${COURSE_ID}/q/q1` });
    expect(answered.context?.contextActivities?.parent).toEqual([{ objectType: "Activity", id: COURSE_ID }]);
    expect(answered.result).toMatchObject({ success: true, response: xapiInteraction(report)!.response });
  });
});

describe("failing, then passing", () => {
  it("a Failed per new failing score (with the score), never a Failed after the Passed", async () => {
    const l = tincanLaunch(lms);
    const driver = newTincanDriver(l.url);
    await driver.start();
    const failing = outcome({ completed: true, status: "failed", score: 40 });
    driver.reportOutcome(failing);
    driver.reportOutcome(failing); // the same outcome again: nothing new
    driver.reportOutcome(outcome({ completed: true, status: "failed", score: 55 }));
    driver.reportOutcome(outcome({ completed: true, status: "passed", score: 90, final: true }));
    driver.reportOutcome(outcome({ completed: true, status: "failed", score: 10, final: true }));
    await driver.exit();
    const stored = lms.statements({ registration: l.registration! });
    expect(verbs(stored)).toEqual(["attempted", "initialized", "completed", "failed", "failed", "passed", "terminated"]);
    expectValidTincan(stored);
    const judged = stored.filter((s) => /\/(passed|failed)$/.test(s.verb.id)).map((s) => [s.result?.success, s.result?.score?.raw]);
    expect(judged).toEqual([
      [false, 40],
      [false, 55],
      [true, 90],
    ]);
  });

  it("no score (a null score) is a judgement-free outcome: no Failed, and a Passed without a score", async () => {
    const l = tincanLaunch(lms);
    const driver = newTincanDriver(l.url);
    await driver.start();
    driver.reportOutcome(outcome({ completed: true, status: "failed", score: null }));
    driver.reportOutcome(outcome({ completed: true, status: "passed", score: null, final: true }));
    await driver.exit();
    const stored = lms.statements({ registration: l.registration! });
    expect(verbs(stored)).toEqual(["attempted", "initialized", "completed", "passed", "terminated"]);
    expect(stored.find((s) => s.verb.id.endsWith("/passed"))!.result).not.toHaveProperty("score");
    expectValidTincan(stored);
  });

  it("a course without an assessment: completed only", async () => {
    const l = tincanLaunch(lms);
    const driver = newTincanDriver(l.url);
    await driver.start();
    driver.reportOutcome(outcome({ progress: 1, completed: true, hasAssessment: false }));
    await driver.exit();
    expect(verbs(lms.statements({ registration: l.registration! }))).toEqual(["attempted", "initialized", "completed", "terminated"]);
  });
});

describe("interactions switched off", () => {
  it("no answered statement", async () => {
    const l = tincanLaunch(lms);
    const driver = newTincanDriver(l.url, undefined, undefined, { reporting: { interactions: false } });
    await driver.start();
    driver.reportInteraction(choiceReport("q1", false));
    await driver.exit();
    expect(verbs(lms.statements({ registration: l.registration! }))).toEqual(["attempted", "initialized", "terminated"]);
  });
});
