// axe-core on every screen of the learner UI (zero violations), reflow at 320 px, focus moved to
// the new heading, the strict CSP header with no violation and no style attribute, and the error
// screens a launch that cannot work ends on. Each test has a context of its own: they run concurrently.
import { cp, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import type { CourseData } from "../../runtime/course/types";
import { buildPackageFolder, type PackageFolder } from "../support/package-fixture";
import { startStaticServer, STRICT_CSP, type StaticServer } from "../support/static-server";
import { answerAll, readBuiltCourse } from "./answers";
import { axeViolations, expectNoAxeViolations, launchChromium, openForTest, type LearnerPage } from "./browser";

let browser: Browser;
let pkg: PackageFolder;
let server: StaticServer;
let brokenServer: StaticServer;
let brokenDir: string;
let course: CourseData;

beforeAll(async () => {
  pkg = await buildPackageFolder();
  course = await readBuiltCourse(pkg.dir);
  server = await startStaticServer({ root: pkg.dir });
  // The same package without its course data: the fetch of course/course.json answers 404.
  brokenDir = `${pkg.dir}-broken`;
  await cp(pkg.dir, brokenDir, { recursive: true });
  await rm(join(brokenDir, "course", "course.json"));
  brokenServer = await startStaticServer({ root: brokenDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await brokenServer?.close();
  await rm(brokenDir, { recursive: true, force: true });
  await pkg?.remove();
});

async function open(test: TestContext, url = `${server.url}/index.html`, width?: number): Promise<LearnerPage> {
  const learner = await openForTest(test, browser, url, { width });
  await learner.page.locator("h1").first().waitFor();
  return learner;
}

const h1Text = (page: Page) => page.locator("h1").first().textContent();
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.closest("[id]")?.id ?? document.activeElement?.tagName);

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "horizontal scroll").toBeLessThanOrEqual(0);
}

describe.concurrent("accessibility of every screen (axe, WCAG 2.2 AA rules)", { timeout: 180_000 }, () => {
  it("page, media page, intro, questions, unanswered warning, result and review: zero violations; focus follows", { timeout: 360_000 }, async (test) => {
    const { expect } = test; // the test's own: the tests run concurrently
    const { page, problems } = await open(test);
    await expectNoAxeViolations(page, "course page");
    await page.locator(".pm-menu summary").click(); // the open menu too
    await expectNoAxeViolations(page, "course page with the menu open");
    await page.getByRole("button", { name: /^The alarm/ }).click();
    await expect.poll(() => h1Text(page)).toBe("The alarm");
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1"); // focus on the new heading
    await expectNoAxeViolations(page, "page with audio");
    await page.getByRole("button", { name: /^Final check/ }).click();
    await expect.poll(() => h1Text(page)).toBe("Final check");
    expect(await activeId(page)).toBe("pm-intro-title");
    await expectNoAxeViolations(page, "assessment intro");
    await page.getByRole("button", { name: "Start attempt 1" }).click();
    await expect.poll(() => activeId(page)).toBe("pm-attempt-title");
    await expectNoAxeViolations(page, "question screen");
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => activeId(page)).toBe("pm-unanswered-title");
    await expectNoAxeViolations(page, "unanswered warning");
    await answerAll(page, course, "right");
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => activeId(page)).toBe("pm-result-title");
    await expectNoAxeViolations(page, "result");
    await page.getByRole("button", { name: "Review your answers" }).click();
    await expect.poll(() => activeId(page)).toBe("pm-review-title");
    await expectNoAxeViolations(page, "review");
    expect(problems).toEqual([]);
  });

  it("at 320 px wide nothing scrolls sideways (page, intro, questions, result)", async (test) => {
    const { expect } = test; // the test's own: the tests run concurrently
    const { page, problems } = await open(test, undefined, 320);
    await noHorizontalScroll(page);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await noHorizontalScroll(page);
    for (let i = 1; i < course.pages.length; i++) await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect.poll(() => h1Text(page)).toBe("Final check");
    await noHorizontalScroll(page);
    await page.getByRole("button", { name: "Start attempt 1" }).click();
    await noHorizontalScroll(page);
    await expectNoAxeViolations(page, "question screen at 320 px");
    await answerAll(page, course, "wrong");
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => h1Text(page)).toBe("Result of attempt 1");
    await noHorizontalScroll(page);
    expect(problems).toEqual([]);
  });

  it("runs under the strict CSP header: no violation, no inline style attribute anywhere", async (test) => {
    const { expect } = test; // the test's own: the tests run concurrently
    const { page, problems } = await open(test);
    const response = await page.request.get(`${server.url}/index.html`);
    expect(response.headers()["content-security-policy"]).toBe(STRICT_CSP);
    const violations: string[] = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
          // Walk through a few screens while listening.
          (document.querySelector(".pm-pager .pm-button") as HTMLButtonElement | null)?.click();
          setTimeout(() => resolve(seen), 300);
        }),
    );
    expect(violations).toEqual([]);
    expect(await page.locator("[style]").count()).toBe(0);
    expect(await page.locator("script:not([src])").count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe.concurrent("the axe check itself", { timeout: 180_000 }, () => {
  it("finds what it must fail on: an image without alt text, an input without a label, a link without a name; and again after a reload", async (test) => {
    const { expect } = test; // the test's own: the tests run concurrently
    const { page } = await open(test);
    const spoil = () =>
      page.evaluate(() => {
        const bad = document.createElement("div");
        bad.innerHTML = '<img src="assets/extinguisher.svg"><input type="text"><a href="#top"></a>';
        document.querySelector("#pm-content")!.append(bad);
      });
    expect(await axeViolations(page)).toEqual([]);
    await spoil();
    const rules = ["image-alt", "label", "link-name"];
    expect((await axeViolations(page)).map((v) => v.split(":")[0])).toEqual(expect.arrayContaining(rules));
    // A new document (axe-core is injected once per document): found there too.
    await page.reload();
    await page.locator("h1").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await spoil();
    expect((await axeViolations(page)).map((v) => v.split(":")[0])).toEqual(expect.arrayContaining(rules));
  });
});

describe.concurrent("a launch that cannot work shows a readable message", { timeout: 180_000 }, () => {
  it("malformed cmi5 launch parameters: error screen in plain words, what to do, zero axe violations", async (test) => {
    const { expect } = test; // the test's own: the tests run concurrently
    const { page } = await open(test, `${server.url}/index.html?endpoint=not-a-url&fetch=x`);
    expect(await h1Text(page)).toBe("This course cannot start");
    const text = await page.locator("main").textContent();
    expect(text).toContain("The link that opened this course is incomplete or damaged.");
    expect(text).toContain("launch the course again from your LMS");
    await expectNoAxeViolations(page, "launch error");
  });

  it("course data that cannot be loaded: error screen instead of a blank page", async (test) => {
    const { expect } = test; // the test's own: the tests run concurrently
    const { page } = await open(test, `${brokenServer.url}/index.html`);
    expect(await h1Text(page)).toBe("This course cannot start");
    expect(await page.locator("main").textContent()).toContain("The course content could not be loaded.");
    await expectNoAxeViolations(page, "course data error");
  });
});
