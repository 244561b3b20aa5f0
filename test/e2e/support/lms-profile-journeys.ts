// Journeys under the preview's LMS behaviours (one test file per behaviour and target calls this, so
// the files share the test workers): the starter course launched by the preview LMS as
// Moodle (SCORM 1.2, 2004 3rd, 2004 4th) and as ILIAS (SCORM 1.2), a learner driven through the real
// UI in Chromium. Each journey checks what that LMS holds afterwards (attempt, mode, status, score,
// grade, interactions, suspend data), that the grade it records is the score the learner was shown,
// and that the status line never said the result was sent before the LMS held it (the reporting rules:
// "sent" only for what the LMS holds). Journeys: (a) pass first try; (b) fail then pass in one
// session; (c) fail, exit, relaunch, pass; (d) exhaust the attempts; (e) an LMS mastery score above
// the course's passing score. (a) and (b) also check the data model the SCO committed as
// scorm-journeys.ts checks it (they stand for its "passes first try" and "fails then passes").
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic, type TestContext } from "vitest";
import type { LmsProfileId } from "../../../authoring/preview/protocol";
import type { TargetId } from "../../../runtime/course/types";
import { launchChromium } from "./chromium";
import type { AttemptPlan, AttemptResult, Learner } from "./learner";
import { committed, expectNoScormFlags, interactionIds } from "./lms-side";
import { previewStarter, type CoursePreview } from "./preview-fixture";
import { expectScormData, type JourneyOptions } from "./scorm-journeys";
import { enrolForTest } from "./test-learner";

export type ScormTarget = Exclude<TargetId, "cmi5" | "xapi">;
const SENT = "Your result has been sent to the LMS.";

export interface ProfileJourneyOptions extends JourneyOptions {
  /**
   * Only the journeys in which this LMS's own behaviour shows ((a) review or not on relaunch, (c) the
   * rows handed back or not, (d) the attempt closed or not). (b) and (e) differ between LMS
   * behaviours only in how the grade is recorded, which (a), (c) and (d) prove for this one; the SCO's
   * side of them runs under Moodle (lms-moodle-*.test.ts) and the plain preview LMS (scorm-journeys.ts).
   */
  ownBehaviourOnly?: boolean;
}

