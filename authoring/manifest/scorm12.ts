// SCORM 1.2 imsmanifest.xml (SCORM 1.2 CAM): one organization, one item per unit, one SCO resource
// listing every file of the package (a unit's item launches it with the unit in `parameters`).
import { create } from "xmlbuilder2";
import type { CourseOutline, UnitOutline } from "./outline";
import { manifestIdentifierFor, percentMastery } from "./ids";
import { scormItemIdentifiers, unitById, unitItemParameters } from "./unit-ids";
import { SCORM12, SCORM12_SCHEMA_LOCATIONS, XMLNS, XSI, schemaLocationValue } from "./namespaces";
import { LAUNCH_FILE, ORGANIZATION_ID, RESOURCE_ID, hrefForZipPath, resourceFileList } from "./scorm-common";

/** SCORM 1.2 CAM schema limits (imscp_rootv1p1p2.xsd titleType, adlcp_rootv1p2.xsd prerequisiteStringType). */
export const SCORM12_TITLE_MAX = 200;
export const SCORM12_PREREQUISITES_MAX = 200;

/** AICC script naming the items a unit requires (an identifier is true once passed or completed; "&" = and), or null. */
function prerequisitesScript(course: CourseOutline, unit: UnitOutline, itemIds: ReadonlyMap<string | null, string>): string | null {
  if (unit.requires.length === 0) return null;
  return unit.requires.map((id) => itemIds.get(unitById(course, id).id)!).join(" & ");
}

/**
 * What the SCORM 1.2 manifest of this course cannot hold validly, one message each: a title over
 * 200 characters, or prerequisites whose AICC script is over 200 (many or long unit ids). For the
 * build to report; the writer writes what it is given.
 */
export function scorm12Limitations(course: CourseOutline): string[] {
  const messages: string[] = [];
  const itemIds = scormItemIdentifiers(course);
  const long = (what: string, text: string): void => {
    if (text.length > SCORM12_TITLE_MAX)
      messages.push(`${what} is ${text.length} characters long: a SCORM 1.2 <title> holds at most ${SCORM12_TITLE_MAX} (SCORM 1.2 CAM schema)`);
  };
  long("the course title", course.title);
  for (const unit of course.units) {
    if (unit.id !== null) long(`the title of unit "${unit.id}"`, unit.title);
    const script = prerequisitesScript(course, unit, itemIds);
    if (script !== null && script.length > SCORM12_PREREQUISITES_MAX) {
      messages.push(
        `unit "${unit.id}" requires ${unit.requires.length} units: its SCORM 1.2 prerequisites "${script}" are ${script.length} characters long, ` +
          `at most ${SCORM12_PREREQUISITES_MAX} fit (SCORM 1.2 CAM adlcp:prerequisites); require fewer units or use shorter unit ids`,
      );
    }
  }
  return messages;
}

/** `files`: every file of the SCO, zip paths (the launch file included). */
export function writeScorm12Manifest(course: CourseOutline, files: readonly string[]): string {
  const ns = SCORM12.imscp;
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const manifest = doc
    .ele(ns, "manifest")
    .att("identifier", manifestIdentifierFor(course.id))
    .att("version", "1.0")
    .att(XMLNS, "xmlns:adlcp", SCORM12.adlcp)
    .att(XMLNS, "xmlns:xsi", XSI)
    .att(XSI, "xsi:schemaLocation", schemaLocationValue(SCORM12_SCHEMA_LOCATIONS));

  const metadata = manifest.ele(ns, "metadata");
  metadata.ele(ns, "schema").txt("ADL SCORM");
  metadata.ele(ns, "schemaversion").txt("1.2");

  const organization = manifest.ele(ns, "organizations").att("default", ORGANIZATION_ID).ele(ns, "organization").att("identifier", ORGANIZATION_ID);
  organization.ele(ns, "title").txt(course.title);
  // One item per unit, all launching the one SCO resource with the unit in `parameters`.
  const itemIds = scormItemIdentifiers(course);
  for (const unit of course.units) {
    const item = organization.ele(ns, "item").att("identifier", itemIds.get(unit.id)!).att("identifierref", RESOURCE_ID).att("isvisible", "true");
    const parameters = unitItemParameters(unit);
    if (parameters !== null) item.att("parameters", parameters);
    item.ele(ns, "title").txt(unit.title);
    // SCORM 1.2 CAM order of the adlcp extensions: prerequisites, maxtimeallowed, timelimitaction, datafromlms, masteryscore.
    const script = prerequisitesScript(course, unit, itemIds);
    if (script !== null) item.ele(SCORM12.adlcp, "adlcp:prerequisites").att("type", "aicc_script").txt(script);
    if (unit.reporting.masteryScore !== null) {
      // 0..100 in 1.2; the LMS hands it back as cmi.student_data.mastery_score.
      item.ele(SCORM12.adlcp, "adlcp:masteryscore").txt(percentMastery(unit.reporting.masteryScore));
    }
  }

  const resource = manifest
    .ele(ns, "resources")
    .ele(ns, "resource")
    .att("identifier", RESOURCE_ID)
    .att("type", "webcontent")
    .att(SCORM12.adlcp, "adlcp:scormtype", "sco") // lower-case t in 1.2
    .att("href", LAUNCH_FILE);
  for (const file of resourceFileList(files)) resource.ele(ns, "file").att("href", hrefForZipPath(file));

  return doc.end({ prettyPrint: true }) + "\n";
}
