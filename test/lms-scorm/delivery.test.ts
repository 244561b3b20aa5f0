// docs/rules/reporting.md "Delivery" for both SCORM drivers: commit at checkpoints and on hide, failed calls
// retried at the next checkpoint and surfaced, a vanished API surfaced, nothing after Finish.
import { describe, expect, it } from "vitest";
import type { DeliveryStatus, LmsDriver } from "../../runtime/lms/driver";
import { LaunchError } from "../../runtime/lms/launch-error";
import type { Timers } from "../../runtime/lms/ports";
import { createScorm12Driver } from "../../runtime/lms/scorm12/driver";
import { createScorm2004Driver } from "../../runtime/lms/scorm2004/driver";
import {
  callsAfterFinish,
  FakePage,
  interaction,
  lms12,
  lms2004,
  logInto,
  outcome,
  quiet,
  reporting,
  stored,
  switchableCommit,
  type RecordedCall,
} from "./helpers";

/** Timers the test advances by hand (runtime/lms/ports.ts Timers). */
class ManualTimers implements Timers {
  tasks: { task: () => void; ms: number }[] = [];
  setTimeout(task: () => void, ms: number): unknown {
    const entry = { task, ms };
    this.tasks.push(entry);
    return entry;
  }
  clearTimeout(handle: unknown): void {
    this.tasks = this.tasks.filter((t) => t !== handle);
  }
  runNext(): number {
    const next = this.tasks.shift();
    if (!next) throw new Error("no retry scheduled");
    next.task();
    return next.ms;
  }
}

interface Setup {
  timers: ManualTimers;
  driver: LmsDriver;
  calls: RecordedCall[];
  data(): Record<string, string>;
  vanish(): void;
  page: FakePage;
  commit: ReturnType<typeof switchableCommit>;
  statusElement: string;
  finishMethod: string;
  commitMethod: string;
}

type Factory = (page: FakePage) => Setup;

/** Timers that never fire. */
const idleTimers: Timers = { setTimeout: () => null, clearTimeout: () => undefined };

const make12: Factory = (page) => {
  const commit = switchableCommit();
  const lms = lms12(
    { core: { entry: "ab-initio", lesson_status: "not attempted" } },
    { lmsCommitUrl: "http://127.0.0.1:9/commit", httpService: commit.httpService },
  );
  const timers = new ManualTimers();
  const driver = page.drive(createScorm12Driver(lms.api, reporting("passed-failed"), { logger: quiet, timers }));
  return {
    timers,
    driver,
    calls: lms.calls,
    data: () => stored(lms.lms),
    vanish: lms.vanish,
    page,
    commit,
    statusElement: "cmi.core.lesson_status",
    finishMethod: "LMSFinish",
    commitMethod: "LMSCommit",
  };
};

const make2004: Factory = (page) => {
  const commit = switchableCommit();
  const lms = lms2004({ entry: "ab-initio" }, { lmsCommitUrl: "http://127.0.0.1:9/commit", httpService: commit.httpService });
  const timers = new ManualTimers();
  const driver = page.drive(createScorm2004Driver(lms.api, reporting(), { logger: quiet, timers }));
  return {
    timers,
    driver,
    calls: lms.calls,
    data: () => stored(lms.lms),
    vanish: lms.vanish,
    page,
    commit,
    statusElement: "cmi.success_status",
    finishMethod: "Terminate",
    commitMethod: "Commit",
  };
};

const STANDARDS: [string, Factory][] = [
  ["SCORM 1.2", make12],
  ["SCORM 2004", make2004],
];

