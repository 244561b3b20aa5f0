// The cmi5 driver's write path is a chunk loaded after start() (runtime/lms/cmi5/driver.ts,
// docs/rules/lms.md §5): writes asked for before it arrives are held in order and delivered when it
// does; a failed load is tried again with nothing lost; a page unloaded before it keeps the held writes
// for a reload. The chunk's arrival is controlled here by injecting its loader.
import { describe, expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import type { WritePathCode } from "../../runtime/lms/cmi5/write-path-loader";
import { choiceReport, launch, newDriver, newPage, outcome, until, useLocalLms, verbs, type Page } from "./helpers";

let lms: LocalLms;
const marks = useLocalLms((started) => (lms = started));

const writePath = (): Promise<WritePathCode> => import("../../runtime/lms/cmi5/write-path");

/** A loader that waits for `release()`; `fail(n)`: the first n tries reject as a failed chunk fetch does. */
function gatedLoader(failures = 0) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let tries = 0;
  return {
    get tries() {
      return tries;
    },
    release: () => open(),
    load: async (): Promise<WritePathCode> => {
      tries += 1;
      if (tries <= failures) throw new TypeError("Failed to fetch dynamically imported module: passmark-write-path-TEST.js");
      await gate;
      return writePath();
    },
  };
}

const pageHide = (page: Page, persisted: boolean) => page.window.dispatchEvent(Object.assign(new Event("pagehide"), { persisted }));

describe("writes asked for before the write path arrived", () => {
  it("are held in order, the status says not sent, and they go out in order once it arrives", async () => {
    const l = launch(lms);
    const loader = gatedLoader();
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { loadWritePath: loader.load });
    await driver.start();
    expect(driver.status()).toEqual({ state: "idle", pending: 0, outcomeDelivered: true });
    driver.reportProgress(0.2); // what the first screen reports (boot's begin())
    driver.saveState("page-2", "p2");
    driver.reportInteraction(choiceReport("q1", true));
    driver.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 100, final: true }));
    await until(() => loader.tries === 1);
    expect(driver.status()).toMatchObject({ state: "sending", pending: 4, outcomeDelivered: false });
    const checkpoint = driver.checkpoint(); // waits for the write path, then for delivery
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lms.statements({ registration: l.registration })).toEqual([]); // nothing before the chunk
    loader.release();
    await checkpoint;
    const stored = lms.statements({ registration: l.registration });
    expect(verbs(stored)).toEqual(["initialized", "progressed", "answered", "completed", "passed"]);
    expect(new Set(stored.map((s) => s.id)).size).toBe(5);
    const times = stored.map((s) => Date.parse(s.timestamp!));
    expect([...times].sort((a, b) => a - b)).toEqual(times); // cmi5 §9.3: timestamp order is send order
    expect(driver.status()).toMatchObject({ state: "delivered", pending: 0, outcomeDelivered: true });
    await driver.exit();
    expect(verbs(lms.statements({ registration: l.registration })).at(-1)).toBe("terminated");
    expect(loader.tries).toBe(1);
    expect(marks.newViolations()).toEqual([]);
  });

  it("a write path that fails to load is tried again (backoff): nothing is dropped, the status says retrying meanwhile", async () => {
    const l = launch(lms);
    const loader = gatedLoader(2);
    const page = newPage();
    const driver = newDriver(l.url, new MemorySessionStorage(), page, { loadWritePath: loader.load });
    await driver.start();
    const states: string[] = [];
    driver.onStatus((s) => states.push(s.state));
    driver.reportProgress(0.5);
    driver.reportInteraction(choiceReport("q1", false));
    await until(() => loader.tries >= 2);
    expect(driver.status()).toMatchObject({ state: "retrying", pending: 2, outcomeDelivered: true });
    expect(driver.status().detail).toContain("did not load");
    await driver.checkpoint(); // delivery paused: resolves, never rejects
    expect(page.logs.error.some((m) => m.includes("reporting code did not load"))).toBe(true);
    loader.release();
    await until(() => lms.statements({ registration: l.registration }).length === 3);
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "progressed", "answered"]);
    expect(loader.tries).toBe(3);
    expect(states).toContain("retrying");
    await until(() => driver.status().state === "delivered");
    expect(states.at(-1)).toBe(driver.status().state);
    expect(marks.newViolations()).toEqual([]);
  });
});

describe("the page hidden before the write path arrived", () => {
  it("unloaded for good: nothing is sent from that page; a reload resumes from the held state and delivers the held writes, then its own", async () => {
    const l = launch(lms);
    const storage = new MemorySessionStorage();
    const page = newPage();
    const late = gatedLoader();
    const first = newDriver(l.url, storage, page, { loadWritePath: late.load });
    await first.start();
    first.reportProgress(0.3);
    first.saveState("held-at-close", "p3");
    first.reportInteraction(choiceReport("q1", true));
    await until(() => late.tries === 1); // the chunk is on its way
    pageHide(page, false);
    first.reportProgress(0.9); // after the unload: ignored (runtime/lms/driver.ts)
    late.release(); // the chunk arrives after the page is gone: it sends nothing
    expect(await first.writePathReady()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lms.statements({ registration: l.registration })).toEqual([]);

    const second = newDriver(l.url, storage, newPage(), { loadWritePath: writePath });
    const facts = await second.start();
    expect(lms.session(l.sessionId)!.fetchCount).toBe(1); // the same session continues (cmi5 §8.2)
    expect(facts.resumeState).toBe("held-at-close");
    second.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 100, final: true }));
    await second.exit();
    const stored = lms.statements({ registration: l.registration });
    expect(verbs(stored)).toEqual(["initialized", "progressed", "answered", "completed", "passed", "terminated"]);
    expect(stored.find((s) => s.verb.id.endsWith("/progressed"))?.result?.extensions).toMatchObject({
      "https://w3id.org/xapi/cmi5/result/extensions/progress": 30,
    });
    expect(marks.newViolations()).toEqual([]);
  });

  it("hidden (the learner may come back): the held writes go once it arrives, no Terminated", async () => {
    const l = launch(lms);
    const page = newPage();
    const loader = gatedLoader();
    const driver = newDriver(l.url, new MemorySessionStorage(), page, { loadWritePath: loader.load });
    await driver.start();
    driver.reportInteraction(choiceReport("q1", true));
    page.document.hide();
    loader.release();
    expect(await driver.writePathReady()).toBe(true);
    await until(() => lms.statements({ registration: l.registration }).length === 2);
    await driver.checkpoint();
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "answered"]);
    expect(marks.newViolations()).toEqual([]);
  });
});
