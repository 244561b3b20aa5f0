// Delivery under trouble: faults, reloads, lost credentials, refused statements, page hide, and
// launches that cannot be served. Against the real local LMS/LRS in strict mode.
// test-order: long, about 7 s of real request timeouts and backoff (vitest.config.ts)
import { describe, expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import { LaunchError } from "../../runtime/lms/launch-error";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import type { FetchLike } from "../../runtime/lms/xapi/client";
import { parseIsoDuration } from "../../runtime/lms/xapi/duration";
import { choiceReport, launch, newDriver, newPage, outcome, readBack, until, verbs, useLocalLms } from "./helpers";

let lms: LocalLms;
const marks = useLocalLms((started) => (lms = started));
const newViolations = marks.newViolations;

// The request timeout must leave room for a loaded CI machine (a launch answered in 300 ms is not a
// fault), while the "timeout" fault holds its answer longer than that so it really times out.
const FAULT_TIMING = { requestTimeoutMs: 2_000 };

/** A page that is frozen: its timers never fire (a reload happens while it waits). */
// A page frozen after its current task: no retry or backoff ever fires (only the 0 ms "before the next
// task" hop of the Outbox, which joins Initialized with the first screen's reports, still runs).
const frozenTimers = { setTimeout: (run: () => void, ms?: number) => (ms === 0 ? setTimeout(run, 0) : 0), clearTimeout: () => undefined };

describe("faults", () => {
  it("500/503/timeouts/resets for a while: every statement arrives exactly once, in order", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { timing: FAULT_TIMING });
    await driver.start();
    lms.faults.set({ sequence: [500, 503, "timeout", "reset", 503, 502, 429, 408, "timeout", 500], timeoutHoldMs: 2_500 });
    driver.reportProgress(0.3);
    for (let i = 1; i <= 5; i++) driver.reportInteraction(choiceReport(`q${i}`, i % 2 === 0));
    driver.saveState("mid", "q5");
    driver.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 80, final: true }));
    const states: string[] = [];
    driver.onStatus((s) => states.push(s.state));
    await driver.exit();
    expect(states).toContain("retrying");
    const stored = lms.statements({ registration: l.registration });
    expect(verbs(stored)).toEqual([
      "initialized",
      "progressed",
      "answered",
      "answered",
      "answered",
      "answered",
      "answered",
      "completed",
      "passed",
      "terminated",
    ]);
    expect(new Set(stored.map((s) => s.id)).size).toBe(stored.length);
    const times = stored.map((s) => Date.parse(s.timestamp!));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(lms.faults.applied.length).toBe(10);
    expect(newViolations()).toEqual([]);
  });

  it("a 30% random failure rate (500, 503, resets) over a long session loses and doubles nothing", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { timing: FAULT_TIMING });
    await driver.start();
    lms.faults.set({ rate: 0.3, rateActions: [500, 503, "reset"], seed: 7 });
    for (let i = 1; i <= 20; i++) {
      driver.reportInteraction(choiceReport(`q${i}`, true));
      if (i % 4 === 0) await driver.checkpoint();
    }
    driver.reportOutcome(outcome({ completed: true, status: "passed", score: 100, final: true }));
    await driver.exit();
    const stored = lms.statements({ registration: l.registration });
    expect(stored.length).toBe(24);
    expect(new Set(stored.map((s) => s.id)).size).toBe(24);
    expect(lms.faults.applied.length).toBeGreaterThan(0);
    expect(newViolations()).toEqual([]);
  });
});

