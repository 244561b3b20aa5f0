// CourseSession, the glue between the learner's actions, the engine and a driver, with real drivers:
// the standalone driver over an in-memory Storage, and the SCORM 1.2 driver over scorm-again as LMS.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import { createLearnerState, type LearnerState } from "../../runtime/assessment/index";
import { decodeState } from "../../runtime/assessment/codec/state-codec";
import { withoutAnswer, isAnswered, randomSeed } from "../../runtime/app/answers";
import { CourseSession, TYPING_SAVE_DELAY_MS, type SessionDeps } from "../../runtime/app/session";
import type { CourseData } from "../../runtime/course/types";
import { COUNTER_RESERVE, readSuspendData } from "../../runtime/lms/scorm-common/suspend-data";
import { createScorm12Driver } from "../../runtime/lms/scorm12/driver";
import { StandaloneDriver, standaloneStateKey } from "../../runtime/lms/standalone/driver";
import { lms12, stored } from "../lms-scorm/helpers";
import { STARTER_COURSE } from "../support/package-fixture";
import { questionsById } from "./answers";
import { MemoryStorage } from "../support/memory-storage";
import * as stateCodec from "../../runtime/assessment/codec/state-codec";
import { codecAtHand } from "../../runtime/app/state-codec-loader";
import * as assessmentHalf from "../../runtime/app/assessment-half";
import { halfAtHand } from "../../runtime/app/assessment-half-loader";

let course: CourseData;

beforeAll(async () => {
  course = (await loadCourse(STARTER_COURSE)).data;
});

function deps(log: string[] = []): SessionDeps {
  let clock = Date.UTC(2026, 10, 22, 9, 0, 0);
  let seed = 7;
  return {
    clock: { now: () => (clock += 1000) },
    seed: () => seed++,
    codec: codecAtHand(stateCodec),
    half: halfAtHand(assessmentHalf),
    logger: { warn: (m) => log.push(m), error: (m) => log.push(m) },
  };
}

async function standaloneSession(storage = new MemoryStorage(), log: string[] = []) {
  const driver = new StandaloneDriver({ courseId: course.id, storage });
  const facts = await driver.start();
  const state = decodeState(facts.resumeState, course).state ?? createLearnerState();
  return { session: new CourseSession(course, driver, facts, state, deps(log)), storage };
}

/** What the standalone driver kept, decoded as the next launch would. */
function savedState(storage: MemoryStorage): LearnerState | null {
  const raw = storage.getItem(standaloneStateKey(course.id));
  if (raw === null) return null;
  return decodeState((JSON.parse(raw) as { state: string }).state, course).state;
}

