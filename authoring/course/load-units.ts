// The units of a multi-unit course (docs/course-format.md "Units"), each built into a full CourseData
// with the same builders as a single-unit course: its id is the unit's activity IRI, its title the
// unit's, its language and logo the course's. Reporting: the course's `reporting` gives defaults, a
// unit's own overrides them field by field; a unit without an assessment skips the defaults it could
// never meet (a masteryScore, a moveOn that needs a pass) and takes its own default for those.
import { COURSE_DATA_FORMAT, type CourseData } from "../../runtime/course/types";
import type { AuthorCourse, AuthorReporting, AuthorUnit } from "./author-types";
import { buildContent } from "./build-content";
import type { CourseFiles } from "./course-files";
import type { LoadedBlock, LoadedUnit } from "./loaded-course";
import { pointer, type ProblemList } from "./problems";
import { blockIriFor, unitIriFor } from "./unit-ids";

const NEEDS_A_PASS = new Set(["Passed", "CompletedAndPassed"]);

/** The course's reporting defaults with the unit's own fields over them. */
export function unitReporting(defaults: AuthorReporting | undefined, own: AuthorReporting | undefined, hasAssessment: boolean): AuthorReporting | undefined {
  if (defaults === undefined) return own;
  const inherited: AuthorReporting = { ...defaults };
  if (!hasAssessment) {
    delete inherited.masteryScore;
    if (inherited.cmi5?.moveOn !== undefined && NEEDS_A_PASS.has(inherited.cmi5.moveOn)) {
      const { moveOn: _skipped, ...rest } = inherited.cmi5;
      inherited.cmi5 = rest;
    }
  }
  const merged: AuthorReporting = { ...inherited, ...own };
  if (inherited.cmi5 || own?.cmi5) merged.cmi5 = { ...inherited.cmi5, ...own?.cmi5 };
  if (inherited.scorm12 || own?.scorm12) merged.scorm12 = { ...inherited.scorm12, ...own?.scorm12 };
  return merged;
}

/** The reporting paths a unit's problems may concern whose value came from the course's defaults. */
function inheritedPaths(defaults: AuthorReporting | undefined, unit: AuthorUnit, merged: AuthorReporting | undefined): Map<string, string> {
  const note = `the course's default, which unit "${unit.id}" inherits`;
  const paths = new Map<string, string>();
  if (defaults?.masteryScore !== undefined && unit.reporting?.masteryScore === undefined && merged?.masteryScore !== undefined) {
    paths.set("/reporting/masteryScore", note);
  }
  if (defaults?.cmi5?.moveOn !== undefined && unit.reporting?.cmi5?.moveOn === undefined && merged?.cmi5?.moveOn !== undefined) {
    paths.set("/reporting/cmi5/moveOn", note);
  }
  return paths;
}

export function loadUnits(
  course: AuthorCourse & { units: AuthorUnit[] },
  file: string,
  files: CourseFiles,
  problems: ProblemList,
  logo: CourseData["logo"],
): LoadedUnit[] {
  return course.units.map((unit, i) => {
    const id = unitIriFor(course.id, unit.id);
    const reporting = unitReporting(course.reporting, unit.reporting, unit.assessment !== undefined);
    const scoped = problems.within(file, pointer("units", i), inheritedPaths(course.reporting, unit, reporting));
    const content = buildContent({ ...unit, reporting }, id, "unit", file, files.reportingTo(scoped), scoped);
    const data: CourseData = {
      format: COURSE_DATA_FORMAT,
      id,
      title: unit.title,
      description: unit.description ?? "",
      language: course.language ?? "en",
      ...content,
      ...(logo ? { logo } : {}),
    };
    return { id: unit.id, data, requires: [...(unit.requires ?? [])], block: unit.block ?? null };
  });
}

export function loadBlocks(course: AuthorCourse): LoadedBlock[] {
  return (course.blocks ?? []).map((b) => ({ id: b.id, activityId: blockIriFor(course.id, b.id), title: b.title, description: b.description ?? "" }));
}
