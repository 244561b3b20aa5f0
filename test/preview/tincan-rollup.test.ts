// The Tin Can course rollup (course-rollup.ts TINCAN_RULE, pure): Tin Can defines none, so the
// preview's rule — a unit is done when completed and, when it has an assessment, passed; the course
// when every unit is.
import { describe, expect, it } from "vitest";
import { tincanRollup, tincanUnitDone, TINCAN_RULE, type TincanUnitState } from "../../authoring/preview/course-rollup";

const unit = (completed: boolean, passed: boolean, assessed: boolean): TincanUnitState => ({ completed, passed, assessed });

describe("tincanUnitDone", () => {
  it("a content-only unit is done once completed", () => {
    expect(tincanUnitDone(unit(true, false, false))).toBe(true);
    expect(tincanUnitDone(unit(false, false, false))).toBe(false);
  });
  it("a unit with an assessment needs completed and passed: failed, or passed without completed, is not done", () => {
    expect(tincanUnitDone(unit(true, true, true))).toBe(true);
    expect(tincanUnitDone(unit(true, false, true))).toBe(false);
    expect(tincanUnitDone(unit(false, true, true))).toBe(false);
  });
});

describe("tincanRollup", () => {
  it("the course is done only when every unit is, with the counts it shows", () => {
    const welcome = unit(true, false, false);
    const fire = unit(true, true, true);
    expect(tincanRollup([welcome, fire, unit(false, false, true)])).toEqual({ done: false, finished: 2, completed: 2, passed: 1, assessed: 2, of: 3 });
    expect(tincanRollup([welcome, fire, unit(true, true, true)])).toEqual({ done: true, finished: 3, completed: 3, passed: 2, assessed: 2, of: 3 });
  });
  it("a failed assessed unit keeps the course not done though every unit is completed", () => {
    expect(tincanRollup([unit(true, false, false), unit(true, false, true)])).toMatchObject({ done: false, finished: 1, completed: 2, passed: 0 });
  });
  it("no unit: not done (nothing to roll up)", () => {
    expect(tincanRollup([])).toEqual({ done: false, finished: 0, completed: 0, passed: 0, assessed: 0, of: 0 });
  });
  it("states its rule in words, naming that Tin Can has none of its own", () => {
    expect(TINCAN_RULE).toMatch(/no rollup/);
    expect(TINCAN_RULE).toMatch(/completed/);
    expect(TINCAN_RULE).toMatch(/passed/);
  });
});
