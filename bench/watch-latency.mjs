// `node bench/watch-latency.mjs [--runs=N]` (after `node build.mjs`): edit → visible in the preview's
// watch mode for the starter course (bench/watch/latency.ts), compiled like the other benchmarks.
import { build } from "esbuild";

await build({
  entryPoints: { "watch-latency": "bench/watch/latency.ts" },
  outdir: "dist/bench",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["playwright-core", "esbuild", "xmllint-wasm", "yazl", "@learninglocker/xapi-validation"],
  // Bundled CommonJS packages call require() for Node built-ins.
  banner: { js: 'import { createRequire as __benchCreateRequire } from "node:module"; const require = __benchCreateRequire(import.meta.url);' },
  logLevel: "warning",
});
const { main } = await import("../dist/bench/watch-latency.mjs");
process.exitCode = await main(process.argv.slice(2));
