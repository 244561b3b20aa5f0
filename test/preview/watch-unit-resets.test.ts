// What a watch-mode rebuild tells the learner it dropped, for a course with units: each unit keeps
// its own resume state, so each unit's losses are named with the unit; a removed unit is told.
import { describe, expect, it } from "vitest";
import { unitResets } from "../../authoring/preview/watch-rebuild";
import type { CourseData } from "../../runtime/course/types";
import { sampleCourseData } from "../fixtures/packages/sample-course";

const unit = (id: string, edit: (c: CourseData) => void = () => undefined): CourseData => {
  const data = structuredClone(sampleCourseData());
  data.id = `https://example.com/courses/c/units/${id}`;
  edit(data);
  return data;
};

describe("unitResets", () => {
  it("tells nothing on the first build, nor for text edits", () => {
    const before = new Map([["a", unit("a")]]);
    expect(unitResets(null, before)).toEqual([]);
    expect(unitResets(before, new Map([["a", unit("a", (c) => (c.pages[0]!.title = "Renamed"))]]))).toEqual([]);
  });

  it("names the unit whose pages changed, and leaves the other units alone", () => {
    const before = new Map([
      ["a", unit("a")],
      ["b", unit("b")],
    ]);
    const after = new Map([
      ["a", unit("a")],
      ["b", unit("b", (c) => c.pages.pop())],
    ]);
    expect(unitResets(before, after)).toEqual([expect.stringMatching(/^unit "b": pages or media were added, removed or renamed/)]);
  });

  it("tells a removed unit, and a new unit loses nothing", () => {
    const before = new Map([
      ["a", unit("a")],
      ["b", unit("b")],
    ]);
    const after = new Map([
      ["a", unit("a")],
      ["c", unit("c")],
    ]);
    expect(unitResets(before, after)).toEqual(['unit "b" was removed: its learners\' records stay in the LMS']);
  });

  it("a single-unit course (the empty key) reads as before, without a unit name", () => {
    const before = new Map([["", unit("x")]]);
    const after = new Map([["", unit("x", (c) => c.pages.pop())]]);
    expect(unitResets(before, after)).toEqual([expect.stringMatching(/^pages or media were added/)]);
  });
});
