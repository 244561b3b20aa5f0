// The resume state codec is a lazy chunk (runtime/app/state-codec-loader.ts): a session whose codec has
// not arrived yet keeps every change and writes it once the codec is there; an exit waits for it, so
// nothing is lost when the learner leaves at once; a failed load is tried again at the next change;
// and the loader retries a failed import under its own URL (runtime/lms/retry-import.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import { createLearnerState } from "../../runtime/assessment/index";
import * as stateCodec from "../../runtime/assessment/codec/state-codec";
import { CourseSession } from "../../runtime/app/session";
import * as assessmentHalf from "../../runtime/app/assessment-half";
import { halfAtHand } from "../../runtime/app/assessment-half-loader";
import { lazyCodec, needsDecoding, type CodecSlot, type StateCodec } from "../../runtime/app/state-codec-loader";
import type { CourseData } from "../../runtime/course/types";
import { StandaloneDriver, standaloneStateKey } from "../../runtime/lms/standalone/driver";
import { handSlot as handSlotOf } from "../support/hand-slot";
import { MemoryStorage } from "../support/memory-storage";
import { STARTER_COURSE } from "../support/package-fixture";

let course: CourseData;

beforeAll(async () => {
  course = (await loadCourse(STARTER_COURSE)).data;
});

/** A codec slot the test delivers (or fails) by hand (test/support/hand-slot.ts). */
const handSlot = () => handSlotOf(stateCodec);

async function session(codec: CodecSlot, storage: MemoryStorage, log: string[]) {
  const driver = new StandaloneDriver({ courseId: course.id, storage });
  const facts = await driver.start();
  expect(needsDecoding(facts.resumeState)).toBe(false); // a fresh launch: nothing to decode
  let now = Date.UTC(2026, 11, 2, 9, 0, 0);
  return new CourseSession(course, driver, facts, createLearnerState(), {
    clock: { now: () => (now += 1000) },
    seed: () => 7,
    logger: { warn: (m) => log.push(m), error: (m) => log.push(m) },
    codec,
    half: halfAtHand(assessmentHalf),
  });
}

/** The location the standalone driver kept, decoded as the next launch would read it. */
function savedLocation(storage: MemoryStorage): string | null {
  const raw = storage.getItem(standaloneStateKey(course.id));
  if (raw === null) return null;
  const { state } = JSON.parse(raw) as { state: string };
  return stateCodec.decodeState(state, course).state?.location ?? null;
}

const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("a session whose state codec has not arrived yet", () => {
  it("keeps the changes, shows them at once, and writes the latest once the codec arrives", async () => {
    const hand = handSlot();
    const storage = new MemoryStorage();
    const s = await session(hand.slot, storage, []);
    const [first, second] = course.pages;
    s.visitPage(first!.id);
    s.visitPage(second!.id);
    expect(s.view().state.location).toBe(second!.id); // the learner sees where they are
    expect(storage.getItem(standaloneStateKey(course.id))).toBeNull();
    expect(hand.counter.loads).toBe(1); // one load for both changes
    hand.deliver();
    await flushMicrotasks();
    expect(savedLocation(storage)).toBe(second!.id);
  });

  it("an exit waits for the codec and writes the state before the session ends", async () => {
    const hand = handSlot();
    const storage = new MemoryStorage();
    const s = await session(hand.slot, storage, []);
    s.visitPage(course.pages[1]!.id);
    const exiting = s.exit();
    await flushMicrotasks();
    expect(s.view().exited).toBeNull(); // not ended while a change waits
    hand.deliver();
    await exiting;
    expect(s.view().exited).not.toBeNull();
    expect(savedLocation(storage)).toBe(course.pages[1]!.id);
  });

  it("a failed load is logged and tried again at the next change, which is then written", async () => {
    const hand = handSlot();
    const storage = new MemoryStorage();
    const log: string[] = [];
    const s = await session(hand.slot, storage, log);
    s.visitPage(course.pages[0]!.id);
    hand.fail("connection reset");
    await flushMicrotasks();
    expect(log).toContainEqual(expect.stringContaining("the resume state codec could not be loaded: Error: connection reset"));
    expect(storage.getItem(standaloneStateKey(course.id))).toBeNull();
    s.visitPage(course.pages[1]!.id);
    expect(hand.counter.loads).toBe(2);
    hand.deliver();
    await flushMicrotasks();
    expect(savedLocation(storage)).toBe(course.pages[1]!.id);
  });

  it("a page unloaded before the codec arrived is logged; the state stays the one read at launch", async () => {
    const hand = handSlot();
    const storage = new MemoryStorage();
    const log: string[] = [];
    const s = await session(hand.slot, storage, log);
    s.visitPage(course.pages[0]!.id); // the first screen's own visit, which the next launch makes again
    s.pageHidden(true);
    expect(log).toContainEqual(expect.stringContaining("unloaded before the resume state codec arrived"));
    expect(storage.getItem(standaloneStateKey(course.id))).toBeNull(); // nothing false written
  });
});

describe("needsDecoding", () => {
  it("only a saved state needs the codec", () => {
    expect([null, undefined, ""].map(needsDecoding)).toEqual([false, false, false]);
    expect(needsDecoding("P2.x|")).toBe(true);
    expect(needsDecoding(42)).toBe(true); // the codec's decodeState explains what is wrong with it
  });
});
