// Coalesced State document writes (issue 14): a burst of answer changes gives one write, the
// checkpoints (checkpoint(), exit, page hide, page unload) write what waits at once, and nothing the
// learner answered is lost. Against the real local LMS (strict), through a fetch that records.
import { describe, expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import type { FetchLike } from "../../runtime/lms/xapi/client";
import { launch, newDriver, newPage, outcome, until, useLocalLms, verbs, type Page } from "./helpers";

let lms: LocalLms;
const { newViolations } = useLocalLms((started) => (lms = started));

interface Sent {
  method: string;
  path: string;
  keepalive: boolean;
  body: unknown;
  status?: number;
}

function recorder(): { fetch: FetchLike; sent: Sent[]; stateWrites: () => Sent[] } {
  const sent: Sent[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    const entry: Sent = {
      method: init.method ?? "GET",
      path: new URL(url).pathname,
      keepalive: init.keepalive === true,
      body: typeof init.body === "string" ? JSON.parse(init.body) : null,
    };
    sent.push(entry);
    const response = await fetch(url, init);
    entry.status = response.status;
    return response;
  };
  return { fetch: fetchImpl, sent, stateWrites: () => sent.filter((s) => s.method === "PUT" && s.path.endsWith("/activities/state")) };
}

const resumeOf = (s: Sent) => (s.body as { resumeState: string }).resumeState;

function started(intervalMs: number, page: Page = newPage()) {
  const l = launch(lms);
  const r = recorder();
  const driver = newDriver(l.url, new MemorySessionStorage(), page, { fetch: r.fetch, timing: { stateIntervalMs: intervalMs } });
  return { l, r, driver, page };
}

describe("State document writes are coalesced", () => {
  it("a burst of 20 answer changes gives ONE State write, holding the last answer", async () => {
    const { r, driver } = started(300);
    await driver.start();
    for (let i = 1; i <= 20; i++) driver.saveState(`answers-${i}`, "attempt");
    expect(r.stateWrites()).toEqual([]); // nothing at once
    await until(() => r.stateWrites().length === 1 && r.stateWrites()[0]!.status !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 400)); // past another interval: no second write
    expect(r.stateWrites()).toHaveLength(1);
    expect(resumeOf(r.stateWrites()[0]!)).toBe("answers-20");
    expect(r.stateWrites()[0]!.status).toBe(204);
    await driver.exit();
    expect(r.stateWrites()).toHaveLength(1); // exit: the LMS holds this very document already
    expect(newViolations()).toEqual([]);
  });

  it("answering for longer writes at most once per interval", async () => {
    const { r, driver } = started(200);
    await driver.start();
    const began = Date.now();
    for (let i = 1; Date.now() - began < 700; i++) {
      driver.saveState(`answers-${i}`, "attempt");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await driver.checkpoint();
    // 700 ms of changes every 20 ms (about 35): one write per 200 ms, plus the checkpoint's.
    expect(r.stateWrites().length).toBeGreaterThanOrEqual(2);
    expect(r.stateWrites().length).toBeLessThanOrEqual(6);
    await driver.exit();
  });

  it("checkpoint() writes the waiting state at once (attempt submit, hand-in)", async () => {
    const { r, driver } = started(60_000);
    await driver.start();
    driver.saveState("submitted", "results");
    await driver.checkpoint();
    expect(r.stateWrites().map(resumeOf)).toEqual(["submitted"]);
    expect(r.stateWrites()[0]!.status).toBe(204);
    await driver.exit();
  });

  it("exit writes the waiting state before Terminated", async () => {
    const { l, r, driver } = started(60_000);
    await driver.start();
    driver.saveState("last-answer", "attempt");
    await driver.exit();
    const order = r.sent.filter((s) => s.method !== "GET").map((s) => (s.path.endsWith("/activities/state") ? `state ${resumeOf(s)}` : "statements"));
    expect(order.slice(-2)).toEqual(["state last-answer", "statements"]);
    expect(verbs(lms.statements({ registration: l.registration })).at(-1)).toBe("terminated");
  });

  it("a hidden page pushes the waiting state with fetch keepalive (no answer lost on close)", async () => {
    const { r, driver, page } = started(60_000);
    await driver.start();
    await driver.writePathReady(); // the write path's chunk arrives after start() (the app renders meanwhile); the window before it: write-path-loading.test.ts
    driver.saveState("typed-before-hide", "attempt");
    page.document.hide();
    const keepalive = r.stateWrites().filter((s) => s.keepalive);
    expect(keepalive.map(resumeOf)).toEqual(["typed-before-hide"]);
    await until(() => keepalive[0]!.status !== undefined);
    expect(keepalive[0]!.status).toBe(204);
  });

  it("a page unloaded for good hands the waiting state to keepalive before Terminated", async () => {
    const { l, r, driver, page } = started(60_000);
    await driver.start();
    await driver.writePathReady(); // the write path's chunk arrives after start() (the app renders meanwhile); the window before it: write-path-loading.test.ts
    driver.reportOutcome(outcome({ progress: 0.5 }));
    driver.saveState("answer-at-close", "attempt");
    page.window.dispatchEvent(Object.assign(new Event("pagehide"), { persisted: false }));
    const keepalive = r.sent.filter((s) => s.keepalive);
    expect(keepalive[0]!.path.endsWith("/activities/state")).toBe(true);
    expect(resumeOf(keepalive[0]!)).toBe("answer-at-close");
    await until(() => verbs(lms.statements({ registration: l.registration })).includes("terminated"));
    expect(newViolations()).toEqual([]);
  });
});
