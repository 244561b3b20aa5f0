// The UI's small pure decisions: "watched", numbers as learners type them, the honest status line,
// review texts, the return URL we follow, and where a learner resumes.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import {
  answerQuestion,
  createLearnerState,
  computeOutcome,
  startAttempt,
  submitAttempt,
  type AttemptResult,
  type LearnerState,
} from "../../runtime/assessment/index";
import { CourseSession } from "../../runtime/app/session";
import type { SessionView } from "../../runtime/app/session-view";
import type { CourseData } from "../../runtime/course/types";
import { translator } from "../../runtime/i18n/index";
import type { DeliveryStatus } from "../../runtime/lms/driver";
import { StandaloneDriver } from "../../runtime/lms/standalone/driver";
import { correctText, responseText } from "../../runtime/ui/answer-text";
import { initialScreen } from "../../runtime/ui/app";
import { safeReturnUrl } from "../../runtime/ui/exit";
import { playedSeconds, reachedThreshold } from "../../runtime/ui/media-watch";
import { parseLearnerNumber } from "../../runtime/ui/questions/learner-number";
import { resultAnnouncement } from "../../runtime/ui/result-announcement";
import { loadScreens } from "../../runtime/ui/screens-loader";
import { statusMessage } from "../../runtime/ui/status-line";
import { STARTER_COURSE } from "../support/package-fixture";
import { assessment as quizOf, course as courseOf, singleChoices } from "../assessment/fixtures";
import { questionsById } from "./answers";
import * as stateCodec from "../../runtime/assessment/codec/state-codec";
import { codecAtHand } from "../../runtime/app/state-codec-loader";
import * as assessmentHalf from "../../runtime/app/assessment-half";
import { halfAtHand } from "../../runtime/app/assessment-half-loader";

let course: CourseData;
beforeAll(async () => {
  course = (await loadCourse(STARTER_COURSE)).data;
  await loadScreens(); // the review texts and the result announcement are in that chunk, with their English messages
});

describe("media watched threshold (progress only)", () => {
  const ranges = (...spans: [number, number][]) => ({ length: spans.length, start: (i: number) => spans[i]![0], end: (i: number) => spans[i]![1] });
  it("counts the seconds actually played, not a seek to the end", () => {
    expect(playedSeconds(ranges([0, 10], [50, 60]))).toBe(20);
    expect(reachedThreshold(20, 60, 0.9)).toBe(false);
    expect(reachedThreshold(54, 60, 0.9)).toBe(true);
  });
  it("allows the last frame's tolerance, never without a duration", () => {
    expect(reachedThreshold(1.97, 2, 1)).toBe(true);
    expect(reachedThreshold(1.5, 2, 1)).toBe(false);
    expect(reachedThreshold(5, Number.NaN, 0.5)).toBe(false);
    expect(reachedThreshold(5, Number.POSITIVE_INFINITY, 0.5)).toBe(false);
  });
});

describe("numbers as learners type them", () => {
  it.each([
    ["4", 4],
    [" -2.5 ", -2.5],
    ["2,5", 2.5],
    ["1,000.5", 1000.5],
    ["1.000,5", 1000.5],
    ["1 000", 1000],
    [".5", 0.5],
    ["\u22123,5", -3.5],
  ])("%j → %d", (text, value) => expect(parseLearnerNumber(text)).toBe(value));
  it.each(["", "four", "1e3", "1,2,3", "--1", "0x10", "Infinity"])("%j is not a number", (text) => expect(parseLearnerNumber(text)).toBeNull());
});

describe("the status line never claims more than the driver knows", () => {
  const view = (delivery: Partial<DeliveryStatus>, attempts: number, completed = false): SessionView => {
    const state = { ...createLearnerState(), attempts: Array.from({ length: attempts }, () => ({}) as never) };
    return {
      state,
      outcome: { progress: 1, completed, status: "failed", score: 50, final: false, hasAssessment: true },
      assessment: null,
      delivery: { state: "delivered", pending: 0, outcomeDelivered: true, ...delivery },
      exiting: false,
      exited: null,
      starting: null,
    };
  };
  it("standalone: nothing is recorded, even with a result", () => {
    expect(statusMessage(view({ state: "standalone", outcomeDelivered: false }, 1), true, true)).toBe("statusStandalone");
  });
  it("retrying and auth-lost: connection lost, progress kept", () => {
    expect(statusMessage(view({ state: "retrying", outcomeDelivered: false, pending: 3 }, 1), true, true)).toBe("statusLost");
    expect(statusMessage(view({ state: "auth-lost", outcomeDelivered: false }, 0), true, true)).toBe("statusLost");
  });
  it("the LMS ended the session: said whatever else is true (a held Failed, nothing pending, no result yet)", () => {
    expect(statusMessage(view({ state: "session-closed", outcomeDelivered: false, pending: 2 }, 1), true, true)).toBe("statusSessionClosed");
    expect(statusMessage(view({ state: "session-closed" }, 0), true, true)).toBe("statusSessionClosed");
    expect(statusMessage(view({ state: "session-closed", held: "until-session-end", outcomeDelivered: false }, 1), true, true)).toBe("statusSessionClosed");
  });
  it("'sent' only with a result and outcomeDelivered; otherwise not yet", () => {
    expect(statusMessage(view({}, 1), true, true)).toBe("statusSent");
    expect(statusMessage(view({ outcomeDelivered: false, state: "idle" }, 1), true, true)).toBe("statusNotSent");
    expect(statusMessage(view({ outcomeDelivered: false, state: "sending", pending: 1 }, 1), true, true)).toBe("statusSending");
    expect(statusMessage(view({}, 0), true, true)).toBe("statusConnected");
    expect(statusMessage(view({}, 1), false, true)).toBe("statusConnected"); // browse/review: no judged result
    expect(statusMessage(view({}, 0, true), true, false)).toBe("statusSent"); // a course without assessment, completed
    expect(statusMessage(view({ state: "ended" }, 1), true, true)).toBe("statusEnded");
  });
});

