// The passmark CLI: commands, help, exit codes — in-process through main(argv, io), and once
// through the real bin/passmark.mjs (the bundled CLI built by build.mjs).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../authoring/cli/main";
import type { CliIo } from "../../authoring/cli/io";
import { ALL_TARGETS } from "../../runtime/course/types";
import { REPO_ROOT } from "../fixtures/packages/shared-xsd";
import { editText, rezip } from "../fixtures/packages/rezip";

interface Run {
  code: number;
  out: string;
  err: string;
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-cli-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: work };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("help and usage errors", () => {
  it("passmark --help lists the commands and the exit codes (exit 0)", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    for (const c of ["init", "build", "validate", "preview"]) expect(r.out).toMatch(new RegExp(`^  ${c} `, "m"));
    expect(r.out).toContain("Exit codes:");
    expect(r.out).toMatch(/^\s+2\s+usage error/m);
  });

  for (const command of ["init", "build", "validate"]) {
    it(`passmark ${command} --help, -h and "help ${command}" show the command's usage and exit codes`, async () => {
      for (const argv of [
        [command, "--help"],
        [command, "-h"],
        ["help", command],
        [command, "x", "--help"],
      ]) {
        const r = await run(...argv);
        expect(r.code).toBe(0);
        expect(r.out).toContain(`Usage: passmark ${command}`);
        expect(r.out).toContain("Exit codes:");
      }
    });
  }

  it("no command prints the help and exits 2", async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.out).toContain("Usage: passmark <command>");
  });

  it("--version prints the package version", async () => {
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(await run("--version")).toEqual({ code: 0, out: pkg.version, err: "" });
  });

  it.each([
    [["frob"], /unknown command "frob"/],
    [["build"], /missing <dir>/],
    [["build", "a", "b"], /unexpected argument "b"/],
    [["build", "a", "--colour"], /unknown option "--colour"; the options of passmark build are --target, --out/],
    [["build", "a", "--target", "scorm2004"], /--target "scorm2004" is not one of/],
    [["build", "a", "--out"], /--out/],
    [["init"], /missing <dir>/],
    [["init", "x", "--template", "observaton"], /--template "observaton" is not one of starter, observation, multi-unit \(did you mean "observation"\?\)/],
    [["validate"], /missing <zip>/],
    [["help", "frob"], /Usage: passmark <command>/],
  ])("usage error %j exits 2", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err + r.out).toMatch(message);
  });
});

