// The manifests of a multi-unit course (docs/multi-unit.md): valid against the official XSDs for
// every target, one AU / item per unit with its own ids, launch query, mastery and moveOn, cmi5
// blocks, SCORM 1.2 prerequisites, SCORM 2004 rollup and preconditions; a single-unit course as before.
import { describe, expect, it } from "vitest";
import { cmi5Limitations, writeCmi5Xml } from "../../authoring/manifest/cmi5";
import { auIdFor } from "../../authoring/manifest/ids";
import { SCORM12, SCORM2004 } from "../../authoring/manifest/namespaces";
import { singleUnitOutline, type CourseOutline } from "../../authoring/manifest/outline";
import { scorm12Limitations, writeScorm12Manifest } from "../../authoring/manifest/scorm12";
import { writeScorm2004Manifest } from "../../authoring/manifest/scorm2004";
import { scormItemIdentifiers, unitLaunchQuery } from "../../authoring/manifest/unit-ids";
import { parseXml } from "../../authoring/validate/xml-dom";
import { unitCourseDataPath } from "../../runtime/course/units";
import { COURSE_ID, blockOutline, threeUnitOutline, unitOutline } from "../fixtures/packages/multi-unit-outline";
import { sampleCourseData } from "../fixtures/packages/sample-course";
import { validateWithSharedXsd } from "../fixtures/packages/shared-xsd";

const FILES = ["index.html", "runtime/passmark.js", ...["welcome", "fire", "first-aid"].map(unitCourseDataPath)];
const CMI5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
const ss = SCORM2004.imsss;

/** Element children of `parent` (any namespace), by local name. */
function children(parent: Element, localName?: string): Element[] {
  return Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (localName === undefined || (n as Element).localName === localName));
}
function child(parent: Element, localName: string): Element {
  const found = children(parent, localName)[0];
  if (!found) throw new Error(`no <${localName}> in <${parent.localName}>`);
  return found;
}
function langText(parent: Element, localName: "title" | "description"): string {
  return child(child(parent, localName), "langstring").textContent ?? "";
}
function attrs(element: Element, names: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(names.map((n) => [n, element.getAttribute(n)]));
}

function organizationOf(xml: string, ns: string): Element {
  const doc = parseXml(xml);
  return doc.getElementsByTagNameNS(ns, "organization")[0]!;
}

function allTargets(outline: CourseOutline): Array<[string, "cmi5" | "scorm12" | "scorm2004-3" | "scorm2004-4", string]> {
  return [
    ["cmi5.xml", "cmi5", writeCmi5Xml(outline)],
    ["imsmanifest.xml", "scorm12", writeScorm12Manifest(outline, FILES)],
    ["imsmanifest.xml", "scorm2004-3", writeScorm2004Manifest(outline, FILES, 3)],
    ["imsmanifest.xml", "scorm2004-4", writeScorm2004Manifest(outline, FILES, 4)],
  ];
}

const outlines: Record<string, CourseOutline> = {
  "three units (content-only, two assessed, a block, a requires)": threeUnitOutline(),
  "no requires, no blocks": threeUnitOutline({ units: threeUnitOutline().units.map((u) => ({ ...u, requires: [], block: null })), blocks: [] }),
  "two blocks, one unit requiring two, ids that are not NCNames": {
    ...threeUnitOutline(),
    units: [
      unitOutline("1st", { block: "a", reporting: { ...threeUnitOutline().units[1]!.reporting, masteryScore: 70 } }), // required, with mastery
      unitOutline("one~two", { block: "a", hasAssessment: false }),
      unitOutline("one_two", { block: "b", requires: ["1st", "one~two"], reporting: { ...threeUnitOutline().units[1]!.reporting } }),
    ],
    blocks: [blockOutline("a", { description: "" }), blockOutline("b")],
  },
};

describe("multi-unit manifests validate against the official schemas", () => {
  for (const [label, outline] of Object.entries(outlines)) {
    for (const [file, set, xml] of allTargets(outline)) {
      it(`${set}: ${label}`, async () => {
        const result = await validateWithSharedXsd(set, file, xml);
        expect(result.valid, result.output).toBe(true);
      });
    }
  }
});

