// Hostile input for `passmark validate`: a cmi5 AU whose url is javascript:, data:, vbscript:,
// file:… (issue 11, item 9). The LMS launches the AU url in the learner's browser (cmi5 §8.1), so
// only a relative url inside the package or an http(s) url is launchable (cmi5 §13.1.4): any other
// scheme is an error naming the AU and its url — also when tabs or newlines hide it, as a browser
// strips them before it reads the scheme.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../authoring/cli/io";
import { main } from "../../authoring/cli/main";
import { errorsOf, formatReport, validatePackage } from "../../authoring/validate";
import { zipFiles } from "../fixtures/packages/rezip";

const AU_ID = "https://example.org/course/au-1";

/** `url` is written into the XML as is (so character references like &#9; are allowed). */
function courseStructure(url: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/course"><title><langstring lang="en">Course</langstring></title><description><langstring lang="en">Course</langstring></description></course>
  <au id="${AU_ID}" moveOn="Completed"><title><langstring lang="en">AU</langstring></title><description><langstring lang="en">AU</langstring></description>
    <url>${url}</url>
  </au>
</courseStructure>`;
}

let work: string;
let counter = 0;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-hostile-au-url-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function packageWithUrl(url: string, extra: Record<string, string> = {}): Promise<string> {
  const files = new Map([
    ["cmi5.xml", Buffer.from(courseStructure(url))],
    ["index.html", Buffer.from("<!doctype html>")],
  ]);
  for (const [name, text] of Object.entries(extra)) files.set(name, Buffer.from(text));
  return zipFiles(files, join(work, `au-${++counter}.zip`));
}

describe("an AU url with a scheme a browser must not launch is an error", () => {
  const hostile: Array<[string, string, string]> = [
    // [as written in cmi5.xml, the scheme reported, the url as the report quotes it]
    ["javascript:alert(1)", "javascript", "javascript:alert(1)"],
    ["JavaScript:alert(document.cookie)", "javascript", "JavaScript:alert(document.cookie)"],
    ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="],
    ["vbscript:msgbox(1)", "vbscript", "vbscript:msgbox(1)"],
    ["file:///etc/passwd", "file", "file:///etc/passwd"],
    ["ftp://example.org/au.html", "ftp", "ftp://example.org/au.html"],
    ["java&#9;script:alert(1)", "javascript", "java\tscript:alert(1)"],
  ];
  for (const [written, scheme, quoted] of hostile) {
    it(`${JSON.stringify(written)}: cmi5/au-url-scheme naming the AU, its url and the ${scheme}: scheme`, async () => {
      const report = await validatePackage(await packageWithUrl(written));
      const [problem, ...others] = errorsOf(report).filter((p) => p.rule === "cmi5/au-url-scheme");
      expect(others, formatReport(report)).toEqual([]);
      expect(problem?.message, formatReport(report)).toBe(
        `au "${AU_ID}" url "${quoted}": the ${scheme}: scheme cannot be launched; an AU url is a relative path inside the package or an http(s) URL`,
      );
      expect(problem!.file).toBe("cmi5.xml");
      expect(problem!.line).toBe(written === quoted ? 5 : 4); // the <au> line when the url is written with character references
      expect(report.problems.map((p) => p.rule)).not.toContain("cmi5/au-url-external");
    });
  }

  it("even when the zip holds an entry of that very name (a browser reads java<TAB>script: as javascript:)", async () => {
    const report = await validatePackage(await packageWithUrl("java&#9;script:alert(1)", { "java\tscript:alert(1)": "x" }));
    expect(errorsOf(report).map((p) => p.rule)).toContain("cmi5/au-url-scheme");
  });

  it("the CLI exits 1 and prints the AU and its url", async () => {
    const zip = await packageWithUrl("javascript:alert(1)");
    const out: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), cwd: work };
    expect(await main(["validate", zip], io)).toBe(1);
    expect(out.join("\n")).toContain(`error   cmi5.xml:5: au "${AU_ID}" url "javascript:alert(1)": the javascript: scheme cannot be launched`);
  });
});

describe("launchable AU urls are unchanged", () => {
  it("a relative url inside the package: no problem", async () => {
    const report = await validatePackage(await packageWithUrl("index.html?lang=en"));
    expect(report.problems, formatReport(report)).toEqual([]);
  });

  it("an http(s) url: a warning (hosted outside, not checked), exit 0", async () => {
    for (const url of ["https://au.example.org/start.html", "HTTP://au.example.org/start.html"]) {
      const report = await validatePackage(await packageWithUrl(url));
      expect(errorsOf(report), formatReport(report)).toEqual([]);
      expect(report.problems.map((p) => p.rule)).toEqual(["cmi5/au-url-external"]);
    }
  });
});
