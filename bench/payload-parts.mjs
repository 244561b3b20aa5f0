// `node bench/payload-parts.mjs [cmi5|scorm12|scorm2004|xapi] [N]` (after `node build.mjs`): what each part of a launch's
// JS weighs gzipped on its own — the floor analysis of figure 1 (docs/benchmarks.md). Rebuilds the
// bundle in memory with build.mjs's runtime options plus source maps (and its terser pass), gives every output character to
// the source the map names, and gzips (level 9) each part's characters alone. Parts: an npm package, a
// runtime folder, each LMS driver, the state codec. The sum of the parts alone is larger than the
// launch (gzip finds repeats across parts too). N > 0 also lists the N largest source files.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { launchHub, launchModules, minifyAgain, runtimeOptions } from "../launch-hub.mjs";

const kind = process.argv[2] ?? "cmi5";
if (!/^(cmi5|scorm12|scorm2004|xapi)$/.test(kind))
  throw new Error(`payload-parts: no bundle "${kind}" (build.mjs RUNTIME_BUNDLES: cmi5, scorm12, scorm2004, xapi)`);
const topFiles = Number(process.argv[3] ?? 0);
const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

// As build.mjs builds the runtime bundles (the same options), with source maps, nothing written.
const options = (plugins) => ({ ...runtimeOptions(kind, `runtime/entry-${kind}.ts`, plugins), sourcemap: "external", write: false });
// As build.mjs: a first build finds the launch's modules, the second puts them in one chunk (launch-hub.mjs).
const first = await build(options([]));
const { modules, lazyEntries } = launchModules(first.metafile, `runtime/entry-${kind}.ts`);
const result = await build(options([launchHub(modules, lazyEntries)]));
const cwd = process.cwd() + "/";
const files = new Map(result.outputFiles.map((f) => [f.path.replace(cwd, ""), f.text]));
// As build.mjs: every chunk minified again by terser, its source map composed with esbuild's.
for (const [path, text] of files) {
  if (!path.endsWith(".js")) continue;
  const again = await minifyAgain(text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, "\n"), JSON.parse(files.get(`${path}.map`)));
  files.set(path, again.code);
  files.set(`${path}.map`, JSON.stringify(again.map));
}
const meta = result.metafile;

// The files a launch loads before its first page (bench/lib/runtime-payload.ts launchFileSets).
const entry = `dist/runtime/passmark.${kind}.js`;
const launch = new Set();
const visit = (path) => {
  if (launch.has(path)) return;
  launch.add(path);
  for (const i of meta.outputs[path]?.imports ?? []) if (i.kind === "import-statement") visit(i.path);
};
visit(entry);
for (const i of meta.outputs[entry].imports) if (meta.outputs[i.path]?.entryPoint === "runtime/main.ts") visit(i.path);

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** Source-map mappings → per output line, [column, source index or -1] segments. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(";")) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(",")) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >> 1) : value >> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      segments.push([column, values.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

function partOf(source) {
  const modules = source.lastIndexOf("node_modules/");
  if (modules >= 0) return source.slice(modules + "node_modules/".length).split("/")[0];
  const at = source.lastIndexOf("runtime/");
  if (at < 0) return "(esbuild glue)";
  const parts = source.slice(at + "runtime/".length).split("/");
  if (parts[0] === "lms" && parts.length > 2) return `runtime/lms/${parts[1]}`;
  if (parts[0] === "assessment" && parts[1] === "codec") return "runtime/assessment/codec";
  return `runtime/${parts[0]}`;
}

const byPart = new Map();
const byFile = new Map();
const add = (map, key, text) => map.set(key, (map.get(key) ?? "") + text);
let rebuilt = 0;
for (const path of launch) {
  const code = files.get(path);
  const map = JSON.parse(files.get(`${path}.map`));
  rebuilt += gz(code.replace(/\n\/\/# sourceMappingURL=.*\n?$/, "\n"));
  const codeLines = code.split("\n");
  decodeMappings(map.mappings).forEach((segments, li) => {
    const line = codeLines[li] ?? "";
    if (segments.length > 0 && segments[0][0] > 0) add(byPart, "(esbuild glue)", line.slice(0, segments[0][0]));
    segments.forEach(([column, source], si) => {
      const text = line.slice(column, si + 1 < segments.length ? segments[si + 1][0] : line.length);
      const name = source >= 0 ? map.sources[source] : "(esbuild glue)";
      add(byPart, partOf(name), text);
      add(byFile, name.replace(/^(\.\.\/)+/, ""), text);
    });
  });
}
console.log(
  `${kind} launch: ${launch.size} JS files, ${rebuilt} B gzipped file by file (figure 1 adds the stylesheet; chunk names differ from dist/ by their hash)`,
);
console.log("  gzip alone  minified  part");
let sum = 0;
for (const [part, text] of [...byPart].sort((a, b) => gz(b[1]) - gz(a[1]))) {
  sum += gz(text);
  console.log(`${String(gz(text)).padStart(11)}  ${String(text.length).padStart(8)}  ${part}`);
}
console.log(`${String(sum).padStart(11)}            sum of the parts gzipped alone`);
if (topFiles > 0) {
  console.log("  gzip alone  minified  source file");
  for (const [file, text] of [...byFile].sort((a, b) => gz(b[1]) - gz(a[1])).slice(0, topFiles)) {
    console.log(`${String(gz(text)).padStart(11)}  ${String(text.length).padStart(8)}  ${file}`);
  }
}
