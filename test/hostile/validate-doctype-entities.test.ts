// Hostile input for `passmark validate`: a manifest with a DOCTYPE declaring entities (issue 11,
// item 10c) — external entities (XXE: they make a parser read files), entities that smuggle in
// elements, and an exponential "billion laughs". libxml2, which checks the schema, used to expand
// them (and quote what it read). Now the DOCTYPE is a warning and is blanked out before any parser
// sees the manifest: nothing is loaded or expanded, and a reference to such an entity is an error.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorsOf, formatReport, validatePackage, type ValidationReport } from "../../authoring/validate";
import { findDoctype } from "../../authoring/validate/doctype";
import { zipFiles } from "../fixtures/packages/rezip";

function scormManifest(doctype: string, title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the DOCTYPE -->
${doctype}
<manifest identifier="m" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>${title}</title><item identifier="i" identifierref="r"><title>Start</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource></resources>
</manifest>`;
}

const LAUGHS = `<!DOCTYPE manifest [
  <!ENTITY a "lollollollollollollollollollol">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>`;

let work: string;
let counter = 0;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-hostile-doctype-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function validateManifest(name: "imsmanifest.xml" | "cmi5.xml", bytes: Buffer): Promise<ValidationReport> {
  const files = new Map([
    [name, bytes],
    ["index.html", Buffer.from("<!doctype html>")],
  ]);
  return validatePackage(await zipFiles(files, join(work, `doctype-${++counter}.zip`)));
}

// The report names the package by its path, and mkdtemp's random suffix can spell anything ("mLOLSj"
// did once): what must not appear is checked in the report with that directory taken out.
function reportText(report: ValidationReport): string {
  return formatReport(report).split(work).join("<work>");
}

function doctypeWarning(report: ValidationReport): string | undefined {
  return report.problems.find((p) => p.rule === "manifest/doctype" && p.severity === "warning")?.message;
}

describe("a DOCTYPE in a manifest is reported and nothing in it is expanded", () => {
  it("XXE: an external entity naming a file the schema checker can read is neither read nor quoted", async () => {
    // imscp_rootv1p1p2.xsd is one of the files libxml2 has at hand: it used to load it and quote it.
    const report = await validateManifest(
      "imsmanifest.xml",
      Buffer.from(scormManifest('<!DOCTYPE manifest [<!ENTITY xxe SYSTEM "imscp_rootv1p1p2.xsd">]>', "Course &xxe;")),
    );
    const text = reportText(report);
    expect(doctypeWarning(report), text).toContain("declaring the entity xxe");
    expect(report.problems.find((p) => p.rule === "manifest/doctype")!.line).toBe(3);
    expect(text).not.toContain("<?xml");
    expect(text).not.toMatch(/xsd:|schema/i);
    expect(
      errorsOf(report)
        .map((p) => p.message)
        .join("\n"),
    ).toContain("Entity 'xxe' not defined");
  });

  it("an internal entity that would smuggle in an element is not expanded", async () => {
    const report = await validateManifest(
      "imsmanifest.xml",
      Buffer.from(scormManifest('<!DOCTYPE manifest [<!ENTITY e "<bogus>SMUGGLED</bogus>">]>', "Course</title>&e;<title>x")),
    );
    const text = reportText(report);
    expect(doctypeWarning(report), text).toBeDefined();
    expect(text).not.toMatch(/bogus|SMUGGLED/);
  });

  it("a billion laughs is not expanded (no amplification, one undefined-entity error)", async () => {
    const report = await validateManifest("imsmanifest.xml", Buffer.from(scormManifest(LAUGHS, "&i;")));
    const text = reportText(report);
    expect(doctypeWarning(report), text).toContain("declaring the entities a, b, c, d, e, f, g, h, i");
    expect(text, "the package is named, its directory taken out").toContain("<work>");
    expect(text).not.toMatch(/lol|amplification/i);
    expect(errorsOf(report).map((p) => p.rule)).toEqual(["manifest/not-well-formed"]);
  });

  it("a DOCTYPE that declares nothing and is never used: only the warning (exit 0)", async () => {
    const report = await validateManifest("imsmanifest.xml", Buffer.from(scormManifest("<!DOCTYPE manifest>", "Course")));
    expect(report.problems.map((p) => [p.rule, p.severity, p.line])).toEqual([["manifest/doctype", "warning", 3]]);
  });

  it("cmi5.xml too, and a UTF-16 manifest too", async () => {
    const cmi5 = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE courseStructure [<!ENTITY e "<bogus/>">]>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/c"><title><langstring lang="en">C</langstring></title><description><langstring lang="en">C</langstring></description></course>
  <au id="https://example.org/c/au" moveOn="Completed"><title><langstring lang="en">A &e;</langstring></title><description><langstring lang="en">A</langstring></description><url>index.html</url></au>
</courseStructure>`;
    const report = await validateManifest("cmi5.xml", Buffer.from(cmi5));
    expect(doctypeWarning(report), formatReport(report)).toContain("declaring the entity e");
    expect(reportText(report)).not.toContain("bogus");

    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        scormManifest('<!DOCTYPE manifest [<!ENTITY e "<bogus/>">]>', "Course</title>&e;<title>x").replace('encoding="UTF-8"', 'encoding="UTF-16"'),
        "utf16le",
      ),
    ]);
    const report16 = await validateManifest("imsmanifest.xml", utf16);
    expect(doctypeWarning(report16), formatReport(report16)).toContain("declaring the entity e");
    expect(reportText(report16)).not.toContain("bogus");
  });
});

describe("findDoctype", () => {
  it("blanks exactly the declaration, keeping every byte offset and newline; ignores a DOCTYPE-like text after the root starts", () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE m [\n<!ENTITY % p "x]>y">\n<!-- ]> -->\n<!ENTITY q 'z'>\n]>\n<m>&q;</m>`;
    const found = findDoctype(Buffer.from(text));
    expect(found?.line).toBe(2);
    expect(found?.entities).toEqual(["%p", "q"]);
    const blanked = found!.blanked.toString();
    expect(blanked).toHaveLength(text.length);
    expect(blanked).toBe(`<?xml version="1.0"?>\n${" ".repeat(13)}\n${" ".repeat(20)}\n${" ".repeat(11)}\n${" ".repeat(15)}\n  \n<m>&q;</m>`);
    expect(findDoctype(Buffer.from(`<m><![CDATA[<!DOCTYPE x>]]></m>`))).toBeNull();
    expect(findDoctype(Buffer.from(`\uFEFF<?xml version="1.0"?><!DOCTYPE m><m/>`))?.line).toBe(1);
  });
});