describe("cmi5.xml", () => {
  const doc = parseXml(writeCmi5Xml(threeUnitOutline()));
  const root = doc.documentElement;

  it("one AU per unit in the outline's order, the block's AUs nested in <block> (cmi5 §13.1.2)", () => {
    expect(children(root).map((e) => e.localName)).toEqual(["course", "au", "block"]);
    expect(child(root, "course").getAttribute("id")).toBe(COURSE_ID);
    const block = child(root, "block");
    expect(block.namespaceURI).toBe(CMI5);
    expect(block.getAttribute("id")).toBe(`${COURSE_ID}/blocks/hazards`);
    expect([langText(block, "title"), langText(block, "description")]).toEqual(["Hazards", "The hazards block"]);
    expect(children(block).map((e) => e.localName)).toEqual(["title", "description", "au", "au"]);
  });

  it("each AU: its own id, moveOn, masteryScore, launchMethod, title, description and url with the unit", () => {
    const aus = Array.from(doc.getElementsByTagNameNS(CMI5, "au"));
    expect(aus.map((au) => attrs(au, ["id", "moveOn", "masteryScore", "launchMethod"]))).toEqual([
      { id: `${COURSE_ID}/units/welcome`, moveOn: "Completed", masteryScore: null, launchMethod: "AnyWindow" },
      { id: `${COURSE_ID}/units/fire`, moveOn: "Passed", masteryScore: "0.8", launchMethod: "OwnWindow" },
      { id: `${COURSE_ID}/units/first-aid`, moveOn: "CompletedAndPassed", masteryScore: null, launchMethod: "AnyWindow" },
    ]);
    expect(aus.map((au) => [langText(au, "title"), langText(au, "description"), child(au, "url").textContent])).toEqual([
      ["Welcome", "About welcome", "index.html?pmUnit=welcome"],
      ["Fire safety", "About fire", "index.html?pmUnit=fire"],
      ["First aid", "About first-aid", "index.html?pmUnit=first-aid"],
    ]);
  });

  it("a block without description shows its title; a url query is percent-encoded and XML-escaped", () => {
    const outline = {
      ...threeUnitOutline(),
      units: [unitOutline("a", { block: "x", launchQuery: `${unitLaunchQuery("a b&c")}&x=1` })],
      blocks: [blockOutline("x", { description: " " })],
    };
    const xml = writeCmi5Xml(outline);
    expect(xml).toContain("<url>index.html?pmUnit=a%20b%26c&amp;x=1</url>");
    const block = parseXml(xml).getElementsByTagNameNS(CMI5, "block")[0]!;
    expect(langText(block, "description")).toBe("Block x");
    expect(unitLaunchQuery("é/ü~.-_")).toBe("pmUnit=%C3%A9%2F%C3%BC~.-_");
  });

  it("an outline whose block units are apart, or that names an unlisted block, is refused (the loader's checks)", () => {
    const apart = {
      ...threeUnitOutline(),
      units: [unitOutline("a", { block: "x" }), unitOutline("b"), unitOutline("c", { block: "x" })],
      blocks: [blockOutline("x")],
    };
    expect(() => writeCmi5Xml(apart)).toThrow(/units of block "x" are not listed together/);
    expect(() => writeCmi5Xml({ ...threeUnitOutline(), blocks: [] })).toThrow(/block "hazards", which is not listed/);
  });

  it("cmi5Limitations: requires has no cmi5.xml expression, one warning per requiring unit", () => {
    const warnings = cmi5Limitations(threeUnitOutline());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^unit "first-aid" requires "welcome": cmi5.xml cannot express prerequisites/);
    expect(cmi5Limitations(outlines["no requires, no blocks"]!)).toEqual([]);
    expect(cmi5Limitations(singleUnitOutline(sampleCourseData()))).toEqual([]);
  });
});

