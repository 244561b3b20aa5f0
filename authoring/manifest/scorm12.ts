// SCORM 1.2 imsmanifest.xml (SCORM 1.2 CAM): one organization, one item per unit, one SCO resource
// listing every file of the package (a unit's item launches it with the unit in `parameters`).
import { create } from "xmlbuilder2";
import type { CourseOutline } from "./outline";
import { manifestIdentifierFor, percentMastery } from "./ids";
import { scormItemIdentifiers, unitById, unitItemParameters } from "./unit-ids";
import { SCORM12, SCORM12_SCHEMA_LOCATIONS, XMLNS, XSI, schemaLocationValue } from "./namespaces";
import { LAUNCH_FILE, ORGANIZATION_ID, RESOURCE_ID, hrefForZipPath, resourceFileList } from "./scorm-common";

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
    if (unit.requires.length > 0) {
      // AICC script: an item's identifier is true once its lesson_status is passed or completed; "&" = and.
      const script = unit.requires.map((id) => itemIds.get(unitById(course, id).id)!).join(" & ");
      item.ele(SCORM12.adlcp, "adlcp:prerequisites").att("type", "aicc_script").txt(script);
    }
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
