// `passmark validate` says what the official schemas reject in an author's words (prefixed names,
// a sentence, a suggestion) instead of libxml2's raw text, and a cmi5 moveOn / masteryScore
// mistake once. Real zips, built in the test from a real package and broken in one place.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackages } from "../../authoring/package/build-packages";
import { errorsOf, formatReport, validatePackage, type PackageProblem } from "../../authoring/validate";
import { readableXsdMessage } from "../../authoring/validate/xsd-messages";
import { ALL_TARGETS, type TargetId } from "../../runtime/course/types";
import { sampleLoadedCourse } from "../fixtures/packages/sample-course";
import { editText, rezip, type PackageFiles } from "../fixtures/packages/rezip";

let work: string;
let courseDir: string;
const ours = {} as Record<TargetId, string>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-xsd-messages-"));
  const course = await sampleLoadedCourse();
  courseDir = course.dir;
  for (const built of await buildPackages(course, { targets: ALL_TARGETS, outDir: join(work, "ours") })) ours[built.target] = built.path;
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(courseDir, { recursive: true, force: true });
});

let counter = 0;
async function errorsAfter(target: TargetId, mutate: (files: PackageFiles) => void): Promise<PackageProblem[]> {
  const report = await validatePackage(await rezip(ours[target], join(work, `broken-${++counter}.zip`), mutate));
  const errors = errorsOf(report);
  for (const p of errors) expect(p.message, formatReport(report)).not.toMatch(/\{http|demanded by|Schemas validity/);
  return errors;
}

describe("SCORM 2004 schema messages", () => {
  it("an undeclared element where imsss:sequencing takes only declared ones (libxml2: 'demanded by the strict wildcard')", async () => {
    const errors = await errorsAfter("scorm2004-4", (f) => editText(f, "imsmanifest.xml", "</imsss:sequencing>", "<adlseq:objectivs/></imsss:sequencing>"));
    expect(errors.map((p) => [p.rule, p.message])).toEqual([
      [
        "manifest/schema",
        "<adlseq:objectivs> is not an element of its schema: check its name and namespace prefix (here only elements the SCORM schemas declare are allowed)",
      ],
    ]);
    expect(errors[0]!.line).toBeGreaterThan(1);
  });

  it("a misspelt element: what is expected there, with the name it was probably meant to be", async () => {
    const errors = await errorsAfter("scorm2004-4", (f) =>
      editText(f, "imsmanifest.xml", "<imsss:deliveryControls", "<imsss:deliverycontrols/><imsss:deliveryControls"),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /^<imsss:deliverycontrols> is not allowed here: expected .*<imsss:deliveryControls>.* \(did you mean <imsss:deliveryControls>\?\)$/,
    );
  });

  it("a missing required attribute names the element and the attribute", async () => {
    const errors = await errorsAfter("scorm2004-4", (f) => editText(f, "imsmanifest.xml", '<organization identifier="ORG-1">', "<organization>"));
    expect(errors.map((p) => p.message)).toContain("<organization> is missing its required attribute identifier");
  });
});

describe("cmi5: moveOn and masteryScore reported once, by the rule", () => {
  it("moveOn in the wrong case: one error, with the value it was meant to be", async () => {
    const errors = await errorsAfter("cmi5", (f) => editText(f, "cmi5.xml", 'moveOn="CompletedAndPassed"', 'moveOn="completedandpassed"'));
    expect(errors.map((p) => p.rule)).toEqual(["cmi5/move-on"]);
    expect(errors[0]!.message).toContain('moveOn="completedandpassed" is not one of');
    expect(errors[0]!.message).toMatch(/\(did you mean "CompletedAndPassed"\?\)$/);
  });

  it("masteryScore and moveOn both wrong on one <au>: two errors, not four", async () => {
    const errors = await errorsAfter("cmi5", (f) => {
      editText(f, "cmi5.xml", 'moveOn="CompletedAndPassed"', 'moveOn="Always"');
      editText(f, "cmi5.xml", 'masteryScore="0.8"', 'masteryScore="80"');
    });
    expect(errors.map((p) => p.rule).sort()).toEqual(["cmi5/mastery-score", "cmi5/move-on"]);
  });
});

describe("readableXsdMessage", () => {
  it.each([
    [
      "Element '{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}au', attribute 'launchMethod': [facet 'enumeration'] The value 'ownWindow' is not an element of the set {'AnyWindow', 'OwnWindow'}.",
      '<au> attribute launchMethod is "ownWindow", expected one of AnyWindow, OwnWindow (did you mean "OwnWindow"?)',
    ],
    [
      "Element '{http://www.imsglobal.org/xsd/imsss}minNormalizedMeasure': [facet 'maxInclusive'] The value '1.5' is greater than the maximum value allowed ('1').",
      "<imsss:minNormalizedMeasure> is 1.5, expected a value at most 1",
    ],
    [
      "Element '{http://www.imsglobal.org/xsd/imscp_v1p1}organization': Missing child element(s). Expected is ( {http://www.imsglobal.org/xsd/imscp_v1p1}title ).",
      "<organization> is missing a child element: expected <title>",
    ],
    [
      "Element '{http://www.imsglobal.org/xsd/imscp_v1p1}dependency', attribute '{http://www.adlnet.org/xsd/adlcp_v1p3}bogus': No matching global attribute declaration available, but demanded by the strict wildcard.",
      "<dependency> has the attribute adlcp:bogus, which its schema does not declare: check its name and namespace prefix",
    ],
    [
      "Element '{http://www.imsglobal.org/xsd/imscp_v1p1}item', attribute 'isvisible': The attribute 'isvisible' is not allowed.",
      "<item> does not take the attribute isvisible",
    ],
    ["Element '{urn:example}x': Some new libxml2 wording.", "<{urn:example}x>: Some new libxml2 wording."],
  ])("%s", (raw, readable) => {
    expect(readableXsdMessage(raw).message).toBe(readable);
  });
});
