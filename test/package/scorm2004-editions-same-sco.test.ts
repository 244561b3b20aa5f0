// The SCORM 2004 3rd- and 4th-edition packages of a course differ only in their manifest (and the
// schema files beside it): the same SCO, byte for byte, launched the same way. So the browser
// journeys run in full on 2004-4 and stand for 2004-3 too: test/e2e/scorm2004-3.test.ts and
// lms-moodle-scorm2004-3.test.ts keep the journeys that launch through the 3rd-edition manifest, and
// the grading journey (test/e2e/grading-scorm2004-4.test.ts) runs on 4th edition only.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { readPackageInfo } from "../../authoring/preview/package-info";
import { versionOf } from "../../authoring/preview/scorm-store";
import { builtPackage, REPO_ROOT, type PackageFixtureOptions } from "../support/package-fixture";

/** Files the edition decides: the manifest and the XSD/DTD files it names. */
const EDITION_FILE = /^imsmanifest\.xml$|\.(xsd|dtd)$/;

async function filesOf(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path).split("\\").join("/"), await readFile(path));
  }
  return files;
}

/** The courses of the 2004 journeys: the starter, its variant, and the observation template (the grading journey's). */
const COURSES: Record<string, PackageFixtureOptions> = {
  "the starter course": {},
  "the starter without unableToPassResult": {
    edit: (course) => delete ((course.assessment as Record<string, unknown>).rubric as Record<string, unknown>).unableToPassResult,
  },
  "the observation template (tasks rated by assessors)": { courseDir: join(REPO_ROOT, "templates", "observation") },
};

describe("SCORM 2004 3rd and 4th edition packages carry the same SCO", () => {
  for (const [label, course] of Object.entries(COURSES)) {
    it(`${label}: every file but the manifest and its schemas is the same bytes; the manifests launch the same unit the same way`, async () => {
      const [third, fourth] = await Promise.all((["scorm2004-3", "scorm2004-4"] as const).map((target) => builtPackage({ ...course, target })));
      const [a, b] = await Promise.all([filesOf(third.dir), filesOf(fourth.dir)]);
      const shared = (files: Map<string, Buffer>) => [...files.keys()].filter((name) => !EDITION_FILE.test(name)).sort();
      expect(shared(a)).toEqual(shared(b));
      expect(shared(a)).toContain("course/course.json");
      for (const name of shared(a)) expect(a.get(name)!.equals(b.get(name)!), `${name} differs between the editions`).toBe(true);
      expect(a.get("imsmanifest.xml")!.toString()).toContain("2004 3rd Edition");
      expect(b.get("imsmanifest.xml")!.toString()).toContain("2004 4th Edition");

      // What an LMS (the preview's, package-info.ts) reads from each manifest to launch it.
      const [infoA, infoB] = [readPackageInfo(third.dir), readPackageInfo(fourth.dir)];
      expect([infoA.target, infoB.target]).toEqual(["scorm2004-3", "scorm2004-4"]);
      const { target: _a, root: _ra, ...launchA } = infoA;
      const { target: _b, root: _rb, ...launchB } = infoB;
      expect(launchA).toEqual(launchB);
      // And the preview LMS offers both the same API (scorm-again's 2004 one).
      expect([versionOf("scorm2004-3"), versionOf("scorm2004-4")]).toEqual(["2004", "2004"]);
    });
  }
});
