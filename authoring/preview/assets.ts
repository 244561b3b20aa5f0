// The preview's own files: its pages (no inline script, so they run under a strict CSP), their
// scripts (authoring/preview/browser/*.ts, bundled into dist/preview by build.mjs) and
// scorm-again's minified classic script builds (docs/rules/lms.md §6). Served from a fixed list: no path from
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
  const table = new Map<string, Asset>();
  for (const name of ["launch.js", "scorm-host.js"]) {
    const file = join(packageRoot(), "dist", "preview", name);
    const body = await readFile(file).catch(() => {
      throw new Error(`the preview's scripts are not built (${file} is missing): run \`npm run build\``);
    });
    table.set(`/preview/${name}`, { body, contentType: JS, servedOn: name === "launch.js" ? "preview" : "package" });
  }
  table.set("/", { body: await readFile(join(root, "pages", "launch.html")), contentType: HTML, servedOn: "preview" });
  table.set("/host/scorm.html", { body: await readFile(join(root, "pages", "scorm-host.html")), contentType: HTML, servedOn: "package" });
  table.set("/preview/preview.css", { body: await readFile(join(root, "pages", "preview.css")), contentType: CSS, servedOn: "both" });
  // The minified builds (its "./scorm12/min" and "./scorm2004/min" exports): the same code, and every
  // SCORM launch of the preview loads 156 KB and 565 KB instead of 751 KB and 1.78 MB.
  table.set("/vendor/scorm12.js", { body: await readFile(require.resolve("scorm-again/scorm12/min")), contentType: JS, servedOn: "package" });
  table.set("/vendor/scorm2004.js", { body: await readFile(require.resolve("scorm-again/scorm2004/min")), contentType: JS, servedOn: "package" });
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
