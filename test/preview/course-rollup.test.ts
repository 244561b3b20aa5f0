// The course-level rollup, pure: SCORM 2004's default rollup (with items left out by
// rollupObjectiveSatisfied / rollupProgressCompletion / tracked), SCORM 1.2's "every SCO passed or
// completed", cmi5's moveOn satisfaction and the Satisfied statements the LMS owes (valid xAPI,
// block before course, never twice); the course tree and launch URLs read from manifests.
import validateXapi from "@learninglocker/xapi-validation";
import type { Statement } from "@xapi/xapi";
import { describe, expect, it } from "vitest";
import { ACTIVITY_TYPE, auMetMoveOn, satisfaction, satisfiedStatementsDue, VERB_SATISFIED, type Cmi5GroupEntry } from "../../authoring/lrs/satisfied";
import { cmi5CourseEntry, scorm12Rollup, scorm2004Rollup, type Scorm2004UnitState } from "../../authoring/preview/course-rollup";
import { withParameters } from "../../authoring/preview/package-info";
import { cmi5Tree, scormTree, unitsOf, type TreeNode } from "../../authoring/preview/package-tree";
import { SCORM2004 } from "../../authoring/manifest/namespaces";
import { parseXml } from "../../authoring/validate/xml-dom";
import { CATEGORY_CMI5, EXT_SESSION_ID, VERB } from "../../runtime/lms/cmi5/vocabulary";

const leaf = (id: string, controls: Partial<TreeNode> = {}): TreeNode => ({
  kind: "unit",
  id,
  title: id,
  children: [],
  rollupSatisfied: true,
  rollupCompletion: true,
  tracked: true,
  ...controls,
});
const group = (kind: "course" | "block", id: string, children: TreeNode[]): TreeNode => ({ ...leaf(id), kind, children });
const states = (entries: Record<string, [string, string]>) =>
  new Map<string, Scorm2004UnitState>(Object.entries(entries).map(([id, [completion, success]]) => [id, { completion, success }]));

describe("SCORM 2004 default rollup", () => {
  const tree = group("course", "org", [leaf("welcome", { rollupSatisfied: false }), leaf("fire"), leaf("first-aid")]);

  it("is unknown until every contributing SCO is known, then completed/satisfied only when all are", () => {
    const none = scorm2004Rollup(tree, new Map()).get("org");
    expect(none).toEqual({ completion: "unknown", success: "unknown", completionFrom: 3, successFrom: 2 });
    const some = scorm2004Rollup(tree, states({ welcome: ["completed", "unknown"], fire: ["completed", "passed"] })).get("org");
    expect(some).toMatchObject({ completion: "unknown", success: "unknown" });
    const all = scorm2004Rollup(tree, states({ welcome: ["completed", "unknown"], fire: ["completed", "passed"], "first-aid": ["completed", "passed"] })).get(
      "org",
    );
    expect(all).toMatchObject({ completion: "completed", success: "satisfied" });
  });

  it("a content-only unit left out of the success rollup (rollupObjectiveSatisfied=false) never blocks satisfaction", () => {
    const result = scorm2004Rollup(tree, states({ welcome: ["incomplete", "unknown"], fire: ["completed", "passed"], "first-aid": ["completed", "passed"] }));
    expect(result.get("org")).toMatchObject({ completion: "incomplete", success: "satisfied" });
  });

  it("all known and one failed or incomplete: not satisfied / incomplete", () => {
    const result = scorm2004Rollup(tree, states({ welcome: ["completed", "unknown"], fire: ["completed", "failed"], "first-aid": ["incomplete", "passed"] }));
    expect(result.get("org")).toMatchObject({ completion: "incomplete", success: "not satisfied" });
  });

  it("honours rollupProgressCompletion=false and tracked=false; nested clusters roll up into the course", () => {
    const nested = group("course", "org", [
      leaf("intro", { rollupCompletion: false, rollupSatisfied: false }),
      group("block", "hazards", [leaf("fire"), leaf("extra", { tracked: false })]),
    ]);
    const result = scorm2004Rollup(nested, states({ fire: ["completed", "passed"] }));
    expect(result.get("hazards")).toEqual({ completion: "completed", success: "satisfied", completionFrom: 1, successFrom: 1 });
    expect(result.get("org")).toEqual({ completion: "completed", success: "satisfied", completionFrom: 1, successFrom: 1 });
  });

  it("with no contributing child the status stays unknown", () => {
    const onlyContent = group("course", "org", [leaf("welcome", { rollupSatisfied: false })]);
    expect(scorm2004Rollup(onlyContent, states({ welcome: ["completed", "passed"] })).get("org")).toMatchObject({ success: "unknown", successFrom: 0 });
  });

  it('"not attempted" carries no progress (unknown), "incomplete" does', () => {
    const two = group("course", "org", [leaf("a"), leaf("b")]);
    expect(scorm2004Rollup(two, states({ a: ["completed", "passed"], b: ["not attempted", "unknown"] })).get("org")?.completion).toBe("unknown");
    expect(scorm2004Rollup(two, states({ a: ["completed", "passed"], b: ["incomplete", "unknown"] })).get("org")?.completion).toBe("incomplete");
  });
});

