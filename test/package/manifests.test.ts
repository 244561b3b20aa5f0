// Every generated manifest, for every target, validates against the official XSDs in ../shared/xsd.
import { describe, expect, it } from "vitest";
import { writeCmi5Xml } from "../../authoring/manifest/cmi5";
import { auIdFor, manifestIdentifierFor, scaledMastery } from "../../authoring/manifest/ids";
import { singleUnitOutline } from "../../authoring/manifest/outline";
import { writeScorm12Manifest } from "../../authoring/manifest/scorm12";
import { writeScorm2004Manifest } from "../../authoring/manifest/scorm2004";
import { parseXml } from "../../authoring/validate/xml-dom";
import { sampleCourseData } from "../fixtures/packages/sample-course";
import { SHARED_XSD, requireSharedXsd, validateWithSharedXsd } from "../fixtures/packages/shared-xsd";

const FILES = ["index.html", "runtime/passmark.js", "runtime/passmark.css", "course/course.json", "assets/my clip#1.mp4"];
const variants = {
  "with mastery score": sampleCourseData(),
  "without mastery score": sampleCourseData({
    reporting: { ...sampleCourseData().reporting, masteryScore: null, cmi5: { moveOn: "Completed", launchMethod: "OwnWindow" } },
  }),
};

describe("manifests validate against the official schemas (../shared/xsd)", () => {
  it("../shared/xsd is there; without it these tests fail loudly instead of skipping", () => {
    expect(requireSharedXsd()).toBe(SHARED_XSD);
    expect(() => requireSharedXsd(SHARED_XSD + "-moved-away")).toThrow(/\.\.\/shared is missing/);
  });

  for (const [label, course] of Object.entries(variants)) {
    it(`cmi5.xml ${label}`, async () => {
      const result = await validateWithSharedXsd("cmi5", "cmi5.xml", writeCmi5Xml(singleUnitOutline(course)));
      expect(result.output).not.toMatch(/error/i);
      expect(result.valid).toBe(true);
    });
    it(`SCORM 1.2 imsmanifest.xml ${label}`, async () => {
      const result = await validateWithSharedXsd("scorm12", "imsmanifest.xml", writeScorm12Manifest(singleUnitOutline(course), FILES));
      expect(result.valid, result.output).toBe(true);
    });
    for (const edition of [3, 4] as const) {
      it(`SCORM 2004 ${edition === 3 ? "3rd" : "4th"} ed. imsmanifest.xml ${label}`, async () => {
        const xml = writeScorm2004Manifest(singleUnitOutline(course), FILES, edition);
        const result = await validateWithSharedXsd(edition === 3 ? "scorm2004-3" : "scorm2004-4", "imsmanifest.xml", xml);
        expect(result.valid, result.output).toBe(true);
      });
    }
  }

  it("the schema check really rejects a broken manifest (moveOn not in the vocabulary)", async () => {
    const xml = writeCmi5Xml(singleUnitOutline(sampleCourseData())).replace('moveOn="CompletedAndPassed"', 'moveOn="Whenever"');
    const result = await validateWithSharedXsd("cmi5", "cmi5.xml", xml);
    expect(result.valid).toBe(false);
    expect(result.output).toContain("moveOn");
  });
});

describe("manifest content", () => {
  const course = sampleCourseData();

  it("cmi5.xml: course id, one AU derived from it, moveOn, masteryScore on 0..1, launchMethod, url", () => {
    const doc = parseXml(writeCmi5Xml(singleUnitOutline(course)));
    const au = doc.getElementsByTagName("au")[0]!;
    expect(doc.getElementsByTagName("course")[0]!.getAttribute("id")).toBe(course.id);
    expect(au.getAttribute("id")).toBe("https://courses.example.org/fire-safety/au");
    expect(au.getAttribute("moveOn")).toBe("CompletedAndPassed");
    expect(au.getAttribute("masteryScore")).toBe("0.8");
    expect(au.getAttribute("launchMethod")).toBe("AnyWindow");
    expect(au.getElementsByTagName("url")[0]!.textContent).toBe("index.html");
    // Title text escaped by the builder, read back intact.
    expect(doc.getElementsByTagName("langstring")[0]!.textContent).toBe(course.title);
    expect(doc.getElementsByTagName("langstring")[0]!.getAttribute("lang")).toBe("en");
  });

  it("cmi5.xml leaves masteryScore out when none is declared", () => {
    const xml = writeCmi5Xml(singleUnitOutline(variants["without mastery score"]));
    expect(xml).not.toContain("masteryScore");
    expect(xml).toContain('moveOn="Completed"');
    expect(xml).toContain('launchMethod="OwnWindow"');
  });

  it("SCORM 1.2: masteryscore on 0..100, sco with lower-case scormtype, every file listed and URI-encoded", () => {
    const xml = writeScorm12Manifest(singleUnitOutline(course), FILES);
    expect(xml).toContain("<adlcp:masteryscore>80</adlcp:masteryscore>");
    expect(xml).toContain('adlcp:scormtype="sco"');
    expect(xml).toContain('<file href="assets/my%20clip%231.mp4"/>');
    for (const f of FILES.slice(0, 4)) expect(xml).toContain(`<file href="${f}"/>`);
    expect(writeScorm12Manifest(singleUnitOutline(variants["without mastery score"]), FILES)).not.toContain("masteryscore");
  });

  it("SCORM 2004: flow control mode, content-set delivery controls, primary objective with minNormalizedMeasure", () => {
    for (const edition of [3, 4] as const) {
      const xml = writeScorm2004Manifest(singleUnitOutline(course), FILES, edition);
      expect(xml).toContain(`<schemaversion>2004 ${edition === 3 ? "3rd" : "4th"} Edition</schemaversion>`);
      expect(xml).toContain('<imsss:controlMode choice="true" flow="true"/>');
      expect(xml).toContain('<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>');
      expect(xml).toMatch(
        /<imsss:primaryObjective objectiveID="PRIMARYOBJ" satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0.8<\/imsss:minNormalizedMeasure>/,
      );
      expect(xml).toContain('adlcp:scormType="sco"');
      const noMastery = writeScorm2004Manifest(singleUnitOutline(variants["without mastery score"]), FILES, edition);
      expect(noMastery).not.toContain("primaryObjective");
      expect(noMastery).toContain("deliveryControls");
    }
  });

  it("identifiers: AU id stays an absolute IRI distinct from the course id; manifest id is an NCName", () => {
    expect(auIdFor("https://x.org/c/")).toBe("https://x.org/c/au");
    expect(auIdFor("https://x.org/c?v=2")).toBe("https://x.org/c?v=2#au");
    expect(auIdFor("https://x.org/c#top")).toBe("https://x.org/c#top-au");
    expect(auIdFor("urn:example:course:1")).toBe("urn:example:course:1/au");
    for (const id of ["https://x.org/c", "urn:1:2", "https://例え.jp/コース"]) {
      expect(manifestIdentifierFor(id)).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
    }
    expect(manifestIdentifierFor("https://x.org/a")).not.toBe(manifestIdentifierFor("https://x.org/b"));
    expect(scaledMastery(80)).toBe("0.8");
    expect(scaledMastery(29)).toBe("0.29");
    expect(scaledMastery(72.5)).toBe("0.725");
    expect(scaledMastery(100)).toBe("1");
  });
});
