// SCORM RTE time formats: 1.2 CMITimespan HHHH:MM:SS.SS, 2004 ISO 8601 durations with at most
// 2 decimals, timestamps — checked by example and by property (round trip to the hundredth).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { iso8601Duration, scorm12Timespan, scorm12TimeOfDay, scorm2004Timestamp, scormDecimal } from "../../runtime/lms/scorm-common/time-format";

function parseTimespan(text: string): number {
  const [h, m, s] = text.split(":");
  // Whole milliseconds: "59.99" * 1000 is 59990.00000000001 in binary, which is not what the text says.
  return Math.round((Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000);
}

function parseIso(text: string): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?$/.exec(text);
  if (!match) throw new Error(`not an ISO 8601 duration: ${text}`);
  return Math.round((Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0)) * 1000);
}

describe("SCORM time formats", () => {
  it("examples", () => {
    expect(scorm12Timespan(0)).toBe("0000:00:00.00");
    expect(scorm12Timespan(3_723_456)).toBe("0001:02:03.46");
    expect(scorm12Timespan(-5)).toBe("0000:00:00.00");
    expect(iso8601Duration(0)).toBe("PT0S");
    expect(iso8601Duration(90_500)).toBe("PT1M30.5S");
    expect(iso8601Duration(3_600_000)).toBe("PT1H");
    expect(iso8601Duration(3_723_456)).toBe("PT1H2M3.46S");
    expect(scorm12TimeOfDay(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe("03:04:05");
    expect(scorm2004Timestamp(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe("2026-01-02T03:04:05");
    expect(scormDecimal(83.33333)).toBe("83.33");
    expect(scormDecimal(0.875, 4)).toBe("0.875");
  });

  it("1.2 timespans keep the format and round-trip to the hundredth (up to 9999 h)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999 * 3_600_000 }), (ms) => {
        const text = scorm12Timespan(ms);
        expect(text).toMatch(/^\d{4}:[0-5]\d:[0-5]\d\.\d{2}$/);
        expect(Math.abs(parseTimespan(text) - ms)).toBeLessThanOrEqual(5);
      }),
    );
  });

  it("2004 durations have at most 2 decimals and round-trip to the hundredth", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 * 3_600_000 }), (ms) => {
        const text = iso8601Duration(ms);
        expect(Math.abs(parseIso(text) - ms)).toBeLessThanOrEqual(5);
      }),
    );
  });
});
