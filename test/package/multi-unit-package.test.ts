// The multi-unit template builds for every target: each zip holds one course.json per unit (a full
// CourseData whose id is the unit's activity IRI), the list course/units.json, no course/course.json
// and no preload of it; passmark validate accepts every zip and the manifests pass the official XSDs.
// A single-unit course keeps its layout.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCourse, type BuildCourseResult } from "../../authoring/build-course";
import { courseJson } from "../../authoring/package/course-json";
import { errorsOf, validatePackage } from "../../authoring/validate/index";
import type { CourseData, TargetId } from "../../runtime/course/types";
import type { UnitList } from "../../runtime/course/unit-list";
import { validateWithSharedXsd } from "../fixtures/packages/shared-xsd";
import { listZip, readZipEntry } from "../fixtures/packages/zip-inspect";
import { makeCourse, removeCourses } from "../course/course-fixtures";

const TARGETS: TargetId[] = ["cmi5", "scorm12", "scorm2004-3", "scorm2004-4", "xapi"];
const COURSE_ID = "https://example.com/courses/workplace-safety";
const UNITS = [
  ["welcome", "Welcome"],
  ["fire", "Fire safety"],
  ["first-aid", "First aid"],
];
const dirs: string[] = [];
let multi: BuildCourseResult;
let single: BuildCourseResult;

async function build(template: string, targets: TargetId[]): Promise<BuildCourseResult> {
  const out = await mkdtemp(join(tmpdir(), "passmark-multi-unit-"));
  dirs.push(out);
  return buildCourse(resolve("templates", template), { targets, outDir: out });
}

beforeAll(async () => {
  multi = await build("multi-unit", TARGETS);
  single = await build("starter", ["cmi5"]);
}, 120_000);
afterAll(async () => {
  removeCourses();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("multi-unit packages", { timeout: 120_000 }, () => {
  it("builds one zip per target, warning only that cmi5.xml cannot carry first-aid's requires", () => {
    expect(multi.packages.map((p) => p.target)).toEqual(TARGETS);
    expect(multi.warnings.map((w) => `${w.severity} ${w.file} ${w.path}`)).toEqual(["warning course.json /units/2/requires"]);
    expect(multi.warnings[0]?.message).toMatch(/^unit "first-aid" requires "welcome": cmi5\.xml cannot express prerequisites/);
  });

  it("passmark validate finds no problem in any zip", async () => {
    for (const p of multi.packages) {
      const report = await validatePackage(p.path);
      expect(errorsOf(report), p.target).toEqual([]);
      expect(report.problems, p.target).toEqual([]);
    }
  });

  it("every manifest validates against the official XSDs and launches each unit with ?pmUnit=<id>", async () => {
    for (const p of multi.packages) {
      if (p.target === "xapi") continue; // tincan.xml has no official XSD: the next test and passmark validate check it
      const name = p.target === "cmi5" ? "cmi5.xml" : "imsmanifest.xml";
      const xml = await readZipEntry(p.path, name);
      const result = await validateWithSharedXsd(p.target, name, xml);
      expect(result.valid, `${p.target}: ${result.output}`).toBe(true);
      for (const [id] of UNITS) {
        expect(xml.toString("utf8"), `${p.target} ${id}`).toContain(p.target === "cmi5" ? `<url>index.html?pmUnit=${id}</url>` : `parameters="?pmUnit=${id}"`);
      }
    }
  });

  it("tincan.xml lists the course, then one launchable module activity per unit with ?pmUnit=<id>", async () => {
    const xapi = multi.packages.find((p) => p.target === "xapi")!;
    const xml = (await readZipEntry(xapi.path, "tincan.xml")).toString("utf8");
    expect(xml).toContain(`id="${COURSE_ID}"`);
    for (const [id] of UNITS) {
      expect(xml, id).toContain(`id="${COURSE_ID}/units/${id}"`);
      expect(xml, id).toContain(`>index.html?pmUnit=${id}</launch>`);
    }
  });

  it("every zip holds one course.json per unit with the unit's IRI and title, and no course/course.json", async () => {
    for (const p of multi.packages) {
      const names = (await listZip(p.path)).map((e) => e.name);
      expect(names.filter((n) => n.startsWith("course/")).sort(), p.target).toEqual(
        ["course/units.json", ...UNITS.map(([id]) => `course/units/${id}/course.json`)].sort(),
      );
      for (const [id, title] of UNITS) {
        const bytes = await readZipEntry(p.path, `course/units/${id}/course.json`);
        const data = JSON.parse(bytes.toString("utf8")) as CourseData;
        expect([data.id, data.title, data.language], `${p.target} ${id}`).toEqual([`${COURSE_ID}/units/${id}`, title, "en"]);
        const built = multi.course.units?.find((u) => u.id === id)?.data;
        expect(built && courseJson(built).equals(bytes), `${p.target} ${id}: the loader's data, as written`).toBe(true);
      }
    }
  });

  it("lists the units in course/units.json, for a launch that names none", async () => {
    const list = JSON.parse((await readZipEntry(multi.packages[0]!.path, "course/units.json")).toString("utf8")) as UnitList;
    expect(list).toEqual({ title: "Workplace safety", language: "en", units: UNITS.map(([id, title]) => ({ id, title })) });
  });

  it("index.html preloads no course data (which unit's is known only from the launch URL)", async () => {
    for (const p of multi.packages) {
      const html = (await readZipEntry(p.path, "index.html")).toString("utf8");
      expect(html, p.target).not.toContain("course/course.json");
      expect(html, p.target).not.toMatch(/rel="preload"/);
      expect(html, p.target).toContain("<title>Workplace safety</title>");
    }
  });

  it("a single-unit course keeps course/course.json, its preload and no unit files", async () => {
    const zip = single.packages[0]!.path;
    const names = (await listZip(zip)).map((e) => e.name);
    expect(names.filter((n) => n.startsWith("course/"))).toEqual(["course/course.json"]);
    expect((await readZipEntry(zip, "course/course.json")).equals(courseJson(single.course.data))).toBe(true);
    expect((await readZipEntry(zip, "index.html")).toString("utf8")).toContain('<link rel="preload" href="course/course.json" as="fetch" crossorigin>');
    expect(single.course.units).toBeUndefined();
  });

  it("warns, for a SCORM 1.2 build only, about a unit title longer than the SCORM 1.2 schema allows", async () => {
    const long = "T".repeat(201);
    const dir = makeCourse({
      "course.json": {
        id: "https://example.com/courses/long",
        title: "Long",
        units: [
          { id: "a", title: "A", pages: [{ id: "p", title: "P" }] },
          { id: "b", title: long, pages: [{ id: "p", title: "P" }] },
        ],
      },
    });
    const out = await mkdtemp(join(tmpdir(), "passmark-multi-unit-"));
    dirs.push(out);
    const scorm12 = await buildCourse(dir, { targets: ["scorm12"], outDir: out });
    expect(scorm12.warnings.map((w) => [w.path, w.message])).toEqual([
      ["", 'the SCORM 1.2 package: the title of unit "b" is 201 characters long: a SCORM 1.2 <title> holds at most 200 (SCORM 1.2 CAM schema)'],
    ]);
    expect((await buildCourse(dir, { targets: ["scorm2004-4"], outDir: out })).warnings).toEqual([]);
  });
});
