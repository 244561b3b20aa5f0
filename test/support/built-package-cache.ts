// Built packages shared within one test process (vitest runs many files per worker: isolate false),
// keyed by CONTENT: the author's course files, the edited course.json if any, and the target. The
// runtime bundle is the same for the whole process (package-fixture.ts builds it once, first), so
// the same key is the same package. Callers copy what they get: the cached folders stay untouched.
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

export interface BuildKey {
  sourceDir: string;
  target: string;
  /** The course.json to build with instead of the folder's own; null = the folder as it is. */
  editedCourseJson: string | null;
}

export interface BuiltPackage {
  zip: string;
  /** The unpacked package. */
  dir: string;
}

const builds = new Map<string, Promise<BuiltPackage>>();
let cacheRoot: Promise<string> | null = null;

function root(): Promise<string> {
  cacheRoot ??= mkdtemp(join(tmpdir(), "passmark-built-")).then((dir) => {
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  });
  return cacheRoot;
}

async function hashFolder(hash: ReturnType<typeof createHash>, base: string, dir: string, skip: string | null): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const name = relative(base, path);
    if (name === skip || entry.name === ".passmark") continue;
    if (entry.isDirectory()) await hashFolder(hash, base, path, skip);
    else hash.update(`\0${name}\0`).update(await readFile(path));
  }
}

async function keyOf(key: BuildKey): Promise<string> {
  const hash = createHash("sha256").update(`${key.target}\0`);
  if (key.editedCourseJson !== null) hash.update(`course.json\0${key.editedCourseJson}`);
  await hashFolder(hash, key.sourceDir, key.sourceDir, key.editedCourseJson === null ? null : "course.json");
  return hash.digest("hex");
}

/** The package for `key`, built by `build` (into the empty folder it is given) the first time only. */
export async function cachedBuild(key: BuildKey, build: (out: string) => Promise<BuiltPackage>): Promise<BuiltPackage> {
  const id = await keyOf(key);
  let built = builds.get(id);
  if (!built) {
    built = (async () => {
      const out = await mkdtemp(join(await root(), `${id.slice(0, 12)}-`));
      return build(out);
    })();
    builds.set(id, built);
    // A failed build is not kept: the next caller tries again (and sees its own error).
    built.catch(() => builds.delete(id));
  }
  return built;
}
