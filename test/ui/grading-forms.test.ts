// Tasks rated with a grading form, in Chromium (issue 13): a task in an attempt, hand-in and
// "awaiting rating" (kept over a reload), the hand-over with a passcode (a wrong one said and
// retried), the assessor's rubric / guide / errors forms rated with the keyboard alone (missing
// criteria listed, out-of-range points refused, a reload losing nothing), the result, the review with
// the filled form, and the learner's own self-assessment inline. axe on every screen; 320 px wide.
// Each test has a context of its own (own localStorage): they run concurrently.
import { rm } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic, type TestContext } from "vitest";
import type { TaskRating } from "../../runtime/assessment/types";
import { decodeState } from "../../runtime/assessment/codec/state-decode";
import { loadTaskKit } from "../../runtime/assessment/task-kit";
import type { CourseData } from "../../runtime/course/types";
import { standaloneStateKey } from "../../runtime/lms/standalone/driver";
import { buildPackageFolder, type PackageFolder } from "../support/package-fixture";
import { startStaticServer, type StaticServer } from "../support/static-server";
import { shownQuestionIds } from "./answers";
import { expectNoAxeViolations, focused, launchChromium, openForTest } from "./browser";
import { pickRadio as pickFocusedRadio } from "./radio-keys";
import { ERRORS, GUIDE, packageWithItems, passcodeHash, RUBRIC, task } from "./task-fixture";

const PASSCODE = "blue lantern 7";

let browser: Browser;
let pkg: PackageFolder;
let assessed: StaticServer;
let assessedCourse: CourseData;
let self: StaticServer;
const dirs: string[] = [];

// savedRating decodes task answers, whose codec is the lazily loaded task code (runtime/assessment/task-kit.ts).
await loadTaskKit();

beforeAll(async () => {
  pkg = await buildPackageFolder();
  const hash = passcodeHash(PASSCODE);
  const a = await packageWithItems(pkg.dir, "assessed", [
    "use-lift",
    task("observe", "Clean the spill while your assessor watches.", RUBRIC, { passcode: hash }),
    task("demo", "Show how to use the extinguisher.", GUIDE, { learnerResponse: "none", passcode: hash }),
    task("steps", "List the steps you took.", ERRORS, { passcode: passcodeHash(PASSCODE) }), // same passcode, another salt
  ]);
  const s = await packageWithItems(pkg.dir, "self", [task("reflect", "Describe what you would do differently.", RUBRIC, { rater: "learner" })]);
  dirs.push(a.dir, s.dir);
  assessedCourse = a.course;
  assessed = await startStaticServer({ root: a.dir });
  self = await startStaticServer({ root: s.dir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await assessed?.close();
  await self?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  await pkg?.remove();
});

async function open(test: TestContext, server: StaticServer, width?: number): Promise<Page> {
  const learner = await openForTest(test, browser, `${server.url}/index.html`, { width, checkProblems: true });
  await learner.page.locator("h1").first().waitFor();
  return learner.page;
}

const h1 = (page: Page) => page.locator("h1").first().textContent();
const main = (page: Page) => page.locator("#pm-content").textContent();
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** The rating of `taskId` as the page last SAVED it (the standalone driver's localStorage), decoded as the runtime decodes it. */
async function savedRating(page: Page, taskId: string): Promise<TaskRating | null> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), standaloneStateKey(assessedCourse.id));
  if (raw === null) return null;
  const response = decodeState((JSON.parse(raw) as { state: string }).state, assessedCourse).state?.current?.answers[taskId]?.response;
  return response?.type === "task" ? response.rating : null;
}

type Focused = Awaited<ReturnType<typeof focused>>;
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`keyboard: could not reach ${what} with ${max} Tab presses`);
}
const button = (name: string) => (f: Focused) => f.tag === "button" && f.text === name;
const byId = (id: string) => (f: Focused) => f.id === id;

/** Pick a radio of a group with the keyboard: Tab into the group, arrow keys, Space (each key waited for). */
async function pickRadio(expect: ExpectStatic, page: Page, groupPrefix: string, targetId: string): Promise<void> {
  await tabTo(page, (f) => f.type === "radio" && f.id.startsWith(groupPrefix), `the radios ${groupPrefix}`);
  await pickFocusedRadio(expect, page, targetId);
}

