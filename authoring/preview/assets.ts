// The preview's own files: its pages (no inline script, so they run under a strict CSP), their
// scripts (authoring/preview/browser/*.ts bundled with esbuild when the preview starts) and
// scorm-again's classic script builds (scorm-sco.md §6). Served from a fixed list: no path from
// the URL ever reaches the file system here.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "../paths";

export interface Asset {
  body: Buffer;
  contentType: string;
}

const HTML = "text/html; charset=utf-8";
const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

/** URL path → asset. */
export type AssetTable = ReadonlyMap<string, Asset>;

export async function loadAssets(): Promise<AssetTable> {
  const root = join(packageRoot(), "authoring", "preview");
  const require = createRequire(join(packageRoot(), "package.json"));
  // A computed specifier keeps esbuild out of the CLI bundle: it drives its own native binary and
  // must be loaded from node_modules.
  const esbuildModule = "esbuild";
  const { build } = (await import(esbuildModule)) as typeof import("esbuild");
  const bundled = await build({
    entryPoints: { launch: join(root, "browser", "launch.ts"), "scorm-host": join(root, "browser", "scorm-host.ts") },
    bundle: true,
    write: false,
    outdir: "/preview",
    format: "iife",
    target: ["es2020"],
    platform: "browser",
    minify: false,
    logLevel: "silent",
  });
  const table = new Map<string, Asset>();
  for (const file of bundled.outputFiles) table.set(`/preview/${file.path.split("/").pop()}`, { body: Buffer.from(file.contents), contentType: JS });
  table.set("/", { body: await readFile(join(root, "pages", "launch.html")), contentType: HTML });
  table.set("/host/scorm.html", { body: await readFile(join(root, "pages", "scorm-host.html")), contentType: HTML });
  table.set("/preview/preview.css", { body: await readFile(join(root, "pages", "preview.css")), contentType: CSS });
  table.set("/vendor/scorm12.js", { body: await readFile(require.resolve("scorm-again/scorm12")), contentType: JS });
  table.set("/vendor/scorm2004.js", { body: await readFile(require.resolve("scorm-again/scorm2004")), contentType: JS });
  return table;
}

/** Pages of the preview itself: scripts from this origin only, nothing inline (house rule). */
export const PREVIEW_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