describe("reload of the same page", () => {
  it("continues the session: no second fetch, no second Initialized, pending items delivered, Terminated duration since the first Initialized", async () => {
    const l = launch(lms);
    const storage = new MemorySessionStorage();
    const first = newDriver(l.url, storage, newPage(), { timers: frozenTimers });
    await first.start();
    await until(() => lms.statements({ registration: l.registration }).length === 1);
    lms.faults.set({ sequence: [503] });
    first.saveState("before-reload", "page-3");
    first.reportInteraction(choiceReport("q1", true)); // refused with 503; the frozen page never retries
    await until(() => lms.faults.applied.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 150));

    const second = newDriver(l.url, storage, newPage());
    const facts = await second.start();
    expect(lms.session(l.sessionId)!.fetchCount).toBe(1);
    expect(facts.resumed).toBe(true);
    expect(facts.resumeState).toBe("before-reload");
    second.reportOutcome(outcome({ completed: true, status: "passed", score: 100, final: true }));
    await second.exit();
    const stored = lms.statements({ registration: l.registration });
    expect(verbs(stored)).toEqual(["initialized", "answered", "completed", "passed", "terminated"]);
    const initializedAt = Date.parse(stored[0]!.timestamp!);
    const terminated = stored[4]!;
    const declared = parseIsoDuration(terminated.result!.duration!)!;
    expect(Math.abs(declared - (Date.parse(terminated.timestamp!) - initializedAt))).toBeLessThan(20);
    expect(declared).toBeGreaterThanOrEqual(150);
    expect(newViolations()).toEqual([]);
  });

  it("a reload after exit cannot start again (no second fetch); the token is never logged", async () => {
    const l = launch(lms);
    const storage = new MemorySessionStorage();
    const page = newPage();
    const driver = newDriver(l.url, storage, page);
    await driver.start();
    await driver.exit();
    const again = newDriver(l.url, storage, page);
    const error = await again.start().catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "cmi5-fetch-used" });
    expect(lms.session(l.sessionId)!.fetchCount).toBe(1);
    const token = lms.session(l.sessionId)!.authToken;
    expect([...page.logs.warn, ...page.logs.error, String(error)].join("\n")).not.toContain(token);
  });
});

describe("a new launch in a tab holding an earlier session's undelivered items", () => {
  it("delivers them with that session's token first, then starts the new session", async () => {
    const first = launch(lms);
    const storage = new MemorySessionStorage();
    const d1 = newDriver(first.url, storage, newPage(), { timers: frozenTimers });
    await d1.start();
    await until(() => lms.statements({ registration: first.registration }).length === 1);
    lms.faults.set({ sequence: [503] });
    d1.reportInteraction(choiceReport("q1", false));
    await until(() => lms.faults.applied.length === 1);
    const second = launch(lms, { registration: first.registration });
    const d2 = newDriver(second.url, storage, newPage());
    const facts = await d2.start();
    expect(facts.warnings).toEqual([]);
    await d2.exit();
    expect(verbs(lms.statements({ sessionId: first.sessionId }))).toEqual(["initialized", "answered"]);
    expect(verbs(lms.statements({ sessionId: second.sessionId }))).toEqual(["initialized", "terminated"]);
    expect(newViolations()).toEqual([]);
  });
});

describe("credentials lost mid-session (401)", () => {
  it("keeps everything, says auth-lost, and delivers after recovery", async () => {
    const l = launch(lms);
    const storage = new MemorySessionStorage();
    const page = newPage();
    const driver = newDriver(l.url, storage, page, { timing: { authRetryMs: 60_000 } });
    await driver.start();
    await driver.checkpoint();
    lms.revokeToken(l.sessionId);
    driver.reportInteraction(choiceReport("q1", true));
    driver.reportOutcome(outcome({ completed: true, status: "passed", score: 95, final: true }));
    await driver.checkpoint();
    expect(driver.status()).toMatchObject({ state: "auth-lost", outcomeDelivered: false, pending: 4 });
    const saved = storage.getItem(`passmark.cmi5.session:${l.registration}`)!;
    expect(JSON.parse(saved).outbox.map((i: { kind: string }) => i.kind)).toEqual(["statement", "statement", "statement", "state"]);
    lms.restoreToken(l.sessionId);
    await driver.checkpoint();
    expect(driver.status()).toMatchObject({ state: "delivered", pending: 0, outcomeDelivered: true });
    await driver.exit();
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "answered", "completed", "passed", "terminated"]);
    expect(newViolations()).toEqual([]);
  });
});

