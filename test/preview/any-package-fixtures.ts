// Packages "from anyone" for the preview's any-package tests, built in the test: a CATAPULT-style
// cmi5 example AU running Rustici's cmi5.js, a cmi5 package with two AUs, SCORM packages with two
// SCOs, a SCORM 2004 SCO that finds its manifest objectives by id (as Rustici's golf examples do),
// and a SCO asking for a file its package does not hold.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { writeZip } from "./fixture-packages";

const page = (title: string, body = "", head = "") =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><h1>${title}</h1>${body}</body></html>`;

const CMI5_NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
const langstring = (text: string) => `<langstring lang="en-US">${text}</langstring>`;

function cmi5Xml(courseId: string, aus: { id: string; title: string; url: string; masteryScore?: string; moveOn?: string }[]): string {
  const auXml = aus
    .map(
      (au) =>
        `<au id="${au.id}" moveOn="${au.moveOn ?? "CompletedAndPassed"}"${au.masteryScore ? ` masteryScore="${au.masteryScore}"` : ""} launchMethod="AnyWindow">` +
        `<title>${langstring(au.title)}</title><description>${langstring(au.title)}</description><url>${au.url}</url></au>`,
    )
    .join("\n  ");
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="${CMI5_NS}">
  <course id="${courseId}"><title>${langstring(aus[0]!.title)}</title><description>${langstring("example")}</description></course>
  ${auXml}
</courseStructure>`;
}

/** The AU of CATAPULT's course examples: cmi5.js, then initialized (start), completed, passed, terminated. */
const CATAPULT_AU_SCRIPT = `
window.auReport = { done: false, error: null };
window.addEventListener("load", async () => {
  try {
    const cmi = new Cmi5(document.location.href);
    await cmi.start();
    await cmi.completed();
    await cmi.passed({ scaled: 0.9 });
    await cmi.terminate();
    window.auReport.done = true;
  } catch (error) {
    window.auReport.error = String(error);
  }
});`;

export function catapultCmi5Zip(dir: string): Promise<string> {
  const require = createRequire(import.meta.url);
  const cmi5js = readFileSync(require.resolve("@rusticisoftware/cmi5/dist/cmi5.js"), "utf8");
  return writeZip(join(dir, "catapult-example.zip"), {
    "cmi5.xml": cmi5Xml("https://example.test/catapult/course", [
      { id: "https://example.test/catapult/au/1", title: "Catapult example AU", url: "index.html", masteryScore: "0.8" },
    ]),
    "index.html": page("Catapult example AU", "<p>Introduction.</p>", '<script src="cmi5.js"></script><script src="au.js"></script>'),
    "cmi5.js": cmi5js,
    "au.js": CATAPULT_AU_SCRIPT,
  });
}

export function twoAuCmi5Zip(dir: string): Promise<string> {
  return writeZip(join(dir, "two-aus.zip"), {
    "cmi5.xml": cmi5Xml("https://example.test/two/course", [
      { id: "https://example.test/two/au/intro", title: "Introduction", url: "intro/index.html", masteryScore: "0.5" },
      { id: "https://example.test/two/au/exam", title: "Exam", url: "exam/index.html?part=2", masteryScore: "0.75", moveOn: "Passed" },
    ]),
    "intro/index.html": page("Introduction"),
    "exam/index.html": page("Exam"),
  });
}

