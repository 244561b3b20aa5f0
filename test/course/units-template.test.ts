// The multi-unit template (templates/multi-unit, `passmark init --template multi-unit`) loads into one
// CourseData per unit (id = the unit's activity IRI, title = the unit's, language and logo the
// course's), with reporting inherited field by field, and the outline the manifest writers read.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { courseOutline } from "../../authoring/course/course-outline";
import { loadCourse } from "../../authoring/course/load-course";
import type { LoadedCourse } from "../../authoring/course/loaded-course";
import { ALL_TARGETS } from "../../runtime/course/types";

const dir = path.resolve("templates/multi-unit");
let course: LoadedCourse;

beforeAll(async () => {
  course = await loadCourse(dir);
});

describe("multi-unit template", () => {
  it("loads without errors or warnings into three units, each a full course of its own", () => {
    expect(course.warnings).toEqual([]);
    expect(course.targets).toEqual([...ALL_TARGETS]);
    const units = course.units ?? [];
    expect(units.map((u) => [u.id, u.data.id, u.data.title, u.data.language])).toEqual([
      ["welcome", "https://example.com/courses/workplace-safety/units/welcome", "Welcome", "en"],
      ["fire", "https://example.com/courses/workplace-safety/units/fire", "Fire safety", "en"],
      ["first-aid", "https://example.com/courses/workplace-safety/units/first-aid", "First aid", "en"],
    ]);
    expect(units.map((u) => [u.data.pages.length, u.data.assessment?.items.length ?? 0])).toEqual([
      [2, 0],
      [1, 4],
      [2, 3],
    ]);
    // The course's own data has no content of its own.
    expect([course.data.id, course.data.title, course.data.pages, course.data.assessment]).toEqual([
      "https://example.com/courses/workplace-safety",
      "Workplace safety",
      [],
      null,
    ]);
  });

  it("gives each unit the course's reporting defaults with its own fields over them", () => {
    const reporting = Object.fromEntries((course.units ?? []).map((u) => [u.id, u.data.reporting]));
    // welcome has no assessment: it does not inherit moveOn "Passed" (it could never be passed).
    expect(reporting["welcome"]).toEqual({
      cmi5: { moveOn: "Completed", launchMethod: "AnyWindow" },
      masteryScore: null,
      scorm12: { statusMode: "completed-incomplete" },
      interactions: true,
    });
    expect(reporting["fire"]).toMatchObject({ cmi5: { moveOn: "Passed" }, masteryScore: 75 });
    expect(reporting["first-aid"]).toMatchObject({ cmi5: { moveOn: "CompletedAndPassed" }, masteryScore: 100 });
  });

  it("gives every unit an id of its own, unlike the course's (question activity ids are built from it)", () => {
    const fire = course.units?.find((u) => u.id === "fire")?.data;
    expect(fire?.id).not.toBe(course.data.id);
    expect(new Set((course.units ?? []).map((u) => u.data.id)).size).toBe(3);
  });

  it("outlines one launchable unit per unit, with its query, requires and block", () => {
    const outline = courseOutline(course);
    expect(outline.id).toBe("https://example.com/courses/workplace-safety");
    expect(outline.units.map((u) => [u.id, u.activityId, u.launchQuery, u.hasAssessment, u.requires, u.block])).toEqual([
      ["welcome", "https://example.com/courses/workplace-safety/units/welcome", "pmUnit=welcome", false, [], null],
      ["fire", "https://example.com/courses/workplace-safety/units/fire", "pmUnit=fire", true, [], "hazards"],
      ["first-aid", "https://example.com/courses/workplace-safety/units/first-aid", "pmUnit=first-aid", true, ["welcome"], "hazards"],
    ]);
    expect(outline.blocks).toEqual([
      {
        id: "hazards",
        activityId: "https://example.com/courses/workplace-safety/blocks/hazards",
        title: "Hazards",
        description: "What to do when something goes wrong: a fire or an injury.",
      },
    ]);
    expect(outline.units.every((u) => u.description.length > 0)).toBe(true);
  });
});