describe("a statement the LMS refuses (403 that is a rule violation)", () => {
  it("is logged loudly, set aside (kept), not retried forever; the rest is delivered", async () => {
    // Session 1 passes, but its State document write is lost (e.g. the tab closed in between):
    const first = launch(lms);
    const d1 = newDriver(first.url, new MemorySessionStorage(), newPage(), { timers: frozenTimers });
    await d1.start();
    lms.faults.set({ match: ({ method, path }) => method === "PUT" && path.endsWith("/activities/state"), sequence: [500] });
    d1.reportOutcome(outcome({ completed: true, status: "passed", score: 90, final: true }));
    await until(() => lms.faults.applied.length === 1);
    expect(verbs(lms.statements({ registration: first.registration }))).toEqual(["initialized", "completed", "passed"]);
    // Session 2 (a new tab) does not know Passed was sent and sends it again → the LMS answers 403.
    const second = launch(lms, { registration: first.registration });
    const page = newPage();
    const d2 = newDriver(second.url, new MemorySessionStorage(), page);
    await d2.start();
    d2.reportOutcome(outcome({ completed: true, status: "passed", score: 90, final: true }));
    await d2.exit();
    expect(page.logs.error.join("\n")).toMatch(/refused statement .* HTTP 403/);
    expect(d2.status().detail).toMatch(/refused by the LMS/);
    const inSession2 = lms.statements({ sessionId: second.sessionId });
    expect(verbs(inSession2)).toEqual(["initialized", "terminated"]);
    expect(newViolations().flatMap((v) => v.violations.map((x) => x.rule))).toEqual(expect.arrayContaining(["9.3.0.0-7", "9.3.0.0-6"]));
  });
});

describe("page hide", () => {
  it("flushes with keepalive and does NOT send Terminated", async () => {
    const l = launch(lms);
    const page = newPage();
    const keepalive: string[] = [];
    const recordingFetch: FetchLike = (url, init) => {
      if (init.keepalive) keepalive.push(`${init.method} ${new URL(url).pathname}`);
      return fetch(url, init);
    };
    const driver = newDriver(l.url, new MemorySessionStorage(), page, { fetch: recordingFetch, timers: frozenTimers });
    await driver.start();
    await driver.writePathReady(); // the write path's chunk arrives after start() (the app renders meanwhile); the window before it: write-path-loading.test.ts
    driver.reportInteraction(choiceReport("q1", true));
    driver.saveState("s", null);
    page.document.hide();
    page.window.dispatchEvent(new Event("pagehide"));
    await until(() => lms.statements({ registration: l.registration }).length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(keepalive.length).toBeGreaterThan(0);
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "answered"]);
    expect(newViolations()).toEqual([]);
  });
});

describe("launches that cannot be served", () => {
  it.each([
    ["1", "cmi5-fetch-used"],
    ["2", "cmi5-fetch-security"],
    ["3", "cmi5-fetch-application"],
  ] as const)("fetch error-code %s (in a 200 body) → LaunchError %s, nothing sent", async (code, reason) => {
    const l = launch(lms);
    lms.setFetchError(l.sessionId, code);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    const error = await driver.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error).toMatchObject({ reason });
    expect(lms.statements({ registration: l.registration })).toEqual([]);
  });

  it("a second launch with an already used fetch URL (another tab) → cmi5-fetch-used", async () => {
    const l = launch(lms);
    const d1 = newDriver(l.url, new MemorySessionStorage(), newPage());
    await d1.start();
    const d2 = newDriver(l.url, new MemorySessionStorage(), newPage());
    await expect(d2.start()).rejects.toMatchObject({ reason: "cmi5-fetch-used" });
    await d1.exit();
  });

  it.each([
    ["registration not a UUID", (u: URL) => u.searchParams.set("registration", "abc")],
    ["actor not JSON", (u: URL) => u.searchParams.set("actor", "{nope")],
    ["endpoint relative", (u: URL) => u.searchParams.set("endpoint", "/xapi/")],
    ["fetch missing", (u: URL) => u.searchParams.delete("fetch")],
  ])("malformed launch parameters (%s) → cmi5-parameters, no request at all", async (_name, spoil) => {
    const l = launch(lms);
    const url = new URL(l.url);
    spoil(url);
    const before = lms.requests.length;
    const driver = newDriver(url.toString(), new MemorySessionStorage(), newPage());
    await expect(driver.start()).rejects.toMatchObject({ name: "LaunchError", reason: "cmi5-parameters" });
    expect(lms.requests.length).toBe(before);
  });

  it("an LMS that is down → cmi5-fetch-failed", async () => {
    const l = launch(lms);
    const url = new URL(l.url);
    url.searchParams.set("fetch", "http://127.0.0.1:9/cmi5/fetch/none");
    const driver = newDriver(url.toString(), new MemorySessionStorage(), newPage());
    await expect(driver.start()).rejects.toMatchObject({ reason: "cmi5-fetch-failed" });
  });
});
