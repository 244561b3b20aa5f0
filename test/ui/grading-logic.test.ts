// The pure parts of rating tasks and the CourseSession methods the grading screens call: what counts
// as unanswered (a task's assessor form never does), which criteria a form still misses, the
// passcode check (PBKDF2-SHA-256 as the build hashes it), and hand-in → rate → complete with the
// standalone driver (the state a relaunch reads says "awaiting rating" and keeps every value).
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import { createLearnerState, type AnsweredQuestion, type LearnerState, type Response } from "../../runtime/assessment/index";
import { decodeState } from "../../runtime/assessment/codec/state-codec";
import { isUnanswered, missingCriteria, unansweredQuestions } from "../../runtime/assessment/unanswered";
import { CourseSession, type SessionDeps } from "../../runtime/app/session";
import type { CourseData, QuestionData } from "../../runtime/course/types";
import { StandaloneDriver, standaloneStateKey } from "../../runtime/lms/standalone/driver";
import { hashPasscode } from "../../authoring/course/passcode-hash";
import { passcodeMatches } from "../../runtime/ui/grading/passcode";
import { STARTER_COURSE } from "../support/package-fixture";
import { ERRORS, GUIDE, passcodeHash, RUBRIC, task } from "./task-fixture";
import { MemoryStorage } from "../support/memory-storage";
import { loadTaskKit } from "../../runtime/assessment/task-kit";
import * as stateCodec from "../../runtime/assessment/codec/state-codec";
import { codecAtHand } from "../../runtime/app/state-codec-loader";
import * as assessmentHalf from "../../runtime/app/assessment-half";
import { halfAtHand } from "../../runtime/app/assessment-half-loader";

// The engine's task code is a chunk of its own: a course with a task loads it first (app/boot.ts).
await loadTaskKit();

const observed = task("observed", "Clean the spill.", RUBRIC);
const watched = task("watched", "Show the method.", GUIDE, { learnerResponse: "none" });
const reflection = task("reflection", "Reflect.", ERRORS, { rater: "learner" });

describe("missingCriteria", () => {
  it("every rubric row; in a guide or errors form only the criteria that count (weight 0 never)", () => {
    expect(missingCriteria(RUBRIC, {})).toEqual(["plan", "safety"]);
    expect(missingCriteria(RUBRIC, { plan: "some", safety: "bogus" })).toEqual(["safety"]);
    expect(missingCriteria(GUIDE, {})).toEqual(["method", "manner"]);
    expect(missingCriteria(GUIDE, { method: 11, manner: "good" })).toEqual(["method"]); // out of range is no value
    expect(missingCriteria(GUIDE, { method: 0, manner: "poor" })).toEqual([]);
    expect(missingCriteria(ERRORS, { gloves: false })).toEqual(["seal"]);
    expect(missingCriteria(ERRORS, { gloves: false, seal: true })).toEqual([]);
  });
});

describe("unanswered questions", () => {
  const task = (text: string, filling: Record<string, string | number | boolean> | null): Response => ({
    type: "task",
    text,
    rating: filling && { filling, remarks: {}, feedback: "", rater: null, ratedAt: null },
  });

  it("a task asks for its text (when it takes one) and a self-assessment's form; never an assessor's form", () => {
    expect(isUnanswered(watched, undefined)).toBe(false); // no text, the assessor rates: nothing for the learner
    expect(isUnanswered(observed, undefined)).toBe(true);
    expect(isUnanswered(observed, task("  ", null))).toBe(true);
    expect(isUnanswered(observed, task("Done.", null))).toBe(false); // the assessor's form is not the learner's
    expect(isUnanswered(reflection, task("Done.", { gloves: true }))).toBe(true);
    expect(isUnanswered(reflection, task("", { gloves: true, seal: false }))).toBe(true); // the text is missing
    expect(isUnanswered(reflection, task("Done.", { gloves: true, seal: false }))).toBe(false);
  });

  it("other questions as before: empty texts and no ticked box are unanswered, an ordering never is", () => {
    const questions = new Map<string, QuestionData>([
      [
        "o",
        {
          kind: "question",
          id: "o",
          type: "ordering",
          prompt: { html: "", text: "" },
          weight: 1,
          feedback: { correct: null, incorrect: null },
          items: [],
          partialCredit: false,
        },
      ],
      [
        "t",
        {
          kind: "question",
          id: "t",
          type: "text-entry",
          prompt: { html: "", text: "" },
          weight: 1,
          feedback: { correct: null, incorrect: null },
          accepted: ["x"],
          caseSensitive: false,
          whitespace: "trim",
          long: false,
        },
      ],
      ["observed", observed],
      ["watched", watched],
    ]);
    const answered = (response: Response): AnsweredQuestion => ({ response, answeredAt: 0, timeMs: 0 });
    expect(unansweredQuestions(["o", "t", "observed", "watched", "gone"], questions, {})).toEqual(["t", "observed"]);
    expect(unansweredQuestions(["t", "observed"], questions, { t: answered({ type: "text-entry", text: " " }), observed: answered(task("x", null)) })).toEqual([
      "t",
    ]);
  });
});

