// What goes into the zip for one target: manifest (+ schema files for SCORM), index.html, the
// runtime (every file of dist/runtime but build by-products: every bundle, since a launch of another
// kind hands over to that kind's bundle, runtime/main.ts), the course data (course/course.json;
// for a course with units course/units/<id>/course.json per unit and the list course/units.json),
// course/theme.css for a course with a theme, and the author's assets at their zip paths (once).
import { access, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { courseOutline } from "../course/course-outline";
import type { LoadedCourse } from "../course/loaded-course";
import type { TargetId } from "../../runtime/course/types";
import { UNIT_LIST_PATH, type UnitList } from "../../runtime/course/unit-list";
import { unitCourseDataPath } from "../../runtime/course/units";
import { writeCmi5Xml } from "../manifest/cmi5";
import { schemaFilesFor } from "../manifest/schema-files";
import { writeScorm12Manifest } from "../manifest/scorm12";
import { writeScorm2004Manifest } from "../manifest/scorm2004";
import { writeTincanXml } from "../manifest/tincan";
import { packageRoot, runtimeDistDir } from "../paths";
import { courseJson } from "./course-json";
import { RUNTIME_BUNDLE, runtimePreloads } from "./runtime-preloads";
import { shellHtml } from "./shell";
import { THEME_CSS_PATH, themeCss, type ThemeRules } from "./theme-css";
import { assertUniquePaths, type ZipEntrySource } from "./zip-writer";

export const RUNTIME_FILES = [
  "runtime/passmark.cmi5.js",
  "runtime/passmark.scorm12.js",
  "runtime/passmark.scorm2004.js",
  "runtime/passmark.xapi.js",
  "runtime/passmark.css",
] as const;
export const COURSE_JSON_PATH = "course/course.json";
/** The manifest of each target (cmi5.xml for cmi5, imsmanifest.xml for SCORM, tincan.xml for xapi), at the zip root. */
export const MANIFEST_PATHS: readonly string[] = ["cmi5.xml", "imsmanifest.xml", "tincan.xml"];

/** Thrown when dist/runtime has not been built. */
export class RuntimeNotBuiltError extends Error {
  constructor(path: string) {
    super(`the browser runtime is not built (${path} is missing): run \`npm run build\``);
    this.name = "RuntimeNotBuiltError";
  }
}

/** Build by-products of build.mjs in dist/runtime that learners never load. */
function isShippedRuntimeFile(name: string): boolean {
  return name !== "meta.json" && !name.endsWith(".map");
}

/** Every file of the runtime (dist/runtime), as runtime/<name>; every bundle and passmark.css must be there. */
async function runtimeEntries(): Promise<ZipEntrySource[]> {
  const dir = runtimeDistDir();
  for (const zipPath of RUNTIME_FILES) {
    const sourcePath = join(dir, zipPath.slice("runtime/".length));
    await access(sourcePath).catch(() => {
      throw new RuntimeNotBuiltError(sourcePath);
    });
  }
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && isShippedRuntimeFile(e.name)).map((e) => e.name);
  return names.sort().map((name) => ({ zipPath: `runtime/${name}`, sourcePath: join(dir, name) }));
}

/** course/theme.css of a course with a theme (theme-css.ts), from the rules build.mjs extracted. */
async function themeEntries(course: LoadedCourse): Promise<ZipEntrySource[]> {
  if (!course.theme) return [];
  const rulesPath = join(packageRoot(), "dist", "theme", "rules.json");
  const rules = JSON.parse(
    await readFile(rulesPath, "utf8").catch(() => {
      throw new RuntimeNotBuiltError(rulesPath);
    }),
  ) as ThemeRules;
  return [{ zipPath: THEME_CSS_PATH, data: Buffer.from(themeCss(course.theme, rules), "utf8") }];
}

/** course/course.json; for a course with units, each unit's course.json and the list of units. */
function courseDataEntries(course: LoadedCourse): ZipEntrySource[] {
  if (course.units === undefined) return [{ zipPath: COURSE_JSON_PATH, data: courseJson(course.data) }];
  const list: UnitList = { title: course.data.title, language: course.data.language, units: course.units.map((u) => ({ id: u.id, title: u.data.title })) };
  return [
    ...course.units.map((unit) => ({ zipPath: unitCourseDataPath(unit.id), data: courseJson(unit.data) })),
    { zipPath: UNIT_LIST_PATH, data: Buffer.from(JSON.stringify(list) + "\n", "utf8") },
  ];
}

/** The package files every target shares (no manifest, no index.html: its preloads depend on the target). */
export async function commonEntries(course: LoadedCourse): Promise<ZipEntrySource[]> {
  return [
    ...(await runtimeEntries()),
    ...courseDataEntries(course),
    ...(await themeEntries(course)),
    ...course.assets.map((a) => ({ zipPath: a.zipPath, sourcePath: a.sourcePath })),
  ];
}

/** All entries of the zip for `target`, given the entries every target shares. */
export async function targetEntries(course: LoadedCourse, target: TargetId, shared: readonly ZipEntrySource[]): Promise<ZipEntrySource[]> {
  const index: ZipEntrySource = {
    zipPath: "index.html",
    data: await shellHtml(course.data, RUNTIME_BUNDLE[target], await runtimePreloads(target), course.theme ? THEME_CSS_PATH : null, course.units === undefined),
  };
  const common = [index, ...shared];
  const files = common.map((e) => e.zipPath);
  const outline = courseOutline(course);
  let manifest: ZipEntrySource;
  switch (target) {
    case "cmi5":
      manifest = { zipPath: "cmi5.xml", data: Buffer.from(writeCmi5Xml(outline), "utf8") };
      break;
    case "scorm12":
      manifest = { zipPath: "imsmanifest.xml", data: Buffer.from(writeScorm12Manifest(outline, files), "utf8") };
      break;
    case "scorm2004-3":
    case "scorm2004-4":
      manifest = {
        zipPath: "imsmanifest.xml",
        data: Buffer.from(writeScorm2004Manifest(outline, files, target === "scorm2004-3" ? 3 : 4), "utf8"),
      };
      break;
    case "xapi":
      manifest = { zipPath: "tincan.xml", data: Buffer.from(writeTincanXml(outline), "utf8") };
      break;
  }
  const entries = [manifest, ...(await schemaFilesFor(target)), ...common];
  assertUniquePaths(entries);
  return entries;
}
