// Issue 13 end to end, one journey per target (a 4-line test file per target calls this, so the
// files run in parallel): the observation template (templates/observation: three questions, three
// tasks an assessor rates — rubric, marking guide, number of errors — and a self-assessment that does
// not count) in the preview LMS, a learner and two assessors driven through the real UI in Chromium.
//
// Attempt 1: answer, fill the self-assessment inline, hand in → "awaiting rating" (no score shown,
// nothing judgemental at the LMS), hand the device over at once, rate low → failed.
// Attempt 2: answer, hand in → awaiting → close the tab without exiting → relaunch from the LMS → the
// awaiting screen again → another assessor rates well → passed → Exit.
// Then what the LMS holds is read on the LMS side (docs/reporting.md "Rated tasks").
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TargetId } from "../../../runtime/course/types";
import { expectNoAxeViolations } from "../../ui/browser";
import { launchChromium } from "./chromium";
import { Learner } from "./learner";
import { cmi5Record, scormSessions } from "./lms-side";
import { previewCourse, type CoursePreview } from "./preview-fixture";
import {
  ANA,
  BRAM,
  HIGH,
  LOW,
  OBSERVATION_COURSE,
  PASSCODE,
  QUESTIONS,
  type Rater,
  type Rating,
  SCORE_1,
  SCORE_2,
  SELF,
  SELF_RATINGS,
  TASKS,
} from "./grading-plan";
import { expectAttempt2NotReported, expectCmi5, expectNothingJudgemental, expectScorm, judgemental, lmsNow } from "./grading-lms";

const AWAITING = "Waiting for your assessor";

