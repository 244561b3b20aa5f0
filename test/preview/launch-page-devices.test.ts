// The launch page on a phone and the device width toggle: at 375 px everything fits the window (no
// sideways scrolling, the log's JSON wraps inside its panel), axe finds 0 violations (WCAG 2.2 A/AA
// and best practice), and the page is keyboard operable: Tab reaches the AU picker and the device
// toggle, the arrow keys change the width, Enter launches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";
import { launchChromium, watch } from "../e2e/support/chromium";
import { twoAuCmi5Zip } from "./any-package-fixtures";
import { tempDir } from "./helpers";

let browser: Browser;
let preview: PreviewServer;
beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview({ source: await twoAuCmi5Zip(tempDir()), port: 0 });
});
afterAll(async () => {
  await preview.close();
  await browser.close();
});

async function openAt(width: number): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: "en-US" });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${preview.origin}/`);
  await page.waitForFunction(() => document.querySelector("#course-title")?.textContent === "Introduction");
  return { page, problems, close: () => context.close() };
}

/** The preview page's own violations; the course in the frame is the author's, checked by their own tools. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .exclude("#course")
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Presses Tab until the focused element matches `selector` (at most 40 times). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The width the course gets (inside the frame's border). */
const frameWidth = (page: Page) => page.locator("#course").evaluate((f) => f.clientWidth);
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe("the launch page at 375 px", () => {
  it("fits the window, has 0 axe violations before and after a launch, and works from the keyboard", async () => {
    const { page, problems, close } = await openAt(375);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard: the AU picker, then Launch with Enter.
    await tabTo(page, "#unit");
    await page.keyboard.press("ArrowDown");
    expect(await page.inputValue("#unit")).toBe("https://example.test/two/au/exam");
    expect(await page.inputValue("#mastery")).toBe("75");
    await tabTo(page, "#launch");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.frames().some((f) => f.url().includes("/pkg/cmi5/exam/index.html")), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.locator("#log li").count()).toBeGreaterThan(0);

    // The course frame and the panel stack in one column; the log's JSON wraps inside the panel.
    expect(await frameWidth(page)).toBeLessThanOrEqual(375);
    const entry = page.locator("#log li details").first();
    await entry.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await entry.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const pre = entry.locator("pre");
    expect(await pre.evaluate((p) => p.scrollWidth <= p.clientWidth + 1)).toBe(true);
    expect(await page.locator(".panel").evaluate((p) => p.scrollWidth <= p.clientWidth + 1)).toBe(true);
    expect(await overflowsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

describe("the device width toggle", () => {
  it("shows the course at a phone's, a tablet's or the stage's width; arrow keys move between them", async () => {
    const { page, problems, close } = await openAt(1440);
    await page.click("#launch");
    await expect.poll(() => page.frames().some((f) => f.url().includes("/pkg/cmi5/intro/index.html")), { timeout: 10_000 }).toBe(true);
    const desktop = await frameWidth(page);
    expect(desktop).toBeGreaterThan(768);

    await tabTo(page, 'input[name="device"]');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe("desktop");
    await page.keyboard.press("ArrowLeft");
    expect(await page.getAttribute("#stage", "data-device")).toBe("tablet");
    expect(await frameWidth(page)).toBe(768);
    await page.keyboard.press("ArrowLeft");
    expect(await page.getAttribute("#stage", "data-device")).toBe("phone");
    expect(await frameWidth(page)).toBe(375);
    // The course inside sees a phone's viewport.
    const course = page.frames().find((f) => f.url().includes("/pkg/cmi5/intro/index.html"))!;
    expect(await course.evaluate(() => window.innerWidth)).toBeLessThanOrEqual(375);
    await page.check('input[name="device"][value="desktop"]');
    expect(await frameWidth(page)).toBe(desktop);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});
