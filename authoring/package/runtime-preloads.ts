// Which runtime files a package's index.html should ask for at once (<link rel="modulepreload">), so
// the browser fetches them in parallel with passmark.js instead of one after another: the chunks
// passmark.js imports statically, and the LMS driver chunk of the package's own target (a cmi5 zip is
// launched as cmi5, a SCORM zip finds a SCORM API; other drivers still load on demand). Read from
// the esbuild metafile that build.mjs writes next to the bundle.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { TargetId } from "../../runtime/course/types";
import { runtimeDistDir } from "../paths";

interface MetafileOutput {
  entryPoint?: string;
  imports: { path: string; kind: string }[];
}

const DRIVER_CHUNK_SOURCE: Record<TargetId, string> = {
  cmi5: "runtime/lms/chunks/cmi5.ts",
  scorm12: "runtime/lms/chunks/scorm.ts",
  "scorm2004-3": "runtime/lms/chunks/scorm.ts",
  "scorm2004-4": "runtime/lms/chunks/scorm.ts",
};

/** Zip paths ("runtime/passmark-….js") to preload for `target`, sorted; [] when the metafile is absent. */
export async function runtimePreloads(target: TargetId): Promise<string[]> {
  const dir = runtimeDistDir();
  let outputs: Record<string, MetafileOutput>;
  try {
    outputs = (JSON.parse(await readFile(join(dir, "meta.json"), "utf8")) as { outputs: Record<string, MetafileOutput> }).outputs;
  } catch {
    return [];
  }
  const byEntry = new Map(Object.entries(outputs).map(([path, out]) => [out.entryPoint, path]));
  const wanted = new Set<string>();
  const addWithStaticImports = (path: string | undefined): void => {
    if (path === undefined || wanted.has(path)) return;
    wanted.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === "import-statement") addWithStaticImports(imported.path);
  };
  const main = byEntry.get("runtime/main.ts");
  addWithStaticImports(main);
  addWithStaticImports(byEntry.get(DRIVER_CHUNK_SOURCE[target]));
  if (main !== undefined) wanted.delete(main); // loaded by its own <script type="module">
  return [...wanted]
    .filter((path) => path.endsWith(".js"))
    .map((path) => `runtime/${path.split("/").pop()}`)
    .sort();
}
