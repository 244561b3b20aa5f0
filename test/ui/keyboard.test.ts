// One full pass of the starter course with the keyboard alone: Tab / Shift+Tab, Enter, Space, arrow
// keys and typing. The test reads the DOM only to decide which key to press next, never clicks.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseData, QuestionData } from "../../runtime/course/types";
import { buildPackageFolder, type PackageFolder } from "../support/package-fixture";
import { startStaticServer, type StaticServer } from "../support/static-server";
import { questionsById, readBuiltCourse, shownOrder, shownQuestionIds } from "./answers";
import { focused, launchChromium, openLearnerPage } from "./browser";

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

type Focused = Awaited<ReturnType<typeof focused>>;

/** Press Tab (or Shift+Tab) until the focused element satisfies `wanted`; fails after `max` presses. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, backwards = false, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`keyboard: could not reach ${what} with ${max} Tab presses`);
}

const button = (name: string) => (f: Focused) => f.tag === "button" && (f.text === name || f.label === name);
const byId = (id: string) => (f: Focused) => f.id === id;
const h1 = (page: Page) => page.locator("h1").first().textContent();

async function answerByKeyboard(page: Page, question: QuestionData): Promise<void> {
  const base = `pm-q-${question.id}`;
  switch (question.type) {
    case "single-choice":
    case "survey":
    case "true-false": {
      const target = question.type === "true-false" ? String(question.answer) : question.type === "survey" ? question.choices[0]!.id : question.correct;
      await tabTo(page, (f) => f.type === "radio" && f.id.startsWith(`${base}-`), `the radio group of ${question.id}`);
      for (let i = 0; i < 10 && !(await page.locator(`#${base}-${target}`).isChecked()); i++) {
        await page.keyboard.press((await focused(page)).id === `${base}-${target}` ? "Space" : "ArrowDown");
      }
      expect(await page.locator(`#${base}-${target}`).isChecked()).toBe(true);
      break;
    }
    case "multiple-response":
      for (const id of question.correct) {
        await tabTo(page, byId(`${base}-${id}`), `checkbox ${id}`);
        await page.keyboard.press("Space");
      }
      break;
    case "numeric": {
      const a = question.answer;
      await tabTo(page, byId(`${base}-input`), `the number field of ${question.id}`);
      await page.keyboard.type(String("exact" in a ? a.exact : "tolerance" in a ? a.value : (a.min + a.max) / 2));
      break;
    }
    case "text-entry":
      await tabTo(page, byId(`${base}-input`), `the text field of ${question.id}`);
      await page.keyboard.type(question.accepted[0]!);
      break;
    case "matching":
      for (const pair of question.pairs) {
        await tabTo(page, byId(`${base}-${pair.id}`), `the select for ${pair.source}`);
        await page.keyboard.type(pair.target); // type-ahead in a closed native select
        expect(await page.locator(`#${base}-${pair.id}`).inputValue()).toBe(pair.id);
      }
      break;
    case "ordering":
      for (const [target, item] of question.items.entries()) {
        const label = `↑ Up “${item.text}”`;
        for (let at = (await shownOrder(page, question.id)).indexOf(item.text); at > target; at--) {
          if ((await focused(page)).label !== label) await tabTo(page, button(label), label);
          await page.keyboard.press("Enter");
          await expect.poll(async () => (await shownOrder(page, question.id)).indexOf(item.text)).toBe(at - 1);
        }
      }
      expect(await shownOrder(page, question.id)).toEqual(question.items.map((i) => i.text));
      break;
  }
}

/**
 * Makes every animation frame late (as on a busy machine, where the test's keys can arrive before
 * the browser paints): the UI must move focus with the new screen, never a frame later, or a key
 * pressed in between lands somewhere else.
 */
function lateFrames(ms: number): void {
  const request = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => {
    setTimeout(() => request(callback), ms);
    return 0;
  };
}

describe("keyboard only", () => {
  it.each([
    { frames: "on time", delayMs: 0 },
    { frames: "300 ms late", delayMs: 300 },
  ])("a full pass of the starter course (frames $frames): pages, media, questions of every type, submit, result, exit", async ({ delayMs }) => {
    const learner = await openLearnerPage(browser, "about:blank");
    const { page } = learner;
    if (delayMs > 0) await page.addInitScript(lateFrames, delayMs);
    await page.goto(`${server.url}/index.html`);
    await page.goto(`${server.url}/index.html`); // a second history entry: window.close() is then refused, as in an LMS
    await page.locator("h1").first().waitFor();

    for (let i = 0; i < course.pages.length; i++) {
      if (course.pages[i]!.media.length > 0) {
        await tabTo(page, (f) => f.tag === "audio", "the audio player");
        await page.evaluate(() => ((document.activeElement as HTMLAudioElement).playbackRate = 4));
        await page.keyboard.press("Space"); // native controls: play
        await expect.poll(() => page.locator(".pm-media .pm-badge").textContent(), { timeout: 15_000 }).toBe("Watched");
      }
      await tabTo(page, button("Next"), "Next");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    }
    expect(await h1(page)).toBe("Final check");
    await tabTo(page, button("Start attempt 1"), "Start attempt 1");
    await page.keyboard.press("Enter");
    await expect.poll(() => h1(page)).toBe("Final check: attempt 1");

    const questions = questionsById(course);
    for (const id of await shownQuestionIds(page)) await answerByKeyboard(page, questions.get(id)!);
    await tabTo(page, button("Submit answers"), "Submit answers");
    await page.keyboard.press("Enter");
    await expect.poll(() => h1(page)).toBe("Result of attempt 1");
    expect((await focused(page)).id).toBe("pm-result-title");
    const result = await page.locator("#pm-content").textContent();
    expect(result).toContain("Score for this attempt: 100%");
    expect(result).toContain("Status: passed");
    expect(await page.locator("label[for=pm-progress]").textContent()).toBe("Progress: 100% complete");

    await tabTo(page, button("Exit"), "Exit", true);
    await page.keyboard.press("Enter");
    await expect.poll(() => h1(page)).toBe("You have left the course");
    expect(await page.locator("#pm-content").textContent()).toContain("You can close this window now.");
    expect(learner.problems).toEqual([]);
    await learner.close();
  });
});
