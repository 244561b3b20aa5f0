// The default look and a themed one, in Chromium under the strict CSP: the window title names each
// screen, the course menu's names carry no tick, the progress counts the assessment, a table keeps its
// words whole at 320 px; a theme (logo, font stack, light and dark) loads course/theme.css without a
// CSP violation and stays axe-clean in light, dark and forced colours.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it, type ExpectStatic, type TestContext } from "vitest";
import { buildPackageFolder, type PackageFolder } from "../support/package-fixture";
import { startStaticServer, type StaticServer } from "../support/static-server";
import { expectNoAxeViolations, launchChromium, openForTest, type LearnerPage } from "./browser";

const THEME = {
  brand: "#7a1f5c",
  accent: "#b3006b",
  colorScheme: "auto",
  dark: { brand: "#f0a6d0", accent: "#f0a6d0" },
  logo: { src: "assets/extinguisher.svg", alt: "Fire safety team" },
  font: { stack: 'Georgia, "Times New Roman", serif' },
};

let browser: Browser;
let plain: PackageFolder;
let themed: PackageFolder;
let plainServer: StaticServer;
let themedServer: StaticServer;

beforeAll(async () => {
  [plain, themed] = await Promise.all([buildPackageFolder(), buildPackageFolder({ edit: (course) => (course.theme = THEME) })]);
  [plainServer, themedServer] = await Promise.all([startStaticServer({ root: plain.dir }), startStaticServer({ root: themed.dir })]);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await plainServer?.close();
  await themedServer?.close();
  await plain?.remove();
  await themed?.remove();
});

/** A page of its own for this test, closed when the test ends (the tests of a describe run concurrently). */
async function open(test: TestContext, server: StaticServer, width?: number): Promise<LearnerPage> {
  const learner = await openForTest(test, browser, `${server.url}/index.html`, { width });
  await learner.page.locator("h1").first().waitFor();
  return learner;
}

const title = (page: Page) => page.evaluate(() => document.title);
const progressLabel = (page: Page) => page.locator("label[for=pm-progress]").textContent();
const style = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

async function openMenu(page: Page): Promise<void> {
  if (!(await page.locator(".pm-menu details").evaluate((d: HTMLDetailsElement) => d.open))) await page.locator(".pm-menu summary").click();
}

async function goToPage(expect: ExpectStatic, page: Page, name: string): Promise<void> {
  await openMenu(page);
  await page.getByRole("button", { name: new RegExp(`^${name} \\(`) }).click();
  await expect.poll(() => page.locator("h1").first().textContent()).toBe(name);
}

