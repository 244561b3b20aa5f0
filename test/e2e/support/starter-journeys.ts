// The set-up most browser journeys share: one Chromium and one preview LMS of the starter course for
// the file, learners enrolled per test and disposed after it, each checked for console errors,
// page errors and CSP violations.
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, type ExpectStatic } from "vitest";
import type { TargetId } from "../../../runtime/course/types";
import { launchChromium } from "./chromium";
import { Learner } from "./learner";
import { previewStarter, type CoursePreview } from "./preview-fixture";

export interface StarterJourneys {
  /** The preview of the starter course (valid inside tests). */
  starter(): CoursePreview;
  /** A new learner for `target` in this test. */
  enrol(target: TargetId, testExpect?: ExpectStatic): Promise<Learner>;
}

/** Registers the file's hooks; call once at the top level of a test file. */
export function useStarterJourneys(): StarterJourneys {
  let browser: Browser;
  let starter: CoursePreview;
  const learners: Learner[] = [];
  beforeAll(async () => {
    [browser, starter] = await Promise.all([launchChromium(), previewStarter()]);
  });
  afterAll(async () => {
    await browser?.close();
    await starter?.close();
  });
  afterEach(async () => {
    for (const learner of learners.splice(0)) {
      expect(learner.problems, "console errors / page errors / CSP violations").toEqual([]);
      await learner.dispose();
    }
  });
  return {
    starter: () => starter,
    enrol: async (target, testExpect = expect) => {
      const learner = await Learner.enrol(browser, starter.preview, starter.course, target, testExpect);
      learners.push(learner);
      return learner;
    },
  };
}
