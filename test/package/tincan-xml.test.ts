// tincan.xml (authoring/manifest/tincan.ts): the course activity launched from index.html for a
// single-unit course; for a multi-unit outline the course activity without a launch, then one module
// activity per unit launched with its unit parameter. Read back with the preview's package reader and
// checked with `passmark validate`'s tincan rules.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { singleUnitOutline, type CourseOutline } from "../../authoring/manifest/outline";
import { ACTIVITY_TYPE_COURSE, ACTIVITY_TYPE_MODULE, writeTincanXml } from "../../authoring/manifest/tincan";
import { readPackageInfo } from "../../authoring/preview/package-info";
import { lineLocator } from "../../authoring/validate/line-index";
import { checkTincanXml } from "../../authoring/validate/tincan-rules";
import { parseXmlTree } from "../../authoring/validate/xml-tree";
import type { CourseData } from "../../runtime/course/types";

const COURSE: CourseData = {
  format: 1,
  id: "https://example.org/courses/safety",
  title: "Safety & you",
  description: "Fire <and> first aid",
  language: "en-GB",
  pages: [],
  assessment: null,
  reporting: {} as CourseData["reporting"],
};

function multiUnit(): CourseOutline {
  const single = singleUnitOutline(COURSE);
  const unit = (id: string, title: string) => ({
    ...single.units[0]!,
    id,
    title,
    description: title,
    activityId: `${COURSE.id}/units/${id}`,
    launchQuery: `pmUnit=${id}`,
  });
  return { ...single, units: [unit("welcome", "Welcome"), unit("fire", "Fire safety")] };
}

let work: string;
beforeAll(async () => void (work = await mkdtemp(join(tmpdir(), "passmark-tincan-"))));
afterAll(() => rm(work, { recursive: true, force: true }));

const problemsOf = (xml: string, files: string[] = ["index.html"]) => checkTincanXml(parseXmlTree(xml), lineLocator(xml), new Set(files));

describe("tincan.xml", () => {
  it("single unit: one course activity, the course IRI, name, description (lang) and index.html launch", () => {
    const xml = writeTincanXml(singleUnitOutline(COURSE));
    expect(xml).toContain('<tincan xmlns="http://projecttincan.com/tincan.xsd">');
    expect(xml).toContain(`<activity id="${COURSE.id}" type="${ACTIVITY_TYPE_COURSE}">`);
    expect(xml).toContain('<name lang="en-GB">Safety &amp; you</name>');
    expect(xml).toContain('<description lang="en-GB">Fire &lt;and&gt; first aid</description>');
    expect(xml).toContain('<launch lang="en-GB">index.html</launch>');
    expect(xml.match(/<activity /g)).toHaveLength(1);
    expect(problemsOf(xml)).toEqual([]);
  });

  it("multi-unit: the course activity (no launch) then one module per unit, launched with pmUnit", async () => {
    const xml = writeTincanXml(multiUnit());
    expect(problemsOf(xml)).toEqual([]);
    const root = join(work, "multi");
    await import("node:fs/promises").then((fs) => fs.mkdir(root, { recursive: true }));
    await writeFile(join(root, "tincan.xml"), xml);
    const info = readPackageInfo(root);
    expect(info).toMatchObject({ target: "xapi", title: "Safety & you", activityId: `${COURSE.id}/units/welcome`, launchPath: "index.html?pmUnit=welcome" });
    expect(info.units.map((u) => [u.id, u.title, u.launchPath])).toEqual([
      [`${COURSE.id}/units/welcome`, "Welcome", "index.html?pmUnit=welcome"],
      [`${COURSE.id}/units/fire`, "Fire safety", "index.html?pmUnit=fire"],
    ]);
    expect(xml.match(new RegExp(`type="${ACTIVITY_TYPE_MODULE}"`, "g"))).toHaveLength(2);
    expect(xml.match(/<launch /g)).toHaveLength(2);
  });
});

describe("passmark validate: tincan rules", () => {
  const wrap = (activities: string) =>
    `<?xml version="1.0"?>\n<tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>${activities}</activities></tincan>`;
  const rules = (xml: string, files?: string[]) => problemsOf(xml, files).map((p) => p.rule);

  it("the root must be <tincan> in the Tin Can namespace", () => {
    expect(rules(`<tincan><activities/></tincan>`)).toEqual(["tincan/not-a-tincan-file"]);
    expect(rules(`<manifest xmlns="http://projecttincan.com/tincan.xsd"/>`)).toEqual(["tincan/not-a-tincan-file"]);
  });

  it("no activity, or none with a launch: nothing to launch", () => {
    expect(rules(wrap(""))).toEqual(["tincan/no-activity"]);
    expect(rules(wrap(`<activity id="https://x.test/a" type="t"><name>A</name></activity>`))).toEqual(["tincan/no-launch"]);
  });

  it("ids: absolute IRIs, unique", () => {
    const a = (id: string) => `<activity id="${id}" type="t"><name>A</name><launch>index.html</launch></activity>`;
    expect(rules(wrap(a("course-1")))).toEqual(["tincan/id-not-absolute-iri"]);
    expect(rules(wrap(a("https://x.test/a") + a("https://x.test/a")))).toEqual(["tincan/duplicate-id"]);
  });

  it("the launch file must be in the zip (with a case hint); reserved launch parameters are refused", () => {
    const a = (launch: string) => wrap(`<activity id="https://x.test/a" type="t"><name>A</name><launch>${launch}</launch></activity>`);
    const missing = problemsOf(a("Index.html"));
    expect(missing.map((p) => p.rule)).toEqual(["tincan/launch-missing"]);
    expect(missing[0]!.message).toContain("index.html");
    expect(rules(a("../index.html"))).toEqual(["tincan/launch/dot-dot"]);
    expect(rules(a("index.html?auth=x"))).toEqual(["tincan/reserved-launch-parameter"]);
    expect(rules(a("index.html?pmUnit=fire"))).toEqual([]);
    expect(problemsOf(a("https://cdn.example/x.html")).map((p) => [p.rule, p.severity])).toEqual([["tincan/launch-external", "warning"]]);
  });
});