describe("SCORM 1.2: done when every SCO is passed or completed", () => {
  it.each([
    [["passed", "completed"], true, 2],
    [["passed", "incomplete"], false, 1],
    [["failed", "completed"], false, 1],
    [["not attempted", "browsed"], false, 0],
    [[], false, 0],
  ])("%j → done %s", (statuses, done, finished) => {
    expect(scorm12Rollup(statuses)).toEqual({ done, finished, of: statuses.length });
  });
});

const actor = { objectType: "Agent" as const, account: { homePage: "https://lms.example.test", name: "ada" } };
const about = (activityId: string, verb: string): Statement => ({ actor, verb: { id: verb }, object: { objectType: "Activity", id: activityId } });

describe("cmi5 moveOn and the LMS's Satisfied statements", () => {
  it.each([
    ["Passed", [VERB.passed], true],
    ["Passed", [VERB.completed], false],
    ["Completed", [VERB.completed], true],
    ["CompletedAndPassed", [VERB.completed], false],
    ["CompletedAndPassed", [VERB.completed, VERB.passed], true],
    ["CompletedOrPassed", [VERB.passed], true],
    ["CompletedOrPassed", [VERB.failed], false],
    ["NotApplicable", [], true],
    ["Passed", ["https://w3id.org/xapi/adl/verbs/waived"], true],
  ] as const)("moveOn %s after %j: met %s", (moveOn, verbs, met) => {
    expect(
      auMetMoveOn(
        moveOn,
        verbs.map((v) => about("au", v)),
      ),
    ).toBe(met);
  });

  const tree = group("course", "https://ex.test/course", [
    leaf("https://ex.test/au/welcome"),
    group("block", "https://ex.test/block/hazards", [leaf("https://ex.test/au/fire"), leaf("https://ex.test/au/first-aid")]),
  ]);
  const units = new Map([
    ["https://ex.test/au/welcome", { moveOn: "Completed" as const, activityId: "lms:welcome" }],
    ["https://ex.test/au/fire", { moveOn: "Passed" as const, activityId: "lms:fire" }],
    ["https://ex.test/au/first-aid", { moveOn: "NotApplicable" as const, activityId: "lms:first-aid" }],
  ]);
  const course: Cmi5GroupEntry = cmi5CourseEntry(tree, units, (node) => `lms:${node.kind}:${node.id}`);
  const facts = { registration: "5a0c1f52-3c8e-4b59-9a5e-0b8f1d1f2a3b", actor, sessionId: "session-1", timestamp: "2026-12-02T03:00:00.000Z" };

  it("the course entry keeps the publisher ids and uses LMS-generated ids for blocks and the course", () => {
    expect(course).toMatchObject({ kind: "course", publisherId: "https://ex.test/course", lmsId: "lms:course:https://ex.test/course" });
    expect(course.children[1]).toMatchObject({
      kind: "block",
      publisherId: "https://ex.test/block/hazards",
      children: [{ activityId: "lms:fire" }, { moveOn: "NotApplicable" }],
    });
  });

  it("a block is satisfied when all its AUs met moveOn; the course when every AU did", () => {
    const passedFire = [about("lms:fire", VERB.passed)];
    const met = satisfaction(course, passedFire);
    expect(met.get("lms:block:https://ex.test/block/hazards")).toBe(true);
    expect(met.get("lms:course:https://ex.test/course")).toBe(false);
    expect(met.get("lms:welcome")).toBe(false);
    expect(satisfaction(course, [...passedFire, about("lms:welcome", VERB.completed)]).get("lms:course:https://ex.test/course")).toBe(true);
  });

  it("owes one valid Satisfied per block / course, block first, never one already stored", () => {
    const so = [about("lms:fire", VERB.passed), about("lms:welcome", VERB.completed)];
    const due = satisfiedStatementsDue(course, facts, so);
    expect(due.map((s) => (s.object as { id: string }).id)).toEqual(["lms:block:https://ex.test/block/hazards", "lms:course:https://ex.test/course"]);
    for (const statement of due) {
      expect(validateXapi(statement)).toEqual([]);
      expect(statement.verb.id).toBe(VERB_SATISFIED);
      expect(statement.context?.registration).toBe(facts.registration);
      expect(statement.context?.extensions?.[EXT_SESSION_ID]).toBe("session-1");
      expect(statement.context?.contextActivities?.category?.map((c) => c.id)).toEqual([CATEGORY_CMI5]);
      expect(statement.result).toBeUndefined(); // no success / completion: no moveon category (cmi5 §9.6.2.2)
    }
    expect((due[0]!.object as { definition: { type: string } }).definition.type).toBe(ACTIVITY_TYPE.block);
    expect((due[1]!.object as { definition: { type: string } }).definition.type).toBe(ACTIVITY_TYPE.course);
    expect(due[0]!.context?.contextActivities?.grouping?.map((g) => g.id)).toEqual(["https://ex.test/block/hazards"]);
    expect(satisfiedStatementsDue(course, facts, [...so, ...due])).toEqual([]);
  });
});

