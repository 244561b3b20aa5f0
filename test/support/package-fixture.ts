// Build a course into a real package zip (authoring's buildCourse, the same code `passmark build`
// runs) and unpack it into a temporary folder ready to be served, e.g. by static-server.ts.
//
//   const pkg = await buildPackageFolder({ edit: (course) => (course.language = "fr") });
//   const server = await startStaticServer({ root: pkg.dir });
//   ...
//   await pkg.remove();
//
// The browser runtime (dist/runtime) is rebuilt first when any runtime source is newer than it;
// a lock folder keeps parallel test files from building at the same time. A course of the same
// content (files, edited course.json, target) is built once per test run and copied after
// that (built-package-cache.ts): every test still gets a folder of its own. builtPackage() gives
// the shared build itself, for callers that only read it.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import yauzl from "yauzl";
import { buildCourse } from "../../authoring/build-course";
import type { TargetId } from "../../runtime/course/types";
import { cachedBuild, type BuiltPackage } from "./built-package-cache";

export const REPO_ROOT = new URL("../../", import.meta.url).pathname;
export const STARTER_COURSE = join(REPO_ROOT, "templates", "starter");

export interface PackageFixtureOptions {
  /** Author course folder (default: templates/starter). */
  courseDir?: string;
  /** Default "scorm2004-4" (the package runs standalone when no LMS is around). */
  target?: TargetId;
  /** Change the author's course.json before the build (it is copied first; the original is untouched). */
  edit?: (course: Record<string, unknown>) => void;
}

export interface PackageFolder {
  /** The unpacked package (index.html at its root). */
  dir: string;
  /** The zip it came from. */
  zip: string;
  remove(): Promise<void>;
}

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const name of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, name)));
  return newest;
}

async function runtimeIsFresh(): Promise<boolean> {
  // build.mjs writes the bundles (passmark.cmi5.js, passmark.scorm12.js, …), then the stylesheet.
  const outputs = await Promise.all(
    ["passmark.cmi5.js", "passmark.scorm12.js", "passmark.scorm2004.js", "passmark.css"].map((name) =>
      stat(join(REPO_ROOT, "dist", "runtime", name)).catch(() => null),
    ),
  );
  if (outputs.some((o) => o === null)) return false;
  const sources = Math.max(await newestMtime(join(REPO_ROOT, "runtime")), (await stat(join(REPO_ROOT, "build.mjs"))).mtimeMs);
  return Math.min(...outputs.map((o) => o!.mtimeMs)) >= sources;
}

let runtimeReady: Promise<void> | null = null;

/** Build dist/runtime (node build.mjs) unless it is newer than every runtime source. */
export function ensureRuntimeBuilt(): Promise<void> {
  runtimeReady ??= (async () => {
    const lock = join(REPO_ROOT, "dist", ".runtime-build.lock");
    await mkdir(dirname(lock), { recursive: true });
    for (let waited = 0; ; waited += 100) {
      if (await runtimeIsFresh()) return;
      try {
        await mkdir(lock);
        break;
      } catch {
        if (waited > 60_000) throw new Error(`${lock} held for a minute: remove it if no build is running`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    try {
      if (!(await runtimeIsFresh())) await promisify(execFile)(process.execPath, ["build.mjs"], { cwd: REPO_ROOT });
    } finally {
      await rmdir(lock).catch(() => undefined);
    }
  })();
  return runtimeReady;
}

/** Unpack every file of `zip` into `dest` (refusing names that climb out of it). */
export async function extractZip(zip: string, dest: string): Promise<void> {
  const archive = await yauzl.openPromise(zip, { lazyEntries: true });
  await new Promise<void>((resolve, reject) => {
    archive.on("error", reject);
    archive.on("end", resolve);
    archive.on("entry", (entry: yauzl.Entry) => {
      const target = join(dest, entry.fileName);
      if (!target.startsWith(dest) || entry.fileName.includes("..")) return reject(new Error(`unsafe zip entry ${entry.fileName}`));
      if (entry.fileName.endsWith("/")) return void mkdir(target, { recursive: true }).then(() => archive.readEntry(), reject);
      archive.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        try {
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, Buffer.concat(chunks));
          archive.readEntry();
        } catch (failure) {
          reject(failure);
        }
      });
    });
    archive.readEntry();
  });
}

/**
 * The run's build of the course (buildCourse, the first time this content is asked for; see
 * built-package-cache.ts), shared: READ it only (serve it, unpack it, preview the zip). A test that
 * changes files takes buildPackageFolder's copy instead.
 */
export async function builtPackage(options: PackageFixtureOptions = {}): Promise<BuiltPackage> {
  await ensureRuntimeBuilt();
  const target = options.target ?? "scorm2004-4";
  const sourceDir = options.courseDir ?? STARTER_COURSE;
  let edited: string | null = null;
  if (options.edit) {
    const course = JSON.parse(await readFile(join(sourceDir, "course.json"), "utf8")) as Record<string, unknown>;
    options.edit(course);
    edited = JSON.stringify(course, null, 2);
  }
  return cachedBuild({ sourceDir, target, editedCourseJson: edited }, async (out) => {
    let courseDir = sourceDir;
    if (edited !== null) {
      courseDir = join(out, "course");
      await cp(sourceDir, courseDir, { recursive: true });
      await writeFile(join(courseDir, "course.json"), edited);
    }
    const result = await buildCourse(courseDir, { targets: [target], outDir: join(out, "out") });
    const zip = result.packages[0]!.path;
    const dir = join(out, "package");
    await mkdir(dir);
    await extractZip(zip, dir);
    return { zip, dir };
  });
}

/** Build the course into a zip with buildCourse (or copy the same content's build), then unpack it; remove() deletes both. */
export async function buildPackageFolder(options: PackageFixtureOptions = {}): Promise<PackageFolder> {
  const built = await builtPackage(options);
  const work = await mkdtemp(join(tmpdir(), "passmark-pkg-"));
  const zip = join(work, "out", basename(built.zip));
  const dir = join(work, "package");
  await mkdir(dirname(zip), { recursive: true });
  await Promise.all([cp(built.zip, zip), cp(built.dir, dir, { recursive: true })]);
  return { dir, zip, remove: () => rm(work, { recursive: true, force: true }) };
}
