// End to end, SCORM (one file per target calls this): the starter course built fresh, launched by
// the preview LMS whose host page runs scorm-again as window.API / API_1484_11, driven through the
// learner UI in Chromium. Afterwards the data model the LMS kept (each session's last accepted
// commit) is checked per docs/rules/reporting.md: status, score, exit, suspend_data size, interactions.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import type { TargetId } from "../../../runtime/course/types";
import { launchChromium } from "./chromium";
import type { Learner } from "./learner";
import { committed, expectNoScormFlags, interactionIds, scormSessions } from "./lms-side";
import { previewStarter, type CoursePreview } from "./preview-fixture";
import { enrolForTest } from "./test-learner";

type Data = Record<string, string>;

/** The status line while a failing score waits, on purpose, for the result to be final. */
const HELD_UNTIL_FINAL = "Your progress is saved. Your score goes to the LMS when your result is final.";
type ScormTarget = Exclude<TargetId, "cmi5" | "xapi">;

/** What docs/rules/reporting.md says the LMS must hold, by edition. */
interface Expected {
  status: "passed" | "failed-judged" | "incomplete";
  /** 0..100 or null (no score written). */
  score: number | null;
  completed: boolean;
  done: boolean;
}

export function expectScormData(target: ScormTarget, data: Data, want: Expected): void {
  if (target === "scorm12") {
    // passed-incomplete mode: satisfied → passed, otherwise incomplete (judged failing included).
    expect(data["cmi.core.lesson_status"], "lesson_status").toBe(want.status === "passed" ? "passed" : "incomplete");
    expect(data["cmi.core.score.raw"] ?? "", "score.raw").toBe(want.score === null ? "" : String(want.score));
    if (want.score !== null) expect([data["cmi.core.score.min"], data["cmi.core.score.max"]]).toEqual(["0", "100"]);
    expect(data["cmi.core.exit"], "exit").toBe(want.done ? "" : "suspend");
    expect(data["cmi.suspend_data"]!.length, "suspend_data ≤ 4096").toBeLessThanOrEqual(4096);
    expect(data["cmi.core.session_time"] ?? "", "session_time").toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  } else {
    expect(data["cmi.completion_status"], "completion_status").toBe(want.completed ? "completed" : "incomplete");
    expect(data["cmi.success_status"], "success_status").toBe(want.status === "passed" ? "passed" : want.status === "failed-judged" ? "failed" : "unknown");
    if (want.score === null) expect(data["cmi.score.scaled"] ?? "").toBe("");
    else {
      expect(Number(data["cmi.score.scaled"]), "score.scaled").toBeCloseTo(want.score / 100, 10);
      expect(Number(data["cmi.score.raw"]), "score.raw").toBe(want.score);
      expect([data["cmi.score.min"], data["cmi.score.max"]]).toEqual(["0", "100"]);
    }
    expect(data["cmi.exit"], "exit").toBe(want.done ? "normal" : "suspend");
    expect(data["cmi.suspend_data"]!.length, "suspend_data ≤ 64000").toBeLessThanOrEqual(64000);
    expect(data["cmi.session_time"] ?? "", "session_time").toMatch(/^P/);
  }
  expect(data["cmi.suspend_data"]!.length, "resume state kept").toBeGreaterThan(0);
}

export interface JourneyOptions {
  /**
   * Only the journeys that launch and relaunch the package through its manifest, for a package that
   * carries the same SCO as one that runs them all: SCORM 2004 3rd edition, proven the same bytes but
   * for the manifest as 4th (test/package/scorm2004-editions-same-sco.test.ts).
   */
  launchJourneysOnly?: boolean;
}

