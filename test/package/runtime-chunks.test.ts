// The runtime is ES modules split into chunks (build.mjs: each LMS driver loads only on its own
// launches). Every package must hold every module the runtime can import, SCORM manifests must list
// them, and no chunk of an earlier build may ride along.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackages, type BuiltPackage } from "../../authoring/package/build-packages";
import { ALL_TARGETS } from "../../runtime/course/types";
import { sampleLoadedCourse } from "../fixtures/packages/sample-course";
import { listZip, readZipEntry } from "../fixtures/packages/zip-inspect";

const dirs: string[] = [];
let built: BuiltPackage[];

beforeAll(async () => {
  const course = await sampleLoadedCourse({}, { mediaBytes: 1024 });
  dirs.push(course.dir);
  const outDir = await mkdtemp(join(tmpdir(), "passmark-chunks-"));
  dirs.push(outDir);
  built = await buildPackages(course, { targets: ALL_TARGETS, outDir });
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** The relative module specifiers of a minified ES module: static `from"./x.js"` and dynamic `import("./x.js")`. */
function importedModules(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/\bfrom\s*"(\.\/[^"]+)"|\bimport\s*\(\s*"(\.\/[^"]+)"\s*\)|\bimport\s*"(\.\/[^"]+)"/g)) {
    found.add((m[1] ?? m[2] ?? m[3])!);
  }
  return [...found];
}

describe("runtime chunks in the packages", () => {
  it("every module passmark.js can reach is in the zip, and every runtime .js file is reachable", async () => {
    for (const b of built) {
      const names = (await listZip(b.path)).map((e) => e.name);
      const reached = new Set<string>();
      const pending = ["runtime/passmark.js"];
      while (pending.length > 0) {
        const path = pending.pop()!;
        if (reached.has(path)) continue;
        expect(names, `${b.target}: ${path}`).toContain(path);
        reached.add(path);
        const code = (await readZipEntry(b.path, path)).toString("utf8");
        for (const spec of importedModules(code)) pending.push(`runtime/${spec.slice(2)}`);
      }
      // One chunk per driver (cmi5, SCORM, standalone) at least: the split is really there.
      expect(reached.size, b.target).toBeGreaterThanOrEqual(4);
      const shippedJs = names.filter((n) => n.startsWith("runtime/") && n.endsWith(".js"));
      expect(shippedJs.sort(), `${b.target}: stale or unreachable runtime files`).toEqual([...reached].sort());
    }
  });

  it("SCORM manifests list every runtime chunk", async () => {
    for (const b of built.filter((p) => p.target !== "cmi5")) {
      const manifest = (await readZipEntry(b.path, "imsmanifest.xml")).toString("utf8");
      const chunks = (await listZip(b.path)).map((e) => e.name).filter((n) => n.startsWith("runtime/") && n.endsWith(".js"));
      for (const chunk of chunks) expect(manifest, `${b.target}: ${chunk}`).toContain(`<file href="${chunk}"/>`);
    }
  });

  it("index.html preloads the static chunks and its own target's driver chunk, so they load in parallel", async () => {
    for (const b of built) {
      const html = (await readZipEntry(b.path, "index.html")).toString("utf8");
      const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]!);
      const names = (await listZip(b.path)).map((e) => e.name);
      for (const href of preloads) expect(names, `${b.target}: preload ${href}`).toContain(href);
      const main = (await readZipEntry(b.path, "runtime/passmark.js")).toString("utf8");
      const staticImports = [...main.matchAll(/\bfrom\s*"\.\/([^"]+)"|\bimport\s*"\.\/([^"]+)"/g)].map((m) => `runtime/${m[1] ?? m[2]}`);
      for (const chunk of staticImports) expect(preloads, `${b.target}: static import ${chunk}`).toContain(chunk);
      const driver = b.target === "cmi5" ? /passmark-cmi5-/ : /passmark-scorm-/;
      const other = b.target === "cmi5" ? /passmark-scorm-/ : /passmark-cmi5-/;
      expect(preloads.some((p) => driver.test(p)), `${b.target}: its driver chunk is preloaded`).toBe(true);
      expect(preloads.some((p) => other.test(p) || /passmark-standalone-/.test(p)), `${b.target}: no other driver preloaded`).toBe(false);
      expect(html, "no inline script").not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });
});
