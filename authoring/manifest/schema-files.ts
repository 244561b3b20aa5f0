// The schema files a SCORM manifest names in xsi:schemaLocation, conventionally at the zip root
// (SCORM CAM). Unmodified copies kept in authoring/manifest/xsd/ (see its README), never retyped.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { PackageFile } from "../course/loaded-course";
import type { TargetId } from "../../runtime/course/types";
import { scormDefinitionFilesDir } from "../paths";

const EDITION_FOLDER: Record<Exclude<TargetId, "cmi5" | "xapi">, string> = {
  scorm12: "scorm12edition",
  "scorm2004-3": "scorm20043rdedition",
  "scorm2004-4": "scorm20044thedition",
};

export function scormEditionFolder(target: Exclude<TargetId, "cmi5" | "xapi">): string {
  return join(scormDefinitionFilesDir(), EDITION_FOLDER[target]);
}

/** Every file of the edition's schema set, placed at the zip root, sorted by name. cmi5 and xapi (tincan.xml) need none. */
export async function schemaFilesFor(target: TargetId): Promise<PackageFile[]> {
  if (target === "cmi5" || target === "xapi") return [];
  const dir = scormEditionFolder(target);
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new Error(`no schema files found in ${dir} (authoring/manifest/xsd/ belongs to passmark: restore it from the repository)`);
  return names.map((name) => ({ zipPath: name, sourcePath: join(dir, name) }));
}
