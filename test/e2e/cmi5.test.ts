// End to end, cmi5: the starter course built fresh, launched by the preview LMS (authoring/preview
// over the local LRS of authoring/lrs) in Debian Chromium, driven through the learner UI. Afterwards
// the LRS's stored statements are checked: validator and cmi5 rule checker clean (strict LMS: any
// violation would have been refused with 403 and recorded), exact verbs and scores (docs/rules/reporting.md).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { expectNoAxeViolations } from "../ui/browser";
import { launchChromium } from "./support/chromium";
import { Learner } from "./support/learner";
import { cmi5Record, expectCleanCmi5, expectJudgement } from "./support/lms-side";
import { previewStarter, type CoursePreview } from "./support/preview-fixture";
import { enrolForTest } from "./support/test-learner";

let browser: Browser;
let starter: CoursePreview;
let variant: CoursePreview;

beforeAll(async () => {
  [browser, starter, variant] = await Promise.all([
    launchChromium(),
    previewStarter(undefined, { target: "cmi5" }),
    // unableToPassResult not set: a learner who uses every attempt is "failed", never "unableToPass".
    previewStarter((course) => delete ((course.assessment as Record<string, unknown>).rubric as Record<string, unknown>).unableToPassResult, {
      target: "cmi5",
    }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await starter?.close();
  await variant?.close();
});
const enrol = (test: TestContext, on: CoursePreview = starter) => enrolForTest(test, browser, on, "cmi5");

const sessionsOf = (learner: Learner) => learner.launches.map((l) => l.sessionId);

const HELD = "Your progress is saved. Your result will be recorded when you finish or leave the course.";

const judgementVerbs = (verbs: string[]) => verbs.filter((v) => v !== "answered" && v !== "progressed");

// Browser journeys take seconds each and longer on a busy 2-core machine. Each has a learner of its
// own, so they run concurrently (vitest's maxConcurrency at a time): a journey mostly waits.
describe.concurrent("cmi5 end to end (starter course, preview LMS)", { timeout: 300_000 }, () => {
  it("a learner who passes: Initialized, Completed, Passed (scaled 1, mastery 0.8), answered per question, Terminated last, returnURL", async (test) => {
    const { expect } = test; // the test's own: the journeys run concurrently
    const learner = await enrol(test);
    await learner.launch();
    await learner.readToAssessment({ playMedia: true });
    const result = await learner.attempt("right");
    expect(result.assessmentScore).toBe(100);
    await expect.poll(() => learner.statusLine()).toBe("Your result has been sent to the LMS.");
    await learner.exit();

    const record = cmi5Record(starter.preview, learner.registration!);
    expectCleanCmi5(starter.preview, record, sessionsOf(learner));
    expect(judgementVerbs(record.verbs)).toEqual(["initialized", "completed", "passed", "terminated"]);
    expect(record.count("answered")).toBe(result.questionIds.length);
    expectJudgement(record.one("passed"), "passed", 100, 80);
    expect(record.one("completed").result).toMatchObject({ completion: true });
  });

  it("fails then passes in one session: only a Passed (no Failed), no Completed without the media watched", async (test) => {
    const { expect } = test; // the test's own: the journeys run concurrently
    const learner = await enrol(test);
    await learner.launch();
    await learner.readToAssessment();
    const first = await learner.attempt("wrong");
    expect(first.assessmentScore).toBe(0);
    const second = await learner.attempt("right");
    expect(second.assessmentScore).toBe(100);
    await learner.exit();

    const record = cmi5Record(starter.preview, learner.registration!);
    expectCleanCmi5(starter.preview, record, sessionsOf(learner));
    expect(judgementVerbs(record.verbs)).toEqual(["initialized", "passed", "terminated"]);
    expect(record.count("answered")).toBe(first.questionIds.length + second.questionIds.length);
    expectJudgement(record.one("passed"), "passed", 100, 80);
  });

  it("fails, leaves, comes back and passes: Failed (scaled 0) before Terminated in session 1, Passed in session 2", async (test) => {
    const { expect } = test; // the test's own: the journeys run concurrently
    const learner = await enrol(test);
    await learner.launch();
    await learner.readToAssessment();
    await learner.attempt("wrong");
    await learner.exit();
    await learner.launch();
    await learner.openAssessment();
    expect(await (await learner.ui()).locator("#pm-content").textContent()).toContain("Attempts used: 1");
    const result = await learner.attempt("right");
    expect(result.text).toContain("Result of attempt 2");
    await learner.exit();

    const record = cmi5Record(starter.preview, learner.registration!);
    expectCleanCmi5(starter.preview, record, sessionsOf(learner));
    const [one, two] = sessionsOf(learner);
    expect(judgementVerbs(record.bySession.get(one!)!)).toEqual(["initialized", "failed", "terminated"]);
    expect(judgementVerbs(record.bySession.get(two!)!)).toEqual(["initialized", "passed", "terminated"]);
    expectJudgement(record.one("failed"), "failed", 0, 80);
    expectJudgement(record.one("passed"), "passed", 100, 80);
  });

  it("a failed attempt with attempts left: the calm held message, not red — in that session and after a relaunch that starts from the stored Failed", async (test) => {
    const { expect } = test; // the test's own: the journeys run concurrently
    const learner = await enrol(test);
    const statusClass = async () => (await learner.ui()).locator(".pm-status").getAttribute("class");
    await learner.launch();
    await learner.readToAssessment();
    await learner.attempt("wrong");
    await expect.poll(() => learner.statusLine()).toBe(HELD);
    expect(await statusClass()).toBe("pm-status"); // no pm-status-alert: nothing is at risk
    await learner.exit();
    expect(cmi5Record(starter.preview, learner.registration!).count("failed")).toBe(1);

    await learner.recordPaintedStatusFromStart();
    await learner.launch();
    await expect.poll(() => learner.statusLine()).toBe(HELD);
    expect(await statusClass()).toBe("pm-status");
    // As painted, from the first frame: never "sent" (this session's judgement is still to come), never red.
    const shown = (await learner.statusHistory()).map(([, text]) => text).filter((text) => text !== "");
    expect(shown.filter((text) => text !== HELD)).toEqual([]);
    await learner.exit();

    const record = cmi5Record(starter.preview, learner.registration!);
    expectCleanCmi5(starter.preview, record, sessionsOf(learner));
    const [one, two] = sessionsOf(learner);
    expect(judgementVerbs(record.bySession.get(one!)!)).toEqual(["initialized", "failed", "terminated"]);
    expect(judgementVerbs(record.bySession.get(two!)!)).toEqual(["initialized", "failed", "terminated"]);
  });

  it("a reload (F5) part way: the session ended with the unload; the page says so plainly, and its button (keyboard) goes back to the returnURL", async ({
    expect,
  }) => {
    // Not enrol(): this learner's console has one expected error (the course does not start after the reload).
    const learner = await Learner.enrol(browser, starter.preview, starter.course, "cmi5", expect);
    try {
      const ui = await learner.launch();
      await ui.getByRole("button", { name: "Next", exact: true }).click();
      await expect.poll(() => learner.h1()).toBe(starter.course.pages[1]!.title);
      await learner.page!.reload();
      await expect.poll(() => learner.h1()).toBe("This session has ended");
      const text = (await learner.page!.locator("main").textContent()) ?? "";
      expect(text).toContain("This session of the course ended when its page was reloaded or closed. Your progress is saved.");
      expect(text).toContain("To continue, launch the course again from your LMS.");
      await expectNoAxeViolations(learner.page!, "session ended after a reload");
      await learner.page!.keyboard.press("Tab");
      const focused = await learner.page!.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent]);
      expect(focused).toEqual(["A", "Back to the LMS"]);
      await learner.page!.keyboard.press("Enter");
      await learner.page!.waitForURL((url) => url.pathname === "/lms/return", { timeout: 15_000 });

      // The unload terminated the session (docs/rules/reporting.md "cmi5"); the reload sent nothing more.
      const record = cmi5Record(starter.preview, learner.registration!);
      expectCleanCmi5(starter.preview, record, sessionsOf(learner));
      expect(judgementVerbs(record.verbs)).toEqual(["initialized", "terminated"]);
      expect(learner.problems.filter((p) => !/the course could not start: LaunchError: cmi5-session-ended/.test(p))).toEqual([]);
    } finally {
      await learner.dispose();
    }
  });

  for (const [label, on] of [
    ["set", () => starter],
    ["not set", () => variant],
  ] as const) {
    it(`exhausts the attempts (unableToPassResult ${label}): one Failed, scaled 0, sent at the last attempt`, async (test) => {
      const { expect } = test; // the test's own: the journeys run concurrently
      const course = on();
      const learner = await enrol(test, course);
      await learner.launch();
      await learner.readToAssessment();
      let last = await learner.attempt("wrong");
      for (let n = 2; n <= 3; n++) last = await learner.attempt("wrong");
      expect(last.text).toContain("0 attempts left");
      expect(last.text).toContain(label === "set" ? "Status: not passed (no attempts left that could change this)" : "Status: not passed");
      // Final: the Failed goes at once, before the learner leaves.
      await expect.poll(() => cmi5Record(course.preview, learner.registration!).count("failed")).toBe(1);
      await learner.exit();

      const record = cmi5Record(course.preview, learner.registration!);
      expectCleanCmi5(course.preview, record, sessionsOf(learner));
      expect(judgementVerbs(record.verbs)).toEqual(["initialized", "failed", "terminated"]);
      expect(record.count("answered")).toBe(3 * last.questionIds.length);
      expectJudgement(record.one("failed"), "failed", 0, 80);
    });
  }

  it("resumes after the tab was closed mid-attempt: same questions and answers, then Passed in the new session", async (test) => {
    const { expect } = test; // the test's own: the journeys run concurrently
    const learner = await enrol(test);
    await learner.launch();
    await learner.readToAssessment();
    const ui = await learner.ui();
    await ui.getByRole("button", { name: "Start attempt 1" }).click();
    await expect.poll(() => learner.h1()).toMatch(/: attempt 1$/);
    const ids = await learner.answer("right");
    const checked = await ui.locator("fieldset.pm-question input:checked").evaluateAll((els) => els.map((e) => e.id));
    await learner.closeTab();

    // The course reopens where the learner was: on the attempt, answers in place.
    await learner.launch();
    await expect.poll(() => learner.h1()).toMatch(/: attempt 1$/);
    const resumed = await learner.ui();
    expect(await resumed.locator("fieldset.pm-question").evaluateAll((sets) => sets.map((s) => s.id.replace(/^pm-q-/, "")))).toEqual(ids);
    expect(await resumed.locator("fieldset.pm-question input:checked").evaluateAll((els) => els.map((e) => e.id))).toEqual(checked);
    const result = await learner.submit(ids);
    expect(result.assessmentScore).toBe(100);
    await learner.exit();

    const record = cmi5Record(starter.preview, learner.registration!);
    expectCleanCmi5(starter.preview, record, sessionsOf(learner));
    const [one, two] = sessionsOf(learner);
    // Closing the tab unloads the page for good (pagehide, persisted false): that session is terminated.
    expect(judgementVerbs(record.bySession.get(one!)!)).toEqual(["initialized", "terminated"]);
    expect(judgementVerbs(record.bySession.get(two!)!)).toEqual(["initialized", "passed", "terminated"]);
    expectJudgement(record.one("passed"), "passed", 100, 80);
  });

  it("an LMS masteryScore below the author's passing score decides: 75% passes at 0.6 (Passed scaled 0.85 with the reward)", async (test) => {
    const { expect } = test; // the test's own: the journeys run concurrently
    const learner = await enrol(test);
    await learner.launch({ cmi5: { masteryScore: 60 } });
    await learner.readToAssessment();
    expect(await (await learner.ui()).locator("#pm-content").textContent()).toContain("Passing score: 60% (set by your LMS)");
    const result = await learner.attempt({ wrong: 2 });
    expect(result.attemptScore).toBe(75);
    expect(result.assessmentScore).toBe(85);
    await learner.exit();
    const record = cmi5Record(starter.preview, learner.registration!);
    expectCleanCmi5(starter.preview, record, sessionsOf(learner));
    expect(judgementVerbs(record.verbs)).toEqual(["initialized", "passed", "terminated"]);
    expectJudgement(record.one("passed"), "passed", 85, 60);
  });

  it("an LMS masteryScore above the author's passing score decides: 87.5% fails at 0.9 (Failed scaled 0.875 before Terminated)", async (test) => {
    const { expect } = test; // the test's own: the journeys run concurrently
    const learner = await enrol(test);
    await learner.launch({ cmi5: { masteryScore: 90 } });
    await learner.readToAssessment();
    const result = await learner.attempt({ wrong: 1 });
    expect(result.attemptScore).toBe(87.5);
    expect(result.text).toContain("Status: not passed yet");
    await learner.exit();
    const record = cmi5Record(starter.preview, learner.registration!);
    expectCleanCmi5(starter.preview, record, sessionsOf(learner));
    expect(judgementVerbs(record.verbs)).toEqual(["initialized", "failed", "terminated"]);
    expectJudgement(record.one("failed"), "failed", 87.5, 90);
  });
});
