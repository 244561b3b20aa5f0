// The set-up most browser journeys share: one Chromium and one preview LMS of the starter course for
// the file, learners enrolled per test (enrolForTest: the test's own expect, checked for console
// errors, page errors and CSP violations and disposed when that test ends), so that the tests of a
// file may run concurrently.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, type TestContext } from "vitest";
import type { TargetId } from "../../../runtime/course/types";
import { launchChromium } from "./chromium";
import type { Learner } from "./learner";
import { previewStarter, type CoursePreview } from "./preview-fixture";
import { enrolForTest } from "./test-learner";

export interface StarterJourneys {
  /** The preview of the starter course (valid inside tests). */
  starter(): CoursePreview;
  /** A new learner for `target` in this test. */
  enrol(test: TestContext, target: TargetId): Promise<Learner>;
}

/** Registers the file's hooks; call once at the top level of a test file. */
export function useStarterJourneys(): StarterJourneys {
  let browser: Browser;
  let starter: CoursePreview;
  beforeAll(async () => {
    [browser, starter] = await Promise.all([launchChromium(), previewStarter()]);
  });
  afterAll(async () => {
    await browser?.close();
    await starter?.close();
  });
  return {
    starter: () => starter,
    enrol: (test, target) => enrolForTest(test, browser, starter, target),
  };
}
