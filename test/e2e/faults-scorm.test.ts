// Faults, SCORM, end to end (docs/rules/reporting.md "Delivery": a failed SetValue or Commit is retried at the next
// checkpoint and surfaced to the learner"): the LMS (scorm-again in the preview host) answers every
// Commit with "false" / error 391 for a while; the learner is told; once the LMS accepts commits
// again the data reaches it at a later checkpoint, without the learner doing anything.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { TargetId } from "../../runtime/course/types";
import { launchChromium } from "./support/chromium";
import { Learner } from "./support/learner";
import { committed, expectNoScormFlags, scormSessions } from "./support/lms-side";
import { previewStarter, type CoursePreview } from "./support/preview-fixture";
import { expectScormData } from "./support/scorm-journeys";

const SENT = "Your result has been sent to the LMS.";
/** Either alert tells the learner their result is not with the LMS (retrying → "lost"). */
const TOLD = ["Your latest result has not reached the LMS yet.", "Connection to the LMS lost — your progress is kept, don't close this window."];

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
afterAll(async () => {
  for (const learner of learners.splice(0)) await learner.dispose();
});

async function refuseCommits(learner: Learner, count: number): Promise<void> {
  await learner.page!.evaluate((n) => (window as unknown as { passmarkHost: { refuseCommits(n: number): void } }).passmarkHost.refuseCommits(n), count);
}

// Concurrent: each learner has their own host page (refusals are per page); the retry waits overlap.
// SCORM 2004 3rd edition carries the SCO of 4th byte for byte (test/package/scorm2004-editions-same-sco.test.ts):
// how it answers a refused Commit is the SCO's, proved on 2004-4.
describe.concurrent("SCORM Commit refused for a while, end to end", { timeout: 150_000 }, () => {
  for (const target of ["scorm12", "scorm2004-4"] as const satisfies readonly TargetId[]) {
    it(`${target}: Commit "false"/391 at the pass; the learner is told; the data reaches the LMS at a later checkpoint`, async ({ expect }) => {
      const learner = await Learner.enrol(browser, starter.preview, starter.course, target, expect);
      learners.push(learner);
      await learner.launch();
      await learner.recordStatusLine();
      await learner.readToAssessment();
      const ui = await learner.ui();
      await ui.getByRole("button", { name: "Start attempt 1" }).click();
      const ids = await learner.answer("right");
      await refuseCommits(learner, 1_000);
      const result = await learner.submit(ids);
      expect(result.assessmentScore).toBe(100);
      await expect.poll(async () => TOLD.includes(await learner.statusLine()), { timeout: 15_000 }).toBe(true);
      const session = () => scormSessions(starter.preview, learner.learnerId, target).at(-1)!;
      const statusKey = target === "scorm12" ? "cmi.core.lesson_status" : "cmi.success_status";
      expect(committed(session())[statusKey]).not.toBe("passed");

      // The LMS recovers; the driver's own retry (a later checkpoint) brings the data over.
      await refuseCommits(learner, 0);
      await expect.poll(() => session().committed?.[statusKey], { timeout: 30_000 }).toBe("passed");
      await expect.poll(() => learner.statusLine(), { timeout: 10_000 }).toBe(SENT);
      const history = await learner.statusHistory();
      const told = history.findIndex(([, text]) => TOLD.includes(text));
      expect(told).toBeGreaterThanOrEqual(0);
      // Never "sent" while the LMS refused: the first "sent" comes after the alert.
      expect(history.findIndex(([, text]) => text === SENT)).toBeGreaterThan(told);
      await learner.exit();
      expectScormData(target, committed(session()), { status: "passed", score: 100, completed: false, done: false });
      expect(starter.preview.log.all({ sessionId: learner.sessionId }).filter((e) => e.kind === "scorm-commit" && e.level === "warn").length).toBeGreaterThan(
        0,
      );
      expectNoScormFlags(scormSessions(starter.preview, learner.learnerId, target));
      expect(learner.problems, "console errors / page errors / CSP violations").toEqual([]);
    });
  }
});
