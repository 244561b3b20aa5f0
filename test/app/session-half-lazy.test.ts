// The session's assessment half is a lazy chunk (runtime/app/assessment-half-loader.ts): before any
// attempt the session reports and shows exactly what it would with the half (outcomeBeforeAttempts,
// viewBeforeAttempts); a Start pressed before the half arrived starts the attempt when it does (seeded
// and dated at the press); a failed load is logged and the next Start loads again (nothing lost); an
// exit meanwhile starts nothing; and a state holding an attempt is never given to a session without it.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import { computeOutcome, createLearnerState, outcomeBeforeAttempts, questionIndex, startAttempt, type LearnerState } from "../../runtime/assessment/index";
import * as stateCodec from "../../runtime/assessment/codec/state-codec";
import * as half from "../../runtime/app/assessment-half";
import { halfAtHand, lazyHalf, needsHalf, type AssessmentHalf, type HalfSlot } from "../../runtime/app/assessment-half-loader";
import { CourseSession } from "../../runtime/app/session";
import { passingScoreFor, viewBeforeAttempts, type ViewFacts } from "../../runtime/app/session-view";
import { assessmentViewer } from "../../runtime/app/session-view-attempts";
import { codecAtHand } from "../../runtime/app/state-codec-loader";
import type { CourseData } from "../../runtime/course/types";
import { StandaloneDriver, standaloneStateKey } from "../../runtime/lms/standalone/driver";
import { assessment as quizOf, course as courseOf, singleChoices } from "../assessment/fixtures";
import { handSlot as handSlotOf } from "../support/hand-slot";
import { MemoryStorage } from "../support/memory-storage";
import { STARTER_COURSE } from "../support/package-fixture";

let course: CourseData;

beforeAll(async () => {
  course = (await loadCourse(STARTER_COURSE)).data;
});

/** A half slot the test delivers (or fails) by hand (test/support/hand-slot.ts). */
const handSlot = () => handSlotOf(half);

async function session(slot: HalfSlot, storage: MemoryStorage, log: string[], initial: LearnerState = createLearnerState()) {
  const driver = new StandaloneDriver({ courseId: course.id, storage });
  const facts = await driver.start();
  let now = Date.UTC(2026, 11, 2, 9, 0, 0);
  const s = new CourseSession(course, driver, facts, initial, {
    clock: { now: () => (now += 1000) },
    seed: () => 7,
    logger: { warn: (m) => log.push(m), error: (m) => log.push(m) },
    codec: codecAtHand(stateCodec),
    half: slot,
  });
  return { s, pressedAt: () => now };
}

/** The attempt the standalone driver kept, decoded as the next launch would read it. */
function savedAttempt(storage: MemoryStorage) {
  const raw = storage.getItem(standaloneStateKey(course.id));
  if (raw === null) return null;
  return stateCodec.decodeState((JSON.parse(raw) as { state: string }).state, course).state?.current ?? null;
}

const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("before any attempt, the launch's part gives what the half would", () => {
  const facts: ViewFacts[] = [
    { masteryScore: null, launchMode: "normal" },
    { masteryScore: 0.5, launchMode: "normal" },
    { masteryScore: null, launchMode: "browse" },
  ];
  const courses = () => [
    course,
    courseOf(quizOf(singleChoices(4))),
    courseOf(quizOf(singleChoices(2), { attempts: "unlimited" })),
    { ...course, assessment: null },
  ];
  it("the outcome (progress only, not attempted) and the assessment view, page by page", () => {
    for (const c of courses()) {
      let state = createLearnerState();
      for (const page of [null, ...c.pages]) {
        if (page) state = { ...state, pagesSeen: [...state.pagesSeen, page.id], location: page.id };
        for (const f of facts) {
          const P = passingScoreFor(c, f);
          const outcome = computeOutcome(state, c, P);
          expect(outcomeBeforeAttempts(state, c)).toEqual(outcome);
          const full = c.assessment ? assessmentViewer(c, f, questionIndex(c.assessment))(state, outcome) : null;
          expect(viewBeforeAttempts(c, f)?.(outcome) ?? null).toEqual(full);
        }
      }
    }
  });

  it("a started attempt is the half's to judge", () => {
    const state = startAttempt(createLearnerState(), course, { seed: 1, now: 1, passingScore: 80 });
    expect(needsHalf(state)).toBe(true);
    expect(outcomeBeforeAttempts(state, course)).toBeNull();
    expect(needsHalf(createLearnerState())).toBe(false);
  });
});

