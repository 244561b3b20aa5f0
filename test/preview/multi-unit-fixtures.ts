// Hand-built multi-unit packages for the preview's journey tests, one per target, laid out as issue
// 16's contract says (one index.html for every unit, the unit named by the pmUnit query parameter):
// "welcome" (content only), and in the block / cluster "hazards" the assessed "fire" and
// "first-aid". The page shows buttons the test clicks: "Finish reading" reports completion, "Pass"
// completion and a pass with 90 %, "Fail" completion and a fail with 40 %. cmi5 through Rustici's
// cmi5.js (as CATAPULT's examples), SCORM through window.parent.API / API_1484_11.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { writeZip } from "./fixture-packages";

export const UNITS = [
  { id: "welcome", title: "Welcome" },
  { id: "fire", title: "Fire safety" },
  { id: "first-aid", title: "First aid" },
] as const;

const INDEX = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Safety unit</title>
<script src="cmi5.js"></script><script src="unit.js"></script></head>
<body><main><h1 id="unit">…</h1><p id="report" role="status">starting</p>
<button id="finish" type="button">Finish reading</button> <button id="pass" type="button">Pass</button> <button id="fail" type="button">Fail</button></main></body></html>`;

/** The unit page: which unit from ?pmUnit=, then reports through the target's API when a button is clicked. */
const UNIT_SCRIPT = `
window.addEventListener("load", async () => {
  const unit = new URLSearchParams(location.search).get("pmUnit");
  const say = (text) => (document.getElementById("report").textContent = text);
  document.getElementById("unit").textContent = unit;
  const kind = window.Cmi5 && new URLSearchParams(location.search).has("fetch") ? "cmi5" : window.parent.API_1484_11 ? "2004" : "1.2";
  let report;
  if (kind === "cmi5") {
    const cmi = new Cmi5(location.href);
    await cmi.start();
    report = async (completed, scaled) => {
      if (completed) await cmi.completed();
      if (scaled !== null) await (scaled >= 0.8 ? cmi.passed({ scaled }) : cmi.failed({ scaled }));
      await cmi.terminate();
    };
  } else if (kind === "2004") {
    const api = window.parent.API_1484_11;
    api.Initialize("");
    report = async (completed, scaled) => {
      api.SetValue("cmi.completion_status", completed ? "completed" : "incomplete");
      if (scaled !== null) {
        api.SetValue("cmi.score.scaled", String(scaled));
        api.SetValue("cmi.score.raw", String(Math.round(scaled * 100)));
        api.SetValue("cmi.success_status", scaled >= 0.8 ? "passed" : "failed");
      }
      api.SetValue("cmi.exit", "normal");
      api.Commit("");
      api.Terminate("");
    };
  } else {
    const api = window.parent.API;
    api.LMSInitialize("");
    report = async (completed, scaled) => {
      if (scaled !== null) {
        api.LMSSetValue("cmi.core.score.raw", String(Math.round(scaled * 100)));
        api.LMSSetValue("cmi.core.lesson_status", scaled >= 0.8 ? "passed" : "failed");
      } else api.LMSSetValue("cmi.core.lesson_status", completed ? "completed" : "incomplete");
      api.LMSCommit("");
      api.LMSFinish("");
    };
  }
  say("ready " + unit);
  const on = (id, completed, scaled) =>
    document.getElementById(id).addEventListener("click", () =>
      report(completed, scaled).then(() => say("reported " + id), (error) => say("error " + error)),
    );
  on("finish", true, null);
  on("pass", true, 0.9);
  on("fail", true, 0.4);
});`;

const langstring = (text: string) =>
  `<title><langstring lang="en-US">${text}</langstring></title><description><langstring lang="en-US">${text}</langstring></description>`;
const COURSE = "https://example.test/multi";

const CMI5_XML = `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${COURSE}">${langstring("Workplace safety")}</course>
  <au id="${COURSE}/units/welcome" moveOn="Completed" launchMethod="AnyWindow">${langstring("Welcome")}<url>index.html?pmUnit=welcome</url></au>
  <block id="${COURSE}/blocks/hazards">${langstring("Hazards")}
    <au id="${COURSE}/units/fire" moveOn="Passed" masteryScore="0.8" launchMethod="AnyWindow">${langstring("Fire safety")}<url>index.html?pmUnit=fire</url></au>
    <au id="${COURSE}/units/first-aid" moveOn="CompletedAndPassed" masteryScore="0.8" launchMethod="AnyWindow">${langstring("First aid")}<url>index.html?pmUnit=first-aid</url></au>
  </block>
</courseStructure>`;

const SCORM12_XML = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="multi-12" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Workplace safety</title>
    <item identifier="welcome" identifierref="res" parameters="?pmUnit=welcome"><title>Welcome</title></item>
    <item identifier="hazards"><title>Hazards</title>
      <item identifier="fire" identifierref="res" parameters="?pmUnit=fire"><title>Fire safety</title><adlcp:masteryscore>80</adlcp:masteryscore></item>
      <item identifier="first-aid" identifierref="res" parameters="?pmUnit=first-aid"><title>First aid</title><adlcp:masteryscore>80</adlcp:masteryscore></item>
    </item>
  </organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/><file href="unit.js"/></resource></resources>
</manifest>`;

const assessed = `<imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="mastery" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>`;

const SCORM2004_XML = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="multi-2004" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Workplace safety</title>
    <item identifier="welcome" identifierref="res" parameters="?pmUnit=welcome"><title>Welcome</title>
      <imsss:sequencing><imsss:rollupRules rollupObjectiveSatisfied="false"/></imsss:sequencing></item>
    <item identifier="hazards"><title>Hazards</title>
      <item identifier="fire" identifierref="res" parameters="?pmUnit=fire"><title>Fire safety</title>${assessed}</item>
      <item identifier="first-aid" identifierref="res" parameters="?pmUnit=first-aid"><title>First aid</title>${assessed}</item>
    </item>
    <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
  </organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormType="sco" href="index.html"><file href="index.html"/><file href="unit.js"/></resource></resources>
</manifest>`;

export type MultiTarget = "cmi5" | "scorm12" | "scorm2004-4";

/** The unit's id in the package's manifest (cmi5: the AU id; SCORM: the item identifier). */
export function manifestUnitId(target: MultiTarget, unit: string): string {
  return target === "cmi5" ? `${COURSE}/units/${unit}` : unit;
}

export function multiUnitZip(dir: string, target: MultiTarget): Promise<string> {
  const files: Record<string, string> = { "index.html": INDEX, "unit.js": UNIT_SCRIPT };
  if (target === "cmi5") {
    files["cmi5.xml"] = CMI5_XML;
    files["cmi5.js"] = readFileSync(createRequire(import.meta.url).resolve("@rusticisoftware/cmi5/dist/cmi5.js"), "utf8");
  } else {
    files["imsmanifest.xml"] = target === "scorm12" ? SCORM12_XML : SCORM2004_XML;
    files["cmi5.js"] = "";
  }
  return writeZip(join(dir, `multi-unit-${target}.zip`), files);
}
