// How a runtime bundle is built, shared by build.mjs and bench/payload-parts.mjs (which rebuilds a
// bundle exactly as build.mjs does): esbuild's options, and the launch hub, which puts the modules a
// runtime bundle's launch loads in one chunk.
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { minify } from "terser";

/** `import("./passmark.scorm12.js")` in runtime/entry-cmi5.ts (and the like): another bundle, loaded as it is. */
export const otherBundleIsExternal = {
  name: "other-bundle-is-external",
  setup(b) {
    b.onResolve({ filter: /^\.\/passmark\.[a-z0-9]+\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** esbuild's options for runtime bundle `name` (build.mjs; bench/payload-parts.mjs adds source maps). */
export const runtimeOptions = (name, entry, plugins) => ({
  entryPoints: { [`passmark.${name}`]: entry },
  outdir: "dist/runtime",
  bundle: true,
  minify: true,
  // ES modules; the grading UI (runtime/ui/grading-loader.ts) is a chunk that only courses with a task load.
  format: "esm",
  splitting: true,
  chunkNames: "passmark-[name]-[hash]",
  // The browsers we support (README "Browsers"). Chrome/Edge 91, not 90: for Chrome 90 esbuild rewrites
  // every `?.` (a V8 bug there), 0.6 KB gzipped more for every learner.
  target: ["chrome91", "firefox90", "safari14.1"],
  platform: "browser",
  jsx: "automatic",
  jsxImportSource: "preact",
  legalComments: "none",
  // Text as UTF-8 rather than \u escapes: module scripts are always decoded as UTF-8 (HTML, "fetch a
  // single module script"), and the English catalogue's "…", "—" and quotes are then one character.
  charset: "utf8",
  // Class members declared `private`/`protected` end in "_" (runtime/**): esbuild shortens them. Only
  // those: no name that reaches JSON, storage, the LMS or the DOM ends in "_".
  mangleProps: /^[a-zA-Z][a-zA-Z0-9]*_$/,
  metafile: true,
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
  plugins: [otherBundleIsExternal, ...plugins],
});

/** The app chunk a small entry loads lazily (runtime/entry-cmi5.ts): part of every launch. */
const APP_ENTRY = "runtime/main.ts";

/**
 * One launch hub per bundle (issue 14 item 1): esbuild puts each module in a chunk keyed by the set of
 * entry points that reach it, every lazy chunk (`import()`) being an entry point too. The modules a
 * launch loads before its first screen are reached by different subsets of the lazy chunks, so they
 * were spread over a dozen small files, each gzipped on its own (about 1.5–3 KB more than one file).
 * The second build makes every lazy chunk import a hub module that imports every module of the launch
 * (found by the first build): they then share one set of entry points and land in one file (two for
 * cmi5, whose app, runtime/main.ts, is itself a lazy chunk of a small entry). Nothing moves into or
 * out of the launch: the hub names only launch modules, and a lazy chunk runs after the launch, so
 * importing them again runs nothing.
 */
const LAUNCH_HUB = "passmark-launch-hub";
export function launchHub(hubModules, lazyEntries) {
  return {
    name: "launch-hub",
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${LAUNCH_HUB}$`) }, () => ({ path: LAUNCH_HUB, namespace: LAUNCH_HUB }));
      b.onLoad({ filter: /.*/, namespace: LAUNCH_HUB }, () => ({
        contents: hubModules.map((m) => `import ${JSON.stringify(resolve(m))};`).join("\n"),
        loader: "js",
        resolveDir: process.cwd(),
      }));
      b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        if (!lazyEntries.has(relative(process.cwd(), args.path))) return undefined;
        const source = await readFile(args.path, "utf8");
        return { contents: `import "${LAUNCH_HUB}";\n${source}`, loader: args.path.endsWith(".tsx") ? "tsx" : "ts" };
      });
    },
  };
}

/** The source modules of a bundle's launch (its entry's static imports, and the app chunk's) and its lazy chunks' entry modules. */
export function launchModules(meta, entry) {
  const outputs = meta.outputs;
  const closure = (path, seen) => {
    if (seen.has(path)) return seen;
    seen.add(path);
    for (const i of outputs[path]?.imports ?? []) if (i.kind === "import-statement") closure(i.path, seen);
    return seen;
  };
  const bundle = Object.keys(outputs).find((p) => outputs[p].entryPoint === entry);
  const files = closure(bundle, new Set());
  for (const i of outputs[bundle].imports ?? []) if (outputs[i.path]?.entryPoint === APP_ENTRY) closure(i.path, files);
  const lazyEntries = new Set(
    Object.values(outputs)
      .map((o) => o.entryPoint)
      .filter((e) => e && e !== entry),
  );
  const modules = [...files].flatMap((f) => Object.keys(outputs[f].inputs)).filter((m) => m !== entry && !lazyEntries.has(m));
  return { modules, lazyEntries };
}

/**
 * Terser's options for the second minify pass over every runtime chunk (issue 14 item 1): esbuild
 * minifies as it bundles; terser's compressor then finds more (constant folding across statements,
 * inlining of single-use functions, shorter conditionals). Only what keeps the code's meaning: no
 * `unsafe*` option, property names untouched (esbuild's mangleProps has already shortened the "_" ones,
 * consistently across chunks; terser mangles local names only), no eval/Function (the CSP, docs/rules),
 * the same browsers as esbuild's target (ES2020 output: Safari 14.1 has no class static blocks).
 */
export const TERSER_OPTIONS = {
  module: true,
  ecma: 2020,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false, ascii_only: false },
};

/**
 * A chunk esbuild wrote, minified again by terser (build.mjs; bench/payload-parts.mjs passes esbuild's
 * source map, and gets one back that still names the runtime's sources).
 */
export async function minifyAgain(code, map) {
  const result = await minify(code, { ...TERSER_OPTIONS, sourceMap: map ? { content: map, asObject: true } : false });
  return { code: result.code, map: result.map };
}