describe("CourseSession with the standalone driver", () => {
  it("saves after every page visit and every answer; a new session resumes the same attempt with its answers", async () => {
    const { session, storage } = await standaloneSession();
    session.visitPage("welcome");
    expect(savedState(storage)?.pagesSeen).toEqual(["welcome"]);
    expect(session.startAttempt()).toBe(true);
    const attempt = session.view().state.current!;
    const first = attempt.draw.questions[0]!.questionId;
    const question = questionsById(course).get("use-lift")!;
    expect(question.type).toBe("true-false");
    session.answer("use-lift", { type: "true-false", value: false });
    expect(savedState(storage)?.current?.answers["use-lift"]?.response).toEqual({ type: "true-false", value: false });

    const resumed = await standaloneSession(storage);
    const again = resumed.session.view().state.current!;
    expect(again.draw).toEqual(attempt.draw); // same questions, same order
    expect(again.draw.questions[0]!.questionId).toBe(first);
    expect(again.answers["use-lift"]?.response).toEqual({ type: "true-false", value: false });
    expect(resumed.session.view().state.location).toBe(course.assessment!.id);
  });

  it("typed answers are kept at once and saved after a short pause or on flush", async () => {
    const { session, storage } = await standaloneSession();
    session.startAttempt();
    session.answer("squeeze", { type: "text-entry", text: "Squ" }, true);
    expect(session.view().state.current!.answers["squeeze"]?.response).toEqual({ type: "text-entry", text: "Squ" });
    expect(savedState(storage)?.current?.answers["squeeze"]).toBeUndefined();
    session.flush();
    expect(savedState(storage)?.current?.answers["squeeze"]?.response).toEqual({ type: "text-entry", text: "Squ" });
    session.answer("squeeze", { type: "text-entry", text: "Squeeze" }, true);
    await new Promise((r) => setTimeout(r, TYPING_SAVE_DELAY_MS + 100));
    expect(savedState(storage)?.current?.answers["squeeze"]?.response).toEqual({ type: "text-entry", text: "Squeeze" });
  });

  it("an emptied answer is taken back, and unticking every box counts as unanswered", async () => {
    const { session, storage } = await standaloneSession();
    session.startAttempt();
    session.answer("pass-steps", { type: "numeric", value: 4 });
    session.answer("pass-steps", null);
    expect(session.view().state.current!.answers["pass-steps"]).toBeUndefined();
    expect(savedState(storage)?.current?.answers["pass-steps"]).toBeUndefined();
    expect(isAnswered({ type: "multiple-response", choices: [] })).toBe(false);
    expect(isAnswered({ type: "text-entry", text: "  " })).toBe(false);
    expect(isAnswered({ type: "matching", matches: {} })).toBe(false);
    expect(isAnswered({ type: "numeric", value: 0 })).toBe(true);
    const state = session.view().state;
    expect(withoutAnswer(state, "never-answered")).toBe(state);
  });

  it("submit answers an untouched ordering question with the order shown, judges, and blocks a start after a pass", async () => {
    const { session } = await standaloneSession();
    session.startAttempt();
    const shown = session.view().state.current!.draw.questions.find((q) => q.questionId === "evacuation-order")!.presentedOrder;
    const submitted = session.submit()!;
    expect(submitted.state.attempts[0]!.responses!["evacuation-order"]).toEqual({ type: "ordering", order: shown });
    expect(submitted.result.status).toBe("failed");
    expect(session.view().outcome.status).toBe("failed");
    expect(session.submit()).toBeNull(); // nothing in progress any more
  });

  it("Browse / Review launches never start an attempt", async () => {
    const driver = new StandaloneDriver({ courseId: course.id, storage: new MemoryStorage() });
    const facts = { ...(await driver.start()), launchMode: "browse" as const };
    const session = new CourseSession(course, driver, facts, createLearnerState(), deps());
    expect(session.judged).toBe(false);
    expect(session.startAttempt()).toBe(false);
    expect(session.view().state.current).toBeNull();
  });

  it("the passing score in force is the LMS mastery score when one was given, else the rubric's", async () => {
    const driver = new StandaloneDriver({ courseId: course.id, storage: null });
    const facts = await driver.start();
    expect(new CourseSession(course, driver, facts, createLearnerState(), deps()).passingScore).toBe(80);
    expect(new CourseSession(course, driver, { ...facts, masteryScore: 90 }, createLearnerState(), deps()).passingScore).toBe(90);
  });

  it("seeds come from the platform CSPRNG as unsigned 32-bit integers", () => {
    const seeds = new Set(Array.from({ length: 20 }, () => randomSeed(globalThis.crypto)));
    expect(seeds.size).toBeGreaterThan(15);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff).toBe(true);
  });
});

