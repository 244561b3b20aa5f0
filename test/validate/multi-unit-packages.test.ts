// `passmark validate` on multi-unit packages: it accepts every manifest the writers make for a
// multi-unit course (AU urls with a query, blocks, items with parameters sharing one resource,
// prerequisites, preconditions on global objectives) and still reports what is really wrong.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCmi5Xml } from "../../authoring/manifest/cmi5";
import { writeScorm12Manifest } from "../../authoring/manifest/scorm12";
import { writeScorm2004Manifest } from "../../authoring/manifest/scorm2004";
import { errorsOf, formatReport, validatePackage, type ValidationReport } from "../../authoring/validate";
import { aiccScriptIdentifiers } from "../../authoring/validate/scorm-item-rules";
import type { TargetId } from "../../runtime/course/types";
import { unitCourseDataPath } from "../../runtime/course/units";
import type { CourseOutline } from "../../authoring/manifest/outline";
import { threeUnitOutline, unitOutline } from "../fixtures/packages/multi-unit-outline";
import { editText, zipFiles, type PackageFiles } from "../fixtures/packages/rezip";

type ManifestTarget = Exclude<TargetId, "xapi">;
const TARGETS: readonly ManifestTarget[] = ["cmi5", "scorm12", "scorm2004-3", "scorm2004-4"];

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-validate-units-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The files of a multi-unit package of the three-unit outline, its manifest from our writers. */
function packageFiles(target: ManifestTarget, outline: CourseOutline = threeUnitOutline()): PackageFiles {
  const content = ["index.html", "runtime/passmark.js", ...outline.units.map((u) => unitCourseDataPath(u.id!))];
  const files: PackageFiles = new Map(content.map((name) => [name, Buffer.from(`/* ${name} */`)]));
  const manifest =
    target === "cmi5"
      ? writeCmi5Xml(outline)
      : target === "scorm12"
        ? writeScorm12Manifest(outline, content)
        : writeScorm2004Manifest(outline, content, target === "scorm2004-3" ? 3 : 4);
  files.set(target === "cmi5" ? "cmi5.xml" : "imsmanifest.xml", Buffer.from(manifest));
  return files;
}

let counter = 0;
async function validate(
  target: ManifestTarget,
  mutate: (files: PackageFiles, manifest: string) => void = () => {},
  outline?: CourseOutline,
): Promise<ValidationReport> {
  const files = packageFiles(target, outline);
  mutate(files, target === "cmi5" ? "cmi5.xml" : "imsmanifest.xml");
  return validatePackage(await zipFiles(files, join(work, `${target}-${++counter}.zip`)));
}

function findings(report: ValidationReport): string[] {
  return report.problems.map((p) => `${p.severity} ${p.rule}`);
}

describe("multi-unit packages pass", () => {
  for (const target of TARGETS) {
    it(`${target}: no errors, no warnings`, async () => {
      const report = await validate(target);
      expect(report.problems, formatReport(report)).toEqual([]);
      expect(report.kinds).toEqual([target]);
    });
  }

  // One unit requiring two (an AICC script with "&", two preconditions), no blocks.
  const twoRequires = threeUnitOutline({
    units: [unitOutline("welcome", { hasAssessment: false }), unitOutline("fire"), unitOutline("first-aid", { requires: ["welcome", "fire"] })],
    blocks: [],
  });
  for (const target of TARGETS) {
    it(`${target}: a unit requiring two others`, async () => {
      const report = await validate(target, () => {}, twoRequires);
      expect(report.problems, formatReport(report)).toEqual([]);
    });
  }
});

describe("cmi5: real problems are still reported", () => {
  it("an AU url with a query whose file is missing", async () => {
    const report = await validate("cmi5", (f, m) => editText(f, m, "<url>index.html?pmUnit=fire</url>", "<url>fire.html?pmUnit=fire</url>"));
    expect(findings(report)).toEqual(["error cmi5/au-url-missing"]);
    expect(errorsOf(report)[0]!.message).toContain('"fire.html" is not in the zip');
  });

  it("two AUs launching the same url (the unit parameter lost) is a warning", async () => {
    const report = await validate("cmi5", (f, m) => editText(f, m, "<url>index.html?pmUnit=fire</url>", "<url>index.html?pmUnit=welcome</url>"));
    expect(findings(report)).toEqual(["warning cmi5/duplicate-au-url"]);
  });

  it("a unit query that uses a cmi5 launch parameter name", async () => {
    const report = await validate("cmi5", (f, m) => editText(f, m, "<url>index.html?pmUnit=fire</url>", "<url>index.html?fetch=fire</url>"));
    expect(findings(report)).toEqual(["error cmi5/reserved-launch-parameter"]);
  });

  it("a block id that is not an absolute IRI", async () => {
    const report = await validate("cmi5", (f, m) =>
      editText(f, m, 'block id="https://courses.example.org/workplace-safety/blocks/hazards"', 'block id="hazards"'),
    );
    expect(findings(report)).toEqual(["error cmi5/id-not-absolute-iri"]);
  });
});

