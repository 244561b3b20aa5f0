// Where a unit of a multi-unit package lives: every unit launches the same index.html with the
// unit's id in the query parameter UNIT_PARAMETER (not a cmi5 §8.1 or Tin Can launch parameter name),
// and reads its built course data from course/units/<unit id>/course.json. A single-unit course has
// no parameter and keeps course/course.json.

/** The launch query parameter that names the unit (cmi5.xml AU url, SCORM item parameters, tincan.xml launch). */
export const UNIT_PARAMETER = "pmUnit";

/** The built course data of one unit, relative to index.html. */
export function unitCourseDataPath(unitId: string): string {
  return `course/units/${unitId}/course.json`;
}