describe("a session whose assessment half has not arrived yet", () => {
  it("a Start waits for it: the learner is on the assessment at once, the attempt starts (seeded at the press) when it arrives, and is saved", async () => {
    const hand = handSlot();
    const storage = new MemoryStorage();
    const { s, pressedAt } = await session(hand.slot, storage, []);
    expect(s.startAttempt()).toBe(true);
    const pressed = pressedAt();
    expect(s.view().state.location).toBe(course.assessment!.id);
    expect(s.view().state.current).toBeNull();
    expect(s.view().starting).toBe("loading"); // the intro says "Loading…" meanwhile
    expect(s.startAttempt()).toBe(true); // pressed again meanwhile: one load, one attempt
    expect(hand.counter.loads).toBe(1);
    hand.deliver();
    await flushMicrotasks();
    const started = s.view().state.current!;
    expect(started).toMatchObject({ number: 1, seed: 7, startedAt: pressed }); // the first press's time, not the second's
    expect(s.view().starting).toBeNull();
    expect(s.view().assessment!.next).toEqual({ kind: "resume", attempt: 1 });
    expect(savedAttempt(storage)?.number).toBe(1);
  });

  it("a failed load is logged and starts nothing; the next Start loads again and the attempt starts", async () => {
    const hand = handSlot();
    const storage = new MemoryStorage();
    const log: string[] = [];
    const { s } = await session(hand.slot, storage, log);
    s.visitPage(course.pages[1]!.id); // what the learner did before is kept
    expect(s.startAttempt()).toBe(true);
    hand.fail("connection reset");
    await flushMicrotasks();
    expect(log).toContainEqual(expect.stringContaining("the assessment could not be loaded (Start loads it again): Error: connection reset"));
    expect(s.view().state.current).toBeNull();
    expect(s.view().assessment!.next).toEqual({ kind: "start", attempt: 1 });
    expect(s.view().starting).toBe("failed"); // the intro says so, with "Load again"
    expect(s.startAttempt()).toBe(true);
    expect(s.view().starting).toBe("loading");
    expect(hand.counter.loads).toBe(2);
    hand.deliver();
    await flushMicrotasks();
    expect(s.view().state.current?.number).toBe(1);
    expect(s.view().starting).toBeNull();
    expect(s.view().state.pagesSeen).toContain(course.pages[1]!.id);
    expect(savedAttempt(storage)?.number).toBe(1);
  });

  it("an exit before it arrived starts nothing", async () => {
    const hand = handSlot();
    const storage = new MemoryStorage();
    const { s } = await session(hand.slot, storage, []);
    s.startAttempt();
    await s.exit();
    hand.deliver();
    await flushMicrotasks();
    expect(s.view().state.current).toBeNull();
    expect(s.view().starting).toBeNull();
    expect(savedAttempt(storage)).toBeNull();
  });

  it("a state holding an attempt needs the half loaded first (boot loads it)", async () => {
    const state = startAttempt(createLearnerState(), course, { seed: 1, now: 1, passingScore: 80 });
    await expect(session(handSlot().slot, new MemoryStorage(), [], state)).rejects.toThrow("needs the assessment half loaded first");
    const { s } = await session(halfAtHand(half), new MemoryStorage(), [], state);
    expect(s.view().assessment!.next).toEqual({ kind: "resume", attempt: 1 });
  });
});
