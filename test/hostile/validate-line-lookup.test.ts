// `passmark validate` looks manifest lines up only for findings (issue 11, item 3): a clean manifest
// of any size costs no lookup, a finding costs one, through a newline index searched by bisection;
// case hints come from one map by lower-cased name.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseHints } from "../../authoring/validate/case-hint";
import { checkCmi5CourseStructure } from "../../authoring/validate/cmi5-rules";
import { parseXml } from "../../authoring/validate/xml-dom";
import { lineLocator, lineOfOffset, newlineOffsets, type Locate } from "../../authoring/validate/line-index";
import { checkScormManifest } from "../../authoring/validate/scorm-rules";
import { manyFilesEntryName, manyFilesManifest } from "../fixtures/packages/scorm-many-files";

/** A Locate that records the needles it is asked for. */
function countingLocator(text: string): { at: Locate; asked: string[] } {
  const real = lineLocator(text);
  const asked: string[] = [];
  return { asked, at: (needle, options) => (asked.push(needle), real(needle, options)) };
}

describe("the newline index", () => {
  it("gives the same line as counting newlines, for any text and offset", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "\n", "\r\n", "é", "😀"), { maxLength: 200 }), fc.nat(), (parts, seed) => {
        const text = parts.join("");
        const offset = text.length === 0 ? 0 : seed % (text.length + 1);
        expect(lineOfOffset(newlineOffsets(text), offset)).toBe(text.slice(0, offset).split("\n").length);
      }),
    );
  });

  it("lineLocator: first or last occurrence, attribute needles in either quote or escaped, null when absent", () => {
    const text = `<a id="x">\n<b href='p&amp;q'/>\n<c id="x"/>\n<d>text</d>`;
    const at = lineLocator(text);
    expect(at('id="x"')).toBe(1);
    expect(at('id="x"', { last: true })).toBe(3);
    expect(at('href="p&q"')).toBe(2);
    expect(at("text</d>")).toBe(4);
    expect(at('id="y"')).toBeNull();
    expect(at("nowhere")).toBeNull();
  });
});

describe("lines are looked up only for findings", () => {
  const manifest = manyFilesManifest(2000);
  const doc = parseXml(manifest);
  const every = new Set(["imsmanifest.xml", "index.html", ...Array.from({ length: 2000 }, (_, i) => manyFilesEntryName(i))]);

  it("SCORM: a clean manifest of 2,000 files asks for no line at all", () => {
    const { at, asked } = countingLocator(manifest);
    expect(checkScormManifest(doc, at, "scorm12", every)).toEqual([]);
    expect(asked).toEqual([]);
  });

  it("SCORM: three missing files ask for exactly their three lines", () => {
    const missing = [7, 1000, 1999].map(manyFilesEntryName);
    const { at, asked } = countingLocator(manifest);
    const problems = checkScormManifest(doc, at, "scorm12", new Set([...every].filter((n) => !missing.includes(n))));
    expect(problems.map((p) => p.rule)).toEqual(["scorm/missing-file", "scorm/missing-file", "scorm/missing-file"]);
    expect(asked).toEqual(missing.map((name) => `href="${name}"`));
    expect(problems.map((p) => manifest.split("\n")[p.line! - 1]!.trim())).toEqual(missing.map((name) => `<file href="${name}"/>`));
  });

  it("cmi5: a clean course structure asks for no line; a missing AU file asks for one", () => {
    const structure = `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/c"><title><langstring lang="en">C</langstring></title><description><langstring lang="en">C</langstring></description></course>
  <au id="https://example.org/c/au" moveOn="Completed"><title><langstring lang="en">A</langstring></title><description><langstring lang="en">A</langstring></description>
    <url>index.html</url>
  </au>
</courseStructure>`;
    const cmi5 = parseXml(structure);
    const clean = countingLocator(structure);
    expect(checkCmi5CourseStructure(cmi5, clean.at, new Set(["cmi5.xml", "index.html"]))).toEqual([]);
    expect(clean.asked).toEqual([]);
    const missing = countingLocator(structure);
    const problems = checkCmi5CourseStructure(cmi5, missing.at, new Set(["cmi5.xml", "Index.html"]));
    expect(problems.map((p) => [p.rule, p.line])).toEqual([["cmi5/au-url-missing", 5]]);
    expect(problems[0]!.message).toContain('the zip has "Index.html"');
    expect(missing.asked).toHaveLength(1);
  });
});

describe("case hints", () => {
  it("name the entry that differs only in case (the first such one), and nothing for an exact or absent name", () => {
    const hint = caseHints(["a/Index.html", "a/INDEX.html", "b.js"]);
    expect(hint("a/index.html")).toBe(' (the zip has "a/Index.html": names are case-sensitive on most servers)');
    expect(hint("b.js")).toBe("");
    expect(hint("c.css")).toBe("");
  });
});