/** The five journeys of one LMS behaviour on one target, with their own browser and preview LMS. */
export function profileJourneys(profile: LmsProfileId, target: ScormTarget, options: ProfileJourneyOptions = {}): void {
  let browser: Browser;
  let starter: CoursePreview;

  beforeAll(async () => {
    [browser, starter] = await Promise.all([launchChromium(), previewStarter(undefined, { target })]);
  });
  afterAll(async () => {
    await browser?.close();
    await starter?.close();
  });

  // Browser journeys take seconds each and longer on a busy 2-core machine. Each has a learner of its
  // own, so they run concurrently (vitest's maxConcurrency at a time): a journey mostly waits. The
  // helpers take the test's own expect (expect.poll needs it when tests run concurrently).
  describe.concurrent(`${profile} · ${target}: the grade the LMS records is the score the learner saw`, { timeout: 300_000 }, () => {
    const enrol = (test: TestContext) => enrolForTest(test, browser, starter, target);
    const record = (learner: Learner) => starter.preview.lmsRecord(target, learner.learnerId);
    const sessions = (learner: Learner) => starter.preview.scorm.sessions(learner.learnerId, target);
    /** The LMS's view of this learner (the preview's view is of its current learner: selected first, in the same step). */
    const viewOf = (learner: Learner) => (starter.preview.learners.select(learner.learnerId), starter.preview.view(target));

    /** Launch under this LMS behaviour and watch the status line of the new page. */
    async function launch(learner: Learner, options: { masteryScore?: number; newAttempt?: boolean } = {}): Promise<void> {
      await learner.launch({
        lms: profile,
        scorm: options.masteryScore === undefined ? {} : { masteryScore: options.masteryScore },
        newAttempt: options.newAttempt ?? false,
      });
      await learner.recordStatusLine();
    }

    /** The attempt whose result is the learner's last; `from` is the browser's clock just before it. */
    async function finalAttempt(expect: ExpectStatic, learner: Learner, plan: AttemptPlan): Promise<{ result: AttemptResult; shown: number; from: number }> {
      const from = await (await learner.ui()).evaluate(() => Date.now());
      const result = await learner.attempt(plan);
      expect(result.assessmentScore, "the result screen shows the assessment score").not.toBeNull();
      return { result, shown: result.assessmentScore!, from };
    }

    /**
     * The LMS comes to hold the score the learner was shown, and no "sent" on the status line since
     * `from` came before it did (the server's and the browser's clocks are this machine's clock).
     */
    async function expectNeverSentEarly(expect: ExpectStatic, learner: Learner, from: number, shown: number): Promise<void> {
      const heldAt = () =>
        sessions(learner)
          .flatMap((s) => s.trail)
          .find((c) => c.at >= from && c.score === shown)?.at;
      await expect.poll(heldAt, { timeout: 15_000, message: `the LMS holds the score ${shown} the learner was shown` }).toBeDefined();
      const held = heldAt()!;
      const early = (await learner.statusHistory()).filter(([at, text]) => at >= from && text === SENT && at < held);
      expect(early, `"${SENT}" before the LMS held the result (held at ${held})`).toEqual([]);
    }

    async function exit(expect: ExpectStatic, learner: Learner): Promise<void> {
      await learner.exit();
      await expect.poll(() => sessions(learner).at(-1)?.finished, { message: "LMSFinish / Terminate reached the LMS" }).toBe(true);
    }

    /** Moodle: the gradebook grade; ILIAS: no grade, the score kept in tracking. */
    function expectGradeAsShown(learner: Learner, shown: number): void {
      const held = record(learner);
      if (profile === "moodle") expect(held.grade, `Moodle grade (${held.gradeText})`).toBe(shown);
      else {
        expect(held.grade, "ILIAS records no grade").toBeNull();
        expect(held.gradeText).toBe("no gradebook grade; score kept in tracking");
        expect(held.score, "ILIAS tracking score").toBe(shown);
      }
      expect(viewOf(learner).grade).toBe(held.gradeText);
    }

    /** A journey whose SCO behaviour the same SCO in another package already proves (JourneyOptions). */
    const sameSco = (name: string, journey: (test: TestContext) => Promise<void>) => {
      if (!options.launchJourneysOnly) it(name, journey);
    };
    /** A journey whose LMS side another behaviour's run already proves (ProfileJourneyOptions). */
    const sameLmsSide = (name: string, journey: (test: TestContext) => Promise<void>) => {
      if (!options.ownBehaviourOnly) sameSco(name, journey);
    };
    const passedStatus = target === "scorm12" ? "passed" : "completed / passed";

    it("(a) passes first try (media watched); a relaunch is review on Moodle, the same data on ILIAS", async (test) => {
      const { expect } = test; // the test's own: the journeys run concurrently
      const learner = await enrol(test);
      await launch(learner);
      await learner.readToAssessment({ playMedia: true });
      const { result, shown, from } = await finalAttempt(expect, learner, "right");
      await expectNeverSentEarly(expect, learner, from, shown);
      await expect.poll(() => learner.statusLine()).toBe(SENT);
      await exit(expect, learner);
      const records = sessions(learner);
      expect(records.map((r) => r.finished)).toEqual([true]);
      const data = committed(records.at(-1));
      expectScormData(target, data, { status: "passed", score: 100, completed: true, done: true });
      expect(interactionIds(data)).toHaveLength(result.questionIds.length);
      if (target !== "scorm12") expect(data["cmi.progress_measure"]).toBe("1");
      expectNoScormFlags(records);
      expectGradeAsShown(learner, shown);
      expect(record(learner)).toMatchObject({ attempt: 1, status: passedStatus });
      if (profile === "ilias") expect(record(learner).learningProgress).toBe("completed (passed)");

      await launch(learner);
      const seed = sessions(learner).at(-1)!.seedFlat;
      if (profile === "moodle") {
        expect(record(learner)).toMatchObject({ attempt: 1, mode: "review", credit: false });
        // 2004: the course ended with exit "normal", so the review launch gets no stored data.
        if (target === "scorm12") expect(seed["cmi.suspend_data"]?.length).toBeGreaterThan(0);
        else expect(seed).not.toHaveProperty("cmi.suspend_data");
      } else {
        expect(record(learner)).toMatchObject({ attempt: 1, mode: "normal", credit: true, entry: "" });
        expect(seed["cmi.suspend_data"]?.length).toBeGreaterThan(0);
      }
      expectGradeAsShown(learner, shown);
    });

    sameLmsSide("(b) fails then passes in one session: the passing score is the grade", async (test) => {
      const { expect } = test; // the test's own: the journeys run concurrently
      const learner = await enrol(test);
      await launch(learner);
      await learner.readToAssessment();
      const first = await learner.attempt("wrong");
      const { result, shown, from } = await finalAttempt(expect, learner, "right");
      expect(result.text).toContain("Result of attempt 2");
      expect(shown).toBe(100);
      await expectNeverSentEarly(expect, learner, from, shown);
      await exit(expect, learner);
      // The data model: passed with the better score, the interactions of both attempts.
      const data = committed(sessions(learner).at(-1));
      expectScormData(target, data, { status: "passed", score: 100, completed: false, done: false });
      expect(interactionIds(data)).toHaveLength(first.questionIds.length + result.questionIds.length);
      expectNoScormFlags(sessions(learner));
      expectGradeAsShown(learner, shown);
      expect(record(learner)).toMatchObject({ attempt: 1, status: target === "scorm12" ? "passed" : expect.stringMatching(/ \/ passed$/) });
    });

    it("(c) fails (media watched), exits, relaunches (normal mode, the course's attempt 2, count carried) and passes", async (test) => {
      const { expect } = test; // the test's own: the journeys run concurrently
      const learner = await enrol(test);
      await launch(learner);
      // Everything experienced: a SCO that now said "completed" would close the Moodle attempt.
      await learner.readToAssessment({ playMedia: true });
      const first = await learner.attempt("wrong");
      await exit(expect, learner);
      // Attempts remain: 1.2 "incomplete"; 2004 incomplete, success unknown until final (the reporting rules).
      expect(record(learner).status).toBe(target === "scorm12" ? "incomplete" : "incomplete / unknown");

      await launch(learner);
      expect(record(learner)).toMatchObject({ attempt: 1, mode: "normal", credit: true, entry: "resume" });
      const seed = sessions(learner).at(-1)!.seedFlat;
      if (profile === "ilias") expect(sessions(learner).at(-1)!.interactionsCount, "ILIAS answers _count 0 on every launch").toBe(0);
      else
        expect(
          Object.keys(seed).some((k) => k.startsWith("cmi.interactions.")),
          "Moodle hands the rows back",
        ).toBe(true);
      await learner.openAssessment();
      const { result, shown, from } = await finalAttempt(expect, learner, "right");
      expect(result.text).toContain("Result of attempt 2");
      await expectNeverSentEarly(expect, learner, from, shown);
      await exit(expect, learner);
      expectGradeAsShown(learner, shown);
      const held = record(learner);
      expect(held).toMatchObject({ attempt: 1, status: target === "scorm12" ? "passed" : expect.stringMatching(/ \/ passed$/) });
      // The rows the LMS keeps: every row of both sessions, none written over. Moodle handed the first
      // session's back; ILIAS handed none back (_count 0), and the course numbered on from its own
      // counter kept in suspend_data.
      expect(held.interactions).toHaveLength(first.questionIds.length + result.questionIds.length);
      if (profile === "ilias") {
        expect(held.interactions.filter((row) => row.session === 2)).toHaveLength(result.questionIds.length);
        expect(held.overwrittenInteractions).toBe(0);
        expect(viewOf(learner).facts.Interactions).toBe(String(held.interactions.length));
      }
    });

    sameSco(
      "(d) exhausts the attempts (media watched): the grade is the assessment score shown; Moodle closes the attempt, ILIAS stays in progress",
      async (test) => {
        const { expect } = test; // the test's own: the journeys run concurrently
        const learner = await enrol(test);
        await launch(learner);
        await learner.readToAssessment({ playMedia: true });
        await learner.attempt({ wrong: 3 });
        await learner.attempt("wrong");
        const { result, shown, from } = await finalAttempt(expect, learner, { wrong: 4 });
        expect(result.text).toContain("0 attempts left");
        await expectNeverSentEarly(expect, learner, from, shown);
        await exit(expect, learner);
        expectGradeAsShown(learner, shown);
        const held = record(learner);
        if (profile === "ilias") {
          // lesson_status "incomplete" (passed-incomplete mode); ILIAS's override touches only "completed".
          expect(held).toMatchObject({ status: "incomplete", learningProgress: "in progress" });
        } else if (target === "scorm12") {
          // Moodle's mastery override at LMSFinish: score.raw below mastery turns "incomplete" into "failed".
          expect(held.status).toBe("failed");
        } else expect(held.status).toBe("completed / failed");

        await launch(learner);
        if (profile === "moodle") expect(record(learner)).toMatchObject({ attempt: 1, mode: "review", credit: false });
        else expect(record(learner)).toMatchObject({ attempt: 1, mode: "normal", credit: true });
        expectGradeAsShown(learner, shown);
      },
    );

    sameLmsSide("(e) the LMS mastery score (90) is above the course's (80): 87.5% does not pass, 100% does", async (test) => {
      const { expect } = test; // the test's own: the journeys run concurrently
      const learner = await enrol(test);
      await launch(learner, { masteryScore: 90 });
      await learner.readToAssessment();
      expect(await (await learner.ui()).locator("#pm-content").textContent()).toContain("Passing score: 90% (set by your LMS)");
      const first = await learner.attempt({ wrong: 1 });
      expect(first.attemptScore).toBe(87.5);
      expect(first.text).toContain("Status: not passed yet");
      const { shown, from } = await finalAttempt(expect, learner, "right");
      await expectNeverSentEarly(expect, learner, from, shown);
      await exit(expect, learner);
      expectGradeAsShown(learner, shown);
      // 1.2: the status agrees with the LMS's own comparison of score.raw to mastery_score 90.
      expect(record(learner).status).toEqual(target === "scorm12" ? "passed" : expect.stringMatching(/ \/ passed$/));
    });
  });
}
