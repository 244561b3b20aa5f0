// Hostile input: a final zip path taken by a folder. Before: `build --target all` had already
// replaced the cmi5 zip when the rename onto the folder failed, and left three .tmp files. Now:
// every destination is checked before the first rename; on any error every temp file is removed
// and the zips already there keep their bytes; exit 3 with a message naming the path.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ALL_TARGETS } from "../../runtime/course/types";
import { cleanUp, courseJson, namesIn, runCli, tempFolder, writeCourse } from "./build-support";

afterAll(cleanUp);

const zipName = (target: string): string => `hostile-input-${target}.zip`;

describe("build: an output path that cannot be written", () => {
  it("a folder where a zip should go → exit 3 naming it; earlier zips keep their bytes; no .tmp left", async () => {
    const parent = await tempFolder();
    const dir = await writeCourse(parent, { "course.json": courseJson({ description: "First version" }) });
    const out = join(parent, "out");
    const first = await runCli(parent, "build", dir, "--target", "all", "--out", "out");
    expect(first.code, first.err).toBe(0);
    const before = new Map<string, Buffer>();
    for (const t of ALL_TARGETS) before.set(t, await readFile(join(out, zipName(t))));

    // The next build differs in content, and the SCORM 1.2 zip's place is now a folder.
    await writeFile(join(dir, "course.json"), JSON.stringify(courseJson({ description: "Second version" })));
    await rm(join(out, zipName("scorm12")));
    await mkdir(join(out, zipName("scorm12")));
    await writeFile(join(out, zipName("scorm12"), "mine.txt"), "kept");

    const r = await runCli(parent, "build", dir, "--target", "all", "--out", "out");
    expect(r.code, r.err).toBe(3);
    expect(r.err).toContain(join("out", zipName("scorm12")));
    expect(r.err).toMatch(/is a folder/);
    expect(r.err).toMatch(/nothing was written/i);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);

    expect(await namesIn(out)).toEqual(ALL_TARGETS.map(zipName).sort());
    for (const t of ["cmi5", "scorm2004-3", "scorm2004-4"]) expect((await readFile(join(out, zipName(t)))).equals(before.get(t)!), t).toBe(true);
    expect(await namesIn(join(out, zipName("scorm12")))).toEqual(["mine.txt"]);
  });
});