const CMI5_XML = `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://ex.test/course"><title><langstring lang="en">Safety</langstring></title><description><langstring lang="en">d</langstring></description></course>
  <au id="https://ex.test/au/welcome" moveOn="Completed"><title><langstring lang="en">Welcome</langstring></title><description><langstring lang="en">d</langstring></description><url>index.html?pmUnit=welcome</url></au>
  <block id="https://ex.test/block/hazards"><title><langstring lang="en">Hazards</langstring></title><description><langstring lang="en">d</langstring></description>
    <au id="https://ex.test/au/fire" moveOn="Passed"><title><langstring lang="en">Fire</langstring></title><description><langstring lang="en">d</langstring></description><url>index.html?pmUnit=fire</url></au>
  </block>
</courseStructure>`;

const SCORM2004_XML = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <organizations default="org"><organization identifier="org"><title>Safety</title>
    <item identifier="welcome" identifierref="r" parameters="?pmUnit=welcome"><title>Welcome</title>
      <imsss:sequencing><imsss:rollupRules rollupObjectiveSatisfied="false"/></imsss:sequencing></item>
    <item identifier="hazards"><title>Hazards</title>
      <item identifier="fire" identifierref="r" parameters="?pmUnit=fire"><title>Fire</title><imsss:sequencing IDRef="content"/></item>
      <item identifier="glossary" identifierref="asset"><title>Glossary</title></item>
    </item>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html"/><resource identifier="asset" type="webcontent" adlcp:scormType="asset" href="g.html"/></resources>
  <imsss:sequencingCollection><imsss:sequencing ID="content"><imsss:rollupRules rollupProgressCompletion="false"/><imsss:deliveryControls tracked="true"/></imsss:sequencing></imsss:sequencingCollection>
</manifest>`;

describe("the course tree read from a manifest", () => {
  it("cmi5: the course, its blocks and AUs as nested in cmi5.xml", () => {
    const tree = cmi5Tree(parseXml(CMI5_XML));
    expect(tree).toMatchObject({ kind: "course", id: "https://ex.test/course", title: "Safety" });
    expect(tree.children.map((c) => [c.kind, c.id])).toEqual([
      ["unit", "https://ex.test/au/welcome"],
      ["block", "https://ex.test/block/hazards"],
    ]);
    expect(tree.children[1]!.children.map((c) => c.title)).toEqual(["Fire"]);
  });

  it("SCORM 2004: clusters, SCOs (assets left out) and each item's rollup controls, own or by IDRef", () => {
    const doc = parseXml(SCORM2004_XML);
    const org = doc.getElementsByTagNameNS(SCORM2004.imscp, "organization")[0];
    const tree = scormTree(doc, SCORM2004.imscp, org, new Set(["welcome", "fire"]), true);
    expect(unitsOf(tree).map((u) => [u.id, u.rollupSatisfied, u.rollupCompletion, u.tracked])).toEqual([
      ["welcome", false, true, true],
      ["fire", true, false, true],
    ]);
    expect(tree.children.map((c) => [c.kind, c.id])).toEqual([
      ["unit", "welcome"],
      ["block", "hazards"],
    ]);
  });
});

describe("IMS CP item parameters joined to the resource href", () => {
  it.each([
    ["index.html", "?pmUnit=fire", "index.html?pmUnit=fire"],
    ["index.html?lang=en", "?pmUnit=fire", "index.html?lang=en&pmUnit=fire"],
    ["index.html", "&pmUnit=fire", "index.html?pmUnit=fire"],
    ["index.html?lang=en", "&pmUnit=fire", "index.html?lang=en&pmUnit=fire"],
    ["index.html", "pmUnit=fire", "index.html?pmUnit=fire"],
    ["index.html?lang=en", "pmUnit=fire", "index.html?lang=en&pmUnit=fire"],
    ["index.html", "#part2", "index.html#part2"],
    ["index.html#top", "#part2", "index.html#top"],
    ["index.html", "  ", "index.html"],
  ])("%s + %s → %s", (href, parameters, url) => {
    expect(withParameters(href, parameters)).toBe(url);
  });
});