describe("CourseSession with the SCORM 1.2 driver over scorm-again", () => {
  it("suspend_data after every answer (≤ 4096), interactions and lesson status at submit, committed", async () => {
    const { lms, api, calls } = lms12({ cmi: { core: { entry: "ab-initio" } } });
    const driver = createScorm12Driver(api, course.reporting);
    const facts = await driver.start();
    expect(facts.stateBudget).toBe(4096 - COUNTER_RESERVE); // the rest is the interaction counter's room
    const session = new CourseSession(course, driver, facts, createLearnerState(), deps());
    session.begin();
    for (const page of course.pages) session.visitPage(page.id);
    session.startAttempt();
    session.answer("use-lift", { type: "true-false", value: false });
    const afterAnswer = decodeState(readSuspendData(stored(lms)["cmi.suspend_data"]!).state, course).state;
    expect(afterAnswer?.current?.answers["use-lift"]?.response).toEqual({ type: "true-false", value: false });

    const byId = questionsById(course);
    for (const drawn of session.view().state.current!.draw.questions) {
      const q = byId.get(drawn.questionId)!;
      if (q.type === "single-choice") session.answer(q.id, { type: "single-choice", choice: q.correct });
      if (q.type === "multiple-response") session.answer(q.id, { type: "multiple-response", choices: q.correct });
      if (q.type === "numeric")
        session.answer(q.id, { type: "numeric", value: "exact" in q.answer ? q.answer.exact : "min" in q.answer ? q.answer.min : q.answer.value });
      if (q.type === "text-entry") session.answer(q.id, { type: "text-entry", text: q.accepted[0]! });
      if (q.type === "matching") session.answer(q.id, { type: "matching", matches: Object.fromEntries(q.pairs.map((p) => [p.id, p.id])) });
      if (q.type === "ordering") session.answer(q.id, { type: "ordering", order: q.items.map((i) => i.id) });
      if (q.type === "survey") session.answer(q.id, { type: "survey", choice: q.choices[0]!.id });
    }
    const commitsBefore = calls.filter((c) => c.method === "LMSCommit").length;
    session.submit();
    await Promise.resolve();
    const data = stored(lms);
    expect(data["cmi.core.lesson_status"]).toBe("passed");
    expect(data["cmi.core.score.raw"]).toBe("100");
    expect(data["cmi.suspend_data"]!.length).toBeLessThanOrEqual(4096);
    expect(decodeState(readSuspendData(data["cmi.suspend_data"]!).state, course).state?.attempts).toHaveLength(1);
    expect(Number(data["cmi.interactions._count"] ?? lms.cmi.interactions.childArray.length)).toBe(session.view().state.attempts[0]!.draw!.questions.length);
    expect(calls.filter((c) => c.method === "LMSCommit").length).toBeGreaterThan(commitsBefore);

    await session.exit();
    expect(session.view().exited).not.toBeNull();
    expect(calls.at(-1)?.method).toBe("LMSFinish");
  });

  it("page unloaded: the typed answer still waiting for its delayed save is saved first, then the driver finishes with it", async () => {
    const { lms, api, calls } = lms12({ cmi: { core: { entry: "ab-initio" } } });
    const driver = createScorm12Driver(api, course.reporting);
    const session = new CourseSession(course, driver, await driver.start(), createLearnerState(), deps());
    session.begin();
    session.startAttempt();
    const text = session
      .view()
      .state.current!.draw.questions.map((d) => questionsById(course).get(d.questionId)!)
      .find((q) => q.type === "text-entry")!;
    session.answer(text.id, { type: "text-entry", text: "assembly point" }, true); // a keystroke: saved 400 ms later
    expect(decodeState(readSuspendData(stored(lms)["cmi.suspend_data"]!).state, course).state?.current?.answers[text.id]).toBeUndefined();
    session.pageHidden(true);
    const saved = calls.map((c) => c.method === "LMSSetValue" && c.args[0] === "cmi.suspend_data").lastIndexOf(true);
    expect(saved).toBeLessThan(calls.findIndex((c) => c.method === "LMSFinish"));
    expect(decodeState(readSuspendData(stored(lms)["cmi.suspend_data"]!).state, course).state?.current?.answers[text.id]?.response).toEqual({
      type: "text-entry",
      text: "assembly point",
    });
  });
});
