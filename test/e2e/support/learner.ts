// One learner in the preview LMS, driven through the real learner UI in Chromium: launched the way
// the LMS launches (cmi5: the AU in its own window; SCORM: the host page framing the SCO), reading
// pages, taking attempts, exiting or just closing the tab, relaunching. The same browser context
// stays with the learner across launches (their browser keeps its storage, as in real life).
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { expect as globalExpect, type ExpectStatic } from "vitest";
import type { LaunchAnswer, LaunchRequest } from "../../../authoring/preview/protocol";
import type { PreviewServer } from "../../../authoring/preview/server";
import type { CourseData, QuestionData, TargetId } from "../../../runtime/course/types";
import { answerQuestion, questionsById, shownQuestionIds } from "../../ui/answers";
import { watch } from "./chromium";
import { diagnosePage } from "../../support/page-diagnosis";

/** How to answer an attempt: all right, all wrong, or right except `wrong` all-or-nothing questions. */
export type AttemptPlan = "right" | "wrong" | { wrong: number };

export interface AttemptResult {
  questionIds: string[];
  /** "Score for this attempt: 75%" → 75 */
  attemptScore: number;
  /** "Assessment score: 85%" → 85; null when the screen shows no score. */
  assessmentScore: number | null;
  text: string;
}

/**
 * How long one step (a launch, a frame, a result screen) may take before the journey fails. A
 * deadline, not a wait: every step ends as soon as its condition holds. Generous because journeys
 * run two at a time per worker (vitest's maxConcurrency) and the machine may be busy besides.
 */
const STEP_DEADLINE_MS = 60_000;

const ALL_OR_NOTHING: ReadonlySet<QuestionData["type"]> = new Set(["single-choice", "true-false", "numeric", "text-entry"]);

export class Learner {
  readonly launches: LaunchAnswer[] = [];
  private readonly pageProblems: string[][] = [];
  private readonly returnUrls: (string | null)[] = [];
  page: Page | null = null;
  private constructor(
    readonly preview: PreviewServer,
    readonly course: CourseData,
    readonly target: TargetId,
    readonly context: BrowserContext,
    private readonly expect: ExpectStatic,
  ) {}

