// Hostile input: characters XML 1.0 forbids (§2.2 Char: no U+0000–U+001F but tab/LF/CR, no U+FFFE,
// U+FFFF, no lone surrogates) in course.json text that reaches cmi5.xml / imsmanifest.xml. Before:
// written raw, exit 0, four zips that `passmark validate` rejects. Now: exit 1 naming the file and
// JSON path, nothing written; and build parses its own manifests before any zip is written.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildPackages } from "../../authoring/package/build-packages";
import { ALL_TARGETS } from "../../runtime/course/types";
import { sampleLoadedCourse } from "../fixtures/packages/sample-course";
import { cleanUp, courseJson, namesIn, removeLater, runCli, tempFolder, writeCourse } from "./build-support";

afterAll(cleanUp);

// JSON text (escapes as an author's editor would save them) → what the error must name.
const CASES: Array<[string, string, string, string]> = [
  ["U+0001 in the title", "title", '"Fire\\u0001safety"', "U+0001"],
  ["U+0000 in the description", "description", '"About\\u0000this"', "U+0000"],
  ["U+001F in the description", "description", '"Unit\\u001fseparator"', "U+001F"],
  ["U+FFFE in the title", "title", '"Noncharacter \\ufffe"', "U+FFFE"],
  ["U+FFFF in the description", "description", '"Noncharacter \\uffff"', "U+FFFF"],
  ["a lone high surrogate in the title", "title", '"Half \\ud800 a pair"', "U+D800"],
  ["a lone low surrogate in the description", "description", '"\\udc00 at the start"', "U+DC00"],
  ["U+0008 in the course id", "id", '"https://example.com/courses/a\\u0008b"', "U+0008"],
];

describe("build: XML-illegal characters in text written into the manifests", () => {
  for (const [label, field, jsonValue, codePoint] of CASES) {
    it(`${label} → exit 1 naming course.json /${field}, nothing written`, async () => {
      const parent = await tempFolder();
      const values: Record<string, string> = { id: '"https://example.com/courses/hostile"', title: '"Hostile input"', description: '""' };
      values[field] = jsonValue;
      const text = `{"id":${values["id"]},"title":${values["title"]},"description":${values["description"]},"pages":[{"id":"p1","title":"Page 1","body":{"markdown":"Hello"}}]}`;
      const dir = await writeCourse(parent, { "course.json": text });
      const r = await runCli(parent, "build", dir, "--target", "all", "--out", "out");
      expect(r.code, r.err).toBe(1);
      expect(r.err).toContain(`course.json /${field}:`);
      expect(r.err).toContain(codePoint);
      expect(r.err).toMatch(/XML/);
      expect(await namesIn(join(parent, "out"))).toEqual([]);
    });
  }

  it("tab, line feed, carriage return and characters beyond the BMP are legal and build", async () => {
    const parent = await tempFolder();
    const dir = await writeCourse(parent, { "course.json": courseJson({ title: "Tab\there 😀 \ue000", description: "Line one\nline two\r\nthree" }) });
    const r = await runCli(parent, "build", dir, "--target", "cmi5", "--out", "out");
    expect(r.code, r.err).toBe(0);
    expect(await namesIn(join(parent, "out"))).toEqual(["tab-here-cmi5.zip"]);
  });

  it("buildPackages parses every manifest it made before writing: one that is not well-formed XML is never shipped", async () => {
    // A course handed to the packager directly (as a program may do), past the course checks.
    const course = await sampleLoadedCourse({ title: "Fire\u0001safety", description: "Noncharacter \uffff" });
    removeLater(course.dir);
    const parent = await tempFolder();
    await expect(buildPackages(course, { targets: ALL_TARGETS, outDir: join(parent, "out") })).rejects.toThrow(
      /cmi5\.xml.*not well-formed XML[\s\S]*imsmanifest\.xml/,
    );
    expect(await readdir(parent)).toEqual([]);
  });
});