describe.each(STANDARDS)("%s delivery", (_name, make) => {
  it("commits at the start and at each outcome change; says delivered only after a successful commit", async () => {
    const s = make(new FakePage());
    expect(s.driver.status().state).toBe("idle");
    await s.driver.start();
    expect(s.driver.status()).toMatchObject({ state: "delivered", pending: 0 });
    const commitsBefore = s.calls.filter((c) => c.method === s.commitMethod).length;
    s.driver.reportOutcome(outcome("passed", 90));
    expect(s.calls.filter((c) => c.method === s.commitMethod).length).toBe(commitsBefore + 1);
    expect(s.driver.status()).toMatchObject({ state: "delivered", pending: 0, outcomeDelivered: true });
    s.driver.reportOutcome(outcome("passed", 90)); // same outcome: nothing new, no commit
    expect(s.calls.filter((c) => c.method === s.commitMethod).length).toBe(commitsBefore + 1);
    await s.driver.exit();
    expect(s.driver.status().state).toBe("ended");
  });

  it("a failing Commit is retried at the next checkpoint and surfaced until it succeeds", async () => {
    const s = make(new FakePage());
    const seen: DeliveryStatus[] = [];
    s.driver.onStatus((status) => seen.push(status));
    await s.driver.start();
    s.commit.fail(true);
    s.driver.reportOutcome(outcome("passed", 90));
    expect(s.driver.status()).toMatchObject({ state: "retrying", outcomeDelivered: false });
    expect(s.driver.status().detail).toContain("391");
    const attempts = s.commit.commits;
    await s.driver.checkpoint();
    expect(s.commit.commits).toBe(attempts + 1); // retried
    expect(s.driver.status().state).toBe("retrying");
    await s.driver.checkpoint();
    expect(s.driver.status()).toMatchObject({ state: "auth-lost", outcomeDelivered: false }); // 3 in a row
    s.commit.fail(false);
    s.page.hide(); // a hide is a checkpoint too
    expect(s.driver.status()).toMatchObject({ state: "delivered", pending: 0, outcomeDelivered: true });
    expect(seen.map((x) => x.state)).toEqual(expect.arrayContaining(["retrying", "auth-lost", "delivered"]));
    await s.driver.exit();
    expect(s.data()[s.statusElement]).toBe("passed");
  });

  it("after a failure it retries by itself with backoff, and stops once delivered", async () => {
    const s = make(new FakePage());
    await s.driver.start();
    s.commit.fail(true);
    s.driver.reportOutcome(outcome("passed", 90));
    expect(s.timers.tasks).toHaveLength(1);
    expect(s.timers.runNext()).toBe(5_000);
    expect(s.timers.runNext()).toBe(10_000);
    expect(s.driver.status().state).toBe("auth-lost");
    s.commit.fail(false);
    expect(s.timers.runNext()).toBe(20_000);
    expect(s.driver.status()).toMatchObject({ state: "delivered", outcomeDelivered: true });
    expect(s.timers.tasks).toHaveLength(0);
    await s.driver.exit();
  });

  it("the API vanishing (LMS window closed) is surfaced, nothing throws", async () => {
    const s = make(new FakePage());
    await s.driver.start();
    s.driver.saveState("state", "p1");
    s.vanish();
    s.driver.reportOutcome(outcome("passed", 90));
    await s.driver.checkpoint();
    expect(s.driver.status()).toMatchObject({ state: "auth-lost", outcomeDelivered: false });
    await expect(s.driver.exit()).resolves.toEqual({ navigateTo: null, closeWindow: true });
    expect(s.driver.status().state).toBe("auth-lost");
    expect(s.timers.tasks).toHaveLength(0); // no point retrying a dead API
  });

  it("nothing is called after Finish/Terminate, whatever the UI or the page does", async () => {
    const s = make(new FakePage());
    await s.driver.start();
    s.driver.reportOutcome(outcome("failed", 40));
    await s.driver.exit();
    expect(s.calls.filter((c) => c.method === s.finishMethod)).toHaveLength(1);
    s.driver.saveState("later", "p9");
    s.driver.reportProgress(1);
    s.driver.reportInteraction(interaction("late"));
    s.driver.reportOutcome(outcome("passed", 100));
    await s.driver.checkpoint();
    s.page.hide();
    s.page.pagehide();
    await s.driver.exit();
    expect(callsAfterFinish(s.calls)).toEqual([]);
  });

  it("a Finish/Terminate that fails leaves the learner told, and is not called again", async () => {
    const s = make(new FakePage());
    await s.driver.start();
    s.commit.fail(true);
    s.driver.reportOutcome(outcome("passed", 90));
    await s.driver.exit();
    expect(s.calls.filter((c) => c.method === s.finishMethod)).toHaveLength(1);
    expect(s.driver.status()).toMatchObject({ state: "auth-lost", outcomeDelivered: false });
    await s.driver.exit();
    await s.driver.checkpoint();
    expect(callsAfterFinish(s.calls)).toEqual([]);
    expect(s.timers.tasks).toHaveLength(0);
  });

  it("hidden → commit; pagehide → Finish; pagehide into the back/forward cache → commit only", async () => {
    const s = make(new FakePage());
    await s.driver.start();
    s.driver.saveState("a", null);
    s.page.hide();
    expect(s.calls.at(-1)?.method).toBe(s.commitMethod);
    expect(s.driver.status().pending).toBe(0);
    s.driver.saveState("b", null);
    s.page.pagehide(true);
    expect(s.calls.at(-1)?.method).toBe(s.commitMethod);
    s.driver.saveState("c", null);
    s.page.pagehide(false);
    expect(s.calls.filter((c) => c.method === s.finishMethod)).toHaveLength(1);
    expect(s.data()["cmi.suspend_data"]).toBe("c");
    expect(s.driver.status().state).toBe("ended");
    // the LMS is navigating by itself: no adl.nav.request of ours
    expect(s.calls.filter((c) => c.args[0] === "adl.nav.request")).toEqual([]);
  });
});