describe("SCORM: real problems are still reported", () => {
  for (const target of ["scorm12", "scorm2004-3", "scorm2004-4"] as const) {
    it(`${target}: an item naming a missing resource`, async () => {
      const report = await validate(target, (f, m) => editText(f, m, /identifierref="RES-SCO-1" /, 'identifierref="RES-SCO-2" '));
      expect(findings(report)).toEqual(["error scorm/identifierref"]);
      expect(errorsOf(report)[0]!.message).toContain('item "ITEM-welcome" identifierref="RES-SCO-2" names no <resource>');
    });

    it(`${target}: parameters without "?" is a warning, one with a space an error`, async () => {
      const bare = await validate(target, (f, m) => editText(f, m, 'parameters="?pmUnit=fire"', 'parameters="pmUnit=fire"'));
      expect(findings(bare)).toEqual(["warning scorm/parameters-form"]);
      const spaced = await validate(target, (f, m) => editText(f, m, 'parameters="?pmUnit=fire"', 'parameters="?pmUnit=fire safety"'));
      expect(findings(spaced)).toEqual(["error scorm/parameters"]);
      const percent = await validate(target, (f, m) => editText(f, m, 'parameters="?pmUnit=fire"', 'parameters="?pmUnit=%E0%A4%A"'));
      expect(findings(percent)).toEqual(["error scorm/parameters"]);
    });

    it(`${target}: two items launching the shared resource with the same parameters is a warning`, async () => {
      const report = await validate(target, (f, m) => editText(f, m, 'parameters="?pmUnit=fire"', 'parameters="?pmUnit=welcome"'));
      expect(findings(report)).toEqual(["warning scorm/duplicate-launch"]);
    });

    it(`${target}: an item launching a resource file that is missing`, async () => {
      const report = await validate(target, (f) => f.delete("index.html"));
      expect(findings(report)).toEqual(["error scorm/missing-file", "error scorm/missing-file"]); // the href and its <file>
    });
  }

  it("scorm12: a prerequisite naming no item, or the item itself", async () => {
    const other = await validate("scorm12", (f, m) => editText(f, m, ">ITEM-welcome</adlcp:prerequisites>", ">ITEM-welcom</adlcp:prerequisites>"));
    expect(findings(other)).toEqual(["error scorm12/prerequisites"]);
    expect(errorsOf(other)[0]!.message).toContain('names "ITEM-welcom", which is no <item>');
    const self = await validate("scorm12", (f, m) => editText(f, m, ">ITEM-welcome</adlcp:prerequisites>", ">ITEM-first-aid</adlcp:prerequisites>"));
    expect(findings(self)).toEqual(["error scorm12/prerequisites"]);
  });

  it("scorm12: the identifiers of an AICC script", () => {
    expect(aiccScriptIdentifiers("ITEM-a & ITEM-b")).toEqual(["ITEM-a", "ITEM-b"]);
    expect(aiccScriptIdentifiers("(A | B) & ~C")).toEqual(["A", "B", "C"]);
    expect(aiccScriptIdentifiers('S1=passed & S2<>"not attempted" & 2*{S3,S4,S5}')).toEqual(["S1", "S2", "S3", "S4", "S5"]);
  });

  for (const target of ["scorm2004-3", "scorm2004-4"] as const) {
    it(`${target}: a precondition on an objective the item does not have`, async () => {
      const report = await validate(target, (f, m) => editText(f, m, /referencedObjective="requires-welcome"/g, 'referencedObjective="requires-welcom"'));
      expect(findings(report)).toEqual(["error scorm2004/referenced-objective", "error scorm2004/referenced-objective"]);
    });

    it(`${target}: a required unit whose status no item writes`, async () => {
      const report = await validate(target, (f, m) => editText(f, m, ' writeSatisfiedStatus="true"', ""));
      expect(findings(report)).toEqual(["warning scorm2004/global-objective-never-written"]);
    });
  }
});
