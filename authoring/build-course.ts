// `passmark build`: load the author's course folder, then write one zip per target.
// A course with errors throws CourseError (from loadCourse) before anything is written; a
// packing failure leaves no output either (buildPackages is atomic).
import { resolve } from "node:path";
import { courseOutline } from "./course/course-outline";
import { COURSE_FILE, loadCourse } from "./course/load-course";
import type { CourseProblem, LoadedCourse } from "./course/loaded-course";
import { pointer } from "./course/problems";
import { cmi5Limitations } from "./manifest/cmi5";
import { scorm12Limitations } from "./manifest/scorm12";
import { buildPackages, type BuiltPackage } from "./package/build-packages";
import type { TargetId } from "../runtime/course/types";

export interface BuildCourseOptions {
  /** Targets to build; default: the targets listed in course.json (every target, ALL_TARGETS, when it lists none). */
  targets?: readonly TargetId[];
  /** Output folder; default: DEFAULT_OUT_DIR in the current working directory. */
  outDir?: string;
}

export interface BuildCourseResult {
  course: LoadedCourse;
  packages: BuiltPackage[];
  warnings: CourseProblem[];
}

export const DEFAULT_OUT_DIR = "passmark-out";

export async function buildCourse(dir: string, options: BuildCourseOptions = {}): Promise<BuildCourseResult> {
  const course = await loadCourse(dir);
  const targets = options.targets && options.targets.length > 0 ? options.targets : course.targets;
  const packages = await buildPackages(course, { targets, outDir: resolve(options.outDir ?? DEFAULT_OUT_DIR) });
  return { course, packages, warnings: [...course.warnings, ...targetWarnings(course, targets)] };
}

/**
 * What a target's manifest cannot carry of the course: a unit's `requires` in cmi5.xml
 * (cmi5Limitations: one message per requiring unit, in course order), titles and prerequisites past
 * the SCORM 1.2 schema's 200 characters (scorm12Limitations, each message naming what it is about).
 */
function targetWarnings(course: LoadedCourse, targets: readonly TargetId[]): CourseProblem[] {
  const outline = courseOutline(course);
  const warning = (path: string, message: string): CourseProblem => ({ file: COURSE_FILE, path, message, severity: "warning" });
  const warnings: CourseProblem[] = [];
  if (targets.includes("cmi5") && course.units !== undefined) {
    const requiring = course.units.flatMap((unit, i) => (unit.requires.length > 0 ? [pointer("units", i, "requires")] : []));
    warnings.push(...cmi5Limitations(outline).map((message, k) => warning(requiring[k] ?? "/units", message)));
  }
  if (targets.includes("scorm12")) {
    warnings.push(...scorm12Limitations(outline).map((message) => warning("", `the SCORM 1.2 package: ${message}`)));
  }
  return warnings;
}
