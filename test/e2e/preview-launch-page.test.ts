// The preview as an author uses it, end to end: the launch page (under its CSP) launches the
// starter course in its frame; the learner passes inside it; the live log shows the statements or
// SCORM calls as they happen and the LMS view ends at passed; "Relaunch" starts a new session of the
// same registration; "New learner" starts over.
import type { Browser, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAll } from "../ui/answers";
import { launchChromium, newWatchedPage } from "./support/chromium";
import { previewStarter, type CoursePreview } from "./support/preview-fixture";

let browser: Browser;
let starter: CoursePreview;

beforeAll(async () => {
  [browser, starter] = await Promise.all([launchChromium(), previewStarter()]);
});
afterAll(async () => {
  await browser?.close();
  await starter?.close();
});

/** The course frame once it shows `path` at a URL not seen before (each launch has its own fetch URL). */
async function courseUi(page: Page, path: string, seen: readonly string[] = []): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((f) => f.url().includes(path) && !seen.includes(f.url()))), { timeout: 15_000 }).toBeTruthy();
  await frame!.locator("h1").first().waitFor({ timeout: 15_000 });
  return frame!;
}

async function passInFrame(ui: Frame): Promise<void> {
  await ui.locator(".pm-menu summary").click();
  await ui.getByRole("button", { name: starter.course.assessment!.title }).click();
  await ui.getByRole("button", { name: /^Start attempt/ }).click();
  await answerAll(ui as unknown as Page, starter.course, "right");
  await ui.getByRole("button", { name: "Submit answers" }).click();
  await expect.poll(() => ui.locator("h1").first().textContent()).toMatch(/^Result of attempt/);
}

const viewField = (page: Page, field: string) => page.locator(`#lms-view dd[data-field="${field}"]`).textContent();

describe("passmark preview launch page with the starter course", { timeout: 90_000 }, () => {
  it("cmi5: launch, pass in the frame, live log and LMS view; relaunch keeps the registration; new learner starts over", async () => {
    const { page, context, problems } = await newWatchedPage(browser);
    await page.goto(`${starter.preview.origin}/`);
    await expect.poll(() => page.locator("#course-title").textContent()).toBe("Fire safety basics");
    await page.selectOption("#target", "cmi5");
    await page.click("#launch");
    const ui = await courseUi(page, "/pkg/cmi5/index.html");
    const firstUrl = ui.url();
    await passInFrame(ui);
    await expect.poll(() => viewField(page, "Success")).toBe("passed");
    expect(await viewField(page, "Score")).toBe("100 (scaled 1)");
    const log = await page.locator("#log").innerText();
    expect(log).toMatch(/initialized/);
    expect(log).toMatch(/passed · score 1 · success true/);
    expect(await page.locator("#log li.level-error").count()).toBe(0);
    const registration = await viewField(page, "Registration");

    await page.click("#relaunch");
    const again = await courseUi(page, "/pkg/cmi5/index.html", [firstUrl]);
    const secondUrl = again.url();
    await expect.poll(() => viewField(page, "Sessions")).toBe("2");
    expect(await viewField(page, "Registration")).toBe(registration);
    expect(await again.locator("#pm-content").textContent()).toBeTruthy();

    await page.click("#new-learner");
    await courseUi(page, "/pkg/cmi5/index.html", [firstUrl, secondUrl]);
    await expect.poll(() => viewField(page, "Learner")).toBe("learner-2");
    expect(await viewField(page, "Registration")).not.toBe(registration);
    expect(await viewField(page, "Success")).toBe("unknown");
    expect(problems.filter((p) => !/status of 404 .*\/xapi\/(agents\/profile|activities\/state)\?/.test(p))).toEqual([]);
    await context.close();
  });

  it("SCORM 2004 4th: launch through the host page, pass, the calls in the log and the committed status in the view", async () => {
    const { page, context, problems } = await newWatchedPage(browser);
    await page.goto(`${starter.preview.origin}/`);
    await expect.poll(() => page.locator("#course-title").textContent()).toBe("Fire safety basics");
    await page.selectOption("#target", "scorm2004-4");
    await page.click("#new-learner");
    const ui = await courseUi(page, "/pkg/scorm2004-4/index.html");
    await passInFrame(ui);
    await expect.poll(() => viewField(page, "Success")).toBe("passed");
    expect(await viewField(page, "Score")).toBe("100 (scaled 1)");
    // The host page sends the SCO's calls to the log in batches (every 50 ms, scorm-host.ts) and each
    // commit at once: the calls a commit stored may reach the log after the commit's own line.
    await expect.poll(() => page.locator("#log").innerText()).toContain('SetValue("cmi.success_status", "passed") → "true"');
    const log = await page.locator("#log").innerText();
    expect(log).toContain('Initialize("") → "true"');
    expect(log).toMatch(/commit #\d+ stored by the LMS/);
    expect(await page.locator("#log li.level-error").count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
