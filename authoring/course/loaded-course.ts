// What loading a course folder yields: the built course data plus the files the package must carry.
import type { CourseData, TargetId } from "../../runtime/course/types";
import type { CourseTheme } from "./build-theme";

export interface PackageFile {
  /** Path inside the zip, forward slashes, no leading slash (e.g. "assets/clip.mp4"). */
  zipPath: string;
  /** Absolute path on disk, streamed into the zip. */
  sourcePath: string;
}

export interface LoadedCourse {
  /** Absolute path of the course folder. */
  dir: string;
  /**
   * The built course. For a course with `units`: the course's own id, title, description, language
   * and logo, with no pages and no assessment (those are in each unit's data) and the first unit's
   * reporting options.
   */
  data: CourseData;
  /** A course with `units` (docs/course-format.md "Units"): each unit, built; absent for a single-unit course. */
  units?: LoadedUnit[];
  /** The `blocks` of a course with units ([] when it lists none); absent for a single-unit course. */
  blocks?: LoadedBlock[];
  /** Author assets referenced by the course, packaged once for all its units (images, media, captions). */
  assets: PackageFile[];
  /** Targets the author asked for in course.json (default: all). */
  targets: TargetId[];
  /** Non-fatal findings (printed by the CLI). */
  warnings: CourseProblem[];
  /** `theme` of course.json, checked (authoring/package/theme-css.ts writes it out); absent without one. */
  theme?: CourseTheme;
}

/** One unit of a multi-unit course, built. */
export interface LoadedUnit {
  /** The author's unit id (the launch parameter's value, runtime/course/units.ts). */
  id: string;
  /** A full CourseData: id = the unit's activity IRI, title = the unit's title. */
  data: CourseData;
  /** Ids of the units listed earlier that this one requires. */
  requires: string[];
  /** Its block's id, or null. */
  block: string | null;
}

/** A block of a multi-unit course (a cmi5 block). */
export interface LoadedBlock {
  id: string;
  /** course id + "/blocks/<id>" (unit-ids.ts). */
  activityId: string;
  title: string;
  description: string;
}

/** One finding about a course file: where (file + JSON path), what was expected, what was found. */
export interface CourseProblem {
  file: string;
  /** JSON Pointer-like path inside the file, e.g. "/assessment/rubric/mods/3/reward"; "" for the whole file. */
  path: string;
  message: string;
  severity: "error" | "warning";
  /** 1-based line in `file` where the path cannot say where (a Markdown file's image, link, placeholder…). */
  line?: number;
}

/** "pages/intro.md:7: message", "course.json /pages/0/title: message". */
export function describeCourseProblem(p: CourseProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ""}${p.path ? ` ${p.path}` : ""}: ${p.message}`;
}

/** Thrown by loadCourse with ALL errors found, so the author fixes them in one go. */
export class CourseError extends Error {
  readonly problems: CourseProblem[];
  constructor(problems: CourseProblem[]) {
    super(problems.map(describeCourseProblem).join("\n"));
    this.name = "CourseError";
    this.problems = problems;
  }
}
