// What a learner's browser downloads of the runtime, from esbuild's metafile (dist/runtime/meta.json):
// the entry with its static imports, plus the one LMS-driver chunk its launch imports dynamically
// (cmi5, SCORM or standalone), plus the stylesheet. Each file is gzipped on its own, as served.
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { gzipSize, ROOT } from "./bundle";

export interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }>; imports?: { path: string; kind: string }[]; entryPoint?: string; bytes: number }>;
}

export interface LaunchPayload {
  /** "cmi5", "scorm", "standalone", or "every launch" when the runtime is one file. */
  launch: string;
  /** Paths relative to the repository root, e.g. "dist/runtime/passmark.js". */
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

/** The sets of runtime files each kind of launch loads (pure: from the metafile alone). */
export function launchFileSets(meta: Metafile): { launch: string; files: string[] }[] {
  const entry = Object.keys(meta.outputs).find((p) => meta.outputs[p]!.entryPoint === "runtime/main.ts" && p.endsWith(".js"));
  if (!entry) throw new Error("dist/runtime/meta.json has no output for runtime/main.ts");
  const base = staticClosure(meta, entry);
  // A launch loads one LMS driver chunk; other lazy chunks (the grading UI, runtime/ui/grading-loader.ts)
  // load only for some courses and are not part of any launch.
  const isDriver = (path: string) => (meta.outputs[path]?.entryPoint ?? "").startsWith("runtime/lms/");
  const dynamic = [...new Set([...base].flatMap((p) => (meta.outputs[p]?.imports ?? []).filter((i) => i.kind === "dynamic-import" && isDriver(i.path)).map((i) => i.path)))];
  if (dynamic.length === 0) return [{ launch: "every launch", files: [...base].sort() }];
  return dynamic.map((chunk) => ({
    launch: basename(meta.outputs[chunk]?.entryPoint ?? chunk).replace(/\.[jt]sx?$/, ""),
    files: [...new Set([...base, ...staticClosure(meta, chunk)])].sort(),
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
