// Built packages shared by the whole test run, keyed by CONTENT: the author's course files, the
// edited course.json if any, and the target. The runtime bundle is the same for the whole run
// (package-fixture.ts builds it first), so the same key is the same package. Callers copy what they
// get, or only read it: the cached folders stay untouched.
//
// Two levels: a promise per key in this process (vitest runs many files per worker: isolate false),
// and, when the run's global setup provides a folder (built-packages-global-setup.ts), that folder
// shared by every worker: the first process to take a key's lock (a mkdir) builds it, the others wait
// for its "built.json". Without the global setup (a file run on its own elsewhere), a temp folder per process.
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's folder of built packages (built-packages-global-setup.ts). */
    builtPackagesDir?: string;
  }
}

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

/** How long a process waits for another one's build of the same key before it gives up. */
const OTHER_BUILD_DEADLINE_MS = 180_000;

/** The run's shared folder, or null when no global setup provided one. */
function runFolder(): string | null {
  try {
    return inject("builtPackagesDir") ?? null;
  } catch {
    return null; // not inside a vitest worker
  }
}

/**
 * The build of `id` in the run's shared folder: built here when this process takes the key's lock,
 * else the one another process made (its built.json, written last, says it is complete). A build that
 * failed elsewhere leaves no built.json and frees the lock: this process then tries itself.
 */
async function sharedBuild(shared: string, id: string, build: (out: string) => Promise<BuiltPackage>): Promise<BuiltPackage> {
  const final = join(shared, id);
  const record = join(final, "built.json");
  const lock = join(shared, `${id}.lock`);
  for (let waited = 0; ; waited += 100) {
    const done = await readFile(record, "utf8").catch(() => null);
    if (done !== null) return JSON.parse(done) as BuiltPackage;
    const mine = await mkdir(lock).then(
      () => true,
      () => false,
    );
    if (mine) {
      try {
        const again = await readFile(record, "utf8").catch(() => null);
        if (again !== null) return JSON.parse(again) as BuiltPackage;
        // Built in a folder of its own, then renamed: a half-built folder never has the final name.
        const staging = await mkdtemp(join(shared, `${id.slice(0, 12)}-`));
        const built = await build(staging);
        await rm(final, { recursive: true, force: true }); // what a process that died half-way left
        await rename(staging, final);
        const moved: BuiltPackage = { zip: join(final, relative(staging, built.zip)), dir: join(final, relative(staging, built.dir)) };
        await writeFile(join(final, "built.json.tmp"), JSON.stringify(moved));
        await rename(join(final, "built.json.tmp"), record);
        return moved;
      } finally {
        await rmdir(lock).catch(() => undefined);
      }
    }
    if (waited > OTHER_BUILD_DEADLINE_MS) throw new Error(`${lock} held for ${OTHER_BUILD_DEADLINE_MS / 1000} s: another test process is stuck building`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The package for `key`, built by `build` (into the empty folder it is given) the first time only. */
export async function cachedBuild(key: BuildKey, build: (out: string) => Promise<BuiltPackage>): Promise<BuiltPackage> {
  const id = await keyOf(key);
  let built = builds.get(id);
  if (!built) {
    const shared = runFolder();
    built = shared
      ? sharedBuild(shared, id, build)
      : (async () => {
          const out = await mkdtemp(join(await root(), `${id.slice(0, 12)}-`));
          return build(out);
        })();
    builds.set(id, built);
    // A failed build is not kept: the next caller tries again (and sees its own error).
    built.catch(() => builds.delete(id));
  }
  return built;
}
