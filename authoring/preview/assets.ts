// The preview's own files: its pages (no inline script, so they run under a strict CSP), their
// scripts (authoring/preview/browser/*.ts bundled with esbuild when the preview starts) and
// scorm-again's classic script builds (docs/rules/lms.md §6). Served from a fixed list: no path from
// the URL ever reaches the file system here.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "../paths";

export interface Asset {
  body: Buffer;
  contentType: string;
  /** The launch page and its files are on the preview origin; the SCORM host page, next to the SCO, on the package origin. */
  servedOn: "preview" | "package" | "both";
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
  for (const file of bundled.outputFiles) {
    const name = file.path.split("/").pop()!;
    table.set(`/preview/${name}`, { body: Buffer.from(file.contents), contentType: JS, servedOn: name === "launch.js" ? "preview" : "package" });
  }
  table.set("/", { body: await readFile(join(root, "pages", "launch.html")), contentType: HTML, servedOn: "preview" });
  table.set("/host/scorm.html", { body: await readFile(join(root, "pages", "scorm-host.html")), contentType: HTML, servedOn: "package" });
  table.set("/preview/preview.css", { body: await readFile(join(root, "pages", "preview.css")), contentType: CSS, servedOn: "both" });
  table.set("/vendor/scorm12.js", { body: await readFile(require.resolve("scorm-again/scorm12")), contentType: JS, servedOn: "package" });
  table.set("/vendor/scorm2004.js", { body: await readFile(require.resolve("scorm-again/scorm2004")), contentType: JS, servedOn: "package" });
  return table;
}

const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * Pages of the preview itself: scripts from their own origin only, nothing inline (house rule). The
 * launch page frames the package origin; the SCORM host page frames its SCO (same origin) and is
 * framed by the launch page.
 */
export function pageCsp(page: "launch" | "scorm-host", origins: { packageOrigin: string; previewOrigins: readonly string[] }): string {
  return page === "launch"
    ? `${PAGE_CSP}; frame-src ${origins.packageOrigin}; frame-ancestors 'self'`
    : `${PAGE_CSP}; frame-src 'self'; frame-ancestors 'self' ${origins.previewOrigins.join(" ")}`;
}