describe("review texts", () => {
  it("render responses and expected answers as plain text", () => {
    const t = translator("en");
    const q = questionsById(course);
    expect(responseText(q.get("use-lift")!, { type: "true-false", value: true }, t)).toBe("True");
    expect(correctText(q.get("use-lift")!, t)).toBe("False");
    expect(responseText(q.get("squeeze")!, { type: "text-entry", text: "<b>x</b>" }, t)).toBe("<b>x</b>");
    expect(responseText(q.get("pass-steps")!, undefined, t)).toBeNull();
    expect(correctText(q.get("distance")!, t)).toBe("2 – 3");
    expect(correctText(q.get("confidence")!, t)).toBeNull();
    expect(correctText(q.get("extinguisher-types")!, t)).toBe(
      "Water → Paper and wood; Carbon dioxide (CO2) → Electrical equipment; Wet chemical → Cooking oil",
    );
    expect(responseText(q.get("electrical-extinguishers")!, { type: "multiple-response", choices: ["water"] }, t)).toBe("Water");
  });
});

describe("exit and resume", () => {
  it("follows only http(s) return URLs", () => {
    expect(safeReturnUrl("/lms/return", "https://lms.test/content/index.html")).toBe("https://lms.test/lms/return");
    expect(safeReturnUrl("javascript:alert(1)", "https://lms.test/")).toBeNull();
    expect(safeReturnUrl("data:text/html,x", "https://lms.test/")).toBeNull();
  });

  it("resumes an attempt in progress, else the saved location, else the first page", async () => {
    const driver = new StandaloneDriver({ courseId: course.id, storage: null });
    const facts = await driver.start();
    const deps = {
      clock: { now: () => 1 },
      seed: () => 1,
      codec: codecAtHand(stateCodec),
      half: halfAtHand(assessmentHalf),
      logger: { warn: () => undefined, error: () => undefined },
    };
    const at = (state = createLearnerState()) => initialScreen(new CourseSession(course, driver, facts, state, deps));
    expect(at()).toEqual({ kind: "page", pageId: "welcome" });
    expect(at({ ...createLearnerState(), location: "extinguishers" })).toEqual({ kind: "page", pageId: "extinguishers" });
    expect(at({ ...createLearnerState(), location: "final-check" })).toEqual({ kind: "intro" });
    const inAttempt = startAttempt(createLearnerState(), course, { seed: 3, now: 1, passingScore: 80 });
    expect(at(inAttempt)).toEqual({ kind: "attempt" });
    expect(computeOutcome(inAttempt, course, 80).final).toBe(false);
  });
});

describe("the result announcement names the attempt just finished (issue 10 item 4)", () => {
  it("after attempts of 75%, 50% and 25% with $highest_attempt_score: attempt 3, 25%, then the assessment score 75%", () => {
    const quiz = courseOf(
      quizOf(singleChoices(4), {
        rubric: {
          type: "pass-fail",
          passingAttemptScore: 80,
          passedResult: "$attempt_score",
          failedResult: "$attempt_score",
          unableToPassResult: "$highest_attempt_score",
        },
      }),
    );
    const t = translator("en");
    let state: LearnerState = createLearnerState();
    const said = [3, 2, 1].map((right) => {
      state = startAttempt(state, quiz, { seed: 5, now: 1, passingScore: 80 });
      state.current!.draw.questions.forEach((q, i) => {
        state = answerQuestion(state, quiz, q.questionId, { type: "single-choice", choice: i < right ? "c" : "a" }, 2);
      });
      const submitted = submitAttempt(state, quiz, { passingScore: 80, now: 3 })!;
      state = submitted.state;
      return resultAnnouncement(t, submitted, computeOutcome(state, quiz, 80));
    });
    expect(said).toEqual([
      "Result of attempt 1. Score for this attempt: 75%. Assessment score: 75%. Status: not passed yet",
      "Result of attempt 2. Score for this attempt: 50%. Assessment score: 75%. Status: not passed yet",
      "Result of attempt 3. Score for this attempt: 25%. Assessment score: 75%. Status: not passed (no attempts left that could change this)",
    ]);
  });

  it("says plainly when there is no assessment score", () => {
    const t = translator("en");
    const result: AttemptResult = {
      status: "failed",
      attemptNumber: 2,
      attemptScore: 40,
      assessmentScore: null,
      rewardedMods: [],
      rewardTotal: 0,
      assessmentModdedScore: null,
    };
    const submitted = { attemptNumber: 2, result };
    expect(resultAnnouncement(t, submitted, { score: null, status: "failed" })).toBe(
      "Result of attempt 2. Score for this attempt: 40%. No score recorded yet. Status: not passed yet",
    );
  });
});
