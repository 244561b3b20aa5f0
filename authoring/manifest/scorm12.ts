// SCORM 1.2 imsmanifest.xml (SCORM 1.2 CAM): one organization, one item, one SCO resource
// listing every file of the package.
import { create } from "xmlbuilder2";
import type { CourseOutline } from "./outline";
import { manifestIdentifierFor, percentMastery } from "./ids";
import { SCORM12, SCORM12_SCHEMA_LOCATIONS, XMLNS, XSI, schemaLocationValue } from "./namespaces";
import { ITEM_ID, LAUNCH_FILE, ORGANIZATION_ID, RESOURCE_ID, hrefForZipPath, resourceFileList } from "./scorm-common";

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
  const item = organization.ele(ns, "item").att("identifier", ITEM_ID).att("identifierref", RESOURCE_ID).att("isvisible", "true");
  item.ele(ns, "title").txt(course.title);
  if (course.units[0]!.reporting.masteryScore !== null) {
    // 0..100 in 1.2; the LMS hands it back as cmi.student_data.mastery_score.
    item.ele(SCORM12.adlcp, "adlcp:masteryscore").txt(percentMastery(course.units[0]!.reporting.masteryScore));
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
