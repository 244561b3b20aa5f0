// The package as users get it: `npm pack` the repository, `npm install -g` the tarball into a temporary
// prefix (a temporary npm cache, dependencies from the npm registry), then run the installed `passmark`
// from a folder outside the repository: init, build every target, validate each zip, start the preview.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../fixtures/packages/shared-xsd";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The package's name and the files build.mjs makes that the tarball must carry (npm test builds them first). */
const PACKAGE_NAME = "@passmark/cli";
const BUILT = [
  "dist/cli/passmark.mjs",
  "dist/runtime/passmark.cmi5.js",
  "dist/runtime/passmark.scorm12.js",
  "dist/runtime/passmark.scorm2004.js",
  "dist/preview/launch.js",
];
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare"];

function run(file: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(file, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      done({ code, stdout, stderr: stderr || (error && typeof error.code !== "number" ? error.message : "") });
    });
  });
}

/** npm's error lines without its stack trace: what failed and where it tried to reach. */
function tail(text: string): string {
  return text
    .trim()
    .split("\n")
    .filter((line) => !/^npm error\s+at /.test(line))
    .slice(-15)
    .join("\n");
}

let temp: string;
let work: string;
let passmark: string;
let installed: string;
let packedFiles: string[];
/** The zips `passmark build` made in `work`, by target (the build test). */
const zips = new Map<string, string>();
let preview: ChildProcess | undefined;

beforeAll(async () => {
  const missing = BUILT.filter((f) => !existsSync(join(REPO_ROOT, f)));
  if (missing.length > 0) throw new Error(`not built (${missing.join(", ")}): run \`npm run build\` first (npm test does)`);
  temp = await mkdtemp(join(tmpdir(), "passmark-packed-"));
  work = join(temp, "work");
  await mkdir(work);

  // --ignore-scripts: prepack would rebuild dist/ in place while other test files read it; the build
  // it would run is the one `npm test` ran just before (and BUILT checks it is there).
  const packed = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", temp], REPO_ROOT);
  if (packed.code !== 0) throw new Error(`npm pack failed (exit ${packed.code}):\n${tail(packed.stderr)}`);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  packedFiles = info!.files.map((f) => f.path);

  const prefix = join(temp, "prefix");
  const args = ["install", "-g", "--prefix", prefix, "--cache", join(temp, "npm-cache"), "--no-audit", "--no-fund", "--loglevel=error"];
  const install = await run("npm", [...args, join(temp, info!.filename)], work);
  if (install.code !== 0) {
    throw new Error(
      `npm install -g of the packed tarball failed (exit ${install.code}). Its dependencies come from the npm registry: ` +
        `is it reachable from here (npm config get registry)?\n${tail(install.stderr)}`,
    );
  }
  passmark = join(prefix, "bin", "passmark");
  installed = join(prefix, "lib", "node_modules", ...PACKAGE_NAME.split("/"));
}, 240_000);

afterAll(async () => {
  preview?.kill("SIGKILL");
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe(`${PACKAGE_NAME} packed and installed`, () => {
  it("the tarball carries the built CLI and runtime, the templates and the schemas, and no sources or tests", () => {
    for (const f of [
      "bin/passmark.mjs",
      ...BUILT,
      "dist/runtime/meta.json",
      "dist/preview/scorm-host.js",
      "templates/starter/course.json",
      "templates/observation/course.json",
      "templates/shell/index.html",
      "schema/course.schema.json",
      "authoring/manifest/xsd/scorm12edition/imscp_rootv1p1p2.xsd",
      "authoring/validate/schemas/CourseStructure.xsd",
      "authoring/preview/pages/launch.html",
    ]) {
      expect(packedFiles).toContain(f);
    }
    expect(packedFiles.filter((f) => /\.tsx?$|\.map$|^test\/|^bench\/|^runtime\//.test(f))).toEqual([]);
  });

  it("nothing installed has an install script (npm 11 lists them as unreviewed, npm 12 blocks them)", async () => {
    const manifests = (await readdir(dirname(dirname(installed)), { recursive: true }))
      .filter((p) => /(^|node_modules\/)(@[^/]+\/)?[^/]+\/package\.json$/.test(p))
      .map((p) => join(dirname(dirname(installed)), p));
    expect(manifests).toContain(join(installed, "package.json"));
    const withScripts: string[] = [];
    for (const file of manifests) {
      const { name, scripts = {} } = JSON.parse(await readFile(file, "utf8")) as { name?: string; scripts?: Record<string, string> };
      for (const s of INSTALL_SCRIPTS) if (scripts[s] !== undefined) withScripts.push(`${name}: ${s}`);
    }
    expect(withScripts).toEqual([]);
    const own = JSON.parse(await readFile(join(installed, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(own.scripts["prepack"]).toBe("node build.mjs");
  });

  it("outside the repository: passmark --version, init and build --target all succeed", async () => {
    const version = await run(passmark, ["--version"], work);
    expect(version).toMatchObject({ code: 0, stderr: "" });
    const { version: ours } = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(version.stdout.trim()).toBe(ours);

    const init = await run(passmark, ["init", "my-course"], work);
    expect(init, init.stderr).toMatchObject({ code: 0 });
    // course.json's "$schema" now points at the installed package's schema.
    const { $schema } = JSON.parse(await readFile(join(work, "my-course", "course.json"), "utf8")) as { $schema: string };
    expect(resolve(work, "my-course", $schema)).toBe(join(installed, "schema", "course.schema.json"));
    expect(existsSync(resolve(work, "my-course", $schema))).toBe(true);

    const build = await run(passmark, ["build", "my-course", "--target", "all", "--out", "out"], work);
    expect(build, build.stderr).toMatchObject({ code: 0 });
    for (const name of await readdir(join(work, "out"))) {
      const target = /-(cmi5|scorm12|scorm2004-3|scorm2004-4|xapi)\.zip$/.exec(name)?.[1];
      if (target) zips.set(target, join("out", name));
    }
    expect([...zips.keys()].sort()).toEqual(["cmi5", "scorm12", "scorm2004-3", "scorm2004-4", "xapi"]);
  });

  it("outside the repository: passmark validate finds no problem in any of the five zips", async () => {
    expect(zips.size, "no zips: the build test above failed").toBe(5);
    const checked = await Promise.all([...zips.values()].map((zip) => run(passmark, ["validate", zip], work)));
    for (const r of checked) {
      expect(r, r.stdout + r.stderr).toMatchObject({ code: 0 });
      expect(r.stdout).toContain("OK: no problems");
    }
  });

  it("outside the repository: passmark preview of a zip starts, serves its page, its scripts and scorm-again, and stops", async () => {
    const zip = zips.get("scorm12");
    expect(zip, "no SCORM 1.2 zip: the build test above failed").toBeDefined();
    let out = "";
    const child = spawn(passmark, ["preview", zip!, "--port", "0"], { cwd: work, stdio: ["ignore", "pipe", "pipe"] });
    preview = child;
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));

    await expect.poll(() => out).toMatch(/Package files are served from http:\/\/127\.0\.0\.1:\d+/);
    const origin = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)![1]!;
    const packageOrigin = /served from (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    for (const url of [`${origin}/`, `${origin}/preview/launch.js`, `${packageOrigin}/preview/scorm-host.js`, `${packageOrigin}/vendor/scorm12.js`]) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      expect((await response.arrayBuffer()).byteLength, url).toBeGreaterThan(100);
    }

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain("Preview stopped.");
    preview = undefined;
  });
});
