// The page is unloaded for good (pagehide, persisted === false): the session ends there — deferred
// Failed, State document, Terminated last — through fetch keepalive (docs/rules/reporting.md "cmi5": "exit, or
// the page is closed for good → Terminated"). A hidden tab or a page kept in the back/forward cache
// may come back: no Terminated (docs/rules/lms.md §5). A reload after the unload sends nothing.
import { describe, expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import { en } from "../../runtime/i18n/en";
import { LaunchError } from "../../runtime/lms/launch-error";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import type { FetchLike } from "../../runtime/lms/xapi/client";
import { parseIsoDuration } from "../../runtime/lms/xapi/duration";
import { reasonMessage } from "../../runtime/ui/error-screen";
import { choiceReport, launch, longPromptReport, newDriver, newPage, outcome, until, verbs, type Page, useLocalLms } from "./helpers";
import fr from "../../runtime/i18n/fr.json";
import es from "../../runtime/i18n/es.json";

let lms: LocalLms;
const marks = useLocalLms((started) => (lms = started));

/** A PageTransitionEvent as the browser dispatches it. */
const pageHide = (page: Page, persisted: boolean) => page.window.dispatchEvent(Object.assign(new Event("pagehide"), { persisted }));
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records every request the driver makes (keepalive or not). */
function recordingFetch(log: { url: string; method: string; keepalive: boolean; body: string }[]): FetchLike {
  return (url, init) => {
    log.push({ url, method: init.method ?? "GET", keepalive: init.keepalive === true, body: String(init.body ?? "") });
    return fetch(url, init);
  };
}

/** Stored statements of the registration ordered by timestamp (cmi5 §9.3 orders by timestamp). */
function byTimestamp(registration: string) {
  return [...lms.statements({ registration })].sort((a, b) => Date.parse(a.timestamp!) - Date.parse(b.timestamp!));
}

describe("pagehide with persisted === false (the page is gone)", () => {
  it("right after a pass: Passed then Terminated stored via keepalive, Terminated last, nothing after", async () => {
    const l = launch(lms);
    const page = newPage();
    const log: Parameters<typeof recordingFetch>[0] = [];
    const driver = newDriver(l.url, new MemorySessionStorage(), page, { fetch: recordingFetch(log) });
    await driver.start();
    await until(() => lms.statements({ registration: l.registration }).length === 1);
    driver.reportInteraction(choiceReport("q1", true));
    driver.saveState("after-pass", "q1");
    driver.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 90, final: true }));
    pageHide(page, false); // same task as the submit: the normal loop never got to send
    await until(() => lms.statements({ registration: l.registration, verb: "http://adlnet.gov/expapi/verbs/terminated" }).length === 1);
    await settle();
    const stored = lms.statements({ registration: l.registration });
    expect(verbs(stored)).toEqual(["initialized", "answered", "completed", "passed", "terminated"]);
    expect(verbs(byTimestamp(l.registration))).toEqual(verbs(stored));
    const terminated = stored.at(-1)!;
    const initialized = stored[0]!;
    const duration = parseIsoDuration(String(terminated.result?.duration));
    expect(Math.abs(duration! - (Date.parse(terminated.timestamp!) - Date.parse(initialized.timestamp!)))).toBeLessThanOrEqual(10);
    // Everything after Initialized went with keepalive; the State write too; nothing non-keepalive after the hide.
    const afterHide = log.filter((r) => !r.url.includes("/cmi5/fetch/")).slice(-2);
    expect(afterHide.map((r) => [r.method, new URL(r.url).pathname, r.keepalive])).toEqual([
      ["PUT", "/xapi/activities/state", true],
      ["POST", "/xapi/statements", true],
    ]);
    expect(JSON.parse(afterHide[0]!.body)).toMatchObject({ resumeState: "after-pass", passedSent: true });
    expect(driver.status().state).toBe("ended");
    expect(await driver.exit()).toEqual({ navigateTo: "https://lms.example.test/return?course=safety", closeWindow: false });
    await settle(100);
    expect(lms.statements({ registration: l.registration }).length).toBe(5);
    expect(marks.newViolations()).toEqual([]);
  });

  it("with a failing score and attempts left: Failed then Terminated (the deferred Failed, as exit() sends it)", async () => {
    const l = launch(lms);
    const page = newPage();
    const driver = newDriver(l.url, new MemorySessionStorage(), page);
    await driver.start();
    driver.reportOutcome(outcome({ completed: true, status: "failed", score: 40, final: false }));
    await driver.checkpoint();
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "completed"]);
    pageHide(page, false);
    await until(() => lms.statements({ registration: l.registration }).length === 4);
    await settle();
    const stored = lms.statements({ registration: l.registration });
    expect(verbs(stored)).toEqual(["initialized", "completed", "failed", "terminated"]);
    expect(verbs(byTimestamp(l.registration))).toEqual(verbs(stored));
    expect(stored[2]!.result).toMatchObject({ success: false, score: { scaled: 0.4 } });
    expect(marks.newViolations()).toEqual([]);
  });

  it("in Browse mode: only Terminated", async () => {
    const l = launch(lms, { launchMode: "Browse" });
    const page = newPage();
    const driver = newDriver(l.url, new MemorySessionStorage(), page);
    await driver.start();
    await until(() => lms.statements({ registration: l.registration }).length === 1);
    driver.reportOutcome(outcome({ completed: true, status: "passed", score: 100, final: true }));
    pageHide(page, false);
    await until(() => lms.statements({ registration: l.registration }).length === 2);
    await settle();
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "terminated"]);
    expect(marks.newViolations()).toEqual([]);
  });

  it("a reload after it: LaunchError cmi5-session-ended, no second fetch, nothing sent", async () => {
    const l = launch(lms);
    const storage = new MemorySessionStorage();
    const page = newPage();
    const driver = newDriver(l.url, storage, page);
    await driver.start();
    await driver.writePathReady(); // the write path's chunk arrives after start() (the app renders meanwhile); the window before it: write-path-loading.test.ts
    driver.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 100, final: true }));
    pageHide(page, false);
    await until(() => lms.statements({ registration: l.registration }).length === 4);
    await settle();
    const requestsBefore = lms.requests.length;
    const log: Parameters<typeof recordingFetch>[0] = [];
    const again = newDriver(l.url, storage, newPage(), { fetch: recordingFetch(log) });
    const error = await again.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchError);
    // The LMS's returnURL comes from the session record (no request): the error screen offers the way back.
    expect(error).toMatchObject({ reason: "cmi5-session-ended", returnUrl: "https://lms.example.test/return?course=safety" });
    expect(log).toEqual([]);
    await settle(100);
    expect(lms.requests.length).toBe(requestsBefore);
    expect(lms.session(l.sessionId)!.fetchCount).toBe(1);
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "completed", "passed", "terminated"]);
    // The UI says what happened and what to do in every catalogue (test/ui/session-ended.test.ts shows it).
    const key = reasonMessage("cmi5-session-ended");
    for (const catalogue of [en, fr, es] as Record<string, string>[]) expect(catalogue[key]).toMatch(/\S/);
    expect((en as Record<string, string>)[key]).toMatch(/reloaded or closed\. Your progress is saved\./);
    expect(en.sessionEndedWhatToDo).toMatch(/launch the course again from your LMS/);
    expect(marks.newViolations()).toEqual([]);
  });
});

