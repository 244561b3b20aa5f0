// Issue 3 benchmark sizes: the resume state of 50 / 100 / 200 mixed questions × 3 attempts against
// SCORM 1.2's 4,096 characters (codecScenario is the same state a bench script would measure).
import { describe, expect, it } from "vitest";
import { decodeState, encodeState } from "../../runtime/assessment/codec/state-codec";
import { SCORM12_SUSPEND_DATA_MAX } from "../../runtime/lms/scorm-common/suspend-data";
import { codecScenario } from "../fixtures/codec-scenario";

function medianMs(run: () => void, runs = 51): number {
  for (let i = 0; i < 10; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

describe("resume-state size against the 4,096 budget", () => {
  it.each([50, 100, 200])("%i questions, 3 finished attempts, every response kept", (questions) => {
    const { course, state } = codecScenario({ questions, finishedAttempts: 3, inProgress: false });
    const { encoded, dropped } = encodeState(state, course, SCORM12_SUSPEND_DATA_MAX);
    console.log(`${questions} questions × 3 attempts: ${encoded.length} characters`);
    expect(dropped).toEqual([]);
    expect(encoded.length).toBeLessThanOrEqual(SCORM12_SUSPEND_DATA_MAX);
    expect(decodeState(encoded, course).state).toEqual(state);
  });

  it("100 questions, 3 finished + 1 in progress: every response kept within 4,096", () => {
    const { course, state } = codecScenario({ questions: 100, finishedAttempts: 3, inProgress: true });
    const { encoded, dropped } = encodeState(state, course, SCORM12_SUSPEND_DATA_MAX);
    console.log(`100 questions × (3 + 1 in progress): ${encoded.length} characters`);
    expect(dropped).toEqual([]);
    expect(encoded.length).toBeLessThanOrEqual(SCORM12_SUSPEND_DATA_MAX);
  });

  it("200 questions, 3 finished + 1 in progress: degrades to fit, oldest responses first", () => {
    const { course, state } = codecScenario({ questions: 200, finishedAttempts: 3, inProgress: true });
    const full = encodeState(state, course, Infinity).encoded;
    const fitted = encodeState(state, course, SCORM12_SUSPEND_DATA_MAX);
    const encodeMs = medianMs(() => encodeState(state, course, SCORM12_SUSPEND_DATA_MAX));
    const decodeMs = medianMs(() => decodeState(fitted.encoded, course));
    console.log(
      `200 questions × (3 + 1): ${full.length} characters in full, ${fitted.encoded.length} after dropping ${fitted.dropped.join(", ")}; encode ${encodeMs.toFixed(2)} ms, decode ${decodeMs.toFixed(2)} ms (median)`,
    );
    expect(full.length).toBeGreaterThan(SCORM12_SUSPEND_DATA_MAX);
    expect(fitted.fits).toBe(true);
    expect(fitted.dropped[0]).toBe("attempt 1 responses");
    expect(decodeState(fitted.encoded, course).state?.current).toEqual(state.current);
  });
});
