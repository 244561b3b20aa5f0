// The rules of a course with units (docs/course-format.md "Units"): each mistake is reported with the
// file and JSON path, all at once; problems inside a unit carry the unit's place in their path.
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import type { CourseProblem } from "../../authoring/course/loaded-course";
import { unitIriFor, blockIriFor } from "../../authoring/course/unit-ids";
import { makeCourse, problemsOf, removeCourses } from "./course-fixtures";

afterAll(removeCourses);

type Json = Record<string, any>;

const page = (id: string) => ({ id, title: `Page ${id}`, body: { markdown: `Text of ${id}` } });
const quiz = () => ({ attempts: 2, questions: [{ id: "q1", type: "true-false", prompt: "Is it?", answer: true }] });

function unitsCourse(edit: (c: Json) => void = () => undefined): Json {
  const c: Json = {
    id: "https://example.com/courses/safety",
    title: "Safety",
    blocks: [{ id: "hazards", title: "Hazards" }],
    units: [
      { id: "intro", title: "Intro", pages: [page("p1")] },
      { id: "fire", title: "Fire", block: "hazards", pages: [page("p1")], assessment: quiz() },
      { id: "aid", title: "First aid", block: "hazards", requires: ["intro"], assessment: quiz() },
    ],
  };
  edit(c);
  return c;
}

const short = (p: CourseProblem) => `${p.severity} ${p.path}: ${p.message}`;

async function errorsOf(edit: (c: Json) => void, files: Record<string, string> = {}): Promise<string[]> {
  return (await problemsOf(makeCourse({ "course.json": unitsCourse(edit), ...files }))).filter((p) => p.severity === "error").map(short);
}