describe("SCORM API reachability", () => {
  it("an API no longer reachable from the window (LMS window closed) is surfaced and no longer called", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    let reachable = true;
    const driver = createScorm12Driver(lms.api, reporting(), { logger: quiet, apiReachable: () => reachable });
    await driver.start();
    reachable = false;
    const before = lms.calls.length;
    driver.reportOutcome(outcome("passed", 90));
    expect(driver.status()).toMatchObject({ state: "auth-lost", outcomeDelivered: false });
    const after = lms.calls.slice(before).map((c) => c.method);
    expect(after).not.toContain("LMSCommit");
  });
});

describe("SCORM call results", () => {
  it('"false" with error code 0 is not an error', async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    const api = { ...lms.api, LMSCommit: () => (lms.api.LMSCommit(""), "false") };
    const driver = createScorm12Driver(api, reporting(), { logger: quiet });
    await driver.start();
    driver.reportOutcome(outcome("passed", 95));
    expect(driver.status()).toMatchObject({ state: "delivered", outcomeDelivered: true });
    await driver.exit();
  });

  it("a failed SetValue blocks the writes after it (score before status) and is retried at the next checkpoint", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    let failScore = true;
    let code = "0";
    const api = {
      ...lms.api,
      LMSSetValue: (el: string, v: string) => {
        if (failScore && el === "cmi.core.score.raw") {
          code = "101";
          return "false";
        }
        code = "0";
        return lms.api.LMSSetValue(el, v);
      },
      LMSGetLastError: () => (code !== "0" ? code : lms.api.LMSGetLastError()),
    };
    const driver = createScorm12Driver(api, reporting("passed-failed"), { logger: quiet, timers: idleTimers });
    await driver.start();
    driver.saveState("s", null);
    expect(driver.status()).toMatchObject({ state: "sending", outcomeDelivered: true });
    driver.reportOutcome(outcome("passed", 90));
    expect(driver.status()).toMatchObject({ state: "retrying", outcomeDelivered: false });
    expect(lms.calls.some((c) => c.method === "LMSSetValue" && c.args[1] === "passed")).toBe(false);
    failScore = false;
    await driver.checkpoint();
    expect(driver.status()).toMatchObject({ state: "delivered", outcomeDelivered: true });
    const order = lms.calls.filter((c) => c.method === "LMSSetValue").map((c) => c.args[0]);
    expect(order.indexOf("cmi.core.score.raw")).toBeLessThan(order.lastIndexOf("cmi.core.lesson_status"));
    await driver.exit();
    expect(stored(lms.lms)["cmi.core.lesson_status"]).toBe("passed");
  });

  it("an LMS without score.min/max (refused for good) still gets the outcome, and it counts as delivered", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    let code = "0";
    const api = {
      ...lms.api,
      LMSSetValue: (el: string, v: string) => {
        code = /score\.(min|max)$/.test(el) ? "401" : "0";
        return code === "0" ? lms.api.LMSSetValue(el, v) : "false";
      },
      LMSGetLastError: () => (code !== "0" ? code : lms.api.LMSGetLastError()),
    };
    const logs: string[] = [];
    const driver = createScorm12Driver(api, reporting("passed-failed"), { logger: logInto(logs) });
    await driver.start();
    driver.reportOutcome(outcome("passed", 90));
    expect(driver.status()).toMatchObject({ state: "delivered", outcomeDelivered: true });
    expect(logs.filter((m) => m.includes("refused"))).toHaveLength(2);
    await driver.exit();
    expect(stored(lms.lms)).toMatchObject({ "cmi.core.lesson_status": "passed", "cmi.core.score.raw": "90" });
  });

  it("an LMS refusing the status itself: the outcome is not reported as delivered", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    let code = "0";
    const api = {
      ...lms.api,
      LMSSetValue: (el: string, v: string) => {
        code = el === "cmi.core.lesson_status" && v === "passed" ? "405" : "0";
        return code === "0" ? lms.api.LMSSetValue(el, v) : "false";
      },
      LMSGetLastError: () => (code !== "0" ? code : lms.api.LMSGetLastError()),
    };
    const driver = createScorm12Driver(api, reporting("passed-failed"), { logger: quiet });
    await driver.start();
    driver.reportOutcome(outcome("passed", 90));
    expect(driver.status().outcomeDelivered).toBe(false);
    expect(driver.status().detail).toContain("cmi.core.lesson_status");
    await driver.exit();
  });

  it("an Initialize the LMS refuses is a LaunchError for the learner", async () => {
    const lms = lms12();
    const api = { ...lms.api, LMSInitialize: () => "false", LMSGetLastError: () => "101", LMSGetErrorString: () => "General exception" };
    const driver = createScorm12Driver(api, reporting(), { logger: quiet });
    const error = await driver.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect((error as LaunchError).reason).toBe("scorm-initialize");
    expect((error as LaunchError).detail).toContain("101 General exception");
  });

  it("2004 Initialize answering 103 (already initialized) carries on", async () => {
    const lms = lms2004({ entry: "ab-initio" });
    lms.api.Initialize("");
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: quiet });
    await expect(driver.start()).resolves.toMatchObject({ standard: "scorm2004" });
    await driver.exit();
  });
});
