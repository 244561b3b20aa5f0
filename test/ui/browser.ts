// Browser harness for the learner-UI suites: the run's shared Chromium, a fresh context per
// scenario (own localStorage, so the scenarios of a file run concurrently), and every console error,
// page error and CSP violation collected so that a test can fail on any of them.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import type { AxeResults } from "axe-core";
import { expect, type TestContext } from "vitest";
import { diagnosePage } from "../support/page-diagnosis";

export { launchChromium } from "../support/chromium";

export interface LearnerPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  width?: number;
  locale?: string;
  /** URLs whose error answers are part of the protocol (e.g. xAPI 404 "no such document yet"). */
  expectedFailures?: RegExp;
}

export async function openLearnerPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<LearnerPage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1024, height: 800 }, locale: options.locale ?? "en-US" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    // The browser's own favicon probe is not the package's doing (an LMS page has its own icon).
    const source = message.location().url;
    if (message.type() !== "error" || source.endsWith("/favicon.ico") || options.expectedFailures?.test(source)) return;
    problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400 && !options.expectedFailures?.test(response.url())) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  await page.goto(url);
  return { page, context, problems, close: () => context.close() };
}

/**
 * openLearnerPage for one test of a describe.concurrent: closed when THAT test ends (onTestFinished;
 * a file-wide afterEach would close the other tests' pages), and with `checkProblems` the test fails
 * on any console error, page error or CSP violation collected by then. A failed test's output says
 * what its page was doing (test/support/page-diagnosis.ts).
 */
export async function openForTest(
  test: TestContext,
  browser: Browser,
  url: string,
  options: OpenOptions & { checkProblems?: boolean } = {},
): Promise<LearnerPage> {
  const learner = await openLearnerPage(browser, url, options);
  test.onTestFinished(async () => {
    const problems = [...learner.problems];
    // A failure says what the page was doing then (a stalled page, animation frames that stopped…).
    if (test.task.result?.state === "fail" && !learner.page.isClosed())
      console.error(`${test.task.name}\n${await diagnosePage(learner.page, null, null)}\nproblems so far: ${JSON.stringify(problems)}`);
    await learner.close();
    if (options.checkProblems) test.expect(problems, "console errors / page errors / CSP violations").toEqual([]);
  });
  return learner;
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
/** axe-core's own build, the one @axe-core/playwright injects (its dependency, resolved from it). */
const AXE_SOURCE = readFileSync(createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright")).resolve("axe-core/axe.min.js"), "utf8");

/**
 * The axe-core violations (WCAG 2.0/2.1/2.2 A and AA rules, and best practices) of what the page
 * shows now, one line each (rule: help (elements)). A page of one frame (every test/ui page: the package served as is) gets axe-core once
 * per document and runs `axe.run` on it: the same rules on the same DOM as AxeBuilder, without
 * AxeBuilder's cost of injecting 550 KB of axe-core again on every call and finishing each run in a
 * new blank page (2.5–9 s a call under load, against 0.2–0.5 s). A page with frames (an LMS page
 * around the SCO, test/e2e) goes through AxeBuilder, which runs axe in every frame.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  let violations: AxeResults["violations"];
  if (page.frames().length === 1) {
    if (!(await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object"))) await page.evaluate(AXE_SOURCE);
    violations = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: typeof import("axe-core") }).axe
          .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
          .then((results) => results.violations),
      AXE_TAGS,
    );
  } else {
    violations = (await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations;
  }
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Zero axe-core violations (axeViolations) on what the page shows now. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  expect(await axeViolations(page), `axe violations on the ${screen} screen`).toEqual([]);
}

/** The element that has focus: tag, id and text, for assertions and keyboard helpers. */
export async function focused(page: Page): Promise<{ tag: string; id: string; text: string; label: string; type: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      id: el?.id ?? "",
      text: (el?.textContent ?? "").trim(),
      label: el?.getAttribute("aria-label") ?? "",
      type: el?.getAttribute("type") ?? "",
    };
  });
}