describe("SCORM 1.2 imsmanifest.xml", () => {
  const ns = SCORM12.imscp;
  const organization = organizationOf(writeScorm12Manifest(threeUnitOutline(), FILES), ns);
  const items = children(organization, "item");

  it("one item per unit, all launching the one shared SCO resource with the unit in parameters", () => {
    expect(items.map((i) => attrs(i, ["identifier", "identifierref", "parameters", "isvisible"]))).toEqual([
      { identifier: "ITEM-welcome", identifierref: "RES-SCO-1", parameters: "?pmUnit=welcome", isvisible: "true" },
      { identifier: "ITEM-fire", identifierref: "RES-SCO-1", parameters: "?pmUnit=fire", isvisible: "true" },
      { identifier: "ITEM-first-aid", identifierref: "RES-SCO-1", parameters: "?pmUnit=first-aid", isvisible: "true" },
    ]);
    expect(items.map((i) => child(i, "title").textContent)).toEqual(["Welcome", "Fire safety", "First aid"]);
    const resources = organization.ownerDocument.getElementsByTagNameNS(ns, "resource");
    expect(resources).toHaveLength(1);
    expect(resources[0]!.getAttribute("href")).toBe("index.html");
  });

  it("its own masteryscore (0..100) per item; requires as an aicc_script prerequisite, before the masteryscore", () => {
    expect(items.map((i) => children(i, "masteryscore").map((m) => m.textContent))).toEqual([[], ["80"], []]);
    const prerequisites = children(items[2]!, "prerequisites");
    expect(prerequisites.map((p) => [p.namespaceURI, p.getAttribute("type"), p.textContent])).toEqual([[SCORM12.adlcp, "aicc_script", "ITEM-welcome"]]);
    const both = organizationOf(writeScorm12Manifest(outlines["two blocks, one unit requiring two, ids that are not NCNames"]!, FILES), ns);
    const last = children(both, "item")[2]!;
    expect(children(last).map((e) => e.localName)).toEqual(["title", "prerequisites", "masteryscore"]);
    expect(child(last, "prerequisites").textContent).toBe("ITEM-1st & ITEM-one_two");
  });

  it("scorm12Limitations: titles and prerequisites past the 200 characters the 1.2 schema allows (the XSD agrees)", async () => {
    expect(scorm12Limitations(threeUnitOutline())).toEqual([]);
    const long = "u".repeat(60);
    const ids = [1, 2, 3, 4].map((n) => `${long}${n}`);
    const outline = {
      ...threeUnitOutline(),
      units: [...ids.map((id) => unitOutline(id)), unitOutline("last", { title: "T".repeat(201), requires: ids })],
      blocks: [],
    };
    const messages = scorm12Limitations(outline);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^the title of unit "last" is 201 characters long/);
    expect(messages[1]).toMatch(/^unit "last" requires 4 units: its SCORM 1.2 prerequisites ".*" are 273 characters long, at most 200 fit/);
    const result = await validateWithSharedXsd("scorm12", "imsmanifest.xml", writeScorm12Manifest(outline, FILES));
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/prerequisites[\s\S]*maxLength|maxLength[\s\S]*prerequisites/);
  });

  it("identifiers: NCNames from the unit ids, unique", () => {
    const ids = scormItemIdentifiers(outlines["two blocks, one unit requiring two, ids that are not NCNames"]!);
    expect([...ids.values()]).toEqual(["ITEM-1st", "ITEM-one_two", "ITEM-one_two-2"]);
  });
});

