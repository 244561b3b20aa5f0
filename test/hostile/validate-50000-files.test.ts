// Hostile input for `passmark validate`: a manifest listing 50,000 files (issue 11, item 3). It used
// to be quadratic (a line lookup per <file>, a case-hint scan of every entry per missing file); now
// it is linear. Speed is measured by `npm run bench` (figure 8); here only correctness at that size,
// with a generous timeout, and every missing file reported with its own line.
// test-order: long, about 7 s to write and check a 50,000-file package (vitest.config.ts)
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorsOf, formatReport, validatePackage } from "../../authoring/validate";
import { manyFilesEntryName, manyFilesManifest, writeManyFilesPackage } from "../fixtures/packages/scorm-many-files";
import { zipFiles } from "../fixtures/packages/rezip";

const FILES = 50_000;
let work: string;
let whole: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-hostile-50000-"));
  whole = await writeManyFilesPackage(join(work, "whole.zip"), FILES);
}, 180_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("a SCORM package of 50,000 files", { timeout: 180_000 }, () => {
  it("validates clean: no errors, no warnings, every entry counted", async () => {
    const report = await validatePackage(whole);
    expect(report.problems, formatReport(report)).toEqual([]);
    expect(report.kinds).toEqual(["scorm12"]);
    expect(report.entryCount).toBe(FILES + 1);
  });

  it("with every content file missing: 49,999 findings, each on its own manifest line, with the case hint where only the case differs", async () => {
    const manifest = manyFilesManifest(FILES - 1);
    const wrongCase = manyFilesEntryName(1234).toUpperCase();
    const path = await zipFiles(
      new Map([
        ["imsmanifest.xml", Buffer.from(manifest)],
        ["index.html", Buffer.from("<!doctype html>")],
        [wrongCase, Buffer.from("<!doctype html>")],
      ]),
      join(work, "hollow.zip"),
    );
    const report = await validatePackage(path);
    const errors = errorsOf(report);
    expect(errors).toHaveLength(FILES - 1);
    expect(new Set(errors.map((p) => p.rule))).toEqual(new Set(["scorm/missing-file"]));

    const lines = manifest.split("\n");
    for (const i of [0, 1, 1234, 25_000, FILES - 2]) {
      const name = manyFilesEntryName(i);
      const finding = errors.find((p) => p.message.includes(`"${name}" is not in the zip`));
      expect(finding?.line, name).toBeTypeOf("number");
      expect(lines[finding!.line! - 1]).toBe(`      <file href="${name}"/>`);
    }
    const hinted = errors.filter((p) => p.message.includes("the zip has"));
    expect(hinted.map((p) => p.message)).toEqual([
      `resource "RES-1" file: "${manyFilesEntryName(1234)}" is not in the zip (the zip has "${wrongCase}": names are case-sensitive on most servers)`,
    ]);
  });
});
