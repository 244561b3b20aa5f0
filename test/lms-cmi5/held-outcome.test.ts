// cmi5 remembers Passed/Completed per registration in its own State document, apart from the
// engine's resume state: a session that starts fresh (the resume state is unusable, e.g. after a
// course update) and fails can never send a Failed after the registration's Passed (cmi5 §9.3),
// neither at once (final) nor deferred to the session end. Against the real local LMS/LRS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";
import { decodeState } from "../../runtime/assessment/codec/state-codec";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import { assessment, course, singleChoices } from "../assessment/fixtures";
import { launch, newDriver, newPage, outcome, readBack, verbs } from "./helpers";

let lms: LocalLms;
beforeAll(async () => {
  lms = await startLocalLms();
});
afterAll(async () => {
  await lms.close();
});

const UNUSABLE_STATE = "legacy-player:{page:3,score:100}";

describe("cmi5: a fresh failing session after a Passed in the registration", () => {
  it.each([
    ["final fail (sent at once otherwise)", outcome({ completed: true, status: "unableToPass", score: 30, final: true })],
    ["fail with attempts left (deferred to the session end otherwise)", outcome({ completed: true, status: "failed", score: 30, final: false })],
  ])("%s: no Failed, the registration keeps its one Passed", async (_label, failing) => {
    const violations = lms.violations.length;
    const first = launch(lms);
    const d1 = newDriver(first.url, new MemorySessionStorage(), newPage());
    await d1.start();
    d1.saveState(UNUSABLE_STATE, "assessment");
    d1.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 100, final: true }));
    await d1.exit();

    const second = launch(lms, { registration: first.registration });
    const d2 = newDriver(second.url, new MemorySessionStorage(), newPage());
    const facts = await d2.start();
    // The course cannot use the saved state: the engine starts fresh and reports from nothing.
    const fresh = decodeState(facts.resumeState, course(assessment(singleChoices(4))));
    expect(fresh.state).toBeNull();
    d2.reportOutcome(outcome({ progress: 0.5 }));
    d2.reportOutcome(failing);
    await d2.checkpoint();
    expect(d2.status().outcomeDelivered).toBe(true); // nothing is owed to the LMS: the Passed stands
    await d2.exit();

    const all = await readBack(lms, first.registration);
    expect(verbs(all)).toEqual(["initialized", "completed", "passed", "terminated", "initialized", "terminated"]);
    expect(lms.violations.slice(violations)).toEqual([]);
  });
});

// docs/rules/reporting.md "cmi5": a failing score with attempts left is held until the session ends (one
// judgement per session). The status says so at once — held, not delivered, never "at risk" — also
// in a later session that starts from that result, and turns into delivered once the Failed is sent.
describe("cmi5: the status of a Failed held until the session ends", () => {
  const failing = outcome({ progress: 1, completed: true, status: "failed", score: 40, final: false });

  it("deferred Failed → held until-session-end, not delivered, announced at once; after exit: delivered, nothing held", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    await driver.start();
    await driver.checkpoint();
    const seen: { held?: string; outcomeDelivered: boolean }[] = [];
    driver.onStatus((status) => seen.push({ held: status.held, outcomeDelivered: status.outcomeDelivered }));
    driver.reportOutcome(failing);
    // The listener hears of the held judgement in the same task as the report (the UI reads it before painting).
    expect(seen.at(-1)).toEqual({ held: "until-session-end", outcomeDelivered: false });
    await driver.checkpoint();
    expect(driver.status()).toMatchObject({ state: "delivered", held: "until-session-end", outcomeDelivered: false, pending: 0 });

    await driver.exit();
    expect(driver.status().held).toBeUndefined();
    expect(driver.status()).toMatchObject({ state: "ended", outcomeDelivered: true, pending: 0 });
    expect(verbs(lms.statements({ registration: l.registration })).filter((v) => v !== "progressed")).toEqual([
      "initialized",
      "completed",
      "failed",
      "terminated",
    ]);
  });

  it("a relaunch that starts from the stored Failed: held until-session-end from the first report (not 'sent', not red); sent again at that session's end", async () => {
    const first = launch(lms);
    const d1 = newDriver(first.url, new MemorySessionStorage(), newPage());
    await d1.start();
    d1.saveState("after-attempt-1", "assessment");
    d1.reportOutcome(failing);
    await d1.exit();

    const second = launch(lms, { registration: first.registration });
    const d2 = newDriver(second.url, new MemorySessionStorage(), newPage());
    const facts = await d2.start();
    expect(facts.resumeState).toBe("after-attempt-1");
    const seen: { held?: string; outcomeDelivered: boolean }[] = [];
    d2.onStatus((status) => seen.push({ held: status.held, outcomeDelivered: status.outcomeDelivered }));
    d2.reportOutcome(failing); // what the engine reports at begin(), from the resume state
    expect(seen.at(-1)).toEqual({ held: "until-session-end", outcomeDelivered: false });
    await d2.checkpoint();
    expect(d2.status()).toMatchObject({ state: "delivered", held: "until-session-end", outcomeDelivered: false });

    await d2.exit();
    expect(d2.status()).toMatchObject({ state: "ended", outcomeDelivered: true });
    expect(d2.status().held).toBeUndefined();
    const stored = await readBack(lms, first.registration);
    // cmi5 §9.3: a Failed in each session is legal; each closes its own session.
    expect(verbs(stored).filter((v) => v !== "progressed")).toEqual([
      "initialized",
      "completed",
      "failed",
      "terminated",
      "initialized",
      "failed",
      "terminated",
    ]);
  });
});