describe("SCORM 2004 imsmanifest.xml (3rd and 4th edition)", () => {
  for (const edition of [3, 4] as const) {
    const ns = SCORM2004.imscp;
    const organization = organizationOf(writeScorm2004Manifest(threeUnitOutline(), FILES, edition), ns);
    const items = children(organization, "item");
    const sequencingOf = (item: Element): Element => child(item, "sequencing");
    const [welcome, fire, firstAid] = items as [Element, Element, Element];

    it(`${edition}: items with parameters sharing one resource; choice and flow; shared objectives local to the course`, () => {
      expect(items.map((i) => attrs(i, ["identifier", "identifierref", "parameters"]))).toEqual([
        { identifier: "ITEM-welcome", identifierref: "RES-SCO-1", parameters: "?pmUnit=welcome" },
        { identifier: "ITEM-fire", identifierref: "RES-SCO-1", parameters: "?pmUnit=fire" },
        { identifier: "ITEM-first-aid", identifierref: "RES-SCO-1", parameters: "?pmUnit=first-aid" },
      ]);
      const control = child(child(organization, "sequencing"), "controlMode");
      expect(attrs(control, ["choice", "flow"])).toEqual({ choice: "true", flow: "true" });
      expect(organization.getAttributeNS(SCORM2004.adlseq, "objectivesGlobalToSystem")).toBe("false");
      expect(organization.ownerDocument.getElementsByTagNameNS(ns, "resource")).toHaveLength(1);
    });

    it(`${edition}: the assessed unit: primary objective satisfied by measure at its mastery, content-set status`, () => {
      const sequencing = sequencingOf(fire);
      expect(children(sequencing).map((e) => e.localName)).toEqual(["objectives", "deliveryControls"]);
      const primary = child(child(sequencing, "objectives"), "primaryObjective");
      expect(attrs(primary, ["objectiveID", "satisfiedByMeasure"])).toEqual({ objectiveID: "PRIMARYOBJ", satisfiedByMeasure: "true" });
      expect(child(primary, "minNormalizedMeasure").textContent).toBe("0.8");
      expect(attrs(child(sequencing, "deliveryControls"), ["completionSetByContent", "objectiveSetByContent"])).toEqual({
        completionSetByContent: "true",
        objectiveSetByContent: "true",
      });
    });

    it(`${edition}: the content-only unit counts for completion only; required, its status is set by the LMS and shared`, () => {
      const sequencing = sequencingOf(welcome);
      expect(children(sequencing).map((e) => e.localName)).toEqual(["rollupRules", "objectives", "deliveryControls"]);
      expect(attrs(child(sequencing, "rollupRules"), ["rollupObjectiveSatisfied", "objectiveMeasureWeight", "rollupProgressCompletion"])).toEqual({
        rollupObjectiveSatisfied: "false",
        objectiveMeasureWeight: "0",
        rollupProgressCompletion: null, // default true: completion rolls up
      });
      const primary = child(child(sequencing, "objectives"), "primaryObjective");
      expect(primary.getAttribute("satisfiedByMeasure")).toBeNull();
      expect(attrs(child(primary, "mapInfo"), ["targetObjectiveID", "readSatisfiedStatus", "writeSatisfiedStatus"])).toEqual({
        targetObjectiveID: `${COURSE_ID}/units/welcome`,
        readSatisfiedStatus: "false",
        writeSatisfiedStatus: "true",
      });
      expect(child(sequencing, "deliveryControls").getAttribute("objectiveSetByContent")).toBe("false");
    });

    it(`${edition}: requires: the item is disabled unless the required unit's shared objective is known and satisfied`, () => {
      const sequencing = sequencingOf(firstAid);
      expect(children(sequencing).map((e) => e.localName)).toEqual(["sequencingRules", "objectives", "deliveryControls"]);
      const rule = child(child(sequencing, "sequencingRules"), "preConditionRule");
      const conditions = child(rule, "ruleConditions");
      expect(conditions.getAttribute("conditionCombination")).toBe("any");
      expect(children(conditions, "ruleCondition").map((c) => attrs(c, ["referencedObjective", "operator", "condition"]))).toEqual([
        { referencedObjective: "requires-welcome", operator: "not", condition: "satisfied" },
        { referencedObjective: "requires-welcome", operator: "not", condition: "objectiveStatusKnown" },
      ]);
      expect(child(rule, "ruleAction").getAttribute("action")).toBe("disabled");
      const objectives = child(sequencing, "objectives");
      expect(child(objectives, "primaryObjective").getAttribute("objectiveID")).toBe("PRIMARYOBJ");
      const secondary = child(objectives, "objective");
      expect(secondary.getAttribute("objectiveID")).toBe("requires-welcome");
      expect(attrs(child(secondary, "mapInfo"), ["targetObjectiveID", "readSatisfiedStatus", "writeSatisfiedStatus"])).toEqual({
        targetObjectiveID: `${COURSE_ID}/units/welcome`,
        readSatisfiedStatus: "true",
        writeSatisfiedStatus: null,
      });
      expect(child(sequencing, "deliveryControls").getAttribute("objectiveSetByContent")).toBe("true");
      expect(Array.from(sequencing.getElementsByTagNameNS(ss, "rollupRules"))).toEqual([]);
    });

    it(`${edition}: a required assessed unit: measure first, then the map that shares its status; two requires, four conditions`, () => {
      const org = organizationOf(writeScorm2004Manifest(outlines["two blocks, one unit requiring two, ids that are not NCNames"]!, FILES, edition), ns);
      const [first, , last] = children(org, "item") as [Element, Element, Element];
      const primary = child(child(child(first, "sequencing"), "objectives"), "primaryObjective");
      expect(children(primary).map((e) => [e.localName, e.textContent ?? ""])).toEqual([
        ["minNormalizedMeasure", "0.7"],
        ["mapInfo", ""],
      ]);
      expect(child(primary, "mapInfo").getAttribute("targetObjectiveID")).toBe(`${COURSE_ID}/units/1st`);
      const conditions = last.getElementsByTagNameNS(ss, "ruleCondition");
      expect(Array.from(conditions).map((c) => c.getAttribute("referencedObjective"))).toEqual([
        "requires-1st",
        "requires-1st",
        "requires-one~two",
        "requires-one~two",
      ]);
      expect(Array.from(last.getElementsByTagNameNS(ss, "objective")).map((o) => o.getAttribute("objectiveID"))).toEqual(["requires-1st", "requires-one~two"]);
    });

    it(`${edition}: nobody requires it: a content-only unit keeps content-set status and no objectives; no requires, no global objectives`, () => {
      const plain = organizationOf(writeScorm2004Manifest(outlines["no requires, no blocks"]!, FILES, edition), ns);
      expect(plain.hasAttributeNS(SCORM2004.adlseq, "objectivesGlobalToSystem")).toBe(false);
      const sequencing = child(children(plain, "item")[0]!, "sequencing");
      expect(children(sequencing).map((e) => e.localName)).toEqual(["rollupRules", "deliveryControls"]);
      expect(child(sequencing, "deliveryControls").getAttribute("objectiveSetByContent")).toBe("true");
      expect(plain.ownerDocument.getElementsByTagNameNS(ss, "mapInfo")).toHaveLength(0);
    });
  }
});

