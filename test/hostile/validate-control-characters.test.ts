// Hostile input for `passmark validate`: terminal control sequences in zip entry names and in the
// manifest's own text (issue 11, item 8). ESC / BEL / CSI could recolour or clear the terminal,
// retitle it, or forge report lines; bidi overrides could reorder what the reader sees. Every line
// of every report (text and --json) carries them escaped, and --json still round-trips the names.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZipFile } from "yazl";
import type { CliIo } from "../../authoring/cli/io";
import { main } from "../../authoring/cli/main";
import { formatReport, validatePackage } from "../../authoring/validate";

/** C0, DEL, C1, bidi embeddings/overrides and isolates: none may reach the terminal raw. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const DUPLICATE = "dup\u001b]0;owned\u0007\u001b[2J.html"; // retitle the terminal, clear the screen
const HINTED = "Assets/Logo\u009b31m\u202egnp.png"; // C1 CSI, right-to-left override
const FORGED = "page\u001b[1A\u001b[2K\n  OK: no problems\n.html"; // up one line, erase it, forge a verdict

function manifest(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>Course \u0085\u2066title\u2069</title>
    <item identifier="i" identifierref="r"><title>Start</title></item>
    <item identifier="i2" identifierref="gone\u202etxt.exe"><title>Gone</title></item>
    <item identifier="i3" identifierref="x&#10;  OK: no problems"><title>Forged</title></item>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html">
    <file href="index.html"/>
    <file href="${HINTED.toLowerCase()}"/>
    <file href="missing\u009d\u007f\u202d.html"/>
  </resource></resources>
</manifest>`;
}

/** A zip of these entries in this order (names may repeat). */
async function zipEntries(entries: ReadonlyArray<readonly [string, string]>, path: string): Promise<string> {
  const zip = new ZipFile();
  for (const [name, data] of entries) zip.addBuffer(Buffer.from(data), name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

let work: string;
let zip: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-hostile-controls-"));
  zip = await zipEntries(
    [
      ["imsmanifest.xml", manifest()],
      ["index.html", "<!doctype html>"],
      [HINTED, "png"],
      // The same names twice: duplicate entries, reported under their names.
      [DUPLICATE, "1"],
      [DUPLICATE, "2"],
      [FORGED, "1"],
      [FORGED, "2"],
    ],
    join(work, "controls.zip"),
  );
}, 60_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), cwd: work };
  const code = await main(argv, io);
  return { code, out: out.join("\n") };
}

describe("control characters from the package never reach the terminal raw", () => {
  it("the text report escapes them on every line (\\x1b, \\x9b, \\u202e …) and cannot be forged", async () => {
    const report = await validatePackage(zip);
    const text = formatReport(report);
    expect(text).not.toMatch(UNSAFE);
    // Findings that quote the package: the case hint names the entry, the schema and the rules quote manifest text.
    expect(text).toContain("Assets/Logo\\x9b31m\\u202egnp.png");
    expect(text).toContain("missing\\x9d\\x7f\\u202d.html");
    expect(text).toContain("gone\\u202etxt.exe");
    // One report line per finding: embedded newlines are escaped, so no line starts like a verdict.
    expect(text).toContain("x\\x0a  OK: no problems");
    expect(text.split("\n").filter((line) => line.trimStart().startsWith("OK"))).toEqual([]);
    expect(text.split("\n")).toHaveLength(2 + report.problems.length + 1);
  });

  it("entry names: duplicates named with ESC / BEL / CSI sequences and newlines are printed escaped", async () => {
    const report = await validatePackage(zip);
    expect(report.problems.filter((p) => p.rule === "zip/duplicate-entry").map((p) => p.file)).toEqual([DUPLICATE, FORGED]);
    const text = formatReport(report);
    expect(text).toContain("dup\\x1b]0;owned\\x07\\x1b[2J.html");
    expect(text).toContain("page\\x1b[1A\\x1b[2K\\x0a  OK: no problems\\x0a.html");
  });

  it("the CLI's text and --json output carry no raw control character; --json round-trips the names", async () => {
    const text = await cli("validate", zip);
    expect(text.code).toBe(1);
    expect(text.out).not.toMatch(UNSAFE);

    const json = await cli("validate", "--json", zip);
    expect(json.code).toBe(1);
    expect(json.out).not.toMatch(UNSAFE);
    const [parsed] = JSON.parse(json.out) as Array<{ problems: Array<{ message: string }> }>;
    expect(parsed!.problems.some((p) => p.message.includes(`the zip has "${HINTED}"`))).toBe(true);
  });
});
