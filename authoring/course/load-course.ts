// Loads an author's course folder: reads course.json, validates it against the JSON Schema, runs the
// semantic checks, renders Markdown and returns the built course plus the files the package must
// carry. Throws CourseError with EVERY problem found; never writes anything.
import path from "node:path";
import { ALL_TARGETS, COURSE_DATA_FORMAT, type CourseData, type ReportingOptions } from "../../runtime/course/types";
import type { AuthorCourse } from "./author-types";
import { buildContent } from "./build-content";
import { buildTheme } from "./build-theme";
import { CourseFiles } from "./course-files";
import { CourseError, type LoadedCourse, type LoadedUnit } from "./loaded-course";
import { loadBlocks, loadUnits } from "./load-units";
import { tooDeep, MAX_JSON_DEPTH } from "./json-depth";
import { pointer, ProblemList } from "./problems";
import { readRegularFile } from "./regular-file";
import { warnAboutScriptAssets } from "./script-assets";
import { firstIllegalXmlChar, MANIFEST_TEXT_FIELDS } from "../manifest/xml-chars";
import { checkCourseSchema } from "./schema-check";
import { checkUnitStructure } from "./unit-rules";

/** The course definition file inside a course folder. */
export const COURSE_FILE = "course.json";

export async function loadCourse(dir: string): Promise<LoadedCourse> {
  const root = path.resolve(dir);
  const problems = new ProblemList();
  const json = await readCourseJson(root, problems);
  // Semantic checks need a well-formed course: schema errors come first, all of them at once.
  if (json === undefined || !checkCourseSchema(json, COURSE_FILE, problems)) throw failure(problems);
  const author = json as AuthorCourse;

  checkManifestText(author, problems);
  checkUnitStructure(author, COURSE_FILE, problems);
  const files = new CourseFiles(root, problems);
  const multi = author.units !== undefined ? { ...author, units: author.units } : null;
  const content = multi === null ? buildContent(author, author.id, "course", COURSE_FILE, files, problems) : null;
  const theme = await buildTheme(author.theme, COURSE_FILE, files, problems);
  const units = multi === null ? undefined : loadUnits(multi, COURSE_FILE, files, problems, theme?.logo);
  const assets = files.assets();
  await warnAboutScriptAssets(assets, root, problems);
  if (problems.errors.length > 0) throw failure(problems);

  const data: CourseData = {
    format: COURSE_DATA_FORMAT,
    id: author.id,
    title: author.title,
    description: author.description ?? "",
    language: author.language ?? "en",
    ...(content ?? { pages: [], assessment: null, reporting: firstUnitReporting(units) }),
    ...(theme?.logo ? { logo: theme.logo } : {}),
  };
  const loaded: LoadedCourse = {
    dir: root,
    data,
    ...(units ? { units, blocks: loadBlocks(author) } : {}),
    assets,
    targets: [...(author.targets ?? ALL_TARGETS)],
    warnings: problems.warnings,
  };
  return theme ? { ...loaded, theme: theme.theme } : loaded;
}

/** A course with units has no content of its own; its data carries the first unit's reporting (there is always one). */
function firstUnitReporting(units: readonly LoadedUnit[] | undefined): ReportingOptions {
  const first = units?.[0];
  if (first === undefined) throw new Error("a course with units lists at least one (schema: units minItems 1)");
  return first.data.reporting;
}

/** Errors first, then the warnings found on the way (the author fixes everything in one go). */
function failure(problems: ProblemList): CourseError {
  return new CourseError([...problems.errors, ...problems.warnings]);
}

async function readCourseJson(root: string, problems: ProblemList): Promise<unknown> {
  const file = path.join(root, COURSE_FILE);
  const read = await readRegularFile(file);
  if (!read.ok) {
    const missing = read.found === "no such file" || read.found === "a folder" || read.found.startsWith("an unreadable file");
    problems.error(COURSE_FILE, "", `expected the course definition ${file}${missing ? "" : " to be a regular file"}, found ${read.found}`);
    return undefined;
  }
  const text = read.text.replace(/^\uFEFF/, "");
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    problems.error(COURSE_FILE, "", `expected valid JSON, found a syntax error ${jsonErrorPlace(text, (error as Error).message)}`);
    return undefined;
  }
  const deep = tooDeep(json);
  if (deep !== null) {
    problems.error(
      COURSE_FILE,
      pointer(...deep),
      `expected at most ${MAX_JSON_DEPTH} levels of nesting (objects and lists), found a value nested deeper: no course needs that many`,
    );
    return undefined;
  }
  return json;
}

/** Text that cmi5.xml / imsmanifest.xml carry must be made of XML characters (XML 1.0 §2.2): the course's, its units' and blocks'. */
function checkManifestText(author: AuthorCourse, problems: ProblemList): void {
  const holders: { at: (string | number)[]; fields: Partial<Record<(typeof MANIFEST_TEXT_FIELDS)[number], unknown>> }[] = [
    { at: [], fields: author },
    ...(author.units ?? []).map((fields, i) => ({ at: ["units", i], fields })),
    ...(author.blocks ?? []).map((fields, i) => ({ at: ["blocks", i], fields })),
  ];
  for (const { at, fields } of holders) {
    for (const field of MANIFEST_TEXT_FIELDS) {
      const value = fields[field];
      if (typeof value !== "string") continue;
      const bad = firstIllegalXmlChar(value);
      if (bad === null) continue;
      problems.error(
        COURSE_FILE,
        pointer(...at, field),
        `expected text that XML allows (XML 1.0 §2.2), found ${bad.codePoint} (${bad.kind}) at character ${bad.position}: ` +
          `"${field}" is written into cmi5.xml and imsmanifest.xml, which no LMS could read with it. Remove the character`,
      );
    }
  }
}

/** "at line 3, column 5: Expected ',' or '}' after property value" from V8's "... at position 52". */
function jsonErrorPlace(text: string, message: string): string {
  const reason = message.replace(/\s*in JSON at position \d+.*$/s, "").replace(/\s*\(line \d+ column \d+\)$/, "");
  const position = /at position (\d+)/.exec(message);
  if (!position) return `(${message})`;
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `at line ${line}, column ${column}: ${reason}`;
}