export function gradingJourney(target: TargetId): void {
  let browser: Browser;
  let observed: CoursePreview;
  const learners: Learner[] = [];

  beforeAll(async () => {
    [browser, observed] = await Promise.all([launchChromium(), previewCourse(OBSERVATION_COURSE, { target })]);
  });
  afterAll(async () => {
    await browser?.close();
    await observed?.close();
  });
  afterEach(async () => {
    for (const learner of learners.splice(0)) {
      expect(learner.problems, "console errors / page errors / CSP violations").toEqual([]);
      await learner.dispose();
    }
  });

  const main = async (learner: Learner) => ((await (await learner.ui()).locator("#pm-content").textContent()) ?? "").trim();

  /** Start the attempt, answer the questions right, write the stairs plan, fill the self-assessment, hand in. */
  async function answerAndHandIn(learner: Learner, n: number, self: { confidence: string; explain: string }): Promise<void> {
    const ui = await learner.ui();
    await ui.getByRole("button", { name: n === 1 ? "Start attempt 1" : /^Try again/ }).click();
    await expect.poll(() => learner.h1()).toBe(`${learner.course.assessment!.title}: attempt ${n}`);
    await ui.locator(".pm-task").first().waitFor({ timeout: 15_000 }); // the grading chunk is in
    const ids = await learner.answer("right"); // tasks are left to the code below
    expect([...ids].sort()).toEqual([...QUESTIONS, ...TASKS, SELF].sort());
    await ui.fill("#pm-q-stairs-plan-input", `Attempt ${n}: check the weight, clear the stairs, ask a colleague, carry it close.`);
    await ui.fill(`#pm-q-${SELF}-input`, `Attempt ${n}: I keep my back straight now.`);
    await ui.selectOption(`#pm-q-${SELF}-c-confidence-scale`, self.confidence);
    await ui.selectOption(`#pm-q-${SELF}-c-explain-scale`, self.explain);
    await ui.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => learner.h1(), { timeout: 15_000 }).toBe(AWAITING);
  }

  /** The awaiting screen never shows a score, nor does the status line. */
  async function expectNoScoreShown(learner: Learner): Promise<void> {
    const text = await main(learner);
    expect(text).toContain("Your work is handed in. It is scored when your assessor has rated it.");
    expect(text, "the learner sees no score while awaiting").not.toMatch(/score for|assessment score|%|passed|failed/i);
    expect(await learner.statusLine(), "the status line shows no score while awaiting").not.toMatch(/%|\d+(\.\d+)?\s*\/\s*100/);
  }

  /** Hand the device over, identify with the passcode, fill the three forms, submit the rating. */
  async function rate(learner: Learner, rater: Rater, r: Rating, n: number): Promise<number> {
    const ui = await learner.ui();
    await ui.getByRole("button", { name: "Hand the device to your assessor" }).click();
    await expect.poll(() => learner.h1()).toBe("Hand the device to your assessor");
    await ui.fill("#pm-rater-name", rater.name);
    await ui.fill("#pm-rater-id", rater.id);
    await ui.fill("#pm-rater-passcode", PASSCODE);
    await ui.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => learner.h1()).toBe(`Rate the work: attempt ${n}`);
    expect(await main(learner)).toContain(`Rater: ${rater.name} (${rater.id})`);
    for (const [criterion, level] of Object.entries(r.lift)) await ui.check(`#pm-rate-observed-lift-c-${criterion}-${level}`);
    await ui.fill("#pm-rate-observed-lift-c-posture-remark", r.remark);
    await ui.fill("#pm-rate-observed-lift-feedback", r.feedback);
    await ui.fill("#pm-rate-stairs-plan-c-hazards-points", String(r.stairs.hazards));
    await ui.selectOption("#pm-rate-stairs-plan-c-help-scale", r.stairs.help);
    await ui.selectOption("#pm-rate-stairs-plan-c-clarity-scale", r.stairs.clarity);
    for (const [criterion, answer] of Object.entries(r.checklist)) await ui.check(`#pm-rate-workstation-checklist-c-${criterion}-${answer}`);
    const submittedAt = await ui.evaluate(() => Date.now());
    await ui.getByRole("button", { name: "Submit rating" }).click();
    await expect.poll(() => learner.h1(), { timeout: 15_000 }).toBe(`Result of attempt ${n}`);
    return submittedAt;
  }

  const shownPercent = (score: number) => `${Math.round(score * 100) / 100}%`;

  // Browser journeys take seconds each and longer on a busy 2-core machine.
  describe(`${target}: tasks rated by an assessor, through the preview LMS (observation template)`, { timeout: 300_000 }, () => {
    it("attempt 1 rated at once and failed; attempt 2 handed in, tab closed, relaunched, rated by another assessor and passed; the LMS holds the ratings and raters", async () => {
      const learner = await Learner.enrol(browser, observed.preview, observed.course, target);
      learners.push(learner);
      const held = () => lmsNow(observed, learner, target);

      // ---- Attempt 1: hand in, awaiting, nothing judgemental at the LMS; rated low → failed.
      await learner.launch();
      await learner.readToAssessment();
      await answerAndHandIn(learner, 1, SELF_RATINGS[0]);
      await expectNoScoreShown(learner);
      expectNothingJudgemental(held(), "attempt 1 awaiting rating");
      const rated1 = await rate(learner, ANA, LOW, 1);
      const result1 = await main(learner);
      expect(result1).toContain(`Score for this attempt: ${shownPercent(SCORE_1)}`);
      expect(result1).toMatch(/not passed yet|failed/i);

      // ---- Attempt 2: hand in, awaiting, close the tab, relaunch: awaiting again; rated well → passed.
      await answerAndHandIn(learner, 2, SELF_RATINGS[1]);
      await expectNoScoreShown(learner);
      await learner.closeTab();
      // What the tab's unload delivered reaches the LMS (cmi5 Terminated; SCORM the last commit).
      if (target === "cmi5") await expect.poll(() => cmi5Record(observed.preview, learner.registration!).count("terminated"), { timeout: 15_000 }).toBe(1);
      else await expect.poll(() => scormSessions(observed.preview, learner.learnerId, target).at(-1)?.finished, { timeout: 15_000 }).toBe(true);
      const beforeRelaunch = held();
      await learner.launch();
      await expect.poll(() => learner.h1(), { timeout: 15_000 }).toBe(AWAITING);
      await expectNoScoreShown(learner);
      if (target === "cmi5") await expectNoAxeViolations(learner.page!, "awaiting rating after a relaunch");
      expectAttempt2NotReported(held(), beforeRelaunch);
      const rated2 = await rate(learner, BRAM, HIGH, 2);
      const result2 = await main(learner);
      expect(result2).toContain(`Score for this attempt: ${shownPercent(SCORE_2)}`);
      expect(result2).toContain("Well done: you lift safely.");
      await learner.exit();
      if (target !== "cmi5") await expect.poll(() => scormSessions(observed.preview, learner.learnerId, target).at(-1)?.finished).toBe(true);

      // ---- What the LMS holds.
      if (target === "cmi5") expectCmi5(observed, learner, rated1, rated2);
      else expectScorm(observed, learner, target, rated1, rated2);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// LMS side