// Each test has a page (and a browser context) of its own: they run concurrently (docs/testing.md).
describe.concurrent("the default look", () => {
  it("document.title follows the screen: page, assessment intro, attempt, result, exit", { timeout: 240_000 }, async (test) => {
    const { expect } = test;
    const { page, problems } = await open(test, plainServer);
    await expect.poll(() => title(page)).toBe("Welcome – Fire safety basics");
    await goToPage(expect, page, "The alarm");
    await expect.poll(() => title(page)).toBe("The alarm – Fire safety basics");
    await openMenu(page);
    await page.getByRole("button", { name: "Final check", exact: true }).click();
    await expect.poll(() => title(page)).toBe("Final check – Fire safety basics");
    await page.getByRole("button", { name: "Start attempt 1" }).click();
    await expect.poll(() => title(page)).toBe("Final check: attempt 1 – Fire safety basics");
    await page.getByRole("button", { name: "Submit answers" }).click();
    await page.getByRole("button", { name: "Submit anyway" }).click();
    await expect.poll(() => title(page)).toBe("Result of attempt 1 – Fire safety basics");
    await page.getByRole("button", { name: "Exit" }).click();
    await expect.poll(() => title(page)).toBe("You have left the course – Fire safety basics");
    expect(problems).toEqual([]);
  });

  it("the menu's names say seen / current in words, the tick is for the eye only", { timeout: 180_000 }, async (test) => {
    const { expect } = test;
    const { page } = await open(test, plainServer);
    await goToPage(expect, page, "The alarm");
    const menu = await page.locator(".pm-menu ol").ariaSnapshot();
    expect(menu).toContain('button "Welcome (seen)"');
    expect(menu).toContain('button "The alarm (current)"');
    expect(menu).toContain('button "Fire extinguishers (not seen yet)"');
    expect(menu).not.toContain("✓");
    expect(await page.getByRole("button", { name: "Welcome (seen)", exact: true }).count()).toBe(1);
    // The tick is still drawn for sighted learners: once per page seen (Welcome, The alarm).
    expect(await page.locator(".pm-menu .pm-tick").allTextContents()).toEqual([" ✓", " ✓"]);
    await expectNoAxeViolations(page, "page with the menu open");
  });

  it("progress counts the assessment: every page read is not 100% before an attempt", { timeout: 180_000 }, async (test) => {
    const { expect } = test;
    const { page } = await open(test, plainServer);
    // Starter: 4 pages and 1 medium the outcome counts, and the assessment as one step more.
    for (const name of ["The alarm", "Fire extinguishers", "Leaving the building"]) await goToPage(expect, page, name);
    await expect.poll(() => progressLabel(page)).toBe("Progress: 67% complete"); // 4 of 6
    await openMenu(page);
    await page.getByRole("button", { name: "Final check", exact: true }).click();
    await page.getByRole("button", { name: "Start attempt 1" }).click();
    await page.getByRole("button", { name: "Submit answers" }).click();
    await page.getByRole("button", { name: "Submit anyway" }).click();
    await expect.poll(() => progressLabel(page)).toBe("Progress: 83% complete"); // 5 of 6: the medium is not watched
  });

  it("at 320 px a table keeps every word whole and scrolls within itself; the page does not scroll sideways", { timeout: 180_000 }, async (test) => {
    const { expect } = test;
    const { page } = await open(test, plainServer, 320);
    await goToPage(expect, page, "Fire extinguishers");
    const split = await page.locator(".pm-prose table").evaluate((table) => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? "").matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index!);
          range.setEnd(node, word.index! + word[0].length);
          if (range.getClientRects().length > 1) broken.push(word[0]);
        }
      }
      return broken;
    });
    expect(split).toEqual([]);
    // It scrolls, so the keyboard can reach it.
    expect(await page.locator(".pm-prose table").getAttribute("tabindex")).toBe("0");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, "table page at 320 px");
  });
});

describe.concurrent("a themed course", () => {
  it(
    "theme.css loads under the strict CSP: brand, logo with its alt text, font stack; axe-clean light, dark, forced colours, 320 px",
    { timeout: 300_000 },
    async (test) => {
      const { expect } = test;
      const { page, problems } = await open(test, themedServer);
      expect(await page.locator("link[rel=stylesheet]").evaluateAll((links) => links.map((l) => l.getAttribute("href")))).toEqual([
        "runtime/passmark.css",
        "course/theme.css",
      ]);
      const logo = page.locator("header img.pm-logo");
      expect(await logo.getAttribute("alt")).toBe("Fire safety team");
      await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      // Its proportions (120 × 200) written at build time: the header keeps the logo's width before it arrives.
      expect([await logo.getAttribute("width"), await logo.getAttribute("height")]).toEqual(["120", "200"]);
      expect(await style(page, ".pm-pager .pm-button", "background-color")).toBe("rgb(122, 31, 92)");
      expect(await style(page, "body", "font-family")).toBe('Georgia, "Times New Roman", serif');
      await expectNoAxeViolations(page, "themed page, light");

      await page.emulateMedia({ colorScheme: "dark" });
      await expect.poll(() => style(page, "body", "background-color")).toBe("rgb(18, 18, 18)");
      expect(await style(page, ".pm-pager .pm-button", "background-color")).toBe("rgb(240, 166, 208)");
      await openMenu(page);
      await expectNoAxeViolations(page, "themed page, dark, menu open");

      await page.emulateMedia({ colorScheme: "light", forcedColors: "active" });
      await expectNoAxeViolations(page, "themed page, forced colours");
      await page.emulateMedia({ forcedColors: "none" });
      await page.setViewportSize({ width: 320, height: 800 });
      await goToPage(expect, page, "Fire extinguishers");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, "themed table page at 320 px");
      expect(problems).toEqual([]);
    },
  );
});
