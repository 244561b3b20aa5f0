// Interactions are numbered from a counter kept in suspend_data, not from the LMS's
// cmi.interactions._count alone: an LMS that answers _count = 0 on every launch (ILIAS does) must
// not have a later session rewrite an earlier session's rows. A strict LMS that numbers rows without
// gaps from its own _count gets them numbered from that count instead.
import { describe, expect, it } from "vitest";
import type { Scorm12Api, ScormAnswer } from "../../runtime/lms/scorm-common/api-types";
import { COUNTER_RESERVE, readSuspendData, writeSuspendData } from "../../runtime/lms/scorm-common/suspend-data";
import { createScorm12Driver } from "../../runtime/lms/scorm12/driver";
import { createScorm2004Driver } from "../../runtime/lms/scorm2004/driver";
import { interaction, lms12, lms2004, logInto, outcome, quiet, reporting, stored } from "./helpers";

/**
 * An LMS that keeps every value it is given (interaction rows by their index, as written) but, like
 * ILIAS's SCORM 1.2 player, hands no interaction back: `_count` is 0 on every launch.
 */
class ForgetfulCountLms {
  readonly data = new Map<string, string>();
  session(): Scorm12Api {
    const data = this.data;
    const ok = (): ScormAnswer => "true";
    return {
      LMSInitialize: ok,
      LMSFinish: ok,
      LMSCommit: ok,
      LMSGetLastError: () => "0",
      LMSGetErrorString: () => "",
      LMSGetDiagnostic: () => "",
      LMSGetValue: (element) => {
        if (element === "cmi.interactions._count") return "0";
        if (element === "cmi.interactions._children") return "id,objectives,time,type,correct_responses,weighting,student_response,result,latency";
        if (element === "cmi.core.lesson_status") return data.get(element) ?? "not attempted";
        return data.get(element) ?? "";
      },
      LMSSetValue: (element, value) => {
        data.set(element, value);
        return "true";
      },
    };
  }
  rows(): string[] {
    return [...this.data.entries()]
      .filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
      .sort(([a], [b]) => index(a) - index(b))
      .map(([, v]) => v);
  }
}

const index = (element: string) => Number(/\.(\d+)\./.exec(element)![1]);

describe("suspend_data: the interaction counter in front of the engine's state", () => {
  it("round-trips; no counter until an interaction was written; a state without one reads as it is", () => {
    expect(writeSuspendData("P2.abc|x", 0)).toBe("P2.abc|x");
    expect(writeSuspendData("P2.abc|x", 12)).toBe("I12~P2.abc|x");
    expect(readSuspendData("I12~P2.abc|x")).toEqual({ state: "P2.abc|x", interactionsWritten: 12 });
    expect(readSuspendData("P2.abc|x")).toEqual({ state: "P2.abc|x", interactionsWritten: null });
    expect(readSuspendData("")).toEqual({ state: null, interactionsWritten: null });
    expect(readSuspendData("I3~")).toEqual({ state: null, interactionsWritten: 3 });
    expect(writeSuspendData("s", 9_999_999).length - 1).toBeLessThanOrEqual(COUNTER_RESERVE);
  });
});

describe("an LMS answering cmi.interactions._count = 0 on every launch (ILIAS)", () => {
  it("session 2 numbers after session 1's rows (nothing rewritten), and the counter travels in suspend_data", async () => {
    const lms = new ForgetfulCountLms();
    const first = createScorm12Driver(lms.session(), reporting("passed-incomplete"), { logger: quiet });
    const facts = await first.start();
    expect(facts.stateBudget).toBe(4096 - COUNTER_RESERVE);
    first.reportInteraction(interaction("first-action", { attemptNumber: 1 }));
    first.reportInteraction(interaction("second-action", { attemptNumber: 1 }));
    first.saveState("P2.state-one", null);
    first.reportOutcome(outcome("failed", 50));
    await first.exit();
    expect(lms.data.get("cmi.suspend_data")).toBe("I2~P2.state-one");
    expect(lms.rows()).toEqual(["first-action-a1", "second-action-a1"]);

    const second = createScorm12Driver(lms.session(), reporting("passed-incomplete"), { logger: quiet });
    const again = await second.start();
    expect(again.resumeState).toBe("P2.state-one"); // the engine sees its own state only
    second.reportInteraction(interaction("first-action", { attemptNumber: 2 }));
    second.saveState("P2.state-two", null);
    await second.exit();
    expect(lms.rows()).toEqual(["first-action-a1", "second-action-a1", "first-action-a2"]);
    expect(lms.data.get("cmi.suspend_data")).toBe("I3~P2.state-two");
  });

  it("the suspend_data written never exceeds 4096 characters with the counter", async () => {
    const lms = new ForgetfulCountLms();
    const logs: string[] = [];
    const driver = createScorm12Driver(lms.session(), reporting("passed-incomplete"), { logger: logInto(logs) });
    const facts = await driver.start();
    for (let n = 1; n <= 40; n++) driver.reportInteraction(interaction(`q${n}`));
    driver.saveState("s".repeat(facts.stateBudget), null);
    driver.saveState("s".repeat(facts.stateBudget + 1), null);
    expect(logs.join()).toContain("nothing was written");
    await driver.exit();
    expect(lms.data.get("cmi.suspend_data")!.length).toBeLessThanOrEqual(4096);
    expect(readSuspendData(lms.data.get("cmi.suspend_data")!).interactionsWritten).toBe(40);
  });
});

