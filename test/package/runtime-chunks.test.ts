// The runtime is ES modules: one bundle per kind of package (build.mjs: passmark.cmi5.js,
// passmark.scorm12.js, passmark.scorm2004.js, passmark.xapi.js), the grading UI a lazy chunk. Every package must hold every module its bundle
// can import (the other bundles too: a launch of another kind is handed over to its bundle), SCORM
// manifests must list them, and no chunk of an earlier build may ride along.
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

const bundleOf = (target: string): string => `runtime/passmark.${target.startsWith("scorm2004") ? "scorm2004" : target}.js`;

/** The relative module specifiers of a minified ES module: static `from"./x.js"` and dynamic `import("./x.js")`. */
function importedModules(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/\bfrom\s*"(\.\/[^"]+)"|\bimport\s*\(\s*"(\.\/[^"]+)"\s*\)|\bimport\s*"(\.\/[^"]+)"/g)) {
    found.add((m[1] ?? m[2] ?? m[3])!);
  }
  return [...found];
}

describe("runtime chunks in the packages", () => {
  it("every module the target's bundle can reach is in the zip, and every runtime .js file is reachable", async () => {
    for (const b of built) {
      const names = (await listZip(b.path)).map((e) => e.name);
      const reached = new Set<string>();
      const pending = [bundleOf(b.target)];
      while (pending.length > 0) {
        const path = pending.pop()!;
        if (reached.has(path)) continue;
        expect(names, `${b.target}: ${path}`).toContain(path);
        reached.add(path);
        const code = (await readZipEntry(b.path, path)).toString("utf8");
        for (const spec of importedModules(code)) pending.push(`runtime/${spec.slice(2)}`);
      }
      // Every bundle, and the lazy chunks: the grading UI, the assessment screens.
      expect(reached, b.target).toContain("runtime/passmark.cmi5.js");
      expect(reached, b.target).toContain("runtime/passmark.scorm12.js");
      expect(reached, b.target).toContain("runtime/passmark.scorm2004.js");
      expect(reached, b.target).toContain("runtime/passmark.xapi.js");
      expect(
        [...reached].some((p) => /passmark-grading-chunk-/.test(p)),
        `${b.target}: the grading chunk`,
      ).toBe(true);
      expect(
        [...reached].some((p) => /passmark-screens-chunk-/.test(p)),
        `${b.target}: the assessment screens' chunk`,
      ).toBe(true);
      const shippedJs = names.filter((n) => n.startsWith("runtime/") && n.endsWith(".js"));
      expect(shippedJs.sort(), `${b.target}: stale or unreachable runtime files`).toEqual([...reached].sort());
    }
  });

  it("SCORM manifests list every runtime chunk", async () => {
    for (const b of built.filter((p) => p.target !== "cmi5" && p.target !== "xapi")) {
      const manifest = (await readZipEntry(b.path, "imsmanifest.xml")).toString("utf8");
      const chunks = (await listZip(b.path)).map((e) => e.name).filter((n) => n.startsWith("runtime/") && n.endsWith(".js"));
      for (const chunk of chunks) expect(manifest, `${b.target}: ${chunk}`).toContain(`<file href="${chunk}"/>`);
    }
  });

  it("index.html runs its target's bundle and preloads its static imports (and its lazy app chunk's) only, so they load in parallel", async () => {
    for (const b of built) {
      const html = (await readZipEntry(b.path, "index.html")).toString("utf8");
      const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((m) => m[1]!);
      expect(scripts, b.target).toEqual([bundleOf(b.target)]);
      const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]!);
      const names = (await listZip(b.path)).map((e) => e.name);
      for (const href of preloads) expect(names, `${b.target}: preload ${href}`).toContain(href);
      const staticImportsOf = async (path: string) =>
        [...(await readZipEntry(b.path, path)).toString("utf8").matchAll(/\bfrom\s*"\.\/([^"]+)"|\bimport\s*"\.\/([^"]+)"/g)].map(
          (m) => `runtime/${m[1] ?? m[2]}`,
        );
      const bundle = (await readZipEntry(b.path, bundleOf(b.target))).toString("utf8");
      // A small entry that loads the app lazily (runtime/entry-cmi5.ts) has that app chunk preloaded too, with its static imports.
      const app = [...bundle.matchAll(/\bimport\s*\(\s*"\.\/(passmark-main-[^"]+)"\s*\)/g)].map((m) => `runtime/${m[1]}`);
      const expected = [...(await staticImportsOf(bundleOf(b.target))), ...app];
      for (const chunk of app) expected.push(...(await staticImportsOf(chunk)));
      expect(preloads.sort(), `${b.target}: exactly the static imports (and the lazy app chunk's)`).toEqual([...new Set(expected)].sort());
      expect(
        preloads.some((p) => /passmark\.(cmi5|scorm)\.js|passmark-(grading|screens)-chunk-/.test(p)),
        `${b.target}: no other bundle, no lazy chunk preloaded`,
      ).toBe(false);
      expect(html, "no inline script").not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });
});
