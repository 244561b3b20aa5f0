// Builds the browser runtime bundle and the Node CLI with esbuild.
//   dist/runtime/passmark.js   (+ passmark.css)  — shipped inside every package, with the chunks
//                                                  passmark-*.js that it loads (ES modules)
//   dist/cli/passmark.mjs                          — the `passmark` command (bin/passmark.mjs loads it)
import { build } from "esbuild";
import { existsSync, readdirSync, rmSync } from "node:fs";

const runtimeEntry = "runtime/main.ts";

// Chunks of an earlier build (their names carry a content hash) must not be shipped with this one:
// authoring/package/contents.ts packages every file of dist/runtime.
for (const name of existsSync("dist/runtime") ? readdirSync("dist/runtime") : []) {
  if (/^passmark-.+\.js$/.test(name)) rmSync(`dist/runtime/${name}`);
}

await build({
  entryPoints: { passmark: runtimeEntry },
  outdir: "dist/runtime",
  bundle: true,
  minify: true,
  // ES modules with code splitting: each LMS driver is a chunk that only its launches load
  // (runtime/app/driver-factory.ts); templates/shell/index.html loads passmark.js as a module.
  format: "esm",
  splitting: true,
  chunkNames: "passmark-[name]-[hash]",
  target: ["chrome90", "firefox90", "safari14.1"],
  platform: "browser",
  jsx: "automatic",
  jsxImportSource: "preact",
  legalComments: "none",
  // Class members declared `private`/`protected` end in "_" (runtime/**): esbuild shortens them. Only
  // those: no name that reaches JSON, storage, the LMS or the DOM ends in "_".
  mangleProps: /^[a-zA-Z][a-zA-Z0-9]*_$/,
  metafile: true,
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
}).then(async (result) => {
  const { writeFile } = await import("node:fs/promises");
  await writeFile("dist/runtime/meta.json", JSON.stringify(result.metafile));
});

await build({
  entryPoints: { passmark: "runtime/styles.css" },
  outdir: "dist/runtime",
  bundle: true,
  minify: true,
  logLevel: "warning",
});

// UI message catalogues other than English (built in): one small file each, fetched only by the
// learners who need that language (runtime/i18n/index.ts loadCatalogue).
{
  const { readdir, readFile, writeFile } = await import("node:fs/promises");
  for (const name of (await readdir("runtime/i18n")).filter((n) => n.endsWith(".json"))) {
    const catalogue = JSON.parse(await readFile(`runtime/i18n/${name}`, "utf8"));
    await writeFile(`dist/runtime/passmark.${name}`, JSON.stringify(catalogue));
  }
}

if (existsSync("authoring/cli/main.ts")) {
  await build({
    entryPoints: { passmark: "authoring/cli/main.ts" },
    outdir: "dist/cli",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Dependencies are bundled (some are CommonJS with extension-less deep imports that Node's ESM
    // loader refuses). xmllint-wasm stays external: it starts a worker from its own folder and
    // loads its .wasm file from there. yazl stays external so that authoring/package/native-crc32.ts
    // patches the same buffer-crc32 instance yazl uses. @learninglocker/xapi-validation stays
    // external: it requires its rule files by computed paths that a bundle cannot follow.
    // CommonJS code in the bundle needs require/__dirname.
    external: ["xmllint-wasm", "yazl", "@learninglocker/xapi-validation"],
    banner: {
      js: [
        'import { createRequire as __passmarkCreateRequire } from "node:module";',
        'import { fileURLToPath as __passmarkFileURLToPath } from "node:url";',
        "const require = __passmarkCreateRequire(import.meta.url);",
        "const __filename = __passmarkFileURLToPath(import.meta.url);",
        'const __dirname = __passmarkFileURLToPath(new URL(".", import.meta.url));',
      ].join("\n"),
    },
    logLevel: "warning",
    sourcemap: true,
  });
}
