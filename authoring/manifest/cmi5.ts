// cmi5.xml (cmi5 §13, §14): one course, one AU launched from index.html.
import { create } from "xmlbuilder2";
import { scaledMastery } from "./ids";
import { CMI5_NS } from "./namespaces";
import type { CourseOutline } from "./outline";

/** The AU is the package's index.html, relative to cmi5.xml (cmi5 §14: inside the zip). */
export const CMI5_AU_URL = "index.html";

export function writeCmi5Xml(course: CourseOutline): string {
  const lang = course.language;
  const description = course.description;
  const unit = course.units[0]!;
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const root = doc.ele(CMI5_NS, "courseStructure");

  const c = root.ele(CMI5_NS, "course").att("id", course.id);
  c.ele(CMI5_NS, "title").ele(CMI5_NS, "langstring").att("lang", lang).txt(course.title);
  c.ele(CMI5_NS, "description").ele(CMI5_NS, "langstring").att("lang", lang).txt(description);

  // cmi5 §13.1.4 and its best practice: always set moveOn explicitly; masteryScore only when the author declared one.
  const au = root.ele(CMI5_NS, "au").att("id", unit.activityId).att("moveOn", unit.reporting.cmi5.moveOn);
  if (unit.reporting.masteryScore !== null) au.att("masteryScore", scaledMastery(unit.reporting.masteryScore));
  au.att("launchMethod", unit.reporting.cmi5.launchMethod);
  // Children in the order the schema requires: title, description, objectives?, url, ...
  au.ele(CMI5_NS, "title").ele(CMI5_NS, "langstring").att("lang", lang).txt(unit.title);
  au.ele(CMI5_NS, "description").ele(CMI5_NS, "langstring").att("lang", lang).txt(unit.description);
  au.ele(CMI5_NS, "url").txt(CMI5_AU_URL);

  return doc.end({ prettyPrint: true }) + "\n";
}
