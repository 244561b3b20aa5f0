// Writes one zip per target for a loaded course, atomically: every zip is first written to a
// temporary file beside its final name, and only when all of them succeeded are they renamed.
// On any failure the temporary files are removed (and the output folder too if we created it),
// so a failed build leaves nothing behind.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rmdir, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { LoadedCourse } from "../course/loaded-course";
import type { TargetId } from "../../runtime/course/types";
import { commonEntries, targetEntries } from "./contents";
import { courseSlug, zipFileName } from "./slug";
import { writeZip } from "./zip-writer";

export interface PackageOptions {
  targets: readonly TargetId[];
  outDir: string;
}

export interface BuiltPackage {
  target: TargetId;
  /** Absolute path of the zip. */
  path: string;
  bytes: number;
}

async function removeCreatedDirs(outDir: string, firstCreated: string | undefined): Promise<void> {
  if (!firstCreated) return;
  // Remove outDir and the parents mkdir created for it, innermost first; stop at anything not empty.
  for (let dir = outDir; ; dir = dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
    if (dir === firstCreated || dirname(dir) === dir) return;
  }
}

export async function buildPackages(course: LoadedCourse, options: PackageOptions): Promise<BuiltPackage[]> {
  const targets = [...new Set(options.targets)];
  if (targets.length === 0) throw new Error("no target to build");
  const outDir = resolve(options.outDir);
  const slug = courseSlug(course.data.title, courseSlug(basename(course.dir)));

  // Everything that can fail cheaply is prepared before the output folder is touched.
  const common = await commonEntries(course);
  const plans = await Promise.all(
    targets.map(async (target) => ({ target, entries: await targetEntries(course, target, common) })),
  );

  const firstCreated = await mkdir(outDir, { recursive: true });
  const nonce = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const jobs = plans.map((plan) => {
    const finalPath = join(outDir, zipFileName(slug, plan.target));
    const tempPath = join(outDir, `.${basename(finalPath)}.${nonce}.tmp`);
    return { ...plan, finalPath, tempPath };
  });

  const results = await Promise.allSettled(jobs.map((job) => writeZip(job.entries, job.tempPath)));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) {
    await Promise.all(jobs.map((job) => unlink(job.tempPath).catch(() => undefined)));
    await removeCreatedDirs(outDir, firstCreated);
    throw failure.reason;
  }

  const built: BuiltPackage[] = [];
  for (const [i, job] of jobs.entries()) {
    await rename(job.tempPath, job.finalPath);
    const result = results[i];
    built.push({ target: job.target, path: job.finalPath, bytes: result?.status === "fulfilled" ? result.value : 0 });
  }
  return built;
}
