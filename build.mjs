// Builds the browser runtime bundle and the Node CLI with esbuild.
//   dist/runtime/passmark.cmi5.js, passmark.scorm12.js, passmark.scorm2004.js, passmark.xapi.js (+ passmark.css) — in every package,
//                                                  with the chunks passmark-*.js they load (ES modules)
//   dist/preview/launch.js, scorm-host.js         — the scripts of `passmark preview`'s pages
//   dist/cli/passmark.mjs                          — the `passmark` command (bin/passmark.mjs loads it)
import { build } from "esbuild";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { launchHub, launchModules, runtimeOptions } from "./launch-hub.mjs";
import { minifyAll } from "./minify-pool.mjs";

// One runtime bundle per kind of package (authoring/package/contents.ts, shell.ts): a cmi5 package's
// index.html loads passmark.cmi5.js, a SCORM 1.2 package's passmark.scorm12.js, a SCORM 2004 one's
// passmark.scorm2004.js, an xAPI (Tin Can) package's passmark.xapi.js. Each holds its own drivers and
// the standalone one; what a first screen does not need (the assessment screens, the grading UI, the task
// code, the cmi5 write path; for cmi5 also the app, runtime/main.ts) is in lazy chunks. Every package holds
// every bundle (runtime/main.ts hands a launch of another kind over to that kind's bundle). One bundle
// per standard so that no byte of another standard's driver reaches a launch.
export const RUNTIME_BUNDLES = {
  cmi5: "runtime/entry-cmi5.ts",
  scorm12: "runtime/entry-scorm12.ts",
  scorm2004: "runtime/entry-scorm2004.ts",
  xapi: "runtime/entry-xapi.ts",
};

// Chunks of an earlier build (their names carry a content hash) must not be shipped with this one:
// authoring/package/contents.ts packages every file of dist/runtime.
for (const name of existsSync("dist/runtime") ? readdirSync("dist/runtime") : []) {
  if (/^passmark[-.].+\.js$/.test(name) || name === "passmark.js") rmSync(`dist/runtime/${name}`);
}

const metafiles = [];
const outputs = [];
for (const [name, entry] of Object.entries(RUNTIME_BUNDLES)) {
  const first = await build({ ...runtimeOptions(name, entry, []), write: false });
  const { modules, lazyEntries } = launchModules(first.metafile, entry);
  const result = await build({ ...runtimeOptions(name, entry, [launchHub(modules, lazyEntries)]), write: false });
  const merged = launchModules(result.metafile, entry).modules;
  if (merged.length !== modules.length || !merged.every((m) => modules.includes(m))) {
    throw new Error(`${entry}: the launch hub changed which modules the launch loads (${modules.length} before, ${merged.length} after)`);
  }
  outputs.push(...result.outputFiles);
  metafiles.push(result.metafile);
}
// Every chunk is minified again by terser (launch-hub.mjs minifyAgain, on every core: minify-pool.mjs)
// before any is written.
{
  const scripts = outputs.filter((file) => file.path.endsWith(".js"));
  const minified = await minifyAll(scripts.map((file) => ({ name: file.path, code: file.text })));
  const codeOf = new Map(scripts.map((file, i) => [file, minified[i]]));
  for (const file of outputs) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, codeOf.get(file) ?? file.contents);
  }
}
{
  // One metafile for every bundle (bench/lib/runtime-payload.ts, authoring/package/runtime-preloads.ts).
  const merged = { inputs: {}, outputs: {} };
  for (const m of metafiles) {
    Object.assign(merged.inputs, m.inputs);
    Object.assign(merged.outputs, m.outputs);
  }
  await writeFile("dist/runtime/meta.json", JSON.stringify(merged));
}

/**
 * The stylesheet's colours are named once in `:root` (--pm-text, …) and never set anywhere else: the
 * shipped file has each var(--pm-…) replaced by its value and the declarations dropped (112 bytes
 * gzipped less in every launch). A name declared twice, or used but not declared, stops the build.
 */
function inlineCustomProperties(css) {
  const values = new Map();
  const rest = css.replace(/--(pm-[a-z0-9-]+):([^;}]*)(;|(?=}))/g, (_m, name, value) => {
    if (values.has(name)) throw new Error(`runtime/styles.css: --${name} is declared twice; the build only inlines names declared once`);
    values.set(name, value.trim());
    return "";
  });
  return rest.replace(/var\(--(pm-[a-z0-9-]+)\)/g, (_m, name) => {
    if (!values.has(name)) throw new Error(`runtime/styles.css: var(--${name}) is never declared`);
    return values.get(name);
  });
}

/**
 * What a course theme restyles (authoring/course/build-theme.ts): the colours' defaults (`:root`) and
 * every declaration that uses one, with its selector, from the minified stylesheet. A colour used
 * inside an at-rule would not be restyled: it stops the build.
 */
function themeRules(css) {
  const defaults = {};
  const rules = [];
  for (const [, prelude, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = prelude.trim();
    if (selector === ":root") {
      for (const [, name, value] of body.matchAll(/--(pm-[a-z0-9-]+):([^;]*)/g)) defaults[name] = value.trim();
      continue;
    }
    const uses = body.split(";").filter((d) => d.includes("var(--pm-"));
    if (uses.length > 0) rules.push({ selector, declarations: uses });
  }
  for (const [, inner] of css.matchAll(/@[^{]+\{((?:[^{}]*\{[^{}]*\})*)\s*\}/g)) {
    if (inner.includes("var(--pm-")) throw new Error("runtime/styles.css: a colour (var(--pm-…)) inside an at-rule cannot be themed");
  }
  return { defaults, rules };
}

{
  const result = await build({
    entryPoints: { passmark: "runtime/styles.css" },
    outdir: "dist/runtime",
    bundle: true,
    minify: true,
    write: false,
    logLevel: "warning",
  });
  for (const file of result.outputFiles) {
    // Not in dist/runtime: packages carry every file of that folder, and no learner needs this one.
    await mkdir("dist/theme", { recursive: true });
    await writeFile("dist/theme/rules.json", JSON.stringify(themeRules(file.text)));
    await writeFile(file.path, inlineCustomProperties(file.text));
  }
}

// UI message catalogues other than English (built in): one small file each, fetched only by the
// learners who need that language (runtime/i18n/index.ts loadCatalogue).
{
  const { readdir, readFile } = await import("node:fs/promises");
  for (const name of (await readdir("runtime/i18n")).filter((n) => n.endsWith(".json"))) {
    const catalogue = JSON.parse(await readFile(`runtime/i18n/${name}`, "utf8"));
    await writeFile(`dist/runtime/passmark.${name}`, JSON.stringify(catalogue));
  }
}

// The preview's page scripts (authoring/preview/assets.ts serves them): built here, so that an installed
// CLI needs no bundler at run time.
await build({
  entryPoints: { launch: "authoring/preview/browser/launch.ts", "scorm-host": "authoring/preview/browser/scorm-host.ts" },
  outdir: "dist/preview",
  bundle: true,
  format: "iife",
  target: ["es2020"],
  platform: "browser",
  minify: false,
  logLevel: "warning",
});

if (existsSync("authoring/cli/main.ts")) {
  rmSync("dist/cli", { recursive: true, force: true }); // no chunk of an earlier build left beside the new ones
  await build({
    entryPoints: { passmark: "authoring/cli/main.ts" },
    outdir: "dist/cli",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    // One chunk per command (authoring/cli/main.ts loads a command when it runs): `validate` does
    // not parse the course schema, the Markdown renderer or the preview server at start-up.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
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
