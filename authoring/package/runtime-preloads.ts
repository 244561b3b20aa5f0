// Which runtime files a package's index.html loads: the runtime bundle of its target (build.mjs: a cmi5
// package runs passmark.cmi5.js, a SCORM 1.2 package passmark.scorm12.js, …), and the chunks that bundle
// imports statically, asked for at once (<link rel="modulepreload">) so the browser fetches them in
// parallel with the bundle instead of one after another. A bundle whose entry is kept small and loads
// the app lazily (runtime/entry-cmi5.ts: its handshake starts before the app arrives) has that app
// chunk preloaded too, with its static imports; chunks loaded later (the grading UI) are not. Read
// from the esbuild metafile that build.mjs writes next to the bundles.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { TargetId } from "../../runtime/course/types";
import { runtimeDistDir } from "../paths";

interface MetafileOutput {
  entryPoint?: string;
  imports: { path: string; kind: string }[];
}

/** The runtime bundle each kind of package loads (zip path). */
export const RUNTIME_BUNDLE: Record<TargetId, string> = {
  cmi5: "runtime/passmark.cmi5.js",
  scorm12: "runtime/passmark.scorm12.js",
  "scorm2004-3": "runtime/passmark.scorm2004.js",
  "scorm2004-4": "runtime/passmark.scorm2004.js",
  xapi: "runtime/passmark.xapi.js",
};

const APP_ENTRY = "runtime/main.ts";

/** Zip paths ("runtime/passmark-….js") to preload for `target`, sorted; [] when the metafile is absent. */
export async function runtimePreloads(target: TargetId): Promise<string[]> {
  const dir = runtimeDistDir();
  let outputs: Record<string, MetafileOutput>;
  try {
    outputs = (JSON.parse(await readFile(join(dir, "meta.json"), "utf8")) as { outputs: Record<string, MetafileOutput> }).outputs;
  } catch {
    return [];
  }
  const wanted = new Set<string>();
  const addWithStaticImports = (path: string): void => {
    if (wanted.has(path)) return;
    wanted.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === "import-statement") addWithStaticImports(imported.path);
  };
  const bundle = `dist/${RUNTIME_BUNDLE[target]}`;
  addWithStaticImports(bundle);
  // The app chunk the entry loads lazily (runtime/main.ts); never the grading UI nor the other bundle.
  for (const imported of outputs[bundle]?.imports ?? []) if (outputs[imported.path]?.entryPoint === APP_ENTRY) addWithStaticImports(imported.path);
  wanted.delete(bundle); // loaded by its own <script type="module">
  return [...wanted]
    .filter((path) => path.endsWith(".js"))
    .map((path) => `runtime/${path.split("/").pop()}`)
    .sort();
}
