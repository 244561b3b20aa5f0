// The LMS behaviour choice on the launch page, in Chromium under the page's CSP: the starter course as
// SCORM 1.2 under "moodle" — the learner passes in the frame and the LMS view shows the grade Moodle
// records next to the status; a relaunch is in review mode (the attempt is over); "Start a new
// attempt" gives attempt 2 with empty data while the grade stays the highest attempt's.
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAll } from "../ui/answers";
import { launchChromium, newWatchedPage } from "../e2e/support/chromium";
import { previewStarter, type CoursePreview } from "../e2e/support/preview-fixture";

let browser: Browser;
let starter: CoursePreview;

beforeAll(async () => {
  [browser, starter] = await Promise.all([launchChromium(), previewStarter()]);
});
afterAll(async () => {
  await browser?.close();
  await starter?.close();
});

/** The course frame once it shows the SCO at a frame not seen before (each launch has its own host page). */
async function courseUi(page: Page, seen: readonly Frame[] = []): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = page.frames().find((f) => f.url().includes("/pkg/scorm12/index.html") && !seen.includes(f))), { timeout: 15_000 })
    .toBeTruthy();
  await frame!.locator("h1").first().waitFor({ timeout: 15_000 });
  return frame!;
}

const viewField = (page: Page, field: string) => page.locator(`#lms-view dd[data-field="${field}"]`).textContent();

describe("LMS behaviour on the launch page", { timeout: 90_000 }, () => {
  it("SCORM 1.2 under moodle: the grade next to the status, review on relaunch, a new attempt with empty data", async () => {
    const { page, context, problems } = await newWatchedPage(browser);
    await page.goto(`${starter.preview.origin}/`);
    await expect.poll(() => page.locator("#course-title").textContent()).toBe("Fire safety basics");
    expect(await page.locator("#lms option").allTextContents()).toEqual(["strict (the standard as written)", "Moodle", "ILIAS"]);
    await page.selectOption("#target", "scorm2004-4");
    expect(await page.locator('#lms option[value="ilias"]').isDisabled()).toBe(true);
    await page.selectOption("#target", "scorm12");
    await page.selectOption("#lms", "moodle");
    await page.click("#new-learner");

    const ui = await courseUi(page);
    await ui.locator(".pm-menu summary").click();
    await ui.getByRole("button", { name: starter.course.assessment!.title }).click();
    await ui.getByRole("button", { name: /^Start attempt/ }).click();
    await answerAll(ui as unknown as Page, starter.course, "right");
    await ui.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => ui.locator("h1").first().textContent()).toMatch(/^Result of attempt 1/);
    const shown = /Assessment score: ([\d.]+)\s*%/.exec((await ui.locator("#pm-content").textContent()) ?? "")![1];

    await expect.poll(() => viewField(page, "Grade")).toBe(`${shown} (cmi.core.score.raw, highest of 1 attempt)`);
    expect(await viewField(page, "LMS behaviour")).toBe("moodle");
    expect(await viewField(page, "Success")).toBe("passed");
    // The grade row sits right after the status and score rows.
    expect(await page.locator("#lms-view dt").allTextContents()).toEqual(expect.arrayContaining(["Success", "Score", "Grade"]));
    const labels = await page.locator("#lms-view dt").allTextContents();
    expect(labels.indexOf("Grade")).toBe(labels.indexOf("Score") + 1);

    // The attempt is over (lesson_status passed): Moodle relaunches it in review mode.
    await page.click("#relaunch");
    const review = await courseUi(page, [ui]);
    await expect.poll(() => viewField(page, "Mode")).toBe("review, no-credit");
    expect(await viewField(page, "Attempt")).toBe("1");
    expect(await page.locator("#log").innerText()).toMatch(/attempt 1 is over \(status passed\): review mode, no-credit/);

    // "Start a new attempt": attempt 2 starts empty; the gradebook keeps the highest attempt.
    await page.check("#new-attempt");
    await page.click("#relaunch");
    const fresh = await courseUi(page, [ui, review]);
    await expect.poll(() => viewField(page, "Attempt")).toBe(`2 (scores ${shown}, none)`);
    expect(await viewField(page, "Mode")).toBe("normal, credit");
    expect(await viewField(page, "Grade")).toBe(`${shown} (cmi.core.score.raw, highest of 2 attempts)`);
    expect(await page.isChecked("#new-attempt")).toBe(false);
    const record = starter.preview.lmsRecord("scorm12");
    expect(record).toMatchObject({ profile: "moodle", attempt: 2, entry: "ab-initio", grade: Number(shown) });
    const second = starter.preview.scorm.latest(record.learnerId, "scorm12")!;
    expect(second.seedFlat).not.toHaveProperty("cmi.suspend_data");
    expect(await fresh.locator("#pm-content").textContent()).toBeTruthy();
    expect(problems).toEqual([]);
    await context.close();
  });
});
