// Writes one zip per target for a loaded course, all or nothing: the manifests are parsed first (one
// that is not well-formed XML stops the build), every destination is checked, every zip is written
// to a temporary file beside its final name, and only when all of them succeeded are they moved into
// place (an existing zip is set aside first and put back if a later move fails). On any failure the
// temporary files are removed (and the output folder too if we created it): the zips that were there
// keep their bytes and nothing half-written is left.
import { randomBytes } from "node:crypto";
import { lstat, mkdir, rename, rmdir, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { LoadedCourse } from "../course/loaded-course";
import { describeFileKind } from "../course/regular-file";
import { notWellFormed } from "../manifest/well-formed";
import type { TargetId } from "../../runtime/course/types";
import { commonEntries, MANIFEST_PATHS, targetEntries } from "./contents";
import { ManifestNotWellFormedError, OutputPathError } from "./package-errors";
import { courseSlug, zipFileName } from "./slug";
import { writeZip, type ZipEntrySource } from "./zip-writer";

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

interface Job {
  target: TargetId;
  entries: ZipEntrySource[];
  finalPath: string;
  tempPath: string;
  /** Where the zip already at finalPath waits while the new one moves in. */
  backupPath: string;
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

/** True when a regular file is at `path`, false when nothing is; OutputPathError for anything else. */
async function checkDestination(path: string): Promise<boolean> {
  const info = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (info === null) return false;
  if (info.isFile()) return true;
  throw new OutputPathError(
    `${path} is ${describeFileKind(info)}: expected a zip file or nothing at that path. ` +
      "Move it away or build into another folder (--out). Nothing was written; the zips already there are unchanged.",
  );
}

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/** Every manifest of every plan must parse as XML before anything is written. */
async function checkManifests(plans: ReadonlyArray<{ target: TargetId; entries: ZipEntrySource[] }>): Promise<void> {
  const manifests = plans.flatMap((plan) =>
    plan.entries.flatMap((e) => ("data" in e && MANIFEST_PATHS.includes(e.zipPath) ? [{ label: `${e.zipPath} (${plan.target})`, data: e.data }] : [])),
  );
  const problems = await notWellFormed(manifests);
  if (problems.length > 0) throw new ManifestNotWellFormedError(problems);
}

/** Moves every temp zip into place; on a failure puts back what was there and removes what moved in. */
async function commit(jobs: readonly Job[], existed: readonly boolean[]): Promise<void> {
  const moved: number[] = [];
  let setAside = -1;
  try {
    for (const [i, job] of jobs.entries()) {
      if (existed[i]) {
        await rename(job.finalPath, job.backupPath);
        setAside = i;
      }
      await rename(job.tempPath, job.finalPath);
      moved.push(i);
      setAside = -1;
    }
  } catch (error) {
    if (setAside >= 0) await rename(jobs[setAside]!.backupPath, jobs[setAside]!.finalPath).catch(() => undefined);
    for (const i of moved.reverse()) {
      const job = jobs[i]!;
      if (existed[i]) await rename(job.backupPath, job.finalPath).catch(() => undefined);
      else await removeQuietly(job.finalPath);
    }
    throw error;
  }
  await Promise.all(jobs.map((job, i) => (existed[i] ? removeQuietly(job.backupPath) : undefined)));
}

export async function buildPackages(course: LoadedCourse, options: PackageOptions): Promise<BuiltPackage[]> {
  const targets = [...new Set(options.targets)];
  if (targets.length === 0) throw new Error("no target to build");
  const outDir = resolve(options.outDir);
  const slug = courseSlug(course.data.title, courseSlug(basename(course.dir)));

  // Everything that can fail cheaply is prepared before the output folder is touched.
  const common = await commonEntries(course);
  const plans = await Promise.all(targets.map(async (target) => ({ target, entries: await targetEntries(course, target, common) })));
  await checkManifests(plans);

  const firstCreated = await mkdir(outDir, { recursive: true });
  const nonce = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const jobs: Job[] = plans.map((plan) => {
    const finalPath = join(outDir, zipFileName(slug, plan.target));
    const tempPath = join(outDir, `.${basename(finalPath)}.${nonce}.tmp`);
    return { ...plan, finalPath, tempPath, backupPath: `${tempPath}.old` };
  });

  const fail = async (error: unknown): Promise<never> => {
    await Promise.all(jobs.map((job) => removeQuietly(job.tempPath)));
    await removeCreatedDirs(outDir, firstCreated);
    throw error;
  };

  // Every destination is checked before a zip is written, and again before the first one moves in.
  try {
    for (const job of jobs) await checkDestination(job.finalPath);
  } catch (error) {
    return fail(error);
  }
  const results = await Promise.allSettled(jobs.map((job) => writeZip(job.entries, job.tempPath)));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) return fail(failure.reason);

  try {
    const existed: boolean[] = [];
    for (const job of jobs) existed.push(await checkDestination(job.finalPath));
    await commit(jobs, existed);
  } catch (error) {
    return fail(error);
  }
  return jobs.map((job, i) => {
    const result = results[i];
    return { target: job.target, path: job.finalPath, bytes: result?.status === "fulfilled" ? result.value : 0 };
  });
}
