// Watch mode of the preview in real Chromium, under the launch page's CSP: a copy of the starter
// course is previewed with watch on; a page's Markdown is edited and the launched course shows the
// new text on the same page (the learner's place kept across the relaunch); a broken course.json
// shows its problem in the page (role=alert) instead of the course; fixing it brings the course back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";
import { ensureRuntimeBuilt, STARTER_COURSE } from "../support/package-fixture";
import { launchChromium, newWatchedPage } from "../e2e/support/chromium";
import { tempDir } from "./helpers";

let browser: Browser;
let preview: PreviewServer;
let work: string;
let course: string;

beforeAll(async () => {
  await ensureRuntimeBuilt();
  work = tempDir("passmark-watch-");
  course = join(work, "course");
  await cp(STARTER_COURSE, course, { recursive: true });
  preview = await startPreview({ source: course, port: 0, workDir: join(work, "lms"), watch: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await rm(work, { recursive: true, force: true });
});

/** The course frame's text, "" while nothing (or about:blank) is loaded. */
async function courseText(page: Page): Promise<string> {
  if (!page.frames().some((f) => f.url().includes("/pkg/cmi5/"))) return "";
  return page
    .frameLocator("#course")
    .locator("body")
    .innerText({ timeout: 2_000 })
    .catch(() => "");
}

const heading = (frame: FrameLocator) =>
  frame
    .locator("h1")
    .first()
    .innerText({ timeout: 2_000 })
    .catch(() => "");

describe("passmark preview in watch mode", () => {
  it("shows an edit in the launched course where the learner was, a build error instead of the course, and the course again once fixed", async () => {
    const { page, problems } = await newWatchedPage(browser);
    await page.goto(`${preview.origin}/`);
    await page.waitForFunction(() => document.querySelector("#course-title")?.textContent === "Fire safety basics");
    await page.click("#launch");
    const frame = page.frameLocator("#course");
    await expect.poll(() => heading(frame), { timeout: 30_000 }).toBe("Welcome");
    await frame.getByRole("button", { name: "Next", exact: true }).click();
    await expect.poll(() => heading(frame)).toBe("The alarm");
    await frame.getByRole("button", { name: "Next", exact: true }).click();
    await expect.poll(() => heading(frame)).toBe("Fire extinguishers");
    // The place is the LMS's: wait until the state the course saved holds it.
    await expect.poll(() => preview.log.all({ target: "cmi5" }).filter((e) => e.kind === "document").length).toBeGreaterThan(0);
    const launchesBefore = preview.log.all({ target: "cmi5" }).filter((e) => e.kind === "launch").length;

    // Edit the page's Markdown: the preview rebuilds, relaunches, and the learner is on the same page.
    const page3 = join(course, "pages", "extinguishers.md");
    const original = await readFile(page3, "utf8");
    await writeFile(page3, original.replace("Every extinguisher is made", "Edited while watching: every extinguisher is made"));
    await expect.poll(() => courseText(page), { timeout: 30_000 }).toContain("Edited while watching");
    expect(await heading(frame)).toBe("Fire extinguishers");
    expect(preview.log.all({ target: "cmi5" }).filter((e) => e.kind === "launch").length).toBeGreaterThan(launchesBefore);
    expect(preview.builds!.current).toMatchObject({ state: "built", cause: "save", targets: ["cmi5"] });

    // Break course.json: the problem shows in the page (an alert) and the stale course is gone.
    const courseJson = join(course, "course.json");
    const json = await readFile(courseJson, "utf8");
    await writeFile(courseJson, json.replace('"title": "Fire safety basics"', '"title": 42'));
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.innerText(), { timeout: 30_000 }).toContain("The course did not build");
    expect(await alert.innerText()).toMatch(/course\.json .*title/);
    await expect.poll(() => courseText(page)).toBe("");

    // Fix it: the alert empties and the course is back where the learner was.
    await writeFile(courseJson, json);
    await expect.poll(() => alert.innerText(), { timeout: 30_000 }).toBe("");
    await expect.poll(() => heading(frame), { timeout: 30_000 }).toBe("Fire extinguishers");
    expect(await courseText(page)).toContain("Edited while watching");
    // docs/rules/lms.md §5: a 404 for learner preferences or a State document not written yet is normal.
    const normal = /status of 404 .*\/xapi\/(agents\/profile|activities\/state)\?/;
    expect(problems.filter((p) => !normal.test(p))).toEqual([]);
  });
});
