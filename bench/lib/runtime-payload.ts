// What a learner's browser downloads of the runtime, from esbuild's metafile (dist/runtime/meta.json):
// the package's runtime bundle with the chunks it imports statically, plus the stylesheet. Each file
// is gzipped on its own, as served.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSize, ROOT } from "./bundle";

export interface Metafile {
  outputs: Record<
    string,
    { inputs: Record<string, { bytesInOutput: number }>; imports?: { path: string; kind: string }[]; entryPoint?: string; bytes: number }
  >;
}

export interface LaunchPayload {
  /** The kind of package: "cmi5", "scorm12", "scorm2004" or "xapi" (runtime/entry-<kind>.ts). */
  launch: string;
  /** Paths relative to the repository root, e.g. "dist/runtime/passmark.cmi5.js". */
  files: string[];
  gzip: number;
}

export const RUNTIME_DIR = join(ROOT, "dist", "runtime");

export async function readMetafile(): Promise<Metafile> {
  return JSON.parse(await readFile(join(RUNTIME_DIR, "meta.json"), "utf8")) as Metafile;
}

function staticClosure(meta: Metafile, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const i of meta.outputs[path]?.imports ?? []) if (i.kind === "import-statement") visit(i.path);
  };
  visit(start);
  return seen;
}

/** A runtime bundle's entry source ("runtime/entry-cmi5.ts") → the kind of package that loads it ("cmi5"). */
const BUNDLE_ENTRY = /^runtime\/entry-([a-z0-9]+)\.ts$/;

/** The app chunk a small entry loads lazily (runtime/entry-cmi5.ts, entry-scorm12.ts, …): every launch loads it (modulepreloaded). */
const APP_ENTRY = "runtime/main.ts";

/**
 * The sets of runtime files each kind of package loads at launch (pure: from the metafile alone): its
 * bundle (build.mjs: one per kind of package, every launch of that package runs it, standalone
 * included) with the chunks it imports statically, and the app chunk it imports lazily
 * (authoring/package/runtime-preloads.ts preloads it) with its own. Other lazy chunks (the grading
 * UI, runtime/ui/grading-loader.ts) load only for some courses and are not counted.
 */
export function launchFileSets(meta: Metafile): { launch: string; files: string[] }[] {
  const bundles = Object.keys(meta.outputs)
    .filter((p) => p.endsWith(".js") && BUNDLE_ENTRY.test(meta.outputs[p]!.entryPoint ?? ""))
    .sort();
  if (bundles.length === 0) throw new Error("dist/runtime/meta.json has no output for a runtime/entry-*.ts bundle");
  return bundles.map((bundle) => ({
    launch: BUNDLE_ENTRY.exec(meta.outputs[bundle]!.entryPoint!)![1]!,
    files: [
      ...new Set([
        ...staticClosure(meta, bundle),
        ...(meta.outputs[bundle]!.imports ?? []).filter((i) => meta.outputs[i.path]?.entryPoint === APP_ENTRY).flatMap((i) => [...staticClosure(meta, i.path)]),
      ]),
    ].sort(),
  }));
}

/** Gzipped bytes of each file (cached per path). */
export function gzipper(): (repoPath: string) => Promise<number> {
  const cache = new Map<string, Promise<number>>();
  return (repoPath) => {
    if (!cache.has(repoPath)) cache.set(repoPath, readFile(join(ROOT, repoPath)).then(gzipSize));
    return cache.get(repoPath)!;
  };
}

/** Per launch: its JS files plus every stylesheet of dist/runtime. */
export async function launchPayloads(meta: Metafile): Promise<LaunchPayload[]> {
  const gz = gzipper();
  const css = (await readdir(RUNTIME_DIR)).filter((n) => n.endsWith(".css")).map((n) => `dist/runtime/${n}`);
  return Promise.all(
    launchFileSets(meta).map(async ({ launch, files }) => {
      const all = [...files, ...css];
      const sizes = await Promise.all(all.map(gz));
      return { launch, files: all, gzip: sizes.reduce((a, b) => a + b, 0) };
    }),
  );
}