export function scormJourneys(target: ScormTarget, options: JourneyOptions = {}): void {
  let browser: Browser;
  let starter: CoursePreview;
  let variant: CoursePreview | undefined;

  beforeAll(async () => {
    [browser, starter, variant] = await Promise.all([
      launchChromium(),
      previewStarter(undefined, { target }),
      // The variant serves only journeys of every package (sameSco): none to preview for launch journeys only.
      options.launchJourneysOnly
        ? undefined
        : previewStarter((course) => delete ((course.assessment as Record<string, unknown>).rubric as Record<string, unknown>).unableToPassResult, { target }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await starter?.close();
    await variant?.close();
  });

  const enrol = (test: TestContext, on: CoursePreview = starter) => enrolForTest(test, browser, on, target);
  const sessions = (learner: Learner, on: CoursePreview = starter) => scormSessions(on.preview, learner.learnerId, target);
  const finalData = (learner: Learner, on: CoursePreview = starter) => committed(sessions(learner, on).at(-1));
  /** A journey whose SCO behaviour the same SCO in another package already proves (see JourneyOptions). */
  const sameSco = (name: string, journey: (test: TestContext) => Promise<void>) => {
    if (!options.launchJourneysOnly) it(name, journey);
  };

  // Browser journeys take seconds each and longer on a busy 2-core machine. Each has a learner of
  // its own, so they run concurrently (vitest's maxConcurrency at a time): a journey mostly waits.
  describe.concurrent(`${target} end to end (starter course, preview LMS with scorm-again)`, { timeout: 300_000 }, () => {
    // "Passes first try (media watched)" and "fails then passes in one session" run under the Moodle
    // behaviour of the preview LMS (support/lms-profile-journeys.ts (a), (b)), which checks this same
    // data model (expectScormData, interactions, no host flags) beside the grade: the SCO writes the
    // same data whichever LMS behaviour frames it, so they are not run twice.
    it("fails, leaves, comes back and passes: the LMS resumes the learner (entry resume) and ends with passed", async (test) => {
      const { expect } = test; // the test's own: the journeys run concurrently
      const learner = await enrol(test);
      await learner.launch();
      await learner.readToAssessment();
      await learner.attempt("wrong");
      // Attempts remain and the LMS's mastery score (80) would judge a 0 "failed" and close the LMS
      // attempt: the score waits until the result is final, and the learner is told so, calmly.
      await expect.poll(() => learner.statusLine()).toBe(HELD_UNTIL_FINAL);
      await learner.exit();
      const afterFirst = committed(sessions(learner)[0]);
      // Not judged yet: 1.2 incomplete, 2004 incomplete + unknown (an LMS such as Moodle would end the attempt on completed).
      expectScormData(target, afterFirst, { status: "incomplete", score: null, completed: false, done: false });

      await learner.launch();
      const second = sessions(learner)[1]!;
      expect(second.seedFlat[target === "scorm12" ? "cmi.core.entry" : "cmi.entry"]).toBe("resume");
      await learner.openAssessment();
      const result = await learner.attempt("right");
      expect(result.text).toContain("Result of attempt 2");
      await learner.exit();
      expectScormData(target, finalData(learner), { status: "passed", score: 100, completed: false, done: false });
      expectNoScormFlags(sessions(learner));
    });

    for (const [label, on] of [
      ["set", () => starter],
      ["not set", () => variant!],
    ] as const) {
      sameSco(`exhausts the attempts (unableToPassResult ${label}): judged failing, the final score written, three attempts of interactions`, async (test) => {
        const { expect } = test; // the test's own: the journeys run concurrently
        const course = on();
        const learner = await enrol(test, course);
        await learner.launch();
        await learner.readToAssessment();
        let last = await learner.attempt("wrong");
        for (let n = 2; n <= 3; n++) last = await learner.attempt("wrong");
        expect(last.text).toContain("0 attempts left");
        await expect.poll(() => learner.statusLine()).toBe("Your result has been sent to the LMS.");
        await learner.exit();
        const data = finalData(learner, course);
        // Final: the score is ALWAYS written (a gradebook reads score.raw). 1.2 passed-incomplete writes
        // "incomplete" with it (an LMS with a mastery override then records "failed"); 2004 failed.
        expectScormData(target, data, { status: target === "scorm12" ? "incomplete" : "failed-judged", score: 0, completed: false, done: false });
        expect(interactionIds(data)).toHaveLength(3 * last.questionIds.length);
        expectNoScormFlags(sessions(learner, course));
      });
    }

    sameSco("resumes after the tab was closed mid-attempt: the commit on page hide kept the answers", async (test) => {
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
      // Leaving the page ends the SCORM session (commit + Finish/Terminate, sent while the page closes).
      await expect.poll(() => sessions(learner)[0]?.finished).toBe(true);
      expect(committed(sessions(learner)[0])[target === "scorm12" ? "cmi.core.exit" : "cmi.exit"]).toBe("suspend");

      await learner.launch();
      await expect.poll(() => learner.h1()).toMatch(/: attempt 1$/);
      const resumed = await learner.ui();
      expect(await resumed.locator("fieldset.pm-question input:checked").evaluateAll((els) => els.map((e) => e.id))).toEqual(checked);
      const result = await learner.submit(ids);
      expect(result.assessmentScore).toBe(100);
      await learner.exit();
      expectScormData(target, finalData(learner), { status: "passed", score: 100, completed: false, done: false });
      expectNoScormFlags(sessions(learner));
    });

    sameSco("an LMS mastery score below the author's decides: 75% passes at 60 (score 85 with the reward)", async (test) => {
      const { expect } = test; // the test's own: the journeys run concurrently
      const learner = await enrol(test);
      await learner.launch({ scorm: { masteryScore: 60 } });
      await learner.readToAssessment();
      expect(await (await learner.ui()).locator("#pm-content").textContent()).toContain("Passing score: 60% (set by your LMS)");
      const result = await learner.attempt({ wrong: 2 });
      expect([result.attemptScore, result.assessmentScore]).toEqual([75, 85]);
      await learner.exit();
      const data = finalData(learner);
      expectScormData(target, data, { status: "passed", score: 85, completed: false, done: false });
      if (target === "scorm12") expect(data["cmi.student_data.mastery_score"]).toBe("60");
      else expect(data["cmi.scaled_passing_score"]).toBe("0.6");
    });

    sameSco("an LMS mastery score above the author's decides: 87.5% fails at 90", async (test) => {
      const { expect } = test; // the test's own: the journeys run concurrently
      const learner = await enrol(test);
      await learner.launch({ scorm: { masteryScore: 90 } });
      await learner.readToAssessment();
      const result = await learner.attempt({ wrong: 1 });
      expect(result.attemptScore).toBe(87.5);
      expect(result.text).toContain("Status: not passed yet");
      await expect.poll(() => learner.statusLine()).toBe(HELD_UNTIL_FINAL);
      await learner.exit();
      // Attempts remain: not judged final, and 87.5 would read "passed" to a mastery of 80 but "failed"
      // to 90 — the score waits until the result is final (1.2 incomplete; 2004 incomplete + unknown).
      expectScormData(target, finalData(learner), { status: "incomplete", score: null, completed: false, done: false });
    });
  });
}
