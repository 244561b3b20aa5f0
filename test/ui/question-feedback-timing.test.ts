// Per-choice feedback in each feedbackTiming mode (docs/course-format.md): "after-answer" shows it
// after Check answer and locks that answer (kept after a reload), "after-attempt" on the result
// screen, "review" only in review. axe-clean on every screen that shows feedback.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it, type TestContext } from "vitest";
import type { FeedbackTiming } from "../../runtime/course/types";
import { buildPackageFolder, REPO_ROOT, type PackageFolder } from "../support/package-fixture";
import { startStaticServer, type StaticServer } from "../support/static-server";
import { expectNoAxeViolations, launchChromium, openForTest } from "./browser";

const SHOWCASE = `${REPO_ROOT}test/fixtures/questions-showcase`;
const CHOICE_FEEDBACK = "Water conducts electricity: never use it on electrical fires.";
const QUESTION_FEEDBACK = "Look at the label again.";

let browser: Browser;
const packages = new Map<FeedbackTiming, { pkg: PackageFolder; server: StaticServer }>();

beforeAll(async () => {
  const timings = ["after-answer", "after-attempt", "review"] as const;
  const started = await Promise.all(
    timings.map(async (timing) => {
      const pkg = await buildPackageFolder({ courseDir: SHOWCASE, edit: (c) => ((c.assessment as Record<string, unknown>).feedbackTiming = timing) });
      return { pkg, server: await startStaticServer({ root: pkg.dir }) };
    }),
  );
  timings.forEach((timing, i) => packages.set(timing, started[i]!));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const { pkg, server } of packages.values()) {
    await server.close();
    await pkg.remove();
  }
});

/**
 * Open the package of `timing` for this test (closed when it ends, which fails on any console error,
 * page error or CSP violation), start attempt 1 and give the wrong answer (Water) to the first question.
 */
async function startAndAnswer(test: TestContext, timing: FeedbackTiming): Promise<Page> {
  const { page } = await openForTest(test, browser, `${packages.get(timing)!.server.url}/index.html`, { checkProblems: true });
  await page.getByRole("button", { name: "Start attempt 1" }).click();
  await page.locator("#pm-q-ext-a").check();
  return page;
}

async function submitAnyway(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Submit answers" }).click();
  await page.getByRole("button", { name: "Submit anyway" }).click();
  await page.locator("#pm-result-title").waitFor();
}

const bodyText = (page: Page) => page.locator("main, body").first().innerText();

// Each test has a page (and a browser context) of its own: they run concurrently (docs/testing.md),
// so each may take twice as long on a busy machine: the browser describes' 180 s.
describe.concurrent("feedback timing", { timeout: 180_000 }, () => {
  it("after-answer: Check answer locks the answer and shows the verdict, the question's and the choice's feedback; a reload keeps both", async (test) => {
    const { expect } = test;
    const page = await startAndAnswer(test, "after-answer");
    expect(await bodyText(page)).not.toContain(CHOICE_FEEDBACK);
    await expect.poll(() => page.locator("#pm-check-hint").innerText()).toContain("locks that answer");
    // Unanswered: nothing to check yet; the ordering question's shown order is an answer already.
    expect(await page.locator("#pm-q-first").getByRole("button", { name: "Check answer" }).isDisabled()).toBe(true);
    expect(await page.locator("#pm-q-order").getByRole("button", { name: "Check answer" }).isDisabled()).toBe(false);
    await page.locator("#pm-q-ext").getByRole("button", { name: "Check answer" }).click();
    const checked = page.locator("#pm-q-ext .pm-checked");
    await expect.poll(() => checked.innerText()).toContain("Incorrect");
    expect(await checked.innerText()).toContain(QUESTION_FEEDBACK);
    expect(await checked.innerText()).toContain(CHOICE_FEEDBACK);
    expect(await checked.innerText()).not.toContain("CO2 leaves no residue"); // only the chosen choice's
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("pm-checked"))).toBe(true);
    // Locked: the whole question is disabled, the answer cannot change.
    expect(await page.locator("#pm-q-ext").evaluate((f) => (f as HTMLFieldSetElement).disabled)).toBe(true);
    expect(await page.locator("#pm-q-ext-b").isDisabled()).toBe(true);
    await expectNoAxeViolations(page, "question with feedback after Check answer");

    // An ordering question left as shown is checked with the order shown (as submit does).
    const shownOrder = await page.locator("#pm-q-order .pm-item").allInnerTexts();
    await page.locator("#pm-q-order").getByRole("button", { name: "Check answer" }).click();
    await expect.poll(() => page.locator("#pm-q-order .pm-checked").count()).toBe(1);
    expect(await page.locator("#pm-q-order .pm-item").allInnerTexts()).toEqual(shownOrder);
    expect(await page.locator("#pm-q-order button").evaluateAll((bs) => bs.every((b) => (b as HTMLButtonElement).matches(":disabled")))).toBe(true);

    await page.reload(); // the attempt in progress resumes with the lock and the feedback
    await expect.poll(() => page.locator("#pm-q-ext .pm-checked").innerText()).toContain(CHOICE_FEEDBACK);
    expect(await page.locator("#pm-q-ext-a").isChecked()).toBe(true);
    expect(await page.locator("#pm-q-ext-a").isDisabled()).toBe(true);

    await submitAnyway(page);
    expect(await page.locator("#pm-feedback-title").count()).toBe(0); // given already, not repeated on the result screen
    await page.getByRole("button", { name: "Review your answers" }).click();
    await expect.poll(() => bodyText(page)).toContain(CHOICE_FEEDBACK);
  });

  it("after-attempt: no Check button, nothing during the attempt; the result screen lists each question's feedback", async (test) => {
    const { expect } = test;
    const page = await startAndAnswer(test, "after-attempt");
    expect(await page.getByRole("button", { name: "Check answer" }).count()).toBe(0);
    expect(await bodyText(page)).not.toContain(CHOICE_FEEDBACK);
    await submitAnyway(page);
    const section = page.locator("section[aria-labelledby=pm-feedback-title]");
    await expect.poll(() => section.innerText()).toContain(CHOICE_FEEDBACK);
    const text = await section.innerText();
    expect(text).toContain("Question 1 of 4");
    expect(text).toContain("Incorrect");
    expect(text).toContain(QUESTION_FEEDBACK);
    expect(text).not.toContain("Correct answer"); // the expected answer stays with the review policy
    await expectNoAxeViolations(page, "result with feedback");
  });

  it("review: feedback neither during the attempt nor on the result screen, only in review", async (test) => {
    const { expect } = test;
    const page = await startAndAnswer(test, "review");
    expect(await page.getByRole("button", { name: "Check answer" }).count()).toBe(0);
    await submitAnyway(page);
    expect(await bodyText(page)).not.toContain(CHOICE_FEEDBACK);
    await page.getByRole("button", { name: "Review your answers" }).click();
    await expect.poll(() => bodyText(page)).toContain(CHOICE_FEEDBACK);
    expect(await bodyText(page)).toContain(QUESTION_FEEDBACK);
    await expectNoAxeViolations(page, "review with per-choice feedback");
  });
});