  /** `expect`: the test's own (from the test context) when tests run concurrently. */
  static async enrol(browser: Browser, preview: PreviewServer, course: CourseData, target: TargetId, expect: ExpectStatic = globalExpect): Promise<Learner> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: "en-US" });
    return new Learner(preview, course, target, context, expect);
  }

  get registration(): string | null {
    return this.launches[0]?.registration ?? null;
  }

  get learnerId(): string {
    return this.launches[0]!.learnerId;
  }

  /**
   * Launch a session (the first one makes a new learner) and wait for the course's first heading.
   * `lms` / `newAttempt`: the LMS behaviour of the launch and Moodle's "Start a new attempt".
   */
  async launch(facts: Pick<LaunchRequest, "cmi5" | "scorm" | "lms" | "newAttempt"> = {}): Promise<Frame> {
    // A cmi5 LMS hands a returnURL: Exit goes back to it once Terminated is acknowledged.
    const cmi5 = { returnURL: "/lms/return", ...facts.cmi5 };
    this.returnUrls.push(this.target === "cmi5" ? (cmi5.returnURL ?? null) : null);
    const request: LaunchRequest = { target: this.target, learner: this.launches.length === 0 ? "new" : "current", cmi5, scorm: facts.scorm ?? {} };
    if (facts.lms) request.lms = facts.lms;
    if (facts.newAttempt) request.newAttempt = true;
    // A relaunch is of this learner, whom other tests may have followed as the preview's current one
    // (concurrent tests): selected and launched in one synchronous step, nothing can come between.
    if (this.launches.length > 0 && !this.preview.learners.select(this.learnerId)) throw new Error(`the preview lost learner ${this.learnerId}`);
    const answer = this.preview.launch(request);
    this.launches.push(answer);
    const page = await this.context.newPage();
    this.pageProblems.push(watch(page));
    this.page = page;
    await page.goto(answer.frameUrl); // on the package origin, as the LMS's launch link
    const ui = await this.ui();
    await ui.locator("h1").first().waitFor({ timeout: STEP_DEADLINE_MS });
    return ui;
  }

  /** Console errors, page errors and CSP violations of every page this learner had open. */
  get problems(): string[] {
    // docs/rules/lms.md §5: a 404 for learner preferences or a State document not written yet is normal.
    const normal = /status of 404 .*\/xapi\/(agents\/profile|activities\/state)\?/;
    return this.pageProblems.flat().filter((p) => !normal.test(p));
  }

  get sessionId(): string {
    return this.launches.at(-1)!.sessionId;
  }

  /** The frame the learner UI runs in. */
  async ui(): Promise<Frame> {
    const page = this.page!;
    if (this.target === "cmi5") return page.mainFrame();
    let frame: Frame | undefined;
    await this.expect.poll(() => (frame = page.frames().find((f) => f.url().includes(`/pkg/${this.target}/`))), { timeout: STEP_DEADLINE_MS }).toBeTruthy();
    return frame!;
  }

  async h1(): Promise<string> {
    // Short timeout: while the UI changes screens there may be no h1 for a moment (the caller polls).
    const text = await (
      await this.ui()
    )
      .locator("h1")
      .first()
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    return (text ?? "").trim();
  }

  async statusLine(): Promise<string> {
    return ((await (await this.ui()).locator(".pm-status").textContent()) ?? "").trim();
  }

  /** Start recording every text the status line shows, with the browser's clock (Date.now()). */
  async recordStatusLine(): Promise<void> {
    await (
      await this.ui()
    ).evaluate(() => {
      const log: [number, string][] = [];
      (window as unknown as { __pmStatus: [number, string][] }).__pmStatus = log;
      const note = () => {
        const text = document.querySelector(".pm-status")?.textContent?.trim() ?? "";
        if (log.at(-1)?.[1] !== text) log.push([Date.now(), text]);
      };
      note();
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }

  /**
   * In every page this learner opens from now on: each text of the status line that was PAINTED
   * (sampled once per animation frame, from the first frame), into the same log as recordStatusLine.
   */
  async recordPaintedStatusFromStart(): Promise<void> {
    await this.context.addInitScript(() => {
      const log: [number, string][] = [];
      (window as unknown as { __pmStatus: [number, string][] }).__pmStatus = log;
      const frame = () => {
        const text = document.querySelector(".pm-status")?.textContent?.trim() ?? "";
        if (log.at(-1)?.[1] !== text) log.push([Date.now(), text]);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  }

  /** What the status line showed since recordStatusLine(), oldest first. */
  async statusHistory(): Promise<[number, string][]> {
    return (await this.ui()).evaluate(() => (window as unknown as { __pmStatus: [number, string][] }).__pmStatus);
  }

  private async next(ui: Frame): Promise<void> {
    await ui.getByRole("button", { name: "Next", exact: true }).click();
  }

  /** Read every page (playing the alarm sound through when asked) and arrive at the assessment intro. */
  async readToAssessment(options: { playMedia?: boolean } = {}): Promise<void> {
    const ui = await this.ui();
    for (let i = 0; i < this.course.pages.length; i++) {
      if (options.playMedia && (await ui.locator("audio, video").count()) > 0) {
        await ui
          .locator("audio, video")
          .first()
          .evaluate((media: HTMLMediaElement) => {
            media.playbackRate = 4;
            return media.play();
          });
        await this.expect.poll(() => ui.locator(".pm-media .pm-badge").first().textContent(), { timeout: STEP_DEADLINE_MS }).toBe("Watched");
      }
      // Each Next's effect before the next press: a press that did not take (a page that moved under
      // it) fails here, at its page, instead of as a learner one page short at the end.
      const leaving = await this.h1();
      await this.next(ui);
      if (i < this.course.pages.length - 1) await this.expect.poll(() => this.h1(), { message: `Next on "${leaving}"` }).not.toBe(leaving);
    }
    await this.expect.poll(() => this.h1()).toBe(this.course.assessment!.title);
  }

  /** Open the assessment from the menu (after a relaunch the course may open elsewhere). */
  async openAssessment(): Promise<void> {
    const ui = await this.ui();
    if ((await this.h1()) === this.course.assessment!.title) return;
    await ui.locator(".pm-menu summary").click();
    await ui.getByRole("button", { name: this.course.assessment!.title }).click();
    await this.expect.poll(() => this.h1()).toBe(this.course.assessment!.title);
  }

  /** Start (or continue) an attempt, answer it by plan, submit, and read the result screen. */
  async attempt(plan: AttemptPlan): Promise<AttemptResult> {
    const ui = await this.ui();
    await ui.getByRole("button", { name: /^(Start attempt|Try again|Continue attempt)/ }).click();
    await this.expect.poll(() => this.h1()).toMatch(/: attempt \d$/);
    const ids = await this.answer(plan);
    return this.submit(ids);
  }

  /** Answer the questions on the attempt screen. */
  async answer(plan: AttemptPlan): Promise<string[]> {
    const ui = await this.ui();
    // answers.ts drives a Page; a Frame offers the same locator/check/fill/selectOption/click methods.
    const driver = ui as unknown as Page;
    const byId = questionsById(this.course);
    const ids = await shownQuestionIds(driver);
    let wrongLeft = plan === "right" ? 0 : plan === "wrong" ? Infinity : plan.wrong;
    for (const id of ids) {
      const question = byId.get(id)!;
      const makeWrong = plan === "wrong" || (wrongLeft > 0 && ALL_OR_NOTHING.has(question.type));
      if (makeWrong && plan !== "wrong") wrongLeft -= 1;
      await answerQuestion(driver, question, makeWrong && question.type !== "survey" ? "wrong" : "right");
    }
    if (typeof plan === "object" && wrongLeft > 0) throw new Error(`only ${plan.wrong - wrongLeft} questions could be answered wrong`);
    return ids;
  }

  async submit(ids: string[]): Promise<AttemptResult> {
    const ui = await this.ui();
    await ui.getByRole("button", { name: "Submit answers" }).click();
    await this.expect.poll(() => this.h1(), { timeout: STEP_DEADLINE_MS }).toMatch(/^Result of attempt \d$/);
    const text = (await ui.locator("#pm-content").textContent()) ?? "";
    const attempt = /Score for this attempt: ([\d.]+)\s*%/.exec(text);
    const overall = /Assessment score: ([\d.]+)\s*%/.exec(text);
    return { questionIds: ids, attemptScore: Number(attempt?.[1] ?? NaN), assessmentScore: overall ? Number(overall[1]) : null, text };
  }

  /** The learner's Exit button: the session ends properly (cmi5 Terminated, SCORM Finish/Terminate). */
  async exit(): Promise<void> {
    const ui = await this.ui();
    await ui.getByRole("button", { name: "Exit", exact: true }).click();
    if (this.returnUrls.at(-1)) await this.page!.waitForURL((url) => url.pathname === "/lms/return", { timeout: STEP_DEADLINE_MS });
    else await this.expect.poll(() => this.h1(), { timeout: STEP_DEADLINE_MS }).toBe("You have left the course");
  }

  /**
   * Leave the course for good without exiting, as closing the tab does: the page is unloaded
   * (pagehide with persisted false — Playwright's Chromium runs without the back/forward cache) and
   * what its handlers send (SCORM Commit + Terminate, cmi5 Terminated) travels on. The page is
   * navigated away and then closed rather than closed at once: a browser gives a CLOSING tab's unload
   * handlers a deadline (Chromium: 500 ms) and then drops its renderer, which a busy machine misses —
   * the session was then never finished (seen at load 20–40; certain with a 40× CPU throttle), a race
   * against the machine, not something the course decides. A navigation's unload runs to its end.
   */
  async closeTab(): Promise<void> {
    const page = this.page!;
    this.page = null;
    await page.goto("about:blank");
    await page.close();
  }

  /** What the open page was doing, the session's last log events and the page's errors (printed when a test fails). */
  async diagnose(): Promise<string> {
    const page = this.page && !this.page.isClosed() ? this.page : null;
    const ui = page && (this.target === "cmi5" ? page.mainFrame() : (page.frames().find((f) => f.url().includes(`/pkg/${this.target}/`)) ?? null));
    const events = this.launches.length > 0 ? this.preview.log.all({ sessionId: this.sessionId }) : [];
    const report = await diagnosePage(this.page, ui, events);
    // An uncaught error in a click handler leaves the screen as it was: say so beside the page's state.
    return `${report}\nconsole errors, page errors and CSP violations so far: ${JSON.stringify(this.pageProblems.flat())}`;
  }

  async dispose(): Promise<void> {
    await this.context.close();
  }
}
