// A multi-objective SCORM 2004 package previewed as anyone's: the LMS seeds cmi.objectives.n.id from
// the SCO's imsss:objectives (SCORM 2004 RTE §4.2.17), so a SCO that finds its objectives by id (as
// Rustici's golf examples do) makes no API error, and a resume hands the objectives' data back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { readPackageInfo } from "../../authoring/preview/package-info";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";
import { launchChromium, newWatchedPage } from "../e2e/support/chromium";
import { GOLF_OBJECTIVES, golfObjectivesScorm2004Zip } from "./any-package-fixtures";
import { tempDir } from "./helpers";

interface ScoReport {
  done: boolean;
  errors: string[];
  indexes: Record<string, number | undefined>;
}

let browser: Browser;
let preview: PreviewServer;
beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview({ source: await golfObjectivesScorm2004Zip(tempDir()), port: 0 });
});
afterAll(async () => {
  await preview.close();
  await browser.close();
});

async function scoFrame(page: Page, after: readonly Frame[] = []): Promise<Frame> {
  let found: Frame | undefined;
  await expect.poll(() => (found = page.frames().find((f) => f.url().includes("/pkg/scorm2004-4/playing.html") && !after.includes(f)))).toBeTruthy();
  return found!;
}

describe("SCORM 2004 objectives from the manifest", () => {
  it("reads the SCO's objective ids, the primary one first, and its mastery score", () => {
    const info = readPackageInfo(preview.course.packages.get("scorm2004-4")!.root);
    expect(info.units).toEqual([
      { id: "playing", title: "Playing the game", launchPath: "playing.html", moveOn: "NotApplicable", masteryScore: 60, objectives: [...GOLF_OBJECTIVES] },
    ]);
  });

  it("a golf-style SCO finds every objective by id: 0 API errors, statuses stored per objective", async () => {
    const { page, context, problems } = await newWatchedPage(browser);
    await page.goto(`${preview.origin}/`);
    await page.waitForFunction(() => document.querySelector("#course-title")?.textContent === "Playing the game");
    await page.click("#launch");
    const sco = await scoFrame(page);
    await expect.poll(() => sco.evaluate(() => (window as unknown as { scoReport?: ScoReport }).scoReport?.done ?? false), { timeout: 15_000 }).toBe(true);
    const report = await sco.evaluate(() => (window as unknown as { scoReport: ScoReport }).scoReport);
    expect(report.errors).toEqual([]);
    expect(report.indexes).toEqual({ obj_playing: 0, obj_etiquette: 1, obj_handicapping: 2 });

    const session = () => preview.scorm.latest("learner-1", "scorm2004-4")!;
    expect(session().seedFlat).toMatchObject({
      "cmi.objectives.0.id": "obj_playing",
      "cmi.objectives.1.id": "obj_etiquette",
      "cmi.objectives.2.id": "obj_handicapping",
    });
    await expect.poll(() => session().finished).toBe(true);
    expect(session().committed).toMatchObject({
      "cmi.objectives.0.success_status": "passed",
      "cmi.objectives.2.success_status": "failed",
      "cmi.objectives.2.id": "obj_handicapping",
    });
    // The log agrees: every call answered without an error, nothing flagged.
    await expect.poll(() => preview.log.all({ target: "scorm2004-4" }).filter((e) => e.kind === "scorm-call").length).toBeGreaterThan(10);
    expect(preview.log.all().filter((e) => e.level !== "info")).toEqual([]);
    expect(problems).toEqual([]);

    // Relaunch after exit "suspend": the objectives come back with what the SCO stored.
    const resumed = preview.launch({ target: "scorm2004-4", learner: "current" });
    expect(preview.scorm.session(resumed.sessionId)!.seedFlat).toMatchObject({
      "cmi.entry": "resume",
      "cmi.objectives.0.id": "obj_playing",
      "cmi.objectives.0.success_status": "passed",
      "cmi.objectives.2.success_status": "failed",
    });
    await context.close();
  });

  it("moodle keeps PRIMARYOBJ at index 0 and seeds the SCO's objectives after it", () => {
    const answer = preview.launch({ target: "scorm2004-4", learner: "new", lms: "moodle" });
    const seed = preview.scorm.session(answer.sessionId)!.seedFlat;
    expect([0, 1, 2, 3].map((n) => seed[`cmi.objectives.${n}.id`])).toEqual(["PRIMARYOBJ", ...GOLF_OBJECTIVES]);
  });
});