describe("pagehide with persisted === false and a backlog over the keepalive budget", () => {
  it("what fits goes with keepalive, Terminated waits; a reload delivers the rest, Terminated last, then stops", async () => {
    const l = launch(lms);
    const storage = new MemorySessionStorage();
    const page = newPage();
    const online = { value: true };
    const keepaliveBytes: number[] = [];
    const flaky: FetchLike = (url, init) => {
      if (init.keepalive) keepaliveBytes.push(new TextEncoder().encode(String(init.body ?? "")).length);
      else if (!online.value) return Promise.reject(new TypeError("offline"));
      return fetch(url, init);
    };
    const driver = newDriver(l.url, storage, page, { fetch: flaky, timing: { retryBaseMs: 60_000, retryMaxMs: 60_000 } });
    await driver.start();
    await until(() => lms.statements({ registration: l.registration }).length === 1);
    online.value = false;
    for (let i = 1; i <= 60; i++) {
      driver.reportInteraction(longPromptReport(`q${i}`));
    }
    await until(() => driver.status().state === "retrying");
    pageHide(page, false);
    await until(() => lms.statements({ registration: l.registration }).length > 1);
    await settle();
    expect(keepaliveBytes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(60 * 1024);
    const afterHide = verbs(lms.statements({ registration: l.registration }));
    expect(afterHide).not.toContain("terminated");
    expect(afterHide.length).toBeLessThan(61);
    online.value = true;
    const again = newDriver(l.url, storage, newPage(), { fetch: flaky });
    await expect(again.start()).rejects.toMatchObject({ reason: "cmi5-fetch-used" });
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", ...Array<string>(60).fill("answered"), "terminated"]);
    expect(lms.session(l.sessionId)!.fetchCount).toBe(1);
    expect(marks.newViolations()).toEqual([]);
  });
});

describe("the learner may come back: no Terminated", () => {
  it.each([
    ["pagehide with persisted === true (back/forward cache)", (page: Page) => pageHide(page, true)],
    ["visibilitychange to hidden", (page: Page) => page.document.hide()],
  ])("%s: what waits is flushed with keepalive, Terminated is not sent, the session goes on", async (_, hide) => {
    const l = launch(lms);
    const page = newPage();
    const log: Parameters<typeof recordingFetch>[0] = [];
    const driver = newDriver(l.url, new MemorySessionStorage(), page, { fetch: recordingFetch(log) });
    await driver.start();
    await driver.writePathReady(); // the write path's chunk arrives after start() (the app renders meanwhile); the window before it: write-path-loading.test.ts
    driver.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 100, final: true }));
    hide(page);
    await until(() => lms.statements({ registration: l.registration }).length === 3);
    await settle();
    expect(log.some((r) => r.keepalive)).toBe(true);
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "completed", "passed"]);
    expect(driver.status().state).not.toBe("ended");
    await driver.exit(); // the page came back and the learner exits: Terminated now, once
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "completed", "passed", "terminated"]);
    expect(marks.newViolations()).toEqual([]);
  });
});
