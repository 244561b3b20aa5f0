// SCORM 2004 3rd / 4th edition imsmanifest.xml (SCORM 2004 CAM): one SCO item per unit with choice
// and flow navigation, content-set completion/satisfaction, and the mastery score as the primary
// objective's minNormalizedMeasure (the LMS turns it into cmi.scaled_passing_score). A multi-unit
// course's items share one resource; their sequencing is scorm2004-sequencing.ts.
import { create } from "xmlbuilder2";
import type { CourseOutline } from "./outline";
import { manifestIdentifierFor, scaledMastery } from "./ids";
import { writeUnitSequencing } from "./scorm2004-sequencing";
import { isSingleUnit, scormItemIdentifiers, unitItemParameters } from "./unit-ids";
import { SCORM2004, SCORM2004_SCHEMA_LOCATIONS, XMLNS, XSI, schemaLocationValue } from "./namespaces";
import { ITEM_ID, LAUNCH_FILE, ORGANIZATION_ID, PRIMARY_OBJECTIVE_ID, RESOURCE_ID, hrefForZipPath, resourceFileList } from "./scorm-common";

export type Scorm2004Edition = 3 | 4;

type XMLBuilder = ReturnType<typeof create>;

const SCHEMA_VERSION: Record<Scorm2004Edition, string> = { 3: "2004 3rd Edition", 4: "2004 4th Edition" };

/** The one item of a single-unit course, exactly as every earlier build wrote it. */
function writeSingleItem(organization: XMLBuilder, course: CourseOutline): void {
  const ns = SCORM2004.imscp;
  const ss = SCORM2004.imsss;
  const item = organization.ele(ns, "item").att("identifier", ITEM_ID).att("identifierref", RESOURCE_ID);
  item.ele(ns, "title").txt(course.title);
  // imsss:sequencing children in schema order: ... objectives, randomizationControls, deliveryControls.
  const itemSequencing = item.ele(ss, "imsss:sequencing");
  if (course.units[0]!.reporting.masteryScore !== null) {
    itemSequencing
      .ele(ss, "imsss:objectives")
      .ele(ss, "imsss:primaryObjective")
      .att("objectiveID", PRIMARY_OBJECTIVE_ID)
      .att("satisfiedByMeasure", "true")
      .ele(ss, "imsss:minNormalizedMeasure")
      .txt(scaledMastery(course.units[0]!.reporting.masteryScore));
  }
  itemSequencing.ele(ss, "imsss:deliveryControls").att("completionSetByContent", "true").att("objectiveSetByContent", "true");
}

/** `files`: every file of the SCO, zip paths (the launch file included). */
export function writeScorm2004Manifest(course: CourseOutline, files: readonly string[], edition: Scorm2004Edition): string {
  const ns = SCORM2004.imscp;
  const ss = SCORM2004.imsss;
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const manifest = doc
    .ele(ns, "manifest")
    .att("identifier", manifestIdentifierFor(course.id))
    .att("version", "1")
    .att(XMLNS, "xmlns:adlcp", SCORM2004.adlcp)
    .att(XMLNS, "xmlns:adlseq", SCORM2004.adlseq)
    .att(XMLNS, "xmlns:adlnav", SCORM2004.adlnav)
    .att(XMLNS, "xmlns:imsss", ss)
    .att(XMLNS, "xmlns:xsi", XSI)
    .att(XSI, "xsi:schemaLocation", schemaLocationValue(SCORM2004_SCHEMA_LOCATIONS));

  const metadata = manifest.ele(ns, "metadata");
  metadata.ele(ns, "schema").txt("ADL SCORM");
  metadata.ele(ns, "schemaversion").txt(SCHEMA_VERSION[edition]);

  const organization = manifest.ele(ns, "organizations").att("default", ORGANIZATION_ID).ele(ns, "organization").att("identifier", ORGANIZATION_ID);
  if (course.units.some((unit) => unit.requires.length > 0)) {
    // The units' shared objectives belong to this course's activity tree, not to the learner's whole record.
    organization.att(SCORM2004.adlseq, "adlseq:objectivesGlobalToSystem", "false");
  }
  organization.ele(ns, "title").txt(course.title);

  if (isSingleUnit(course)) writeSingleItem(organization, course);
  else {
    // One item per unit, all launching the one SCO resource with the unit in `parameters`.
    const itemIds = scormItemIdentifiers(course);
    for (const unit of course.units) {
      const item = organization.ele(ns, "item").att("identifier", itemIds.get(unit.id)!).att("identifierref", RESOURCE_ID);
      const parameters = unitItemParameters(unit);
      if (parameters !== null) item.att("parameters", parameters);
      item.ele(ns, "title").txt(unit.title);
      writeUnitSequencing(item, course, unit);
    }
  }

  // After the items: flow must be switched on explicitly (it defaults to false).
  organization.ele(ss, "imsss:sequencing").ele(ss, "imsss:controlMode").att("choice", "true").att("flow", "true");

  const resource = manifest
    .ele(ns, "resources")
    .ele(ns, "resource")
    .att("identifier", RESOURCE_ID)
    .att("type", "webcontent")
    .att(SCORM2004.adlcp, "adlcp:scormType", "sco") // capital T in 2004
    .att("href", LAUNCH_FILE);
  for (const file of resourceFileList(files)) resource.ele(ns, "file").att("href", hrefForZipPath(file));

  return doc.end({ prettyPrint: true }) + "\n";
}
