// Turns what the author gave `passmark preview` (a course folder or a package zip) into unpacked
// packages the server can serve, and picks the working folder where the preview LMS keeps its data:
//   course folder  → <course>/.passmark/         (built fresh with buildCourse, every target)
//   package zip    → <zip folder>/.passmark/<zip name without .zip>/   (that zip's one target)
import { rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { buildCourse } from "../build-course";
import type { TargetId } from "../../runtime/course/types";
import { ALL_TARGETS } from "../../runtime/course/types";
import { DEFAULT_ZIP_LIMITS, unpackZip, type ZipLimits, type ZipRefusal } from "../validate/zip-reader";
import { readPackageInfo, type PackageInfo } from "./package-info";

export interface PreparedCourse {
  /** Folder or zip the author named. */
  source: string;
  /** Where preview-lrs.json, preview-scorm.json and the unpacked packages live. */
  workDir: string;
  title: string;
  packages: Map<TargetId, PackageInfo>;
  /** Course warnings from the build (empty for a zip). */
  warnings: string[];
}

export class PreviewSourceError extends Error {
  constructor(source: string, reason: string) {
    super(`${source}: ${reason}`);
    this.name = "PreviewSourceError";
  }
}

/** A zip the preview will not unpack (unsafe entry name, over a limit, unreadable): exit 1. */
export class PackageRefusedError extends Error {
  constructor(
    zipPath: string,
    readonly refusal: ZipRefusal,
  ) {
    super(`${zipPath}: not unpacked: ${refusal.entry === null ? "" : `entry "${refusal.entry}": `}${refusal.message}${LIMIT_HINT[refusal.limit ?? "none"]}`);
    this.name = "PackageRefusedError";
  }
}

const LIMIT_HINT: Record<NonNullable<ZipRefusal["limit"]> | "none", string> = {
  bytes: " (raise it with --max-unpacked-mb)",
  entries: " (raise it with --max-entries)",
  ratio: " (raise it with --max-ratio)",
  none: "",
};

export interface PrepareOptions {
  workDir?: string;
  /** Default: DEFAULT_ZIP_LIMITS. */
  zipLimits?: ZipLimits;
}

export const WORK_DIR_NAME = ".passmark";

export async function prepareCourse(sourcePath: string, options: PrepareOptions = {}): Promise<PreparedCourse> {
  const source = resolve(sourcePath);
  const limits = options.zipLimits ?? DEFAULT_ZIP_LIMITS;
  const info = await stat(source).catch(() => null);
  if (!info) throw new PreviewSourceError(source, "no such course folder or zip");
  if (info.isDirectory()) return prepareFolder(source, options.workDir ?? join(source, WORK_DIR_NAME), limits);
  if (info.isFile() && source.toLowerCase().endsWith(".zip")) {
    return prepareZip(source, options.workDir ?? join(dirname(source), WORK_DIR_NAME, basename(source).replace(/\.zip$/i, "")), limits);
  }
  throw new PreviewSourceError(source, "expected a course folder (with course.json) or a package .zip");
}

/** Unpack within the limits, or throw PackageRefusedError (nothing is left half-unpacked). */
async function unpack(zipPath: string, outDir: string, limits: ZipLimits): Promise<void> {
  const outcome = await unpackZip(zipPath, outDir, limits);
  if (!outcome.ok) throw new PackageRefusedError(zipPath, outcome);
}

async function prepareFolder(source: string, workDir: string, limits: ZipLimits): Promise<PreparedCourse> {
  const built = await buildCourse(source, { targets: ALL_TARGETS, outDir: join(workDir, "preview-build") });
  const packages = new Map<TargetId, PackageInfo>();
  for (const pkg of built.packages) {
    const root = join(workDir, "packages", pkg.target);
    await unpack(pkg.path, root, limits);
    packages.set(pkg.target, readPackageInfo(root));
  }
  return {
    source,
    workDir,
    title: built.course.data.title,
    packages,
    warnings: built.warnings.map((w) => `${w.file}: ${w.message}`),
  };
}

async function prepareZip(source: string, workDir: string, limits: ZipLimits): Promise<PreparedCourse> {
  const staging = join(workDir, "packages", "unpacked");
  await unpack(source, staging, limits);
  const info = readPackageInfo(staging);
  // Moved under the target's own name so URLs read /pkg/<target>/…
  const root = join(workDir, "packages", info.target);
  await rm(root, { recursive: true, force: true });
  await rename(staging, root);
  return { source, workDir, title: info.title, packages: new Map([[info.target, { ...info, root }]]), warnings: [] };
}
