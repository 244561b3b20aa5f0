// A preview LMS (authoring/preview) of the starter course, built fresh into a temp working folder,
// or of a variant of it (course.json edited in a temp copy). The runtime bundle is rebuilt first if
// any runtime source is newer (test/support/package-fixture.ts).
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPreview, type PreviewServer } from "../../../authoring/preview/server";
import type { CourseData } from "../../../runtime/course/types";
import { STARTER_COURSE, ensureRuntimeBuilt } from "../../support/package-fixture";

export interface CoursePreview {
  preview: PreviewServer;
  /** The built course data (course/course.json of the packages). */
  course: CourseData;
  close(): Promise<void>;
}

export async function previewStarter(edit?: (course: Record<string, unknown>) => void): Promise<CoursePreview> {
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
export async function previewCourse(source: string): Promise<CoursePreview> {
  await ensureRuntimeBuilt();
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
