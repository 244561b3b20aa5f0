// Identifiers derived from the author's course id, stable across builds of the same course.
import { createHash } from "node:crypto";

/**
 * cmi5 AU id (cmi5 §13.1.4: an absolute IRI, unique in the course structure), derived from the course id:
 * a path segment "au" is appended; when the course id carries a query or fragment the suffix goes
 * into the fragment instead, so the AU id never collides with the course id.
 */
export function auIdFor(courseId: string): string {
  if (courseId.includes("#")) return `${courseId}-au`;
  if (courseId.includes("?")) return `${courseId}#au`;
  return courseId.endsWith("/") ? `${courseId}au` : `${courseId}/au`;
}

/**
 * An xsd:ID (NCName) for a SCORM manifest, readable and stable: the tail of the course id made
 * NCName-safe plus a short hash of the whole id (two courses never share a manifest identifier).
 */
export function manifestIdentifierFor(courseId: string): string {
  const hash = createHash("sha256").update(courseId).digest("hex").slice(0, 10);
  const tail = courseId
    .replace(/^[a-z][a-z0-9+.-]*:\/*/i, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(-60);
  return `passmark-${tail ? `${tail}-` : ""}${hash}`;
}

/** A 0..100 mastery score on the 0..1 scale of cmi5 masteryScore and SCORM 2004 minNormalizedMeasure. */
export function scaledMastery(masteryScore: number): string {
  return String(Number((masteryScore / 100).toPrecision(12)));
}

/** A 0..100 mastery score as SCORM 1.2 adlcp:masteryscore text. */
export function percentMastery(masteryScore: number): string {
  return String(Number(masteryScore.toPrecision(12)));
}
