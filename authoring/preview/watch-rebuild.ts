// A watch-mode rebuild of the preview (watch-builds.ts): the course folder is loaded again (every
// rule, as `passmark build` checks it) and each target's package files — the very entries its zip
// would hold (authoring/package/contents.ts) — are written straight into a fresh folder, which then
// replaces the one served. No zip and no unzip in between: zipping and the manifests' libxml2 parse
// are most of a build's time, and the preview reads the manifest itself (package-info.ts). The zips
// are `passmark build`'s; the build at the start of the preview still makes and unpacks them.
import { randomBytes } from "node:crypto";
import { copyFile, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { layoutOf } from "../../runtime/assessment/codec/course-layout";
import type { CourseData, TargetId } from "../../runtime/course/types";
import { loadCourse } from "../course/load-course";
import { commonEntries, targetEntries } from "../package/contents";
import { assertUniquePaths, type ZipEntrySource } from "../package/zip-writer";
import { isInside } from "../watch/tree-watcher";
import { readPackageInfo } from "./package-info";
import type { PreparedCourse } from "./prepare";

/**
 * What a learner's saved state loses when the course changes from `before` to `after`: the resume
 * state's codec keeps a part only while its layout fingerprint is unchanged (course-layout.ts,
 * state-decode.ts), so text edits keep everything and structural edits drop what they invalidate.
 */
export function stateResets(before: CourseData | null, after: CourseData): string[] {
  if (!before) return [];
  const [was, now] = [layoutOf(before), layoutOf(after)];
  if (was.courseFingerprint !== now.courseFingerprint) return ["the course id changed: the learner starts afresh"];
  const resets: string[] = [];
  if (was.contentFingerprint !== now.contentFingerprint)
    resets.push("pages or media were added, removed or renamed: the learner's place and the pages seen start over");
  if (was.assessmentFingerprint !== now.assessmentFingerprint)
    resets.push("the questions changed: finished attempts keep their results and count, an attempt in progress is dropped");
  return resets;
}

/** The built course data of each unit, by unit id ("" for a single-unit course). */
export type BuiltUnits = ReadonlyMap<string, CourseData>;

/**
 * stateResets per unit (a course with units keeps one resume state per unit): a unit's lines name
 * it; a unit that is gone is told, a new one loses nothing.
 */
export function unitResets(before: BuiltUnits | null, after: BuiltUnits): string[] {
  if (!before) return [];
  const named = (id: string, line: string) => (id === "" ? line : `unit "${id}": ${line}`);
  const resets: string[] = [];
  for (const [id, data] of after) {
    const was = before.get(id);
    if (was) resets.push(...stateResets(was, data).map((line) => named(id, line)));
  }
  for (const id of before.keys()) if (id !== "" && !after.has(id)) resets.push(`unit "${id}" was removed: its learners' records stay in the LMS`);
  return resets;
}

/**
 * Builds `targets` of a course folder again and swaps each into place, with the title and warnings
 * of this build; resolves to the course data built, per unit. A course with errors throws CourseError and the
 * packages served stay as they were.
 */
export async function rebuildTargets(course: PreparedCourse, targets: readonly TargetId[]): Promise<BuiltUnits> {
  const loaded = await loadCourse(course.source);
  const shared = await commonEntries(loaded);
  const plans = await Promise.all(targets.map(async (target) => ({ target, entries: await targetEntries(loaded, target, shared) })));
  for (const { target, entries } of plans) {
    const root = join(course.workDir, "packages", target);
    await writeFolder(entries, root);
    course.packages.set(target, readPackageInfo(root));
  }
  course.title = loaded.data.title;
  course.warnings = loaded.warnings.map((w) => `${w.file}: ${w.message}`);
  return new Map(loaded.units ? loaded.units.map((u) => [u.id, u.data]) : [["", loaded.data]]);
}

/** Writes the entries into a staging folder beside `root`, then moves it into place (the old one is removed). */
async function writeFolder(entries: readonly ZipEntrySource[], root: string): Promise<void> {
  assertUniquePaths(entries);
  const nonce = randomBytes(4).toString("hex");
  const staging = `${root}.${nonce}.next`;
  const old = `${root}.${nonce}.old`;
  try {
    for (const entry of entries) {
      const path = resolve(staging, entry.zipPath);
      if (!isInside(staging, path) || path === staging) throw new Error(`package file "${entry.zipPath}" would be written outside its package`);
      await mkdir(dirname(path), { recursive: true });
      if ("data" in entry) await writeFile(path, entry.data);
      else await copyFile(entry.sourcePath, path);
    }
    const setAside = await rename(root, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
        return false;
      },
    );
    await rename(staging, root).catch(async (error: unknown) => {
      if (setAside) await rename(old, root).catch(() => undefined); // the package served before stays
      throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
}
