// cmi5.xml (cmi5 §13, §14): one course, one AU per unit launched from index.html (a multi-unit
// course: with the unit in the query, AUs of a block nested in their <block>, cmi5 §13.1.2).
import { create } from "xmlbuilder2";
import { scaledMastery } from "./ids";
import { CMI5_NS } from "./namespaces";
import type { BlockOutline, CourseOutline, UnitOutline } from "./outline";
import { LAUNCH_FILE } from "./scorm-common";
import { unitLaunchUrl } from "./unit-ids";

/** An element being written (xmlbuilder2 does not export the type by name). */
type XMLBuilder = ReturnType<typeof create>;

/** The AU is the package's index.html, relative to cmi5.xml (cmi5 §14: inside the zip). */
export const CMI5_AU_URL = LAUNCH_FILE;

function langstring(parent: XMLBuilder, name: "title" | "description", lang: string, text: string): void {
  parent.ele(CMI5_NS, name).ele(CMI5_NS, "langstring").att("lang", lang).txt(text);
}

function writeAu(parent: XMLBuilder, unit: UnitOutline, lang: string): void {
  // cmi5 §13.1.4 and its best practice: always set moveOn explicitly; masteryScore only when the author declared one.
  const au = parent.ele(CMI5_NS, "au").att("id", unit.activityId).att("moveOn", unit.reporting.cmi5.moveOn);
  if (unit.reporting.masteryScore !== null) au.att("masteryScore", scaledMastery(unit.reporting.masteryScore));
  au.att("launchMethod", unit.reporting.cmi5.launchMethod);
  // Children in the order the schema requires: title, description, objectives?, url, ...
  langstring(au, "title", lang, unit.title);
  langstring(au, "description", lang, unit.description);
  au.ele(CMI5_NS, "url").txt(unitLaunchUrl(unit));
}

export function writeCmi5Xml(course: CourseOutline): string {
  const lang = course.language;
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const root = doc.ele(CMI5_NS, "courseStructure");

  const c = root.ele(CMI5_NS, "course").att("id", course.id);
  langstring(c, "title", lang, course.title);
  langstring(c, "description", lang, course.description);

  // The AUs in the outline's order; the units of a block are listed together (the loader checks it).
  const blocks = new Map<string, BlockOutline>(course.blocks.map((b) => [b.id, b]));
  const written = new Set<string>();
  let open: { id: string; element: XMLBuilder } | null = null;
  for (const unit of course.units) {
    if (unit.block === null) {
      open = null;
      writeAu(root, unit, lang);
      continue;
    }
    if (open?.id !== unit.block) {
      const block = blocks.get(unit.block);
      if (!block) throw new Error(`course outline: unit "${unit.id}" names the block "${unit.block}", which is not listed`);
      if (written.has(block.id)) throw new Error(`course outline: the units of block "${block.id}" are not listed together`);
      written.add(block.id);
      const element = root.ele(CMI5_NS, "block").att("id", block.activityId);
      langstring(element, "title", lang, block.title);
      langstring(element, "description", lang, block.description.trim() === "" ? block.title : block.description);
      open = { id: block.id, element };
    }
    writeAu(open.element, unit, lang);
  }

  return doc.end({ prettyPrint: true }) + "\n";
}

/**
 * What the course asks for that cmi5.xml cannot say (cmi5 §13 has no prerequisites): one warning per
 * unit with `requires`. In cmi5 every AU can be launched at any time; the LMS decides only whether
 * the course (and each block) is satisfied, from the AUs' moveOn (cmi5 §9.3.9).
 */
export function cmi5Limitations(course: CourseOutline): string[] {
  return course.units
    .filter((unit) => unit.requires.length > 0)
    .map(
      (unit) =>
        `unit "${unit.id}" requires ${unit.requires.map((id) => `"${id}"`).join(", ")}: cmi5.xml cannot express prerequisites (cmi5 §13), ` +
        `so in the cmi5 package the LMS lets the learner launch "${unit.id}" at any time (the SCORM packages enforce it)`,
    );
}
