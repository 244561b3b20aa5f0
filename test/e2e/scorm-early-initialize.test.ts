// Issue 14: a SCORM launch calls Initialize (and reads the data model) as soon as the bundle runs, not
// after course.json (runtime/entry-scorm12.ts, entry-scorm2004.ts). In Chromium under the preview's
// SCORM host (scorm-again), course.json is held back until the LMS says it was initialized: the course
// can only appear if Initialize came first. The journey then leaves the LMS what the same journey
// without the delay leaves (test/e2e/support/scorm-journeys.ts), across a relaunch that resumes.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it, type ExpectStatic, type TestContext } from "vitest";
import { launchChromium } from "./support/chromium";
import type { Learner } from "./support/learner";
import { committed, expectNoScormFlags, scormSessions } from "./support/lms-side";
import { previewStarter, type CoursePreview } from "./support/preview-fixture";
import { expectScormData } from "./support/scorm-journeys";
import { enrolForTest } from "./support/test-learner";

const TARGETS = ["scorm12", "scorm2004-4"] as const;
type Target = (typeof TARGETS)[number];

let browser: Browser;
const previews = new Map<Target, CoursePreview>();

beforeAll(async () => {
  const [chromium, ...started] = await Promise.all([launchChromium(), ...TARGETS.map((target) => previewStarter(undefined, { target }))]);
  browser = chromium;
  TARGETS.forEach((target, i) => previews.set(target, started[i]!));
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([...previews.values()].map((p) => p.close()));
});

/** The host page's scorm-again says Initialize was called (authoring/preview/browser/scorm-host.ts). */
const lmsInitialized = (host: Page): Promise<boolean> =>
  host.evaluate(() => (window as unknown as { passmarkHost?: { lms(): { isInitialized(): boolean } } }).passmarkHost?.lms().isInitialized() === true);

/**
 * Every course.json request of this learner waits until the LMS was initialized (or a deadline passed,
 * then it goes anyway and the test fails). Returns, per request, whether Initialize came first.
 */
async function holdCourseUntilInitialized(learner: Learner, expect: ExpectStatic): Promise<boolean[]> {
  const seen: boolean[] = [];
  await learner.context.route("**/course/course.json", async (route) => {
    const host = learner.page!;
    const first = await expect
      .poll(() => lmsInitialized(host), { timeout: 30_000 })
      .toBe(true)
      .then(
        () => true,
        () => false,
      );
    seen.push(first);
    await route.continue();
  });
  return seen;
}

describe.concurrent("SCORM: Initialize before course.json has arrived", { timeout: 300_000 }, () => {
  it.for(TARGETS)("%s: fails, leaves, comes back (entry resume) and passes, each launch initialized first", async (target, test: TestContext) => {
    const { expect } = test;
    const on = previews.get(target)!;
    const learner = await enrolForTest(test, browser, on, target);
    const initializedFirst = await holdCourseUntilInitialized(learner, expect);
    const sessions = () => scormSessions(on.preview, learner.learnerId, target);

    await learner.launch();
    await learner.readToAssessment();
    await learner.attempt("wrong");
    await learner.exit();
    expectScormData(target, committed(sessions()[0]), { status: "incomplete", score: null, completed: false, done: false });

    await learner.launch();
    expect(sessions()[1]!.seedFlat[target === "scorm12" ? "cmi.core.entry" : "cmi.entry"]).toBe("resume");
    await learner.openAssessment();
    const result = await learner.attempt("right");
    expect(result.text).toContain("Result of attempt 2"); // the resume state came back
    await learner.exit();
    expectScormData(target, committed(sessions().at(-1)), { status: "passed", score: 100, completed: false, done: false });
    expectNoScormFlags(sessions());
    expect(initializedFirst.length, "course.json requests").toBeGreaterThanOrEqual(2);
    expect(initializedFirst.every(Boolean), "Initialize before every course.json answer").toBe(true);
  });
});
