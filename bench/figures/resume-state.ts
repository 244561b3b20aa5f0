// Figure 4 (issue 3): encoded resume-state size for 50 / 100 / 200 questions × 3 finished attempts
// (plus one attempt in progress, every response kept) against SCORM 1.2's 4,096 characters, and the
// time to encode / decode the largest one.
import { decodeState, encodeState } from "../../runtime/assessment/codec/state-codec";
import { SCORM12_SUSPEND_DATA_MAX } from "../../runtime/lms/scorm-common/suspend-data";
import { codecScenario } from "../../test/fixtures/codec-scenario";
import { count, ms, row, type FigureResult, type ResultRow } from "../lib/report";
import { median, spread, timeRuns } from "../lib/stats";

const SIZES = [50, 100, 200] as const;

export async function resumeStateFigure(runs: number): Promise<FigureResult> {
  const rows: ResultRow[] = [];
  for (const questions of SIZES) {
    const { course, state } = codecScenario({ questions, finishedAttempts: 3, inProgress: true });
    const full = encodeState(state, course, Infinity);
    const fitted = encodeState(state, course, SCORM12_SUSPEND_DATA_MAX);
    const mustFitWhole = questions <= 100; // issue 3: 100 questions, 3 attempts + 1 in progress, every response kept
    rows.push(
      row(
        `${questions} questions × 3 attempts + 1 in progress, every response kept`,
        full.encoded.length,
        "characters",
        (n) => `${count(n)} chars`,
        mustFitWhole ? { text: "≤ 4,096", pass: full.encoded.length <= SCORM12_SUSPEND_DATA_MAX } : undefined,
        `${((full.encoded.length / SCORM12_SUSPEND_DATA_MAX) * 100).toFixed(0)}% of 4,096`,
      ),
    );
    if (!mustFitWhole || full.encoded.length > SCORM12_SUSPEND_DATA_MAX) {
      rows.push(
        row(
          `${questions} questions, encoded with the 4,096 budget`,
          fitted.encoded.length,
          "characters",
          (n) => `${count(n)} chars`,
          { text: "fits (degrades, never drops results)", pass: fitted.fits && fitted.encoded.length <= SCORM12_SUSPEND_DATA_MAX },
          fitted.dropped.length > 0 ? `dropped: ${fitted.dropped.join(", ")}` : "nothing dropped",
        ),
      );
    }
    if (questions === SIZES[SIZES.length - 1]) {
      const encodeTimes = await timeRuns(runs, 20, () => encodeState(state, course, SCORM12_SUSPEND_DATA_MAX));
      const decodeTimes = await timeRuns(runs, 20, () => {
        const decoded = decodeState(fitted.encoded, course);
        if (!decoded.state) throw new Error(`decode failed: ${decoded.warning}`);
      });
      rows.push(row(`encode ${questions}-question state (4,096 budget)`, median(encodeTimes), "ms", ms, undefined, spread(encodeTimes, 2)));
      rows.push(row(`decode ${questions}-question state`, median(decodeTimes), "ms", ms, undefined, spread(decodeTimes, 2)));
    }
  }
  return {
    id: "resume-state",
    title: "4. Resume state",
    rows,
    method:
      "The engine's codecScenario (test/fixtures/codec-scenario.ts): 20 pages with media, 50/100/200 questions cycling through every type, three finished attempts and a fourth in progress, every question answered with random responses, built through the engine's public API; encodeState without a budget (every response kept) and with SCORM 1.2's 4,096. " +
      "Timing: median of repeated encode/decode calls in Node after 20 warm-up calls.",
  };
}
