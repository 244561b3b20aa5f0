import { describe, expect, it } from "vitest";
import { parseLmsMastery, passingScoreInForce } from "../../runtime/assessment/mastery";

describe("parseLmsMastery (docs/rules/assessment.md §4)", () => {
  it("scales cmi5 / SCORM 2004 fractions to 0..100 without binary noise", () => {
    expect(parseLmsMastery(0.8, "fraction", "cmi5").score).toBe(80);
    expect(parseLmsMastery("0.07", "fraction", "scorm2004").score).toBe(7);
    expect(parseLmsMastery("1", "fraction", "scorm2004").score).toBe(100);
    expect(parseLmsMastery(0, "fraction", "cmi5").score).toBe(0);
  });

  it("reads SCORM 1.2 percentages as they are", () => {
    expect(parseLmsMastery("75", "percent", "scorm12")).toEqual({ score: 75, warning: null });
  });

  it("treats absent values as not given, silently; \"\" silently only where it is the source's 'no value' (SCORM GetValue)", () => {
    for (const value of [undefined, null]) {
      expect(parseLmsMastery(value, "fraction", "cmi5")).toEqual({ score: null, warning: null });
    }
    expect(parseLmsMastery("", "percent", "scorm12", true)).toEqual({ score: null, warning: null });
  });

  it("an empty masteryScore in cmi5 LaunchData is not given, with a warning (never 0)", () => {
    const parsed = parseLmsMastery("", "fraction", "cmi5 LMS.LaunchData.masteryScore");
    expect(parsed.score).toBeNull();
    expect(parsed.warning).toMatch(/cmi5 LMS\.LaunchData\.masteryScore gave an empty mastery value/);
  });

  it("treats garbage and out-of-range values as not given, with a warning — never as 0 or 100", () => {
    for (const [value, scale] of [
      ["abc", "percent"],
      ["  ", "percent"],
      ["101", "percent"],
      ["-1", "percent"],
      [1.5, "fraction"],
      ["NaN", "fraction"],
      [{}, "fraction"],
    ] as const) {
      const parsed = parseLmsMastery(value, scale, "lms");
      expect(parsed.score, JSON.stringify(value)).toBeNull();
      expect(parsed.warning, JSON.stringify(value)).toMatch(/unusable mastery/);
    }
  });

  it("applies the precedence LMS → rubric → 100", () => {
    expect(passingScoreInForce(60, 80)).toBe(60);
    expect(passingScoreInForce(null, 80)).toBe(80);
    expect(passingScoreInForce(null, undefined)).toBe(100);
    expect(passingScoreInForce(0, 80)).toBe(0);
  });
});
