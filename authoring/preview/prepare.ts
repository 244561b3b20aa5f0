// Turns what the author gave `passmark preview` (a course folder or a package zip) into unpacked
// packages the server can serve, and picks the working folder where the preview LMS keeps its data:
//   course folder  → <course>/.passmark/         (built fresh with buildCourse, every target)
//   package zip    → <zip folder>/.passmark/<zip name without .zip>/   (that zip's one target)
import { rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { buildCourse } from "../build-course";
import type { TargetId } from "../../runtime/course/types";
import { ALL_TARGETS } from "../../runtime/course/types";
import { readPackageInfo, type PackageInfo } from "./package-info";
import { unzipTo } from "./unzip";

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

export const WORK_DIR_NAME = ".passmark";

export async function prepareCourse(sourcePath: string, options: { workDir?: string } = {}): Promise<PreparedCourse> {
  const source = resolve(sourcePath);
  const info = await stat(source).catch(() => null);
  if (!info) throw new PreviewSourceError(source, "no such course folder or zip");
  if (info.isDirectory()) return prepareFolder(source, options.workDir ?? join(source, WORK_DIR_NAME));
  if (info.isFile() && source.toLowerCase().endsWith(".zip")) {
    return prepareZip(source, options.workDir ?? join(dirname(source), WORK_DIR_NAME, basename(source).replace(/\.zip$/i, "")));
  }
  throw new PreviewSourceError(source, "expected a course folder (with course.json) or a package .zip");
}

async function prepareFolder(source: string, workDir: string): Promise<PreparedCourse> {
  const built = await buildCourse(source, { targets: ALL_TARGETS, outDir: join(workDir, "preview-build") });
  const packages = new Map<TargetId, PackageInfo>();
  for (const pkg of built.packages) {
    const root = join(workDir, "packages", pkg.target);
    await unzipTo(pkg.path, root);
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

async function prepareZip(source: string, workDir: string): Promise<PreparedCourse> {
  const staging = join(workDir, "packages", "unpacked");
  await unzipTo(source, staging);
  const info = readPackageInfo(staging);
  // Moved under the target's own name so URLs read /pkg/<target>/…
  const root = join(workDir, "packages", info.target);
  await rm(root, { recursive: true, force: true });
  await rename(staging, root);
  return { source, workDir, title: info.title, packages: new Map([[info.target, { ...info, root }]]), warnings: [] };
}
