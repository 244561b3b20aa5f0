// The cmi5 session as a state machine (session-machine.ts) and its guard at the send point: an
// illegal statement is refused with its cmi5 requirement id, never queued, never sent.
import { describe, expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import type { Cmi5LaunchData } from "../../runtime/lms/cmi5/launch-data";
import { emptyAuState } from "../../runtime/lms/cmi5/au-state";
import * as machine from "../../runtime/lms/cmi5/session-machine";
import { MemorySessionStorage, newSessionRecord, type Cmi5SessionRecord } from "../../runtime/lms/cmi5/session-store";
import {
  buildCompleted,
  buildFailed,
  buildInitialized,
  buildPassed,
  buildProgressed,
  buildTerminated,
  type StatementFrame,
} from "../../runtime/lms/cmi5/statements";
import { launch, newDriver, newPage, outcome, readBack, useLocalLms, verbs } from "./helpers";

const T0 = Date.parse("2026-01-01T10:00:00.000Z");
const launchData = (launchMode: Cmi5LaunchData["launchMode"] = "Normal"): Cmi5LaunchData => ({
  contextTemplate: { extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1" } },
  launchMode,
  launchParameters: null,
  masteryScore: 0.8,
  masteryScorePercent: 80,
  moveOn: "CompletedAndPassed",
  returnURL: null,
  warnings: [],
});
const frame = (ms: number): StatementFrame => ({
  id: `00000000-0000-4000-8000-${String(ms).padStart(12, "0")}`,
  timestamp: new Date(T0 + ms).toISOString(),
  actor: { objectType: "Agent", account: { homePage: "https://lms.example.test", name: "ada" } },
  activityId: "https://courses.example.test/au/1",
  registration: "5c2a1f0e-3b4d-4e6f-8a9b-0c1d2e3f4a5b",
  contextTemplate: launchData().contextTemplate,
});
const judge = { score: 90, masteryScore: 0.8, sessionMs: 1 };

function must(transition: machine.Transition): Cmi5SessionRecord {
  if (!transition.ok) throw new Error(JSON.stringify(transition.error));
  return transition.record;
}
function launchedRecord(mode: Cmi5LaunchData["launchMode"] = "Normal"): Cmi5SessionRecord {
  const fresh = newSessionRecord("https://lms.example.test/fetch/1", "https://lms.example.test/xapi/", "https://courses.example.test/au/1", "token");
  return must(
    machine.launched(fresh, { launch: { ...launchData(mode) }, preferences: { languagePreference: [], audioPreference: null }, auState: emptyAuState() }),
  );
}

describe("the session machine", () => {
  it("launching → launched → initialized → terminated, each step noting what it must", () => {
    const fresh = newSessionRecord("f", "e", "a", "t");
    expect(machine.phaseOf(fresh)).toBe("launching");
    let record = launchedRecord();
    expect(machine.phaseOf(record)).toBe("launched");
    record = must(machine.statementQueued(record, buildInitialized(frame(0))));
    expect(record).toMatchObject({ initializedAt: T0, lastTimestamp: T0 });
    expect(machine.phaseOf(record)).toBe("initialized");
    record = must(machine.statementQueued(record, buildProgressed(frame(5), 0.42)));
    expect(record.lastProgressPercent).toBe(42);
    record = must(machine.statementQueued(record, buildCompleted(frame(10), 10)));
    record = must(machine.statementQueued(record, buildPassed(frame(20), judge)));
    expect(record.registrationRecord).toEqual({ completedSent: true, passedSent: true });
    expect(record.judgement).toEqual({ passedSent: true, failedSent: false });
    record = must(machine.statementQueued(record, buildTerminated(frame(30), 30)));
    expect(machine.phaseOf(record)).toBe("terminated");
    expect(must(machine.unloaded(record, true)).endedOnUnload).toBe(true);
  });

  it("a transition from the wrong phase is an error value; the record is not changed", () => {
    const record = launchedRecord();
    const before = JSON.stringify(record);
    expect(machine.stateKept(record, "state", null)).toEqual({ ok: false, error: { kind: "phase", phase: "launched", transition: "state" } });
    expect(
      machine.launched(record, { launch: launchData(), preferences: { languagePreference: [], audioPreference: null }, auState: emptyAuState() }),
    ).toMatchObject({ ok: false });
    expect(machine.unloaded(record, true)).toMatchObject({ ok: false, error: { kind: "phase", phase: "launched" } });
    const closed = must(machine.closedByLms(record));
    expect(machine.statementQueued(closed, buildInitialized(frame(0)))).toMatchObject({ ok: false, error: { kind: "phase", phase: "closed-by-lms" } });
    expect(JSON.stringify(record)).toBe(before);
  });

  it.each([
    ["9.3.0.0-4", (r: Cmi5SessionRecord) => r, buildProgressed(frame(5), 0.1)],
    ["9.3.0.0-3", (r: Cmi5SessionRecord) => must(machine.statementQueued(r, buildFailed(frame(5), { ...judge, score: 50 }))), buildPassed(frame(10), judge)],
    ["9.3.0.0-5", (r: Cmi5SessionRecord) => must(machine.statementQueued(r, buildTerminated(frame(5), 5))), buildProgressed(frame(10), 0.1)],
    ["9.3.0.0-6", (r: Cmi5SessionRecord) => ({ ...r, registrationRecord: { completedSent: true, passedSent: false } }), buildCompleted(frame(10), 10)],
    [
      "9.3.0.0-8",
      (r: Cmi5SessionRecord) => ({ ...r, registrationRecord: { completedSent: false, passedSent: true } }),
      buildFailed(frame(10), { ...judge, score: 50 }),
    ],
    ["9.3.4.0-2", (r: Cmi5SessionRecord) => r, buildPassed(frame(10), { ...judge, score: 50, masteryScore: null })],
  ])("refuses a statement that breaks %s, and notes nothing", (id, before, statement) => {
    const opened = (r: Cmi5SessionRecord) => (id === "9.3.0.0-4" ? r : must(machine.statementQueued(r, buildInitialized(frame(0)))));
    const record = before(opened(launchedRecord()));
    const result = machine.statementQueued(record, statement);
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.kind === "sequence") expect(result.error.violations).toContain(id);
    else throw new Error("expected a sequence refusal");
  });

  it("Browse: Initialized and Terminated only (10.2.2.0-9)", () => {
    const record = must(machine.statementQueued(launchedRecord("Browse"), buildInitialized(frame(0))));
    expect(machine.statementQueued(record, buildCompleted(frame(10), 10))).toMatchObject({ ok: false, error: { violations: ["10.2.2.0-9"] } });
    expect(machine.statementQueued(record, buildTerminated(frame(10), 10)).ok).toBe(true);
  });
});

let lms: LocalLms;
const marks = useLocalLms((started) => (lms = started));

describe("the guard at the send point", () => {
  it("a statement the session refuses never leaves the page; it is logged with its requirement id", async () => {
    const l = launch(lms);
    const storage = new MemorySessionStorage();
    const first = newDriver(l.url, storage, newPage());
    await first.start();
    await first.checkpoint();
    // The stored record of this session puts its Initialized an hour ahead (a clock set back, a
    // tampered record): the policy asks the rules with "after everything", the send point checks the
    // real timestamps, and every statement now would come before Initialized (9.3.0.0-4).
    const key = `passmark.cmi5.session:${l.registration}`;
    const record = JSON.parse(storage.getItem(key)!) as Cmi5SessionRecord;
    storage.setItem(key, JSON.stringify({ ...record, initializedAt: record.lastTimestamp + 3_600_000 }));
    const page = newPage();
    const reloaded = newDriver(l.url, storage, page);
    await reloaded.start();
    reloaded.reportOutcome(outcome({ completed: true, status: "passed", score: 90, final: true }));
    await reloaded.exit();
    expect(verbs(await readBack(lms, l.registration))).toEqual(["initialized"]);
    expect(page.logs.error).toEqual(["completed", "passed", "terminated"].map((verb) => `${verb} not sent: cmi5 9.3.0.0-4`));
    expect(marks.newViolations()).toEqual([]); // the LMS never saw it
  });

  it("the policy asks the same rules: a session record holding a Passed proposes no second one (nothing to refuse)", async () => {
    const l = launch(lms);
    const storage = new MemorySessionStorage();
    const first = newDriver(l.url, storage, newPage());
    await first.start();
    await first.checkpoint();
    const key = `passmark.cmi5.session:${l.registration}`;
    const record = JSON.parse(storage.getItem(key)!) as Cmi5SessionRecord;
    storage.setItem(key, JSON.stringify({ ...record, judgement: { passedSent: true, failedSent: false } }));
    const page = newPage();
    const reloaded = newDriver(l.url, storage, page);
    await reloaded.start();
    reloaded.reportOutcome(outcome({ completed: true, status: "passed", score: 90, final: true }));
    await reloaded.exit();
    expect(verbs(await readBack(lms, l.registration))).toEqual(["initialized", "completed", "terminated"]);
    expect(page.logs.error).toEqual([]);
    expect(marks.newViolations()).toEqual([]);
  });
});

describe("launch() and open()", () => {
  it("launch() needs no course: it reads the launch, sends nothing; open() then queues Initialized", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { reporting: undefined });
    await driver.launch();
    expect(driver.launchData).toBeNull(); // not open yet
    expect(marks.newRequests().filter((r) => r.path.endsWith("/statements"))).toEqual([]);
    expect(verbs(await readBack(lms, l.registration))).toEqual([]);
    const facts = await driver.open({ interactions: false });
    expect(facts).toMatchObject({ standard: "cmi5", launchMode: "normal", masteryScore: 80 });
    await driver.checkpoint();
    expect(verbs(await readBack(lms, l.registration))).toEqual(["initialized"]);
    expect(await driver.open()).toBe(facts); // once
    await driver.exit();
  });
});
