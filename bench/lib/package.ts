// Build a course folder into one target's zip with the real packager, then unpack it into a folder
// the front server can serve (what an LMS does on import).
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { buildCourse } from "../../authoring/build-course";
import { readZip } from "../../authoring/validate/zip-reader";
import type { TargetId } from "../../runtime/course/types";

export async function buildAndUnpack(courseDir: string, target: TargetId, workDir: string): Promise<string> {
  const { packages } = await buildCourse(courseDir, { targets: [target], outDir: join(workDir, "zips") });
  const zip = packages[0];
  if (!zip) throw new Error(`no ${target} package was built`);
  const into = join(workDir, `unpacked-${target}`);
  const listing = await readZip(zip.path);
  try {
    if (listing.problems.length > 0) throw new Error(`zip problems: ${listing.problems.map((p) => p.message).join("; ")}`);
    for (const name of listing.entries.keys()) {
      if (name.endsWith("/")) continue;
      const file = join(into, name);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, await listing.read(name, 512 * 1024 * 1024));
    }
  } finally {
    listing.close();
  }
  return into;
}
