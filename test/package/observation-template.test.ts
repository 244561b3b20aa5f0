// The observation template (tasks with grading forms and an assessor passcode) builds for every target:
// its manifests pass the official XSDs, passmark validate accepts the zips, and a rebuild is
// byte-identical (the passcode hash's salt is derived, not random).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCourse, type BuildCourseResult } from "../../authoring/build-course";
import { errorsOf, validatePackage } from "../../authoring/validate/index";
import { ALL_TARGETS, type CourseData } from "../../runtime/course/types";
import { validateWithSharedXsd } from "../fixtures/packages/shared-xsd";
import { readZipEntry } from "../fixtures/packages/zip-inspect";

const template = resolve("templates/observation");
const dirs: string[] = [];
let first: BuildCourseResult;

async function build(): Promise<BuildCourseResult> {
  const out = await mkdtemp(join(tmpdir(), "passmark-observation-"));
  dirs.push(out);
  return buildCourse(template, { targets: ALL_TARGETS, outDir: out });
}

beforeAll(async () => {
  first = await build();
}, 120_000);
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("observation template packages", { timeout: 120_000 }, () => {
  it("builds one zip per target without warnings", () => {
    expect(first.packages.map((p) => p.target)).toEqual([...ALL_TARGETS]);
    expect(first.warnings).toEqual([]);
  });

  it("every manifest validates against the official XSDs", async () => {
    // xapi: tincan.xml has no official XSD; authoring/validate/tincan-rules.ts checks its structure.
    for (const p of first.packages) {
      if (p.target === "xapi") continue;
      const name = p.target === "cmi5" ? "cmi5.xml" : "imsmanifest.xml";
      const result = await validateWithSharedXsd(p.target, name, await readZipEntry(p.path, name));
      expect(result.valid, `${p.target}: ${result.output}`).toBe(true);
    }
  });

  it("passmark validate finds no problem in any zip", async () => {
    for (const p of first.packages) {
      const report = await validatePackage(p.path);
      expect(errorsOf(report), p.target).toEqual([]);
      expect(report.problems, p.target).toEqual([]);
    }
  });

  it("course/course.json carries the tasks with hashed passcodes, never the passcode itself", async () => {
    const text = (await readZipEntry(first.packages[0]!.path, "course/course.json")).toString("utf8");
    const data = JSON.parse(text) as CourseData;
    const tasks = data.assessment!.items.filter((q) => q.kind === "question" && q.type === "task");
    expect(tasks).toHaveLength(4);
    expect(text).not.toContain('"1234"');
    expect(text).toContain('"algorithm":"PBKDF2-SHA-256"');
  });

  it("is reproducible: building again gives byte-identical zips, passcode hashes included", async () => {
    const again = await build();
    for (const [i, p] of first.packages.entries()) {
      expect((await readFile(again.packages[i]!.path)).equals(await readFile(p.path)), p.target).toBe(true);
    }
  });
});
