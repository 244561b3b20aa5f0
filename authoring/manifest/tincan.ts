// tincan.xml (the Tin Can package file, namespace http://projecttincan.com/tincan.xsd): the course
// activity and, for a multi-unit course, one launchable activity per unit (docs/xapi-target.md).
import { create } from "xmlbuilder2";
import { UNIT_PARAMETER } from "../../runtime/course/units";
import { TINCAN_NS } from "./namespaces";
import type { CourseOutline } from "./outline";

/** The launch file, relative to tincan.xml (inside the zip). */
export const TINCAN_LAUNCH = "index.html";
export const ACTIVITY_TYPE_COURSE = "http://adlnet.gov/expapi/activities/course";
export const ACTIVITY_TYPE_MODULE = "http://adlnet.gov/expapi/activities/module";

/**
 * Single-unit: one course activity (the course IRI, the runtime's activity id fallback) launched from
 * index.html. Multi-unit: the course activity without a launch (Tin Can LMSs launch the first activity
 * that has one, with that activity's id as `activity_id`), then one module activity per unit, its id
 * the unit's IRI and its launch index.html?pmUnit=<unit id>.
 */
export function writeTincanXml(course: CourseOutline): string {
  const lang = course.language;
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const activities = doc.ele(TINCAN_NS, "tincan").ele(TINCAN_NS, "activities");
  const single = course.units.length === 1 && course.units[0]!.id === null;
  const activity = (id: string, type: string, name: string, description: string, launch: string | null) => {
    const a = activities.ele(TINCAN_NS, "activity").att("id", id).att("type", type);
    a.ele(TINCAN_NS, "name").att("lang", lang).txt(name);
    a.ele(TINCAN_NS, "description").att("lang", lang).txt(description);
    if (launch !== null) a.ele(TINCAN_NS, "launch").att("lang", lang).txt(launch);
  };
  activity(course.id, ACTIVITY_TYPE_COURSE, course.title, course.description, single ? TINCAN_LAUNCH : null);
  if (!single) {
    for (const unit of course.units) {
      const query = unit.launchQuery === "" ? `${UNIT_PARAMETER}=${encodeURIComponent(unit.id ?? "")}` : unit.launchQuery;
      activity(unit.activityId, ACTIVITY_TYPE_MODULE, unit.title, unit.description, `${TINCAN_LAUNCH}?${query}`);
    }
  }
  return doc.end({ prettyPrint: true }) + "\n";
}
