// A preview LMS (authoring/preview) of the starter course, or of a variant of it (course.json edited
// in a temp copy), or of another course folder, in a temp working folder. The runtime bundle is
// rebuilt first if any runtime source is newer (test/support/package-fixture.ts).
//
// With `target`, the preview serves that one target's package zip, built once per test run for this
// content (builtPackage: the same buildCourse as `passmark build`), as `passmark preview pkg.zip`
// does; without it, the course folder is built for every target, as `passmark preview <folder>`
// does. A journey that launches one target needs only that one.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPreview, type PreviewServer } from "../../../authoring/preview/server";
import type { CourseData, TargetId } from "../../../runtime/course/types";
import { STARTER_COURSE, builtPackage, ensureRuntimeBuilt } from "../../support/package-fixture";

export interface CoursePreview {
  preview: PreviewServer;
  /** The built course data (course/course.json of the packages). */
  course: CourseData;
  close(): Promise<void>;
}

export interface PreviewFixtureOptions {
  /** Preview only this target's package (a zip built once per run) instead of building the folder for every target. */
  target?: TargetId;
}

export async function previewStarter(edit?: (course: Record<string, unknown>) => void, options: PreviewFixtureOptions = {}): Promise<CoursePreview> {
  if (options.target) return previewPackage(builtPackage({ courseDir: STARTER_COURSE, target: options.target, ...(edit ? { edit } : {}) }));
  if (!edit) return previewCourse(STARTER_COURSE);
  const work = await mkdtemp(join(tmpdir(), "passmark-e2e-"));
  const source = join(work, "course");
  await cp(STARTER_COURSE, source, { recursive: true });
  const file = join(source, "course.json");
  const data = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  edit(data);
  await writeFile(file, JSON.stringify(data, null, 2));
  const preview = await previewCourse(source);
  return { ...preview, close: () => preview.close().finally(() => rm(work, { recursive: true, force: true })) };
}

/** A preview LMS of a course folder (the starter, a template such as templates/observation), built fresh. */
export async function previewCourse(source: string, options: PreviewFixtureOptions = {}): Promise<CoursePreview> {
  if (options.target) return previewPackage(builtPackage({ courseDir: source, target: options.target }));
  await ensureRuntimeBuilt();
  return previewOf(source);
}

/** The preview of a built package's zip (read only: the preview unpacks it into its own working folder). */
async function previewPackage(built: Promise<{ zip: string }>): Promise<CoursePreview> {
  return previewOf((await built).zip);
}

async function previewOf(source: string): Promise<CoursePreview> {
  const work = await mkdtemp(join(tmpdir(), "passmark-e2e-"));
  const preview = await startPreview({ source, port: 0, workDir: join(work, "lms") });
  const anyPackage = [...preview.course.packages.values()][0]!;
  const course = JSON.parse(await readFile(join(anyPackage.root, "course", "course.json"), "utf8")) as CourseData;
  return {
    preview,
    course,
    close: async () => {
      await preview.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}
