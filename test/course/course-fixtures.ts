// Test helpers: course folders written to fresh temp dirs, and a snapshot of a folder tree to prove
// the loader writes nothing.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CourseError, type CourseProblem } from "../../authoring/course/loaded-course";
import { loadCourse } from "../../authoring/course/load-course";

export type CourseFolder = Record<string, string | Buffer | object>;

const created: string[] = [];

/** Write a course folder to a new temp dir; objects are written as pretty JSON. Returns the course dir. */
export function makeCourse(files: CourseFolder): string {
  const parent = mkdtempSync(path.join(tmpdir(), "passmark-course-"));
  created.push(parent);
  const dir = path.join(parent, "course");
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(dir, ...name.split("/"));
    mkdirSync(path.dirname(target), { recursive: true });
    const bytes = typeof content === "string" || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2);
    writeFileSync(target, bytes);
  }
  return dir;
}

export function removeCourses(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every entry under `dir` with its size and modification time: equal snapshots = nothing written. */
export function snapshotTree(dir: string): string[] {
  const entries: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      const stat = statSync(full);
      entries.push(`${path.relative(dir, full)} ${stat.isDirectory() ? "dir" : stat.size} ${stat.mtimeMs}`);
      if (stat.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return entries;
}

/** Load a course that must fail; returns every problem of the CourseError. */
export async function problemsOf(dir: string): Promise<CourseProblem[]> {
  try {
    await loadCourse(dir);
  } catch (error) {
    if (error instanceof CourseError) return error.problems;
    throw error;
  }
  throw new Error(`expected ${dir} to be rejected with a CourseError`);
}

/** A small valid course.json to break in one place. */
export function baseCourse(): Record<string, unknown> {
  return {
    id: "https://example.com/courses/test",
    title: "Test course",
    pages: [{ id: "p1", title: "Page 1", body: { markdown: "Hello" } }],
  };
}

/** A small valid assessment. */
export function baseAssessment(): Record<string, unknown> {
  return {
    attempts: 2,
    questions: [{ id: "q1", type: "true-false", prompt: "Is it?", answer: true }],
  };
}
