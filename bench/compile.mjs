// Compiles the TypeScript benchmarks with esbuild into dist/bench/ (Node ESM) so `node bench/run.mjs`
// needs no TypeScript loader. Shared by run.mjs and build-bench.mjs. npm packages are bundled (some
// are imported by extension-less deep paths that Node's ESM resolver refuses), except those that
// load binaries or files of their own at run time.
import { build } from "esbuild";

/**
 * A CommonJS package compiled from ES modules (exports.default = fn, __esModule) imported with a
 * default import: in a "type": "module" package esbuild gives module.exports, not the function.
 * Route the bare name to a shim that picks the function from the (external) file.
 */
function commonJsDefault(name, file) {
  return {
    name: `cjs-default:${name}`,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${name.replace(/[/@.-]/g, "\\$&")}$`) }, () => ({ path: name, namespace: "cjs-default" }));
      build.onLoad({ filter: /.*/, namespace: "cjs-default" }, () => ({
        contents: `import d from ${JSON.stringify(file)}; export default (d && typeof d === "object" && "default" in d ? d.default : d);`,
        resolveDir: process.cwd(),
        loader: "js",
      }));
    },
  };
}

export async function compileBench() {
  await build({
    entryPoints: { main: "bench/main.ts", "build-child": "bench/build/child.ts" },
    outdir: "dist/bench",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["playwright-core", "esbuild", "xmllint-wasm", "@axe-core/playwright", "@learninglocker/xapi-validation/dist/index.js"],
    plugins: [commonJsDefault("@learninglocker/xapi-validation", "@learninglocker/xapi-validation/dist/index.js")],
    // Bundled CommonJS packages call require() for Node built-ins.
    banner: { js: 'import { createRequire as __benchCreateRequire } from "node:module"; const require = __benchCreateRequire(import.meta.url);' },
    jsx: "automatic",
    jsxImportSource: "preact",
    sourcemap: true,
    logLevel: "warning",
  });
}
