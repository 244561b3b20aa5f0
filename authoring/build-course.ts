// `passmark build`: load the author's course folder, then write one zip per target.
// A course with errors throws CourseError (from loadCourse) before anything is written; a
// packing failure leaves no output either (buildPackages is atomic).
import { resolve } from "node:path";
import { loadCourse } from "./course/load-course";
import type { CourseProblem, LoadedCourse } from "./course/loaded-course";
import { buildPackages, type BuiltPackage } from "./package/build-packages";
import type { TargetId } from "../runtime/course/types";

export interface BuildCourseOptions {
  /** Targets to build; default: the targets listed in course.json (all four when it lists none). */
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
  return { course, packages, warnings: course.warnings };
}
