// A multi-unit package opened standalone (no LMS), as served: each unit named by ?pmUnit= runs with
// its own data and keeps its own state (localStorage keyed by the unit's activity IRI); with no unit
// named the page lists the units (axe-clean, reachable by keyboard); a unit id that names no unit
// ends on an error screen that names it. Each test has a browser context of its own.
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it, type TestContext } from "vitest";
import { buildPackageFolder, type PackageFolder } from "../support/package-fixture";
import { startStaticServer, type StaticServer } from "../support/static-server";
import { expectNoAxeViolations, focused, launchChromium, openForTest, type LearnerPage } from "./browser";

const COURSE_ID = "https://example.com/courses/workplace-safety";
let browser: Browser;
let pkg: PackageFolder;
let server: StaticServer;

beforeAll(async () => {
  pkg = await buildPackageFolder({ courseDir: resolve("templates/multi-unit"), target: "scorm2004-4" });
  server = await startStaticServer({ root: pkg.dir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pkg?.remove();
});

const h1Text = (page: Page) => page.locator("h1").first().textContent();
const storedKeys = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("passmark:"))
      .sort(),
  );

/** Every 404 of these tests is one the runtime asks for on purpose (the course data a launch may not have). */
const NOT_THERE = /\/course\/(course\.json|units\/[^/]+\/course\.json)$/;

async function open(test: TestContext, query: string): Promise<LearnerPage> {
  const learner = await openForTest(test, browser, `${server.url}/index.html${query}`, { expectedFailures: NOT_THERE });
  await learner.page.locator("h1").first().waitFor();
  return learner;
}

async function toAssessment(page: Page, title: string): Promise<void> {
  await page.locator(".pm-menu summary").click();
  await page.getByRole("button", { name: new RegExp(`^${title}`) }).click();
  await page.locator("#pm-intro-title").waitFor();
}

describe.concurrent("multi-unit package, standalone", { timeout: 180_000 }, () => {
  it("each unit runs its own data and keeps its own answers across a reload", async (test) => {
    const { expect } = test;
    const { page, problems } = await open(test, "?pmUnit=fire");
    expect(await h1Text(page)).toBe("When a fire breaks out");
    await expect.poll(() => page.locator(".pm-course-title").textContent()).toBe("Fire safety");
    await toAssessment(page, "Fire safety check");
    await page.getByRole("button", { name: "Start attempt 1" }).click();
    await page.check("#pm-q-first-action-alarm");
    await page.reload();
    // An attempt in progress is where the learner resumes, with the answer given.
    await expect.poll(() => h1Text(page)).toBe("Fire safety check: attempt 1");
    await expect.poll(() => page.isChecked("#pm-q-first-action-alarm")).toBe(true);

    await page.goto(`${server.url}/index.html?pmUnit=first-aid`);
    await expect.poll(() => h1Text(page)).toBe("Someone is hurt");
    await toAssessment(page, "First aid check");
    await expect.poll(() => page.getByRole("button", { name: "Start attempt 1" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: /^Continue attempt/ }).count()).toBe(0);
    await expect.poll(() => storedKeys(page)).toEqual([`passmark:${COURSE_ID}/units/fire:state`, `passmark:${COURSE_ID}/units/first-aid:state`]);

    await page.goto(`${server.url}/index.html?pmUnit=fire`);
    await expect.poll(() => h1Text(page)).toBe("Fire safety check: attempt 1");
    await expect.poll(() => page.isChecked("#pm-q-first-action-alarm")).toBe(true);
    expect(problems).toEqual([]);
  });

  it("with no unit named, lists the units: axe-clean, and a unit opens from the keyboard", async (test) => {
    const { expect } = test;
    const { page, problems } = await open(test, "");
    expect(await h1Text(page)).toBe("Workplace safety");
    const links = page.locator("main nav a");
    expect(await links.allTextContents()).toEqual(["Welcome", "Fire safety", "First aid"]);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(["?pmUnit=welcome", "?pmUnit=fire", "?pmUnit=first-aid"]);
    await expectNoAxeViolations(page, "unit list");
    await page.keyboard.press("Tab");
    await expect.poll(async () => (await focused(page)).text).toBe("Welcome");
    await page.keyboard.press("Tab");
    await expect.poll(async () => (await focused(page)).text).toBe("Fire safety");
    await page.keyboard.press("Enter");
    await expect.poll(() => h1Text(page)).toBe("When a fire breaks out");
    expect(new URL(page.url()).search).toBe("?pmUnit=fire");
    expect(problems).toEqual([]);
  });

  it("launched by an LMS without a unit: an error screen naming the package's units, not the unit list", async (test) => {
    const { expect } = test;
    const { page } = await openForTest(test, browser, "about:blank", { expectedFailures: NOT_THERE });
    // A SCORM 2004 API in the page's own window (api-discovery.ts searches it first): an LMS launch.
    await page.addInitScript(() => {
      const ok = () => "true";
      (window as unknown as Record<string, unknown>).API_1484_11 = {
        Initialize: ok,
        Terminate: ok,
        GetValue: () => "",
        SetValue: ok,
        Commit: ok,
        GetLastError: () => "0",
        GetErrorString: () => "",
        GetDiagnostic: () => "",
      };
    });
    await page.goto(`${server.url}/index.html`);
    await expect.poll(() => page.locator(".pm-detail").textContent()).toContain("the LMS launched index.html without the unit the manifest names");
    expect(await page.locator(".pm-detail").textContent()).toContain("its units: welcome, fire, first-aid");
    expect(await page.locator("main nav a").count()).toBe(0);
    await expectNoAxeViolations(page, "LMS launch without a unit");
  });

  it("a unit id that names no unit, or cannot be one, ends on an error screen naming it", async (test) => {
    const { expect } = test;
    const { page } = await open(test, "?pmUnit=fires");
    await expect.poll(() => page.locator(".pm-detail").textContent()).toContain('pmUnit="fires" in the launch URL names no unit of this package');
    expect(await page.locator(".pm-detail").textContent()).toContain("its units are welcome, fire, first-aid");
    await expectNoAxeViolations(page, "unknown unit error");
    await page.goto(`${server.url}/index.html?pmUnit=${encodeURIComponent("../course")}`);
    await expect.poll(() => page.locator(".pm-detail").textContent()).toContain('pmUnit="../course" in the launch URL is not a unit id');
  });
});