// Whole builds and schema checks: generous time on a busy 2-core machine.
describe("init, build, validate", { timeout: 120_000 }, () => {
  it("init creates a course that builds into five valid packages (one per target)", async () => {
    const init = await run("init", "my-course");
    expect(init.code, init.err).toBe(0);
    expect(init.out).toContain("passmark build my-course");
    const course = JSON.parse(await readFile(join(work, "my-course", "course.json"), "utf8")) as { $schema?: string };
    if (course.$schema !== undefined) {
      expect(existsSync(resolve(work, "my-course", course.$schema)), `$schema ${course.$schema} resolves`).toBe(true);
    }

    const build = await run("build", "my-course", "--out", "zips");
    expect(build.code, build.err).toBe(0);
    const zips = (await readdir(join(work, "zips"))).sort();
    expect(zips).toHaveLength(ALL_TARGETS.length);
    for (const t of ALL_TARGETS) expect(zips.some((z) => z.endsWith(`-${t}.zip`))).toBe(true);
    for (const z of zips) expect(build.out).toContain(join("zips", z));
    expect(build.out).toContain("How to try them");
    expect(build.out).toContain("passmark validate");

    const validate = await run("validate", ...zips.map((z) => join("zips", z)));
    expect(validate.code, validate.out).toBe(0);
    expect(validate.out.match(/OK: no problems/g)).toHaveLength(ALL_TARGETS.length);
  });

  it("init --help lists the templates; init --template observation builds into five packages validate accepts", async () => {
    const help = await run("init", "--help");
    expect(help.out).toMatch(/^\s+starter\s+\S/m);
    expect(help.out).toMatch(/^\s+observation\s+\S/m);

    const init = await run("init", "observed", "--template", "observation");
    expect(init.code, init.err).toBe(0);
    expect(init.out).toContain("(template: observation)");
    expect(init.out).not.toContain("assets/"); // the template has none
    const course = JSON.parse(await readFile(join(work, "observed", "course.json"), "utf8")) as { $schema: string; id: string };
    expect(course.id).toBe("https://example.com/courses/safe-lifting-observed");
    expect(existsSync(resolve(work, "observed", course.$schema))).toBe(true);

    const build = await run("build", "observed", "--target", "all", "--out", "observed-zips");
    expect(build.code, build.err).toBe(0);
    // The only warning: the template's example.com course id, still to be replaced.
    expect(build.err.split("\n").filter((l) => l.includes("warning"))).toEqual([
      expect.stringContaining('warning: course.json /id: the course id "https://example.com/'),
    ]);
    const zips = (await readdir(join(work, "observed-zips"))).sort();
    expect(zips).toHaveLength(ALL_TARGETS.length);
    const validate = await run("validate", ...zips.map((z) => join("observed-zips", z)));
    expect(validate.code, validate.out).toBe(0);
    expect(validate.out.match(/OK: no problems/g)).toHaveLength(ALL_TARGETS.length);
  });

  it("init refuses a folder that is not empty (exit 3) and leaves it alone", async () => {
    await mkdir(join(work, "busy"));
    await writeFile(join(work, "busy", "notes.txt"), "mine");
    const r = await run("init", "busy");
    expect(r.code).toBe(3);
    expect(r.err).toContain("not empty");
    expect(await readdir(join(work, "busy"))).toEqual(["notes.txt"]);
    await writeFile(join(work, "a-file"), "x");
    expect((await run("init", "a-file")).code).toBe(3);
  });

  it("init accepts an existing empty folder", async () => {
    await mkdir(join(work, "empty"));
    const r = await run("init", "empty");
    expect(r.code, r.err).toBe(0);
    expect((await readdir(join(work, "empty"))).sort()).toContain("course.json");
  });

  it("build --target picks targets (repeatable, comma lists, all)", async () => {
    await run("init", "t-course");
    const r = await run("build", "t-course", "--target", "scorm12,cmi5", "--out", "t-out");
    expect(r.code, r.err).toBe(0);
    expect((await readdir(join(work, "t-out"))).map((n) => n.replace(/^.*-(cmi5|scorm12)\.zip$/, "$1")).sort()).toEqual(["cmi5", "scorm12"]);
    const all = await run("build", "t-course", "-t", "all", "-t", "cmi5", "--out", "t-all");
    expect(all.code).toBe(0);
    expect(await readdir(join(work, "t-all"))).toHaveLength(5); // cmi5, scorm12, scorm2004-3, scorm2004-4, xapi
  });

  it("a course with errors prints every problem as `file path: message`, exits 1 and writes nothing", async () => {
    await run("init", "bad-course");
    const file = join(work, "bad-course", "course.json");
    const json = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    delete json["title"];
    (json["reporting"] as Record<string, unknown>)["masteryScore"] = 150;
    json["id"] = "not an iri";
    await writeFile(file, JSON.stringify(json, null, 2));
    const r = await run("build", "bad-course", "--out", "bad-out");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nothing was written/);
    const lines = r.err.split("\n").filter((l) => l.startsWith("  error"));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(/^ {2}error {4}course\.json( \/\S*)?: \S/);
    expect(r.err).toMatch(/\/reporting\/masteryScore/);
    expect(existsSync(join(work, "bad-out"))).toBe(false);
  });

  it("a warning is printed with file, path and fix, and the build goes on (a score action that could contradict the status)", async () => {
    await run("init", "warn-course");
    const file = join(work, "warn-course", "course.json");
    const json = JSON.parse(await readFile(file, "utf8")) as { assessment: { scoreActions: unknown[] } };
    json.assessment.scoreActions = [{ for: "[80,100]", message: "Well done" }, { message: "Try again" }];
    await writeFile(file, JSON.stringify(json, null, 2));
    const r = await run("build", "warn-course", "--target", "scorm12", "--out", "warn-out");
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^warning: course\.json \/assessment\/scoreActions\/0\/for: "\[80,100\]" has no "when": .* Fix: add "when": "passed"$/m);
    expect(await readdir(join(work, "warn-out"))).toHaveLength(1);
  });

  it("build of a folder that does not exist exits 3", async () => {
    const r = await run("build", "no-such-course");
    expect(r.code).toBe(3);
    expect(r.err).toContain("no such course folder");
  });

  it("validate: a broken package exits 1 with the problem; a missing file exits 3; --json is machine-readable", async () => {
    await run("init", "v-course");
    await run("build", "v-course", "--target", "cmi5", "--out", "v-out");
    const [zip] = await readdir(join(work, "v-out"));
    const good = join(work, "v-out", zip!);
    const bad = await rezip(good, join(work, "v-bad.zip"), (f) => editText(f, "cmi5.xml", "<url>index.html</url>", "<url>index.html?actor=me</url>"));

    const r = await run("validate", bad);
    expect(r.code).toBe(1);
    expect(r.out).toContain("cmi5/reserved-launch-parameter");
    expect(r.out).toMatch(/1 problem\b/);

    const json = await run("validate", "--json", good, bad);
    expect(json.code).toBe(1);
    const reports = JSON.parse(json.out) as Array<{ problems: Array<{ rule: string }> }>;
    expect(reports.map((rep) => rep.problems.map((p) => p.rule))).toEqual([[], ["cmi5/reserved-launch-parameter"]]);

    const missing = await run("validate", "nope.zip");
    expect(missing.code).toBe(3);
    expect(missing.err).toContain("nope.zip");
  });
});

describe("the installed command (bin/passmark.mjs → dist/cli/passmark.mjs)", () => {
  const exec = promisify(execFile);
  const bin = join(REPO_ROOT, "bin", "passmark.mjs");

  async function spawnCli(...args: string[]): Promise<Run> {
    try {
      const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { cwd: work });
      return { code: 0, out: stdout, err: stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code ?? -1, out: e.stdout ?? "", err: e.stderr ?? "" };
    }
  }

  it("is built (npm run build / npm install) and runs build + validate with real exit codes", async () => {
    expect(existsSync(join(REPO_ROOT, "dist", "cli", "passmark.mjs")), "dist/cli/passmark.mjs missing: run `npm run build`").toBe(true);
    const help = await spawnCli("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("Exit codes:");

    const starter = join(REPO_ROOT, "templates", "starter");
    const out = join(work, "bin-out");
    const build = await spawnCli("build", starter, "--out", out);
    expect(build.code, build.err).toBe(0);
    const zips = await readdir(out);
    expect(zips).toHaveLength(ALL_TARGETS.length);
    const validate = await spawnCli("validate", ...zips.map((z) => join(out, z)));
    expect(validate.code, validate.out + validate.err).toBe(0);

    const usage = await spawnCli("build");
    expect(usage.code).toBe(2);
  }, 120_000);
});