describe("a strict LMS (scorm-again)", () => {
  it("1.2: where the LMS's _count is the larger, numbering goes on from it", async () => {
    // The LMS holds three rows and hands them back (_count 3); our counter says 1.
    const rows = { "0": { id: "earlier-0" }, "1": { id: "earlier-1" }, "2": { id: "earlier-2" } };
    const { api, lms } = lms12({ core: { entry: "resume", lesson_status: "incomplete" }, suspend_data: "I1~P2.x", interactions: rows });
    const driver = createScorm12Driver(api, reporting("passed-incomplete"), { logger: quiet });
    await driver.start();
    driver.reportInteraction(interaction("q1", { attemptNumber: 2 }));
    expect(stored(lms)["cmi.interactions.3.id"]).toBe("q1-a2");
    await driver.exit();
  });

  it("1.2: a counter ahead of the rows the LMS holds is given up for its _count (rows without gaps), once, with a log line", async () => {
    const { api, lms } = lms12({ core: { entry: "resume", lesson_status: "incomplete" }, suspend_data: "I5~P2.x" });
    const logs: string[] = [];
    const driver = createScorm12Driver(api, reporting("passed-incomplete"), { logger: logInto(logs) });
    await driver.start();
    driver.reportInteraction(interaction("q1", { attemptNumber: 2 }));
    driver.reportInteraction(interaction("q2", { attemptNumber: 2 }));
    expect(stored(lms)["cmi.interactions.0.id"]).toBe("q1-a2");
    expect(stored(lms)["cmi.interactions.1.id"]).toBe("q2-a2");
    expect(logs.join()).toContain("numbering from the LMS's cmi.interactions._count 0");
    await driver.exit();
  });

  it("2004: a counter ahead of the LMS's rows never holds up what comes after (the outcome arrives, nothing retried)", async () => {
    const l = lms2004({ entry: "resume", suspend_data: "I8~P2.x", completion_status: "incomplete", scaled_passing_score: "0.8" });
    const driver = createScorm2004Driver(l.api, reporting(), { logger: quiet });
    await driver.start();
    driver.reportInteraction(interaction("q1", { attemptNumber: 2 }));
    driver.saveState("P2.y", null);
    driver.reportOutcome(outcome("passed", 100));
    expect(driver.status()).toMatchObject({ state: "delivered", pending: 0, outcomeDelivered: true });
    await driver.exit();
    expect(stored(l.lms)).toMatchObject({
      "cmi.success_status": "passed",
      "cmi.score.raw": "100",
      "cmi.interactions.0.id": "q1-a2",
      "cmi.suspend_data": "I1~P2.y",
    });
    expect(l.calls.filter((c) => c.method === "SetValue" && c.args[0] === "cmi.interactions.8.id")).toHaveLength(1); // tried once, never retried
  });

  it("2004: the counter is kept the same way, and the engine's state comes back without it", async () => {
    const first = lms2004({ entry: "ab-initio" });
    const d1 = createScorm2004Driver(first.api, reporting(), { logger: quiet });
    await d1.start();
    d1.reportInteraction(interaction("q1"));
    d1.saveState("P2.two-thousand-four", "p1");
    await d1.exit();
    const kept = stored(first.lms)["cmi.suspend_data"]!;
    expect(kept).toBe("I1~P2.two-thousand-four");
    const second = lms2004({ entry: "resume", suspend_data: kept });
    const d2 = createScorm2004Driver(second.api, reporting(), { logger: quiet });
    const facts = await d2.start();
    expect(facts.resumeState).toBe("P2.two-thousand-four");
    expect(facts.stateBudget).toBe(64000 - COUNTER_RESERVE);
    await d2.exit();
  });
});
