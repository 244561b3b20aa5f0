// Activity IRIs of a multi-unit course's units and blocks, derived from the course id like the AU id
// of a single-unit course (authoring/manifest/ids.ts auIdFor): a path under the course id; when the
// course id carries a fragment the suffix stays inside it, when it carries a query the suffix becomes
// the fragment, so a unit's IRI never equals the course id nor another unit's.

function childIri(courseId: string, kind: "units" | "blocks", id: string): string {
  if (courseId.includes("#")) return `${courseId}/${kind}/${id}`;
  if (courseId.includes("?")) return `${courseId}#${kind}/${id}`;
  return courseId.endsWith("/") ? `${courseId}${kind}/${id}` : `${courseId}/${kind}/${id}`;
}

/** The unit's activity IRI (its cmi5 AU id and its CourseData.id): course id + "/units/<unit id>". */
export function unitIriFor(courseId: string, unitId: string): string {
  return childIri(courseId, "units", unitId);
}

/** The block's IRI (cmi5 §13.1.2 block id): course id + "/blocks/<block id>". */
export function blockIriFor(courseId: string, blockId: string): string {
  return childIri(courseId, "blocks", blockId);
}