describe("a single-unit course is written as before; a course of one listed unit is multi-unit", () => {
  const single = singleUnitOutline(sampleCourseData());

  it("single-unit: AU id from the course id, url index.html, ITEM-1 without parameters, no blocks, rollup or shared objectives", () => {
    const cmi5 = parseXml(writeCmi5Xml(single));
    expect(cmi5.getElementsByTagNameNS(CMI5, "block")).toHaveLength(0);
    const au = cmi5.getElementsByTagNameNS(CMI5, "au")[0]!;
    expect([au.getAttribute("id"), child(au, "url").textContent]).toEqual([auIdFor(single.id), "index.html"]);
    for (const [xml, ns] of [
      [writeScorm12Manifest(single, FILES), SCORM12.imscp],
      [writeScorm2004Manifest(single, FILES, 3), SCORM2004.imscp],
    ] as const) {
      const items = children(organizationOf(xml, ns), "item");
      expect(items.map((i) => attrs(i, ["identifier", "identifierref", "parameters"]))).toEqual([
        { identifier: "ITEM-1", identifierref: "RES-SCO-1", parameters: null },
      ]);
      expect(xml).not.toMatch(/rollupRules|mapInfo|objectivesGlobalToSystem|prerequisites/);
    }
  });

  it("one listed unit: its own ids and query", () => {
    const one = { ...threeUnitOutline(), units: [unitOutline("only")], blocks: [] };
    expect(child(parseXml(writeCmi5Xml(one)).getElementsByTagNameNS(CMI5, "au")[0]!, "url").textContent).toBe("index.html?pmUnit=only");
    const item = children(organizationOf(writeScorm12Manifest(one, FILES), SCORM12.imscp), "item")[0]!;
    expect(attrs(item, ["identifier", "parameters"])).toEqual({ identifier: "ITEM-only", parameters: "?pmUnit=only" });
  });
});