async function startAttempt(expect: ExpectStatic, page: Page): Promise<void> {
  await page.locator(".pm-menu summary").click();
  await page.getByRole("button", { name: /^Final check/ }).click();
  await page.getByRole("button", { name: "Start attempt 1" }).click();
  await expect.poll(() => h1(page)).toBe("Final check: attempt 1");
  await page.locator(".pm-task").first().waitFor(); // the grading chunk is in
}

async function answerAndHandIn(expect: ExpectStatic, page: Page): Promise<void> {
  await page.check("#pm-q-use-lift-false");
  await page.fill("#pm-q-observe-input", "I put the sign up,\nthen mopped from the edge.");
  await page.fill("#pm-q-steps-input", "Gloves, mop, bag, seal.");
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect.poll(() => h1(page)).toBe("Waiting for your assessor");
}

async function handOver(page: Page, passcode = PASSCODE): Promise<void> {
  await page.getByRole("button", { name: "Hand the device to your assessor" }).click();
  await page.fill("#pm-rater-name", "Ana Díaz");
  await page.fill("#pm-rater-id", "ana@example.org");
  await page.fill("#pm-rater-passcode", passcode);
  await page.getByRole("button", { name: "Continue" }).click();
}

async function noHorizontalScroll(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scroll on the ${screen} screen`).toBeLessThanOrEqual(0);
}

// One concurrent describe around the five: the two halves of the assessor's keyboard pass run beside the others.
describe.concurrent("grading forms in Chromium", { timeout: 180_000 }, () => {
  describe("a task rated by an assessor", () => {
    it(
      "hand-in, awaiting rating over a reload, the hand-over with a passcode by keyboard alone (a wrong one said and retried)",
      { timeout: 300_000 },
      async (test) => {
        const { expect } = test; // the test's own: the tests run concurrently
        const page = await open(test, assessed);
        await startAttempt(expect, page);
        expect(await page.locator(".pm-task .pm-note").allTextContents()).toEqual(Array(3).fill("Your assessor rates this task after you hand in your work."));
        await expectNoAxeViolations(page, "task in an attempt");

        // Unanswered: the question and the two texts; never the task that takes no text (the assessor's form is not the learner's).
        const order = await shownQuestionIds(page);
        await page.getByRole("button", { name: "Submit answers" }).click();
        await expect.poll(() => activeId(page)).toBe("pm-unanswered-title");
        const listed = await page.locator(".pm-warning li").allTextContents();
        expect(listed).toEqual(["use-lift", "observe", "steps"].map((id) => `Question ${order.indexOf(id) + 1} of 4`));
        await page.getByRole("button", { name: "Go back to the questions" }).click();

        await answerAndHandIn(expect, page);
        expect(await activeId(page)).toBe("pm-awaiting-title");
        const waiting = await main(page);
        expect(waiting).toContain("Your work is handed in. It is scored when your assessor has rated it.");
        expect(waiting).not.toMatch(/score for|%/i);
        await expectNoAxeViolations(page, "awaiting rating");

        await page.reload();
        await expect.poll(() => h1(page)).toBe("Waiting for your assessor");

        // The assessor, keyboard only from here.
        await tabTo(page, button("Hand the device to your assessor"), "the hand-over button");
        await page.keyboard.press("Enter");
        await expect.poll(() => h1(page)).toBe("Hand the device to your assessor");
        expect(await activeId(page)).toBe("pm-hand-over-title");
        await expectNoAxeViolations(page, "hand-over");
        await tabTo(page, button("Continue"), "Continue");
        await page.keyboard.press("Enter"); // nothing entered
        await expect.poll(() => activeId(page)).toBe("pm-rater-name");
        expect(await main(page)).toContain("Enter your name.");
        await page.keyboard.type("Ana Díaz");
        await tabTo(page, byId("pm-rater-id"), "the identifier");
        await page.keyboard.type("ana@example.org");
        await tabTo(page, byId("pm-rater-passcode"), "the passcode");
        await page.keyboard.type("blue lantern 8");
        await page.keyboard.press("Enter");
        await expect.poll(() => main(page)).toContain("This passcode is not right. Check it and try again.");
        expect(await activeId(page)).toBe("pm-rater-passcode");
        expect(await page.getAttribute("#pm-rater-passcode", "aria-invalid")).toBe("true");
        await expectNoAxeViolations(page, "hand-over with a wrong passcode");
        await page.keyboard.type(PASSCODE); // the wrong one is selected: typing replaces it
        await page.keyboard.press("Enter");
        await expect.poll(() => h1(page)).toBe("Rate the work: attempt 1");
        expect(await activeId(page)).toBe("pm-rate-title");
        const form = await main(page);
        expect(form).toContain("Rater: Ana Díaz (ana@example.org)");
        expect(form).toContain("I put the sign up,\nthen mopped from the edge.");
        expect(form).toContain("Clean the spill while your assessor watches.");
        await expectNoAxeViolations(page, "assessor form");
      },
    );

    // From the assessor's form on: a test of its own (the hand-over by keyboard is the one above), so
    // that the two halves of the assessor's part run side by side.
    it(
      "rating with the keyboard alone: missing criteria listed, points out of range refused, a reload losing nothing, result and review",
      { timeout: 300_000 },
      async (test) => {
        const { expect } = test; // the test's own: the tests run concurrently
        const page = await open(test, assessed);
        await startAttempt(expect, page);
        const order = await shownQuestionIds(page);
        await answerAndHandIn(expect, page);
        await handOver(page);
        await expect.poll(() => h1(page)).toBe("Rate the work: attempt 1");
        expect(await activeId(page)).toBe("pm-rate-title");

        // Rubric: one level, a remark; then "Submit rating" says exactly what is missing.
        await pickRadio(expect, page, "pm-rate-observe-c-plan-", "pm-rate-observe-c-plan-some");
        expect(await page.locator("label[for=pm-rate-observe-c-plan-some]").textContent()).toBe("A partial plan (2 points)");
        await tabTo(page, byId("pm-rate-observe-c-plan-remark"), "the plan remark");
        await page.keyboard.type("Good order");
        await tabTo(page, button("Submit rating"), "Submit rating");
        await page.keyboard.press("Enter");
        await expect.poll(() => activeId(page)).toBe("pm-missing-title");
        const n = (id: string) => `Question ${order.indexOf(id) + 1} of 4`;
        expect(await page.locator(".pm-warning li").allTextContents()).toEqual([
          `${n("observe")}: Works safely`,
          `${n("demo")}: Follows the method`,
          `${n("demo")}: Speaks calmly`, // not "Leaves the bench tidy": weight 0 never needs a value
          `${n("steps")}: Puts on gloves`,
          `${n("steps")}: Seals the container`,
        ]);
        await expectNoAxeViolations(page, "assessor form with the rating incomplete");
        await tabTo(page, button(`${n("observe")}: Works safely`), "the first missing criterion");
        await page.keyboard.press("Enter");
        expect(await activeId(page)).toMatch(/^pm-rate-observe-c-safety-/);
        await pickRadio(expect, page, "pm-rate-observe-c-safety-", "pm-rate-observe-c-safety-always");
        await tabTo(page, byId("pm-rate-observe-feedback"), "the observe feedback");
        await page.keyboard.type("Solid work.");

        // Guide: points out of range are refused and said; a scale by type-ahead.
        await tabTo(page, byId("pm-rate-demo-c-method-points"), "the points field");
        await page.keyboard.type("11");
        await expect.poll(() => main(page)).toContain("Enter a number from 0 to 10: this value is not kept.");
        expect(await page.getAttribute("#pm-rate-demo-c-method-points", "aria-invalid")).toBe("true");
        await expectNoAxeViolations(page, "assessor form with points out of range");
        await page.keyboard.press("Control+A");
        await page.keyboard.type("7");
        expect(await page.locator("#pm-rate-demo-c-method-points-error").count()).toBe(0);
        await tabTo(page, byId("pm-rate-demo-c-manner-scale"), "the scale");
        await page.keyboard.type("good");
        expect(await page.locator("#pm-rate-demo-c-manner-scale").inputValue()).toBe("good");

        // Errors: yes / no with arrows.
        await pickRadio(expect, page, "pm-rate-steps-c-gloves-", "pm-rate-steps-c-gloves-true");
        await pickRadio(expect, page, "pm-rate-steps-c-seal-", "pm-rate-steps-c-seal-false");
        expect(await page.locator(".pm-warning").count()).toBe(0); // nothing missing any more

        // A reload loses nothing: hand over again, every value is there. The typing save comes after a
        // pause (TYPING_SAVE_DELAY_MS), later on a busy machine: poll until the last values are saved.
        await expect.poll(() => savedRating(page, "steps")).toMatchObject({ filling: { gloves: true, seal: false } });
        await expect.poll(() => savedRating(page, "demo")).toMatchObject({ filling: { method: 7, manner: "good" } });
        await expect
          .poll(() => savedRating(page, "observe"))
          .toMatchObject({ filling: { plan: "some", safety: "always" }, remarks: { plan: "Good order" }, feedback: "Solid work." });
        await page.reload();
        await expect.poll(() => h1(page)).toBe("Waiting for your assessor");
        await handOver(page);
        await expect.poll(() => h1(page)).toBe("Rate the work: attempt 1");
        expect(await page.locator("#pm-rate-observe-c-plan-some").isChecked()).toBe(true);
        expect(await page.locator("#pm-rate-observe-c-safety-always").isChecked()).toBe(true);
        expect(await page.locator("#pm-rate-observe-c-plan-remark").inputValue()).toBe("Good order");
        expect(await page.locator("#pm-rate-observe-feedback").inputValue()).toBe("Solid work.");
        expect(await page.locator("#pm-rate-demo-c-method-points").inputValue()).toBe("7");
        expect(await page.locator("#pm-rate-demo-c-manner-scale").inputValue()).toBe("good");
        expect(await page.locator("#pm-rate-steps-c-seal-false").isChecked()).toBe(true);

        await page.locator("#pm-rate-title").focus();
        await tabTo(page, button("Submit rating"), "Submit rating");
        await page.keyboard.press("Enter");
        await expect.poll(() => h1(page)).toBe("Result of attempt 1");
        expect(await activeId(page)).toBe("pm-result-title");
        // true-false 100; rubric (2 + 2) / 5 = 80; guide (0.7 × 2 + ⅔) / 3 = 68.89; errors 2 → 80: mean 82.22.
        expect(await main(page)).toContain("Score for this attempt: 82.22%");
        await expectNoAxeViolations(page, "result after rating");

        await page.getByRole("button", { name: "Review your answers" }).click();
        await expect.poll(() => h1(page)).toBe("Review of attempt 1");
        const review = await main(page);
        for (const text of [
          "A partial plan (2 points)",
          "Always safe (2 points)",
          "Remark: Good order",
          "Solid work.",
          "7 of 10 points",
          "good",
          "Grade: 80%",
          "Grade: 68.89%",
        ])
          expect(review).toContain(text);
        expect(await page.locator("#pm-content .pm-filled dd").allTextContents()).toEqual(expect.arrayContaining(["Yes", "No"]));
        expect(review).toMatch(/Rated by Ana Díaz \(ana@example\.org\) on /);
        await expectNoAxeViolations(page, "review with the filled form");
      },
    );

    it("at 320 px wide nothing scrolls sideways: task, awaiting, hand-over, form (levels stacked), result, review", async (test) => {
      const { expect } = test; // the test's own: the tests run concurrently
      const page = await open(test, assessed, 320);
      await startAttempt(expect, page);
      await noHorizontalScroll(page, "task in an attempt");
      await answerAndHandIn(expect, page);
      await noHorizontalScroll(page, "awaiting rating");
      await page.getByRole("button", { name: "Hand the device to your assessor" }).click();
      await noHorizontalScroll(page, "hand-over");
      await page.getByRole("button", { name: "Back" }).click();
      await handOver(page);
      await expect.poll(() => h1(page)).toBe("Rate the work: attempt 1");
      await noHorizontalScroll(page, "assessor form");
      await expectNoAxeViolations(page, "assessor form at 320 px");
      // The rubric's levels stack: each below the one before.
      const tops = await page.locator("#pm-rate-observe-c-plan .pm-level").evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().top));
      expect(tops[1]!).toBeGreaterThan(tops[0]!);
      await page.check("#pm-rate-observe-c-plan-full");
      await page.check("#pm-rate-observe-c-safety-always");
      await page.fill("#pm-rate-demo-c-method-points", "10");
      await page.selectOption("#pm-rate-demo-c-manner-scale", "excellent");
      await page.check("#pm-rate-steps-c-gloves-true");
      await page.check("#pm-rate-steps-c-seal-true");
      await page.getByRole("button", { name: "Submit rating" }).click();
      await expect.poll(() => h1(page)).toBe("Result of attempt 1");
      expect(await main(page)).toContain("Score for this attempt: 100%");
      await noHorizontalScroll(page, "result");
      await page.getByRole("button", { name: "Review your answers" }).click();
      await expect.poll(() => h1(page)).toBe("Review of attempt 1");
      await noHorizontalScroll(page, "review");
    });
  });

  describe("a self-assessment", () => {
    it("the learner fills in the form inline; an incomplete form counts as unanswered; no hand-over; review says the learner rated", async (test) => {
      const { expect } = test; // the test's own: the tests run concurrently
      const page = await open(test, self);
      await page.locator(".pm-menu summary").click();
      await page.getByRole("button", { name: /^Final check/ }).click();
      await page.getByRole("button", { name: "Start attempt 1" }).click();
      await page.locator(".pm-self").waitFor();
      expect(await page.locator(".pm-self h3").textContent()).toBe("Rate your own work");
      await expectNoAxeViolations(page, "self-assessment in an attempt");

      await page.fill("#pm-q-reflect-input", "Call for help sooner.");
      await pickRadio(expect, page, "pm-q-reflect-c-plan-", "pm-q-reflect-c-plan-full");
      await page.getByRole("button", { name: "Submit answers" }).click();
      await expect.poll(() => activeId(page)).toBe("pm-unanswered-title"); // the safety row is not rated yet
      expect(await page.locator(".pm-warning li").allTextContents()).toEqual(["Question 1 of 1"]);
      await page.getByRole("button", { name: "Go back to the questions" }).click();
      await page.check("#pm-q-reflect-c-safety-mostly");
      await page.fill("#pm-q-reflect-c-safety-remark", "Forgot the sign at first.");
      await page.getByRole("button", { name: "Submit answers" }).click();
      await expect.poll(() => h1(page)).toBe("Result of attempt 1");
      expect(await main(page)).toContain("Score for this attempt: 80%"); // (3 + 1) / 5
      await page.getByRole("button", { name: "Review your answers" }).click();
      const review = await main(page);
      expect(review).toContain("A complete plan (3 points)");
      expect(review).toContain("Remark: Forgot the sign at first.");
      expect(review).toMatch(/Rated by you on /);
      await expectNoAxeViolations(page, "review of a self-assessment");
    });
  });

  describe("the grading screens' own chunk", () => {
    it("a failed load says so and offers to load again (never 'Loading…' for ever); loaded again, the task is there", async (test) => {
      const { expect } = test; // the test's own: the tests run concurrently
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: "en-US" });
      try {
        let blocked = true;
        await context.route(/passmark-grading-chunk-.*\.js(\?retry=\d+)?$/, (route) => (blocked ? route.abort("connectionreset") : route.continue()));
        const page = await context.newPage();
        await page.goto(`${self.url}/index.html`);
        await page.locator(".pm-menu summary").click();
        await page.getByRole("button", { name: /^Final check/ }).click();
        await page.getByRole("button", { name: "Start attempt 1" }).click();
        const alert = page.getByRole("alert").filter({ hasText: "This part of the course could not be loaded" });
        await alert.waitFor();
        expect(await page.locator(".pm-self").count()).toBe(0);
        await expectNoAxeViolations(page, "grading chunk not loaded");
        blocked = false;
        await alert.getByRole("button", { name: "Load again" }).click();
        await page.locator(".pm-self").waitFor();
        expect(await page.getByRole("alert").filter({ hasText: "could not be loaded" }).count()).toBe(0);
      } finally {
        await context.close();
      }
    });
  });
});
