// Hostile input for `passmark validate`: a zip entry stored as a symbolic link (issue 11, item 10c).
// The Unix mode in the entry's external attributes says S_IFLNK and its content is the link target;
// unpacked with links kept (Info-ZIP unzip, many LMS import jobs) it points outside the package.
// A warning names the entry; the package's other findings are unchanged.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZipFile } from "yazl";
import { errorsOf, formatReport, validatePackage } from "../../authoring/validate";
import { isSymlinkEntry } from "../../authoring/validate/symlink-entries";

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Course</title><item identifier="i" identifierref="r"><title>Start</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/><file href="assets/passwd.txt"/></resource></resources>
</manifest>`;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-hostile-symlink-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function packageWith(linkMode: number): Promise<string> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(MANIFEST), "imsmanifest.xml", { mode: 0o100644 });
  zip.addBuffer(Buffer.from("<!doctype html>"), "index.html", { mode: 0o100644 });
  zip.addBuffer(Buffer.from("../../../../etc/passwd"), "assets/passwd.txt", { mode: linkMode });
  zip.end();
  const path = join(work, `link-${linkMode.toString(8)}.zip`);
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

describe("a symbolic link stored in the zip", () => {
  it("is a warning naming the entry (zip/symlink-entry); nothing else changes", async () => {
    const report = await validatePackage(await packageWith(0o120777));
    expect(errorsOf(report), formatReport(report)).toEqual([]);
    expect(report.problems).toEqual([
      {
        rule: "zip/symlink-entry",
        severity: "warning",
        file: "assets/passwd.txt",
        line: null,
        message: "this entry is a symbolic link: unpacked with links kept, it can point outside the package; store the file itself",
      },
    ]);
  });

  it("a regular file with the same content is not flagged", async () => {
    const report = await validatePackage(await packageWith(0o100644));
    expect(report.problems, formatReport(report)).toEqual([]);
  });

  it("only the file-type bits count: S_IFLNK, not a regular file with every permission, not a directory or a DOS-attribute zip", () => {
    const attributes = (mode: number, dos = 0): { externalFileAttributes: number } => ({ externalFileAttributes: ((mode << 16) | dos) >>> 0 });
    expect(isSymlinkEntry(attributes(0o120777))).toBe(true);
    expect(isSymlinkEntry(attributes(0o120644))).toBe(true);
    expect(isSymlinkEntry(attributes(0o100777))).toBe(false);
    expect(isSymlinkEntry(attributes(0o040755, 0x10))).toBe(false);
    expect(isSymlinkEntry(attributes(0, 0x20))).toBe(false); // made on Windows: DOS "archive" bit only
  });
});