export function twoScoScorm12Zip(dir: string): Promise<string> {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="two-scos" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Two SCOs</title>
    <item identifier="item-a" identifierref="res-a"><title>Lesson A</title><adlcp:masteryscore>60</adlcp:masteryscore></item>
    <item identifier="item-glossary" identifierref="res-asset"><title>Glossary</title></item>
    <item identifier="item-b" identifierref="res-b"><title>Lesson B</title><adlcp:masteryscore>90</adlcp:masteryscore></item>
  </organization></organizations>
  <resources>
    <resource identifier="res-a" type="webcontent" adlcp:scormtype="sco" href="a/index.html"><file href="a/index.html"/></resource>
    <resource identifier="res-asset" type="webcontent" adlcp:scormtype="asset" href="glossary.html"><file href="glossary.html"/></resource>
    <resource identifier="res-b" type="webcontent" adlcp:scormtype="sco" href="b/index.html"><file href="b/index.html"/></resource>
  </resources>
</manifest>`;
  return writeZip(join(dir, "two-scos-12.zip"), {
    "imsmanifest.xml": manifest,
    "a/index.html": page("Lesson A"),
    "b/index.html": page("Lesson B"),
    "glossary.html": page("Glossary"),
  });
}

const SCORM2004_HEAD = `<manifest identifier="golf-objectives" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>`;

/** The objectives of the golf-style SCO: a primary objective and two more. */
export const GOLF_OBJECTIVES = ["obj_playing", "obj_etiquette", "obj_handicapping"] as const;

/**
 * The SCO finds each objective's index by its id (cmi.objectives._count, then .n.id) and writes its
 * status there, as Rustici's golf examples do: without the LMS seeding the ids it writes to
 * cmi.objectives.undefined.* (error 401). Every call that fails is reported.
 */
const GOLF_SCO_SCRIPT = `
window.scoReport = { done: false, errors: [], indexes: {} };
window.addEventListener("load", () => {
  const api = window.parent.API_1484_11;
  const report = window.scoReport;
  const call = (name, ...args) => {
    const result = api[name](...args);
    const code = api.GetLastError();
    if (code !== "0") report.errors.push(name + "(" + args.join(", ") + ") → error " + code);
    return result;
  };
  const findObjective = (id) => {
    const count = Number(call("GetValue", "cmi.objectives._count"));
    for (let i = 0; i < count; i += 1) if (call("GetValue", "cmi.objectives." + i + ".id") === id) return i;
    return undefined;
  };
  call("Initialize", "");
  ${JSON.stringify(GOLF_OBJECTIVES)}.forEach((id, n) => {
    const index = findObjective(id);
    report.indexes[id] = index;
    call("SetValue", "cmi.objectives." + index + ".success_status", n === 2 ? "failed" : "passed");
    call("SetValue", "cmi.objectives." + index + ".completion_status", "completed");
  });
  call("SetValue", "cmi.score.scaled", "0.67");
  call("SetValue", "cmi.completion_status", "completed");
  call("SetValue", "cmi.success_status", "passed");
  call("SetValue", "cmi.exit", "suspend");
  call("Commit", "");
  call("Terminate", "");
  report.done = true;
});`;

export function golfObjectivesScorm2004Zip(dir: string): Promise<string> {
  const [primary, ...others] = GOLF_OBJECTIVES;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
${SCORM2004_HEAD}
  <organizations default="golf"><organization identifier="golf"><title>Golf Explained</title>
    <item identifier="playing" identifierref="res-playing"><title>Playing the game</title>
      <imsss:sequencing><imsss:objectives>
        <imsss:primaryObjective objectiveID="${primary}" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure></imsss:primaryObjective>
        ${others.map((id) => `<imsss:objective objectiveID="${id}"/>`).join("\n        ")}
      </imsss:objectives></imsss:sequencing>
    </item>
  </organization></organizations>
  <resources>
    <resource identifier="res-playing" type="webcontent" adlcp:scormType="sco" href="playing.html"><file href="playing.html"/><file href="sco.js"/></resource>
  </resources>
</manifest>`;
  return writeZip(join(dir, "golf-objectives.zip"), {
    "imsmanifest.xml": manifest,
    "playing.html": page("Playing the game", "", '<script src="sco.js"></script>'),
    "sco.js": GOLF_SCO_SCRIPT,
  });
}

/** A SCORM 2004 package with two SCOs, each with objectives of its own (the second by a sequencingCollection IDRef). */
export function twoScoScorm2004Zip(dir: string): Promise<string> {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
${SCORM2004_HEAD}
  <organizations default="org"><organization identifier="org"><title>Two SCOs 2004</title>
    <item identifier="sco-1" identifierref="res-1"><title>Part one</title>
      <imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="part1"/></imsss:objectives></imsss:sequencing>
    </item>
    <item identifier="sco-2" identifierref="res-2"><title>Part two</title><imsss:sequencing IDRef="shared"/></item>
  </organization></organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormType="sco" href="one.html"><file href="one.html"/></resource>
    <resource identifier="res-2" type="webcontent" adlcp:scormType="sco" href="two.html"><file href="two.html"/></resource>
  </resources>
  <imsss:sequencingCollection><imsss:sequencing ID="shared"><imsss:objectives>
    <imsss:primaryObjective><imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure></imsss:primaryObjective>
    <imsss:objective objectiveID="part2-a"/><imsss:objective objectiveID="part2-b"/>
  </imsss:objectives></imsss:sequencing></imsss:sequencingCollection>
</manifest>`;
  return writeZip(join(dir, "two-scos-2004.zip"), { "imsmanifest.xml": manifest, "one.html": page("Part one"), "two.html": page("Part two") });
}

/** A SCORM 1.2 SCO whose page asks for an image and a script its package does not hold. */
export function brokenScorm12Zip(dir: string): Promise<string> {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="broken" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Broken course</title>
    <item identifier="item" identifierref="res"><title>Broken course</title></item>
  </organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="sco.html"><file href="sco.html"/></resource></resources>
</manifest>`;
  return writeZip(join(dir, "broken.zip"), {
    "imsmanifest.xml": manifest,
    "sco.html": page("Broken course", '<img src="images/missing-logo.png" alt="logo">', '<script src="lib/missing.js"></script>'),
  });
}
