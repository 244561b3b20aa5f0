// The learner's journeys through the starter course package in standalone mode (no LMS), served
// with the strict CSP: full pass, fail then pass, exhaust attempts, review, resume mid-attempt.
// Any console error, page error or CSP violation fails the scenario. Each scenario has a context of its
// own (own localStorage): they run concurrently.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it, type ExpectStatic, type TestContext } from "vitest";
import type { CourseData } from "../../runtime/course/types";
import { buildPackageFolder, type PackageFolder } from "../support/package-fixture";
import { startStaticServer, type StaticServer } from "../support/static-server";
import { answerAll, readBuiltCourse, shownQuestionIds } from "./answers";
import { launchChromium, openForTest } from "./browser";

let browser: Browser;
let pkg: PackageFolder;
let server: StaticServer;
let course: CourseData;

beforeAll(async () => {
  pkg = await buildPackageFolder();
  course = await readBuiltCourse(pkg.dir);
  server = await startStaticServer({ root: pkg.dir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pkg?.remove();
});

async function open(test: TestContext): Promise<Page> {
  const learner = await openForTest(test, browser, `${server.url}/index.html`, { checkProblems: true });
  await learner.page.getByRole("heading", { level: 1 }).first().waitFor();
  return learner.page;
}

const h1 = (page: Page) => page.locator("h1").first();
const main = (page: Page) => page.locator("#pm-content");

async function goToAssessment(expect: ExpectStatic, page: Page): Promise<void> {
  for (let i = 0; i < course.pages.length; i++) await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect.poll(() => h1(page).textContent()).toBe("Final check");
}

async function takeAttempt(expect: ExpectStatic, page: Page, how: "right" | "wrong"): Promise<string[]> {
  await page.getByRole("button", { name: /^(Start attempt|Try again)/ }).click();
  await expect.poll(() => h1(page).textContent()).toMatch(/^Final check: attempt \d$/);
  const ids = await answerAll(page, course, how);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect.poll(() => h1(page).textContent()).toMatch(/^Result of attempt \d$/);
  return ids;
}

describe.concurrent("learner UI, standalone, starter course", { timeout: 180_000 }, () => {
  it("full pass: pages, media watched, intro facts, all right, result, review, honest status", async (test) => {
    const { expect } = test; // the test's own: the scenarios run concurrently
    const page = await open(test);
    await expect.poll(() => page.locator(".pm-status").textContent()).toBe("Not connected to an LMS: nothing is recorded.");
    expect(await h1(page).textContent()).toBe("Welcome");
    // Page 2 has the alarm sound: play it through (watched threshold 1) and it counts as watched.
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect.poll(() => h1(page).textContent()).toBe("The alarm");
    await page.locator("audio").evaluate((audio: HTMLAudioElement) => {
      audio.playbackRate = 4;
      return audio.play();
    });
    await expect.poll(() => page.locator(".pm-media .pm-badge").textContent(), { timeout: 15_000 }).toBe("Watched");
    for (let i = 2; i < course.pages.length; i++) await page.getByRole("button", { name: "Next", exact: true }).click();
    // Every page read and the medium watched: 5 of 6 steps, the assessment is the sixth (course-header.tsx).
    await expect.poll(() => page.locator("label[for=pm-progress]").textContent()).toBe("Progress: 83% complete");
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect.poll(() => h1(page).textContent()).toBe("Final check");
    const intro = await main(page).textContent();
    expect(intro).toContain("Attempts allowed: 3");
    expect(intro).toContain("Attempts used: 0");
    expect(intro).toContain("3 attempts left");
    expect(intro).toContain("Passing score: 80%");
    expect(intro).toContain("You need 80% to pass; you have three attempts."); // {passingScore} filled in

    await takeAttempt(expect, page, "right");
    const result = await main(page).textContent();
    expect(result).toContain("Score for this attempt: 100%");
    expect(result).toContain("Assessment score: 100%");
    expect(result).toContain("Status: passed");
    expect(result).toContain("Well done: you know what to do when a fire breaks out.");
    expect(await page.getByRole("button", { name: /Try again/ }).count()).toBe(0); // closed after a pass
    await expect.poll(() => page.locator(".pm-sr[role=status]").textContent()).toContain("Result of attempt 1");
    // Standalone: never claims the result reached an LMS.
    expect(await page.locator(".pm-status").textContent()).toBe("Not connected to an LMS: nothing is recorded.");

    await page.getByRole("button", { name: "Review your answers" }).click();
    await expect.poll(() => h1(page).textContent()).toBe("Review of attempt 1");
    expect(await page.locator(".pm-verdict").allTextContents()).not.toContain("Incorrect");
  });

  it("fail then pass: failed result with score action and retake, then passed with the higher score", async (test) => {
    const { expect } = test; // the test's own: the scenarios run concurrently
    const page = await open(test);
    await goToAssessment(expect, page);
    await takeAttempt(expect, page, "wrong");
    let result = await main(page).textContent();
    expect(result).toContain("Score for this attempt: 0%");
    expect(result).toContain("Assessment score: 0%"); // failedResult $attempt_score; rewards only on a pass
    expect(result).toContain("Status: not passed yet");
    expect(result).toContain("2 attempts left");
    expect(result).toContain("Not quite there yet: you need 80% to pass."); // {passingScore}, the rubric's without an LMS
    expect(await page.getByRole("button", { name: "Review your answers" }).count()).toBe(0); // review: no-attempts-remaining

    await takeAttempt(expect, page, "right");
    result = await main(page).textContent();
    expect(result).toContain("Result of attempt 2");
    expect(result).toContain("Score for this attempt: 100%");
    expect(result).toContain("Assessment score: 100%");
    expect(result).toContain("Status: passed");
    expect(result).toContain("Attempts used: 2");
  });

  it("exhaust attempts: three failed attempts, unable to pass, no retake, review shows learner input as text", async (test) => {
    const { expect } = test; // the test's own: the scenarios run concurrently
    const page = await open(test);
    await goToAssessment(expect, page);
    for (let n = 1; n <= 3; n++) await takeAttempt(expect, page, "wrong");
    const result = await main(page).textContent();
    expect(result).toContain("Result of attempt 3");
    expect(result).toContain("Status: not passed (no attempts left that could change this)");
    expect(result).toContain("0 attempts left");
    expect(result).toContain("Assessment score: 0%"); // the highest attempt score ($highest_attempt_score)
    expect(await page.getByRole("button", { name: /Try again/ }).count()).toBe(0);

    await page.getByRole("button", { name: "Review your answers" }).click();
    await expect.poll(() => h1(page).textContent()).toBe("Review of attempt 3");
    const review = await main(page).textContent();
    expect(review).toContain("Correct answer");
    expect(review).toContain("Squeeze");
    // Learner input is text, never markup.
    expect(await page.locator("#pm-content dd", { hasText: "<b>not this</b>" }).count()).toBe(1);
    expect(await page.locator("#pm-content dd b").count()).toBe(0);
    expect(await page.locator(".pm-verdict", { hasText: "Not graded" }).count()).toBe(1); // the survey

    await page.getByRole("button", { name: "Back to the result" }).click();
    await page.locator(".pm-menu summary").click();
    await page.getByRole("button", { name: "Final check" }).click();
    expect(await main(page).textContent()).toContain("You have used all your attempts.");
  });

  it("unanswered questions: a warning lists them; going back keeps the attempt; submit anyway scores them 0", async (test) => {
    const { expect } = test; // the test's own: the scenarios run concurrently
    const page = await open(test);
    await goToAssessment(expect, page);
    await page.getByRole("button", { name: "Start attempt 1" }).click();
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => page.locator(".pm-warning h2").textContent()).toBe("Some questions are not answered");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("pm-unanswered-title");
    const listed = await page.locator(".pm-warning li").count();
    expect(listed).toBe((await shownQuestionIds(page)).length - 1); // the ordering question is answered as shown
    await page.getByRole("button", { name: "Go back to the questions" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/^pm-q-.+-title$/);
    await page.getByRole("button", { name: "Submit answers" }).click();
    await page.getByRole("button", { name: "Submit anyway" }).click();
    await expect.poll(() => h1(page).textContent()).toBe("Result of attempt 1");
    expect(await main(page).textContent()).toContain("Score for this attempt: 0%");
  });

  it("resume after a reload mid-attempt: same questions in the same order, answers kept", async (test) => {
    const { expect } = test; // the test's own: the scenarios run concurrently
    const page = await open(test);
    await goToAssessment(expect, page);
    await page.getByRole("button", { name: "Start attempt 1" }).click();
    const ids = await shownQuestionIds(page);
    const orderBefore = await page.locator("fieldset.pm-question label, fieldset.pm-question .pm-item").allTextContents();
    await answerAll(page, course, "right");
    const typed = "Squeeze"; // text-entry: saved shortly after typing, and on leaving the field
    await page.locator("#pm-q-squeeze-input").fill(typed);
    await page.locator("#pm-q-squeeze-input").blur();
    const checkedBefore = await page.locator("fieldset.pm-question input:checked").evaluateAll((els) => els.map((e) => e.id));
    // Numbers come back as the UI language writes them ("2,5" typed → "2.5" in English).
    const values = () =>
      page
        .locator("fieldset.pm-question input[type=text], fieldset.pm-question select")
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value.replace(/^(\d+),(\d+)$/, "$1.$2")));
    const valuesBefore = await values();
    const orderingBefore = await page.locator("#pm-q-evacuation-order .pm-item").allTextContents();

    await page.reload();
    await expect.poll(() => h1(page).textContent()).toBe("Final check: attempt 1");
    expect(await shownQuestionIds(page)).toEqual(ids);
    expect(await page.locator("fieldset.pm-question input:checked").evaluateAll((els) => els.map((e) => e.id))).toEqual(checkedBefore);
    expect(await values()).toEqual(valuesBefore);
    expect(await page.locator("#pm-q-evacuation-order .pm-item").allTextContents()).toEqual(orderingBefore);
    expect(orderBefore.length).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => h1(page).textContent()).toBe("Result of attempt 1");
    expect(await main(page).textContent()).toContain("Score for this attempt: 100%");
    // The finished attempt survives a reload too: the intro counts it.
    await page.reload();
    await expect.poll(() => h1(page).textContent()).toBe("Final check");
    expect(await main(page).textContent()).toContain("Attempts used: 1");
  });
});
