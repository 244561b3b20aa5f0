// `passmark init <dir> --template multi-unit`: the multi-unit course (templates/multi-unit) is copied,
// its $schema relinked, and `passmark build --target all` then `passmark validate` accept it.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../authoring/cli/main";
import type { CliIo } from "../../authoring/cli/io";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-cli-units-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: work };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("passmark init --template multi-unit", { timeout: 120_000 }, () => {
  it("is listed, creates the course, and builds into packages validate accepts", async () => {
    expect((await run("init", "--help")).out).toMatch(/^\s+multi-unit\s+\S/m);

    const init = await run("init", "safety", "--template", "multi-unit");
    expect(init.code, init.err).toBe(0);
    expect(init.out).toContain("(template: multi-unit)");
    const course = JSON.parse(await readFile(join(work, "safety", "course.json"), "utf8")) as { $schema: string; units: { id: string }[] };
    expect(course.units.map((u) => u.id)).toEqual(["welcome", "fire", "first-aid"]);
    expect(existsSync(resolve(work, "safety", course.$schema))).toBe(true);

    const build = await run("build", "safety", "--target", "all", "--out", "zips");
    expect(build.code, build.err).toBe(0);
    // The template's example.com id, and first-aid's requires that cmi5.xml cannot carry.
    expect(build.err.split("\n").filter((l) => l.startsWith("warning"))).toEqual([
      expect.stringContaining('warning: course.json /units/2/requires: unit "first-aid" requires "welcome"'),
      expect.stringContaining('warning: course.json /id: the course id "https://example.com/'),
    ]);
    const zips = (await readdir(join(work, "zips"))).sort();
    expect(zips.length).toBeGreaterThanOrEqual(4);
    const validate = await run("validate", ...zips.map((z) => join("zips", z)));
    expect(validate.code, validate.out).toBe(0);
    expect(validate.out.match(/OK: no problems/g)).toHaveLength(zips.length);
  });
});
