// `passmark build --watch` as authors run it (the bundled CLI, dist/cli, from `node build.mjs`): built once, built again
// when a page's Markdown is saved (the zip holds the new text), a broken course.json reported with
// the zip left as it was, and Ctrl-C (SIGINT) stops it with exit 0. The output folder is inside
// the course folder (the default, ./passmark-out from the course folder): writing the zips must not
// count as a save.
import { spawn, type ChildProcess } from "node:child_process";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readZip } from "../../authoring/validate/zip-reader";
import { ensureRuntimeBuilt, REPO_ROOT, STARTER_COURSE } from "../support/package-fixture";
import { tempDir } from "../preview/helpers";

const BIN = join(REPO_ROOT, "bin", "passmark.mjs");
let work: string;
let course: string;
let child: ChildProcess | null = null;
const output = { out: "", err: "" };

beforeAll(async () => {
  await ensureRuntimeBuilt();
  work = tempDir("passmark-build-watch-");
  course = join(work, "course");
  await cp(STARTER_COURSE, course, { recursive: true });
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await rm(work, { recursive: true, force: true });
});

async function zipText(zip: string): Promise<string> {
  const listing = await readZip(zip).catch(() => null);
  if (!listing) return "";
  try {
    return (await listing.read("course/course.json")).toString("utf8");
  } catch {
    return "";
  } finally {
    listing.close();
  }
}

describe("passmark build --watch", () => {
  it("builds again on a save, reports a broken course and keeps the zip, stops on Ctrl-C", async () => {
    child = spawn(process.execPath, [BIN, "build", ".", "--watch", "--target", "cmi5"], { cwd: course, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (chunk: Buffer) => (output.out += chunk.toString("utf8")));
    child.stderr!.on("data", (chunk: Buffer) => (output.err += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child!.on("exit", (code) => resolve(code)));
    await expect.poll(() => output.out, { timeout: 60_000 }).toContain("Watching .: every save builds again");
    const zip = join(course, "passmark-out", "fire-safety-basics-cmi5.zip");
    expect(await zipText(zip)).toContain("Every extinguisher is made");
    expect(output.out).toContain("How to try them"); // the first build's report is the usual one

    const page = join(course, "pages", "extinguishers.md");
    await writeFile(page, (await readFile(page, "utf8")).replace("Every extinguisher is made", "Edited while watching: every extinguisher is made"));
    await expect.poll(() => zipText(zip), { timeout: 60_000 }).toContain("Edited while watching");

    const courseJson = join(course, "course.json");
    const json = await readFile(courseJson, "utf8");
    await writeFile(courseJson, json.replace('"title": "Fire safety basics"', '"title": 42'));
    await expect.poll(() => output.err, { timeout: 60_000 }).toMatch(/has 1 problem; nothing was written\.\n {2}error {4}course\.json \/title/);
    expect(await zipText(zip)).toContain("Edited while watching");

    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(output.out).toContain("Stopped watching.");
    // Two good builds and one failed: writing the zips into ./passmark-out did not set off more
    // (a build or two more is a save seen twice on a busy machine, a loop would be many more).
    const builds = output.out.split('Built "Fire safety basics"').length - 1 + (output.err.match(/nothing was written/g) ?? []).length;
    expect(builds).toBeGreaterThanOrEqual(3);
    expect(builds).toBeLessThanOrEqual(5);
  });
});
