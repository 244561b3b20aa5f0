// The one retry rule of every driver (runtime/lms/backoff.ts): which answers are worth another try,
// and each caller's waits — the cmi5 launch, the cmi5 Outbox and SCORM — as they were before the
// three formulas became one.
import { describe, expect, it } from "vitest";
import { LAUNCH_BACKOFF, OUTBOX_BACKOFF, SCORM_BACKOFF, backoffMs, isTransient, withJitter } from "../../runtime/lms/backoff";
import { DEFAULT_CMI5_TIMING } from "../../runtime/lms/cmi5/driver";
import { labelledLogger, type Logger } from "../../runtime/lms/ports";

const waits = (backoff: { baseMs: number; maxMs: number }, tries: number) => Array.from({ length: tries }, (_, i) => backoffMs(backoff, i + 1));

describe("backoff", () => {
  it("cmi5 launch: 250 ms, 500 ms, 1 s, then 2 s", () => {
    expect(waits(LAUNCH_BACKOFF, 5)).toEqual([250, 500, 1_000, 2_000, 2_000]);
  });

  it("cmi5 Outbox: 1 s doubling to 30 s, the driver's default timing", () => {
    expect(waits(OUTBOX_BACKOFF, 7)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect({ baseMs: DEFAULT_CMI5_TIMING.retryBaseMs, maxMs: DEFAULT_CMI5_TIMING.retryMaxMs }).toEqual(OUTBOX_BACKOFF);
  });

  it("SCORM: 5 s, 10 s, 20 s, 40 s, then every 60 s", () => {
    expect(waits(SCORM_BACKOFF, 6)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it("an attempt below 1 waits the base", () => {
    expect(backoffMs(SCORM_BACKOFF, 0)).toBe(5_000);
  });

  it("jitter keeps between half and all of the wait", () => {
    expect(withJitter(1_000, () => 0)).toBe(500);
    expect(withJitter(1_000, () => 0.5)).toBe(750);
    expect(withJitter(1_000, () => 0.999)).toBeCloseTo(999.5);
  });
});

describe("isTransient", () => {
  it("no answer (0), 408, 429 and every 5xx are worth another try", () => {
    expect([0, 408, 429, 500, 502, 503, 504, 599].filter(isTransient)).toEqual([0, 408, 429, 500, 502, 503, 504, 599]);
  });

  it("an answer the server meant is not: 2xx, 3xx, 400, 401, 403, 404, 409, 413", () => {
    expect([200, 204, 304, 400, 401, 403, 404, 409, 413].filter(isTransient)).toEqual([]);
  });
});

describe("labelledLogger", () => {
  it("leads each line with the label and keeps its level", () => {
    const lines: string[] = [];
    const base: Logger = { warn: (m) => void lines.push(`warn ${m}`), error: (m) => void lines.push(`error ${m}`) };
    const logger = labelledLogger(base, "scorm12");
    logger.warn("checkpoint failed");
    logger.error("refused");
    expect(lines).toEqual(["warn scorm12: checkpoint failed", "error scorm12: refused"]);
  });
});