describe("passcodeMatches", () => {
  it("accepts the passcode the hash was made from, as typed; refuses any other", async () => {
    const hash = passcodeHash("Blue lantern 7", 1000);
    expect(await passcodeMatches("Blue lantern 7", hash)).toBe(true);
    expect(await passcodeMatches("blue lantern 7", hash)).toBe(false);
    expect(await passcodeMatches("Blue lantern 7 ", hash)).toBe(false);
    expect(await passcodeMatches("", hash)).toBe(false);
    expect(await passcodeMatches("Blue lantern 7", { ...hash, salt: passcodeHash("x").salt })).toBe(false);
    expect(await passcodeMatches("Blue lantern 7", { ...hash, hash: "not base64!" })).toBe(false);
    const unicode = passcodeHash("Café ñ 🔑", 1000);
    expect(await passcodeMatches("Café ñ 🔑", unicode)).toBe(true);
  });

  it("matches the hash the build writes, whichever way an accented letter is typed (NFC)", async () => {
    const built = hashPasscode("Caf\u00e9", "https://example.org/course", "observed");
    expect(await passcodeMatches("Caf\u00e9", built)).toBe(true); // é as one code point
    expect(await passcodeMatches("Cafe\u0301", built)).toBe(true); // e + combining acute
    expect(await passcodeMatches("Cafe", built)).toBe(false);
  });

  it("without Web Crypto (an http page) it still checks, with the plain-script PBKDF2", async () => {
    const noWebCrypto = undefined as unknown as SubtleCrypto;
    const built = hashPasscode("1234", "https://example.org/course", "observed"); // 100,000 iterations, as built
    expect(await passcodeMatches("1234", built, noWebCrypto)).toBe(true);
    expect(await passcodeMatches("1235", built, noWebCrypto)).toBe(false);
    expect(await passcodeMatches("Cafe\u0301", hashPasscode("Caf\u00e9", "https://example.org/course", "t"), noWebCrypto)).toBe(true);
  });
});

describe("CourseSession: hand in, rate, complete", () => {
  let course: CourseData;
  beforeAll(async () => {
    const starter = (await loadCourse(STARTER_COURSE)).data;
    const assessment = starter.assessment!;
    const byId = new Map(assessment.items.flatMap((i) => (i.kind === "bank" ? i.questions : [i])).map((q) => [q.id, q]));
    course = { ...starter, assessment: { ...assessment, items: [byId.get("use-lift")!, byId.get("evacuation-order")!, observed, watched] } };
  });

  const deps = (): SessionDeps => {
    let clock = Date.UTC(2026, 10, 22, 9, 0, 0);
    return {
      clock: { now: () => (clock += 1000) },
      seed: () => 7,
      codec: codecAtHand(stateCodec),
      half: halfAtHand(assessmentHalf),
      logger: { warn: () => undefined, error: () => undefined },
    };
  };
  async function session(storage: MemoryStorage): Promise<CourseSession> {
    const driver = new StandaloneDriver({ courseId: course.id, storage });
    const facts = await driver.start();
    return new CourseSession(course, driver, facts, decodeState(facts.resumeState, course).state ?? createLearnerState(), deps());
  }
  const saved = (storage: MemoryStorage): LearnerState | null => {
    const raw = storage.getItem(standaloneStateKey(course.id));
    return raw === null ? null : decodeState((JSON.parse(raw) as { state: string }).state, course).state;
  };

  it("hand-in answers the untouched ordering question, locks the attempt and is saved; ratings are kept as typed; completeRating submits", async () => {
    const storage = new MemoryStorage();
    const s = await session(storage);
    s.startAttempt();
    s.answer("use-lift", { type: "true-false", value: false });
    s.answer("observed", { type: "task", text: "I mopped.", rating: null });
    expect(s.pendingRatings().map((t) => t.id)).toEqual(["observed", "watched"]);
    expect(s.submit()).toBeNull(); // never submitted while an assessor task is unrated
    const shown = s.view().state.current!.draw.questions.find((q) => q.questionId === "evacuation-order")!.presentedOrder;
    expect(s.handIn()).toBe(true);
    expect(s.handIn()).toBe(false); // once
    expect(saved(storage)?.current?.handedInAt).not.toBeNull();
    expect(saved(storage)?.current?.answers["evacuation-order"]?.response).toEqual({ type: "ordering", order: shown });

    s.rateTask("observed", { filling: { plan: "full" }, remarks: { plan: "Careful" }, feedback: "" });
    s.rateTask("watched", { filling: { method: 5 }, remarks: {}, feedback: "Go on" }, true);
    s.flush();
    expect(s.completeRating({ name: "Ana", id: "ana@example.org" })).toBeNull(); // incomplete

    // A relaunch reads it all back: still awaiting, every value there.
    const again = await session(storage);
    const current = again.view().state.current!;
    expect(current.handedInAt).not.toBeNull();
    expect(current.answers["observed"]?.response).toMatchObject({ text: "I mopped.", rating: { filling: { plan: "full" }, remarks: { plan: "Careful" } } });
    expect(current.answers["watched"]?.response).toMatchObject({ rating: { filling: { method: 5 }, feedback: "Go on" } });

    again.rateTask("observed", { filling: { plan: "full", safety: "always" }, remarks: { plan: "Careful" }, feedback: "" });
    again.rateTask("watched", { filling: { method: 5, manner: "excellent" }, remarks: {}, feedback: "Go on" });
    expect(again.completeRating({ name: " ", id: "x" })).toBeNull(); // no name
    const submitted = again.completeRating({ name: "Ana", id: "ana@example.org" })!;
    expect(submitted).not.toBeNull();
    // 100 (true-false), ordering as shown (never right), 100 (rubric), (0.5 × 2 + 1) / 3 × 100 = 66.67.
    expect(submitted.questionScores["observed"]).toBe(100);
    expect(submitted.questionScores["watched"]).toBeCloseTo(200 / 3, 10);
    expect(saved(storage)?.current).toBeNull();
    expect(saved(storage)?.attempts[0]?.responses?.["observed"]).toMatchObject({ rating: { rater: { role: "assessor", name: "Ana", id: "ana@example.org" } } });
    expect(again.view().outcome.status).not.toBe("notAttempted");
  });
});
