// A learner for one test, safe when the tests of a file run concurrently: enrolled with that test's
// own expect (expect.poll needs it), checked for console errors, page errors and CSP violations and
// disposed when that test ends (onTestFinished: a file-wide afterEach would take other tests' learners).
import type { Browser } from "playwright-core";
import type { TestContext } from "vitest";
import type { TargetId } from "../../../runtime/course/types";
import { Learner } from "./learner";
import type { CoursePreview } from "./preview-fixture";

export async function enrolForTest(test: TestContext, browser: Browser, on: CoursePreview, target: TargetId): Promise<Learner> {
  const learner = await Learner.enrol(browser, on.preview, on.course, target, test.expect);
  test.onTestFinished(async () => {
    try {
      // A failure says what the page was doing then (a stalled page, a commit not answered…).
      if (test.task.result?.state === "fail") console.error(`${test.task.name}\n${await learner.diagnose()}`);
      test.expect(learner.problems, "console errors / page errors / CSP violations").toEqual([]);
    } finally {
      await learner.dispose();
    }
  });
  return learner;
}