describe("course units: rules", () => {
  it("accepts the base course", async () => {
    const loaded = await loadCourse(makeCourse({ "course.json": unitsCourse() }));
    expect(loaded.units?.map((u) => u.id)).toEqual(["intro", "fire", "aid"]);
    expect(loaded.warnings).toEqual([]);
  });

  it("rejects units together with top-level pages and assessment, naming both", async () => {
    const errors = await errorsOf((c) => {
      c.pages = [page("x")];
      c.assessment = quiz();
    });
    expect(errors).toEqual([
      expect.stringMatching(/^error \/pages: expected either "units" or a top-level "pages", found both/),
      expect.stringMatching(/^error \/assessment: expected either "units" or a top-level "assessment", found both/),
    ]);
  });

  it("rejects blocks without units", async () => {
    const c = { id: "https://example.com/c", title: "C", pages: [page("p")], blocks: [{ id: "b", title: "B" }] };
    const problems = (await problemsOf(makeCourse({ "course.json": c }))).map(short);
    expect(problems).toEqual([expect.stringMatching(/^error \/blocks: expected "blocks" only with "units"/)]);
  });

  it("rejects a duplicate unit id and a duplicate block id at their second use", async () => {
    const errors = await errorsOf((c) => {
      c.units[2].id = "fire";
      c.units[2].requires = [];
      c.blocks.push({ id: "hazards", title: "Again" });
    });
    expect(errors).toEqual([
      'error /units/2/id: expected a unique unit id, found "fire" already used by /units/1',
      'error /blocks/1/id: expected a unique block id, found "hazards" already used by /blocks/0',
    ]);
  });

  it("rejects an unknown block with a suggestion, and a block no unit is in", async () => {
    const errors = await errorsOf((c) => {
      c.blocks.push({ id: "empty", title: "Empty" });
      c.units[2].block = "hazard";
    });
    expect(errors).toContain(
      'error /units/2/block: expected one of the blocks listed in /blocks ("hazards", "empty"), found "hazard" (did you mean "hazards"?)',
    );
    expect(errors).toContainEqual(expect.stringMatching(/^error \/blocks\/1: expected at least one unit in block "empty", found none/));
  });

  it("rejects the units of a block not listed together", async () => {
    const errors = await errorsOf((c) => {
      c.units = [c.units[1], c.units[0], c.units[2]];
      c.units[2].requires = [];
    });
    expect(errors).toEqual([
      expect.stringMatching(
        /^error \/units\/2\/block: expected the units of block "hazards" listed together, found \/units\/0 in it, then \/units\/1 \("intro"\) outside it/,
      ),
    ]);
  });

  it("rejects requires naming the unit itself, an unknown unit or a unit listed later, all at once", async () => {
    const errors = await errorsOf((c) => {
      c.units[0].requires = ["fire"];
      c.units[1].requires = ["fire", "intr"];
    });
    expect(errors).toEqual([
      'error /units/0/requires/0: "fire" is not a unit listed before "intro": it is listed after it (/units/1); a unit can only require units listed earlier, so list "fire" first',
      'error /units/1/requires/0: expected the id of a unit listed before "fire", found "fire", the unit itself',
      'error /units/1/requires/1: "intr" is not a unit listed before "fire": no unit has that id (did you mean "intro"?)',
    ]);
  });

  it("rejects more than 50 units and an empty list", async () => {
    const many = await errorsOf((c) => {
      c.blocks = undefined;
      c.units = Array.from({ length: 51 }, (_, i) => ({ id: `u${i}`, title: `U${i}`, pages: [page("p")] }));
    });
    expect(many).toEqual(["error /units: expected at most 50 items, found a list of 51"]);
    const none = await errorsOf((c) => {
      c.blocks = undefined;
      c.units = [];
    });
    expect(none).toEqual(["error /units: expected at least 1 item, found an empty list"]);
  });

  it("reports a unit's own problems at the unit's place, in course.json and in its Markdown files", async () => {
    const problems = await problemsOf(
      makeCourse({
        "course.json": unitsCourse((c) => {
          c.units[0].pages = [];
          c.units[1].pages = [page("p1"), page("p1")];
          c.units[1].assessment.questions.push({ id: "q1", type: "true-false", prompt: "Again?", answer: false });
          c.units[2].pages = [{ id: "md", title: "Md", body: "pages/aid.md" }];
          c.units[2].reporting = { masteryScore: 50 };
        }),
        "pages/aid.md": "See ![a picture](missing.png)\n",
      }),
    );
    const errors = problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => `${p.file} ${p.path}`)).toEqual([
      "course.json /units/0",
      "course.json /units/1/pages/1/id",
      "course.json /units/1/assessment/questions/1/id",
      "pages/aid.md ",
    ]);
    expect(errors[0]?.message).toMatch(/the unit would be empty$/);
    const warnings = problems.filter((p) => p.severity === "warning").map((p) => p.path);
    expect(warnings).toContain("/units/2/reporting/masteryScore");
  });

  it("lets a unit override the course's reporting field by field, and skips what a unit without an assessment could never meet", async () => {
    const loaded = await loadCourse(
      makeCourse({
        "course.json": unitsCourse((c) => {
          c.reporting = { masteryScore: 100, cmi5: { moveOn: "CompletedAndPassed", launchMethod: "OwnWindow" }, interactions: false };
          c.units[1].reporting = { cmi5: { moveOn: "Passed" } };
        }),
      }),
    );
    const [intro, fire, aid] = (loaded.units ?? []).map((u) => u.data.reporting);
    expect(intro).toEqual({
      cmi5: { moveOn: "Completed", launchMethod: "OwnWindow" },
      masteryScore: null,
      scorm12: { statusMode: "completed-incomplete" },
      interactions: false,
    });
    expect(fire).toEqual({
      cmi5: { moveOn: "Passed", launchMethod: "OwnWindow" },
      masteryScore: 100,
      scorm12: { statusMode: "passed-incomplete" },
      interactions: false,
    });
    expect(aid?.cmi5).toEqual({ moveOn: "CompletedAndPassed", launchMethod: "OwnWindow" });
  });

  it("rejects a unit without an assessment that asks for a pass itself", async () => {
    const errors = await errorsOf((c) => {
      c.units[0].reporting = { cmi5: { moveOn: "Passed" } };
    });
    expect(errors).toEqual([expect.stringMatching(/^error \/units\/0\/reporting\/cmi5\/moveOn: expected "Completed", "CompletedOrPassed" or "NotApplicable"/)]);
  });

  it("rejects characters XML cannot carry in a unit's or block's title", async () => {
    const errors = await errorsOf((c) => {
      c.units[1].title = "Fire\u0001";
      c.blocks[0].description = "Bad\u0002";
    });
    expect(errors).toEqual([
      expect.stringMatching(/^error \/units\/1\/title: expected text that XML allows/),
      expect.stringMatching(/^error \/blocks\/0\/description: expected text that XML allows/),
    ]);
  });

  it("derives unit and block IRIs with the same query and fragment care as the AU id", () => {
    expect(unitIriFor("https://example.com/c", "fire")).toBe("https://example.com/c/units/fire");
    expect(unitIriFor("https://example.com/c/", "fire")).toBe("https://example.com/c/units/fire");
    expect(unitIriFor("https://example.com/c?v=2", "fire")).toBe("https://example.com/c?v=2#units/fire");
    expect(unitIriFor("https://example.com/c#top", "fire")).toBe("https://example.com/c#top/units/fire");
    expect(blockIriFor("urn:x:c", "hazards")).toBe("urn:x:c/blocks/hazards");
  });

  it("shares assets between units and packages each once", async () => {
    const loaded = await loadCourse(
      makeCourse({
        "course.json": unitsCourse((c) => {
          c.units[0].pages = [{ id: "p", title: "P", body: { markdown: "![logo](assets/pic.svg)" } }];
          c.units[1].pages = [{ id: "p", title: "P", body: { markdown: "![logo again](assets/pic.svg)" } }];
        }),
        "assets/pic.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
      }),
    );
    expect(loaded.assets.map((a) => a.zipPath)).toEqual(["assets/pic.svg"]);
  });

  it("gives every unit the course's language and logo, and the unit's own title and description", async () => {
    const loaded = await loadCourse(
      makeCourse({
        "course.json": unitsCourse((c) => {
          c.language = "fr";
          c.theme = { logo: { src: "assets/logo.svg", alt: "Sécurité" } };
          c.units[1].description = "Le feu";
        }),
        "assets/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
      }),
    );
    expect((loaded.units ?? []).map((u) => [u.data.title, u.data.description, u.data.language, u.data.logo])).toEqual([
      ["Intro", "", "fr", { src: "assets/logo.svg", alt: "Sécurité" }],
      ["Fire", "Le feu", "fr", { src: "assets/logo.svg", alt: "Sécurité" }],
      ["First aid", "", "fr", { src: "assets/logo.svg", alt: "Sécurité" }],
    ]);
    expect(loaded.assets.map((a) => a.zipPath)).toEqual(["assets/logo.svg"]);
  });

  it("reports a problem with an inherited default where the author wrote it, naming the unit", async () => {
    const problems = await problemsOf(
      makeCourse({
        "course.json": unitsCourse((c) => {
          c.reporting = { masteryScore: 80 };
          c.units[2].reporting = { masteryScore: 100 };
          c.units[2].pages = [
            { id: "p", title: "P", body: { markdown: "x" } },
            { id: "p", title: "Again" },
          ];
        }),
      }),
    );
    expect(problems.map((p) => `${p.severity} ${p.path}`)).toEqual(["error /units/2/pages/1/id", "warning /reporting/masteryScore"]);
    expect(problems[1]?.message).toMatch(/^80 differs from the rubric's passingAttemptScore 100.* \(the course's default, which unit "fire" inherits\)$/);
  });
});
