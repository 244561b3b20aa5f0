// docs/rules/reporting.md "Standalone": no LMS; state kept in the browser per course; the status says plainly
// that nothing is recorded.
import { describe, expect, it } from "vitest";
import { STANDALONE_STATE_BUDGET, StandaloneDriver, standaloneStateKey, type StateStorage } from "../../runtime/lms/standalone/driver";
import { MemoryStorage } from "../support/memory-storage";

const COURSE = "https://example.org/courses/safety";

describe("standalone driver", () => {
  it("keeps the resume state per course id and gives it back on the next launch", async () => {
    const storage = new MemoryStorage();
    const first = new StandaloneDriver({ courseId: COURSE, storage, languages: ["fr-CA", "fr"] });
    const facts = await first.start();
    expect(facts).toMatchObject({
      standard: "standalone",
      launchMode: "normal",
      resumeState: null,
      resumed: false,
      masteryScore: null,
      languagePreference: ["fr-CA", "fr"],
      stateBudget: STANDALONE_STATE_BUDGET,
    });
    first.saveState("state-1", "page-2");
    await first.exit();
    expect(storage.items.has(standaloneStateKey(COURSE))).toBe(true);

    const again = await new StandaloneDriver({ courseId: COURSE, storage }).start();
    expect(again).toMatchObject({ resumeState: "state-1", resumed: true });
    const other = await new StandaloneDriver({ courseId: "https://example.org/other", storage }).start();
    expect(other.resumeState).toBeNull();
  });

  it("says that nothing is recorded, whatever is reported", async () => {
    const driver = new StandaloneDriver({ courseId: COURSE, storage: new MemoryStorage() });
    await driver.start();
    driver.reportOutcome({ progress: 1, completed: true, status: "passed", score: 100, final: true, hasAssessment: true });
    await driver.checkpoint();
    expect(driver.status()).toEqual({ state: "standalone", pending: 0, outcomeDelivered: false, detail: "nothing is recorded" });
    expect(await driver.exit()).toEqual({ navigateTo: null, closeWindow: true });
  });

  it("runs without storage, or with storage that throws, and says so", async () => {
    const none = await new StandaloneDriver({ courseId: COURSE, storage: null }).start();
    expect(none.warnings.join()).toContain("no browser storage");
    const broken: StateStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    const driver = new StandaloneDriver({ courseId: COURSE, storage: broken });
    expect((await driver.start()).warnings.join()).toContain("unreadable");
    const warn = console.warn;
    const seen: unknown[] = [];
    console.warn = (...args: unknown[]) => seen.push(...args);
    try {
      expect(() => driver.saveState("s", null)).not.toThrow();
    } finally {
      console.warn = warn;
    }
    expect(String(seen[0])).toContain("QuotaExceededError");
  });

  it("ignores corrupt saved data instead of crashing", async () => {
    const storage = new MemoryStorage();
    storage.setItem(standaloneStateKey(COURSE), "{not json");
    const facts = await new StandaloneDriver({ courseId: COURSE, storage }).start();
    expect(facts.resumeState).toBeNull();
    expect(facts.warnings.join()).toContain("unreadable");
  });

  it("refuses a state over its budget: nothing written, logged", async () => {
    const storage = new MemoryStorage();
    const logs: string[] = [];
    const driver = new StandaloneDriver({ courseId: COURSE, storage, logger: { warn: (m) => logs.push(m), error: (m) => logs.push(m) } });
    await driver.start();
    driver.saveState("x".repeat(STANDALONE_STATE_BUDGET + 1), null);
    expect(storage.items.size).toBe(0);
    expect(logs.join()).toContain("nothing was written");
  });
});
