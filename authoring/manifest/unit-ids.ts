// Per-unit names in the manifests of a multi-unit package (docs/multi-unit.md): the launch query, the
// SCORM item identifiers and the SCORM 2004 global objective of a unit. A single-unit course keeps
// ITEM-1 and a launch without query, as every earlier build wrote.
import { UNIT_PARAMETER } from "../../runtime/course/units";
import type { CourseOutline, UnitOutline } from "./outline";
import { ITEM_ID, LAUNCH_FILE } from "./scorm-common";

/** A single-unit course: one unit without an author's id (singleUnitOutline). */
export function isSingleUnit(course: CourseOutline): boolean {
  return course.units.length === 1 && course.units[0]!.id === null;
}

/** The launch query of a unit, without "?": `pmUnit=<id>` with the id percent-encoded (RFC 3986 query). */
export function unitLaunchQuery(unitId: string): string {
  return `${UNIT_PARAMETER}=${encodeURIComponent(unitId)}`;
}

/** The unit's launch URL relative to the package root: the cmi5 AU url (cmi5 §13.1.4). */
export function unitLaunchUrl(unit: UnitOutline): string {
  return unit.launchQuery === "" ? LAUNCH_FILE : `${LAUNCH_FILE}?${unit.launchQuery}`;
}

/** The SCORM item `parameters` (SCORM CAM: appended to the resource href), null without a query. */
export function unitItemParameters(unit: UnitOutline): string | null {
  return unit.launchQuery === "" ? null : `?${unit.launchQuery}`;
}

/** An NCName made of the id: letters, digits, ".", "-", "_" kept, anything else "_". */
function ncNameTail(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, "_");
}

/**
 * The SCORM item identifier (xsd:ID) of every unit, by unit id: ITEM-1 for a single-unit course,
 * `ITEM-<unit id>` otherwise, made NCName-safe and unique (a suffix "-2", "-3" … on a clash).
 */
export function scormItemIdentifiers(course: CourseOutline): Map<string | null, string> {
  const ids = new Map<string | null, string>();
  if (isSingleUnit(course)) return ids.set(null, ITEM_ID);
  const taken = new Set<string>();
  for (const unit of course.units) {
    const base = `ITEM-${ncNameTail(unit.id ?? "")}`;
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
    taken.add(candidate);
    ids.set(unit.id, candidate);
  }
  return ids;
}

/**
 * The SCORM 2004 global shared objective that carries a unit's satisfied status to the units that
 * require it (SCORM 2004 SN, objective map): the unit's activity IRI, unique to the course and unit.
 */
export function unitGlobalObjectiveId(unit: UnitOutline): string {
  return unit.activityId;
}

/** The ids of the units some other unit requires. */
export function requiredUnitIds(course: CourseOutline): Set<string> {
  return new Set(course.units.flatMap((u) => u.requires));
}

/** The unit with this id; an outline that names a missing unit is a bug of whoever built it. */
export function unitById(course: CourseOutline, id: string): UnitOutline {
  const unit = course.units.find((u) => u.id === id);
  if (!unit) throw new Error(`course outline: no unit "${id}" (named by a unit's requires)`);
  return unit;
}
