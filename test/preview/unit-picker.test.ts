// The AU / SCO picker of the launch page: a cmi5 package with two AUs and SCORM packages with two SCOs
// list every unit (the first picked by default, an asset item left out); each launch opens that unit's
// own URL with its own manifest facts and its own state (cmi5: its activity id; SCORM: its data model).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { launchActivityId, startPreview, type PreviewServer } from "../../authoring/preview/server";
import { launchChromium, newWatchedPage } from "../e2e/support/chromium";
import { twoAuCmi5Zip, twoScoScorm12Zip, twoScoScorm2004Zip } from "./any-package-fixtures";
import { tempDir } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function frameAt(page: Page, path: string, after: readonly Frame[] = []): Promise<Frame> {
  let found: Frame | undefined;
  await expect.poll(() => (found = page.frames().find((f) => f.url().includes(path) && !after.includes(f))), { timeout: 10_000 }).toBeTruthy();
  await found!.waitForLoadState("load");
  return found!;
}

async function open(page: Page, preview: PreviewServer, title: string): Promise<void> {
  await page.goto(`${preview.origin}/`);
  await page.waitForFunction((t) => document.querySelector("#course-title")?.textContent === t, title);
}

describe("a cmi5 package with two AUs", () => {
  let preview: PreviewServer;
  beforeAll(async () => {
    preview = await startPreview({ source: await twoAuCmi5Zip(tempDir()), port: 0 });
  });
  afterAll(async () => {
    await preview.close();
  });

  it("offers both AUs, launches the one picked with its own URL, facts and activity id", async () => {
    const { page, context, problems } = await newWatchedPage(browser);
    await open(page, preview, "Introduction");
    expect(await page.locator("#unit-field").isVisible()).toBe(true);
    expect(await page.locator("#unit-kind").innerText()).toBe("AU");
    expect(await page.locator("#unit option").allTextContents()).toEqual(["1. Introduction", "2. Exam"]);
    expect(await page.inputValue("#unit")).toBe("https://example.test/two/au/intro");
    expect(await page.inputValue("#mastery")).toBe("50");

    await page.click("#launch");
    const intro = await frameAt(page, "/pkg/cmi5/intro/index.html");
    expect(new URL(intro.url()).searchParams.get("activityId")).toBe(launchActivityId("https://example.test/two/au/intro"));

    await page.selectOption("#unit", "https://example.test/two/au/exam");
    expect(await page.inputValue("#mastery")).toBe("75");
    expect(await page.inputValue("#move-on")).toBe("Passed");
    await page.click("#relaunch");
    await expect.poll(() => page.locator("#launch-message").innerText()).toContain("exam");
    const exam = await frameAt(page, "/pkg/cmi5/exam/index.html");
    const params = new URL(exam.url()).searchParams;
    expect(params.get("part")).toBe("2");
    expect(params.get("activityId")).toBe(launchActivityId("https://example.test/two/au/exam"));
    await expect.poll(() => page.locator("#launch-message").innerText()).toContain("AU https://example.test/two/au/exam");

    // Each AU's session carries its own activity id and its own LaunchData (masteryScore, moveOn).
    const sessions = preview.log.all({ target: "cmi5" }).filter((e) => e.kind === "launch" && e.sessionId !== null);
    expect(sessions).toHaveLength(2);
    const [first, second] = sessions.map((e) => preview.lms.session(e.sessionId!)!);
    expect(first!.info.activityId).toBe(launchActivityId("https://example.test/two/au/intro"));
    expect(second!.info).toMatchObject({ activityId: launchActivityId("https://example.test/two/au/exam"), masteryScore: 0.75 });
    expect(first!.info.registration).toBe(second!.info.registration); // one registration for the course (cmi5 §5.1.1)
    expect(sessions[1]!.summary).toContain('AU "Exam"');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("refuses a unit the package does not have, naming the field", () => {
    expect(() => preview.launch({ target: "cmi5", unit: "https://example.test/nope" })).toThrow(/^unit: the cmi5 package has no AU/);
  });
});

describe("SCORM packages with two SCOs", () => {
  it("SCORM 1.2: lists the SCOs (not the asset), each SCO keeps its own data model", async () => {
    const preview = await startPreview({ source: await twoScoScorm12Zip(tempDir()), port: 0 });
    try {
      const { page, context, problems } = await newWatchedPage(browser);
      await open(page, preview, "Lesson A");
      expect(await page.locator("#unit-kind").innerText()).toBe("SCO");
      expect(await page.locator("#unit option").allTextContents()).toEqual(["1. Lesson A", "2. Lesson B"]);
      expect(await page.inputValue("#mastery")).toBe("60");

      await page.click("#launch");
      const a = await frameAt(page, "/pkg/scorm12/a/index.html");
      expect(
        await a.evaluate(() => {
          const api = (window.parent as unknown as { API: Record<string, (...args: string[]) => string> }).API;
          api.LMSInitialize!("");
          api.LMSSetValue!("cmi.suspend_data", "lesson A state");
          api.LMSSetValue!("cmi.core.exit", "suspend");
          return api.LMSFinish!("");
        }),
      ).toBe("true");
      await expect.poll(() => preview.scorm.latest("learner-1", "scorm12", "item-a")?.finished).toBe(true);

      await page.selectOption("#unit", "item-b");
      expect(await page.inputValue("#mastery")).toBe("90");
      await page.click("#relaunch");
      const b = await frameAt(page, "/pkg/scorm12/b/index.html");
      const seenByB = await b.evaluate(() => {
        const api = (window.parent as unknown as { API: Record<string, (...args: string[]) => string> }).API;
        api.LMSInitialize!("");
        return {
          entry: api.LMSGetValue!("cmi.core.entry"),
          suspend: api.LMSGetValue!("cmi.suspend_data"),
          mastery: api.LMSGetValue!("cmi.student_data.mastery_score"),
        };
      });
      expect(seenByB).toEqual({ entry: "ab-initio", suspend: "", mastery: "90" });
      await expect.poll(() => page.locator('#lms-view dd[data-field="Unit"]').innerText()).toBe("item-b");

      // Back to SCO A: it resumes with its own data.
      await page.selectOption("#unit", "item-a");
      await page.click("#relaunch");
      const again = await frameAt(page, "/pkg/scorm12/a/index.html", [a]);
      const seenByA = await again.evaluate(() => {
        const api = (window.parent as unknown as { API: Record<string, (...args: string[]) => string> }).API;
        api.LMSInitialize!("");
        return { entry: api.LMSGetValue!("cmi.core.entry"), suspend: api.LMSGetValue!("cmi.suspend_data") };
      });
      expect(seenByA).toEqual({ entry: "resume", suspend: "lesson A state" });
      expect(preview.scorm.sessions("learner-1", "scorm12").map((s) => s.unit)).toEqual(["item-a", "item-b", "item-a"]);
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await preview.close();
    }
  });

  it("SCORM 2004: each SCO's objectives (its own, or by a sequencingCollection IDRef) are seeded for it", async () => {
    const preview = await startPreview({ source: await twoScoScorm2004Zip(tempDir()), port: 0 });
    try {
      const units = preview.course.packages.get("scorm2004-4")!.units;
      expect(units.map((u) => [u.id, u.launchPath, u.masteryScore, u.objectives])).toEqual([
        ["sco-1", "one.html", null, ["part1"]],
        ["sco-2", "two.html", 80, ["part2-a", "part2-b"]],
      ]);
      const first = preview.launch({ target: "scorm2004-4" });
      const second = preview.launch({ target: "scorm2004-4", unit: "sco-2" });
      expect([first.unit, second.unit]).toEqual(["sco-1", "sco-2"]);
      expect(preview.scorm.session(first.sessionId)!).toMatchObject({ unit: "sco-1", launchPath: "one.html", seedFlat: { "cmi.objectives.0.id": "part1" } });
      expect(preview.scorm.session(second.sessionId)!.seedFlat).toMatchObject({
        "cmi.objectives.0.id": "part2-a",
        "cmi.objectives.1.id": "part2-b",
        "cmi.scaled_passing_score": "0.8",
      });
      const config = (await (await fetch(`${preview.packageOrigin}/api/scorm/session/${second.sessionId}`)).json()) as { scoUrl: string };
      expect(config.scoUrl).toBe("/pkg/scorm2004-4/two.html");
    } finally {
      await preview.close();
    }
  });
});
