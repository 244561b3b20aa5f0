// A large package (5,000 files, SCORM 1.2 and 2004) with one listed file missing and one unsafe
// entry name: `passmark validate` reports exactly those two problems, each with its file and line
// (issue 14 item 5: the fast paths for large packages keep every check). Speed is measured by
// `npm run bench` (figure 8), not here.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZipFile } from "yazl";
import { validatePackage } from "../../authoring/validate";
import { patchEntryName } from "../fixtures/packages/rezip";
import { manyFilesEntryName, manyFilesManifest, type ManyFilesEdition } from "../fixtures/packages/scorm-many-files";

const CONTENT_FILES = 4_999;
const MISSING = 3_210;
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-large-package-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Every listed file but one, plus an entry named "../evil.html" (made from a safe name of the same length). */
async function writeFlawedPackage(edition: ManyFilesEdition): Promise<{ path: string; manifest: string }> {
  const path = join(work, `${edition}.zip`);
  const manifest = manyFilesManifest(CONTENT_FILES, edition);
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(manifest), "imsmanifest.xml");
  zip.addBuffer(Buffer.from("<!doctype html>"), "index.html");
  for (let i = 0; i < CONTENT_FILES; i++) {
    if (i !== MISSING) zip.addBuffer(Buffer.from("<!doctype html>"), manyFilesEntryName(i), { compress: false });
  }
  zip.addBuffer(Buffer.from("<!doctype html>"), "xx/evil.html");
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  await patchEntryName(path, "xx/evil.html", "../evil.html");
  return { path, manifest };
}

describe("a 5,000-file package with one missing file and one unsafe entry", { timeout: 120_000 }, () => {
  for (const [edition, kind] of [
    ["scorm12", "scorm12"],
    ["scorm2004-4", "scorm2004-4"],
  ] as const) {
    it(`${edition}: exactly those two problems, with file and line`, async () => {
      const { path, manifest } = await writeFlawedPackage(edition);
      const report = await validatePackage(path);
      expect(report.kinds).toEqual([kind]);
      expect(report.entryCount).toBe(1 + 1 + CONTENT_FILES - 1 + 1);
      const missing = manyFilesEntryName(MISSING);
      const line = manifest.split("\n").findIndex((l) => l.includes(`"${missing}"`)) + 1;
      expect(report.problems).toEqual([
        {
          rule: "zip/unsafe-entry-name",
          severity: "error",
          file: "../evil.html",
          line: null,
          message: "unsafe entry name in the zip: invalid relative path: ../evil.html",
        },
        { rule: "scorm/missing-file", severity: "error", file: "imsmanifest.xml", line, message: `resource "RES-1" file: "${missing}" is not in the zip` },
      ]);
      expect(line).toBeGreaterThan(10);
    });
  }
});
