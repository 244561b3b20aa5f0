// What the SCORM manifests of every edition share: the launch file and the fixed identifiers of the
// single organization / item / resource (xsd:ID values, local to one manifest).
export const LAUNCH_FILE = "index.html";
export const ORGANIZATION_ID = "ORG-1";
export const ITEM_ID = "ITEM-1";
export const RESOURCE_ID = "RES-SCO-1";
export const PRIMARY_OBJECTIVE_ID = "PRIMARYOBJ";

/** Files listed in a resource: sorted, deduplicated, the launch file first (some LMSs like that). */
export function resourceFileList(files: readonly string[]): string[] {
  const rest = [...new Set(files)].filter((f) => f !== LAUNCH_FILE).sort();
  return [LAUNCH_FILE, ...rest];
}

/** A zip path as a URI reference for an href: each segment percent-encoded (spaces, "#", "?", ":" ...). */
export function hrefForZipPath(zipPath: string): string {
  return zipPath.split("/").map(encodeURIComponent).join("/");
}
