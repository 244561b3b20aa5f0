// Hostile input: a zip whose entries inflate past the total limit (lowered with --max-unpacked-mb so
// the test stays small), once as declared and once lying about its sizes (the central directory and
// local headers say a few bytes; the data inflates to MiBs). Both are refused with exit 1 and leave
// nothing unpacked: the limit counts the bytes actually inflated. Raising the limit lets it through.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { startPreviewFromArgs } from "../../authoring/preview/command";
import { filesUnder, runPreview, tempDir, writeZip } from "./preview-helpers";

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="big" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Big</title><item identifier="item" identifierref="res"><title>Big</title></item></organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="sco.html"><file href="sco.html"/></resource></resources>
</manifest>`;

/** 600 KiB of text that does not compress much (so the ratio limit stays out of the way). */
function noise(seed: number): string {
  let x = seed;
  let text = "";
  while (text.length < 600 * 1024) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    text += x.toString(36);
  }
  return text;
}

/** Patch every local header (offset 22) and central directory record (offset 24) to declare 10 bytes unpacked. */
function lieAboutSizes(path: string): void {
  const bytes = readFileSync(path);
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const signature = bytes.readUInt32LE(i);
    if (signature === 0x04034b50) bytes.writeUInt32LE(10, i + 22);
    if (signature === 0x02014b50) bytes.writeUInt32LE(10, i + 24);
  }
  writeFileSync(path, bytes);
}

let dir: string;
let honest: string;
let lying: string;
beforeAll(async () => {
  dir = tempDir();
  const parts = [
    { name: "imsmanifest.xml", text: MANIFEST },
    { name: "sco.html", text: "<!doctype html><title>SCO</title>" },
    ...[1, 2, 3].map((n) => ({ name: `media/part${n}.txt`, text: noise(n) })),
  ];
  honest = await writeZip(join(dir, "honest.zip"), parts);
  lying = await writeZip(join(dir, "lying.zip"), [{ name: "media/big.bin", zeros: 3 * 1024 * 1024 }]);
  lieAboutSizes(lying);
});

describe("preview of a zip over the total size limit", () => {
  it("is refused with exit 1 when its declared sizes are over it, and nothing is written", async () => {
    const run = await runPreview([honest, "--port", "0", "--max-unpacked-mb", "1"], dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/the zip declares \d+ bytes unpacked, over the limit of 1048576 \(raise it with --max-unpacked-mb\)/);
    expect(filesUnder(join(dir, ".passmark", "honest"))).toEqual([]);
  });

  it("is refused while inflating when the zip lies about its sizes, and nothing is left", async () => {
    const run = await runPreview([lying, "--port", "0", "--max-unpacked-mb", "1", "--max-ratio", "100000"], dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain('entry "media/big.bin": inflates to more than the 10 bytes the zip declares');
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(filesUnder(join(dir, ".passmark", "lying"))).toEqual([]);
  });

  it("is previewed once --max-unpacked-mb allows it", async () => {
    const io = { out: () => undefined, err: () => undefined, cwd: dir };
    const preview = await startPreviewFromArgs([honest, "--port", "0", "--max-unpacked-mb", "3"], io);
    try {
      expect([...preview.course.packages.keys()]).toEqual(["scorm12"]);
      expect(filesUnder(join(dir, ".passmark", "honest", "packages", "scorm12")).sort()).toEqual([
        "imsmanifest.xml",
        "media/part1.txt",
        "media/part2.txt",
        "media/part3.txt",
        "sco.html",
      ]);
    } finally {
      await preview.close();
    }
  });
});
