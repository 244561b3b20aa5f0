// The learner's browser is the full Chromium, while the other browser files drive Debian's headless
// shell of the same build (test/support/chromium-options.ts, docs/testing.md). This file runs a whole
// passing journey per standard family on the full browser, so that nothing the shell does not share
// with it (its browser layer: media, page lifecycle on leaving, frames) can hide a lost grade.
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { FULL_CHROMIUM_OPTIONS } from "../support/chromium-options";
import { expectNoAxeViolations } from "../ui/browser";
import { cmi5Record, committed, expectCleanCmi5, expectJudgement, scormSessions } from "./support/lms-side";
import { previewStarter, type CoursePreview } from "./support/preview-fixture";
import { expectScormData } from "./support/scorm-journeys";
import { enrolForTest } from "./support/test-learner";

let browser: Browser;
let cmi5: CoursePreview;
let scorm: CoursePreview;

beforeAll(async () => {
  [browser, cmi5, scorm] = await Promise.all([
    chromium.launch(FULL_CHROMIUM_OPTIONS),
    previewStarter(undefined, { target: "cmi5" }),
    previewStarter(undefined, { target: "scorm2004-4" }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await cmi5?.close();
  await scorm?.close();
});

describe.concurrent("the full Chromium browser (not the headless shell)", { timeout: 300_000 }, () => {
  it("cmi5: reads with the media watched, passes, exits: the LRS holds Completed, Passed (scaled 1) once, Terminated last", async (test) => {
    const { expect } = test; // the test's own: the journeys run concurrently
    const learner = await enrolForTest(test, browser, cmi5, "cmi5");
    await learner.launch();
    await learner.readToAssessment({ playMedia: true });
    await expectNoAxeViolations(learner.page!, "assessment (full Chromium)");
    const result = await learner.attempt("right");
    expect(result.assessmentScore).toBe(100);
    await expect.poll(() => learner.statusLine()).toBe("Your result has been sent to the LMS.");
    await learner.exit();

    const record = cmi5Record(cmi5.preview, learner.registration!);
    expectCleanCmi5(
      cmi5.preview,
      record,
      learner.launches.map((l) => l.sessionId),
    );
    expect(record.verbs.filter((v) => v !== "answered" && v !== "progressed")).toEqual(["initialized", "completed", "passed", "terminated"]);
    expectJudgement(record.one("passed"), "passed", 100, 80);
  });

  it("SCORM 2004 4th edition: passes with the media watched, exits: the LMS holds completed, passed, 100 (scaled 1), exit normal", async (test) => {
    const { expect } = test;
    const learner = await enrolForTest(test, browser, scorm, "scorm2004-4");
    await learner.launch();
    await learner.readToAssessment({ playMedia: true });
    const result = await learner.attempt("right");
    expect(result.assessmentScore).toBe(100);
    await learner.exit();
    const sessions = scormSessions(scorm.preview, learner.learnerId, "scorm2004-4");
    expect(sessions.map((s) => s.finished)).toEqual([true]);
    expectScormData("scorm2004-4", committed(sessions.at(-1)), { status: "passed", score: 100, completed: true, done: true });
  });
});
