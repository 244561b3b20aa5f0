// Figure 1 (issue 7, issue 14 budget): gzipped bytes of all JS and CSS a learner downloads before the
// first page is interactive, per kind of package (build.mjs: one runtime bundle each), the largest
// contributors to the heaviest one (from esbuild's metafile), and reference points: @xapi/cmi5 and @rusticisoftware/cmi5 bundled alone with
// esbuild, and scorm-again's SCORM 1.2 build.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { bundleForBrowser, gzipSize, ROOT } from "../lib/bundle";
import { kb, ratio, row, type FigureResult, type ResultRow } from "../lib/report";
import { gzipper, launchPayloads, readMetafile, RUNTIME_DIR } from "../lib/runtime-payload";

/** Issue 14: ≤ 30 KB for a cmi5 launch, ≤ 28 KB for a SCORM one (JS+CSS gzipped). */
export const RUNTIME_BUDGET_BYTES: Record<string, number> = { cmi5: 30 * 1024, scorm12: 28 * 1024, scorm2004: 28 * 1024 };
const PACKAGE_LABEL: Record<string, string> = {
  cmi5: "a cmi5 package",
  scorm12: "a SCORM 1.2 package",
  scorm2004: "a SCORM 2004 package",
  xapi: "an xAPI (Tin Can) package",
};

/**
 * Group an input path into a contributor: an npm package, or a part of passmark's runtime — a
 * top-level folder (runtime/ui, runtime/assessment with its subfolders), each LMS driver on its own
 * (runtime/lms/cmi5, runtime/lms/scorm12, …).
 */
export function contributorOf(input: string): string {
  const modules = input.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const parts = input.slice(modules + "node_modules/".length).split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const parts = input.split("/");
  const depth = parts[1] === "lms" && parts.length > 3 ? 3 : 2;
  return parts.length > depth ? parts.slice(0, depth).join("/") : input;
}

async function topContributors(files: readonly string[], limit: number): Promise<{ name: string; bytes: number; share: number }[]> {
  const meta = await readMetafile();
  const totals = new Map<string, number>();
  let all = 0;
  for (const file of files) {
    for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[file]?.inputs ?? {})) {
      const key = contributorOf(input);
      totals.set(key, (totals.get(key) ?? 0) + bytesInOutput);
      all += bytesInOutput;
    }
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, bytes]) => ({ name, bytes, share: all > 0 ? bytes / all : 0 }));
}

async function reference(label: string, source: string): Promise<{ label: string; gzip: number }> {
  return { label, gzip: gzipSize(await bundleForBrowser(source)) };
}

export async function payloadFigure(): Promise<FigureResult> {
  const launches = await launchPayloads(await readMetafile());
  const rows: ResultRow[] = launches.map((l) => {
    const budget = RUNTIME_BUDGET_BYTES[l.launch];
    return row(
      `passmark runtime, ${PACKAGE_LABEL[l.launch] ?? l.launch} (its LMS's launch; a standalone one adds the standalone driver's chunk): JS+CSS gzipped`,
      l.gzip,
      "bytes",
      kb,
      budget === undefined ? undefined : { text: `≤ ${budget / 1024} KB`, pass: l.gzip <= budget },
      `${l.files.length} files`,
    );
  });
  const gz = gzipper();
  const everything = (await readdir(RUNTIME_DIR)).filter((n) => /\.(js|css)$/.test(n));
  const allBytes = (await Promise.all(everything.map((n) => gz(`dist/runtime/${n}`)))).reduce((a, b) => a + b, 0);
  rows.push(row("  every runtime file (every bundle, the app and grading UI chunks)", allBytes, "bytes", kb, undefined, "no learner downloads them all"));
  // UI message catalogues other than the built-in English one, fetched only by learners in that language.
  const catalogues = (await readdir(RUNTIME_DIR)).filter((n) => /^passmark\.[a-z]{2,3}(-[A-Za-z0-9]+)?\.json$/.test(n)).sort();
  const catalogueSizes = await Promise.all(catalogues.map(async (n) => ({ name: n, gzip: await gz(`dist/runtime/${n}`) })));
  const largest = [...catalogueSizes].sort((a, b) => b.gzip - a.gzip)[0];
  const heaviest = [...launches].sort((a, b) => b.gzip - a.gzip)[0]!;
  if (largest) {
    rows.push(
      row(
        `  + the largest UI catalogue a non-English learner also fetches (${largest.name}), heaviest launch`,
        heaviest.gzip + largest.gzip,
        "bytes",
        (n) => `${kb(n)} in all`,
        undefined,
        catalogueSizes.map((c) => `${c.name} ${kb(c.gzip)}`).join(", "),
      ),
    );
  }
  // What splitting costs: the heaviest launch's JS gzipped as one stream (its chunks merged) with the stylesheet.
  const merged = Buffer.concat(await Promise.all(heaviest.files.filter((f) => f.endsWith(".js")).map((f) => readFile(join(ROOT, f)))));
  const css = (await Promise.all(heaviest.files.filter((f) => f.endsWith(".css")).map(gz))).reduce((a, b) => a + b, 0);
  rows.push(
    row(
      `  ${PACKAGE_LABEL[heaviest.launch] ?? heaviest.launch}, its JS gzipped as one file`,
      gzipSize(merged) + css,
      "bytes",
      kb,
      undefined,
      "what merging its chunks would save",
    ),
  );
  for (const c of await topContributors(
    heaviest.files.filter((f) => f.endsWith(".js")),
    6,
  )) {
    rows.push(
      row(
        `  contributor to ${PACKAGE_LABEL[heaviest.launch] ?? heaviest.launch}: ${c.name}`,
        c.bytes,
        "bytes (minified, before gzip)",
        (n) => `${kb(n)} minified, ${(c.share * 100).toFixed(0)}%`,
      ),
    );
  }
  const require = createRequire(join(ROOT, "package.json"));
  const scormAgain12 = await readFile(require.resolve("scorm-again/scorm12/min"));
  const refs = [
    await reference("@xapi/cmi5 bundled alone", 'import Cmi5 from "@xapi/cmi5"; (globalThis as any).Cmi5 = Cmi5;'),
    await reference("@rusticisoftware/cmi5 bundled alone", 'import Cmi5 from "@rusticisoftware/cmi5"; (globalThis as any).Cmi5 = Cmi5;'),
    { label: "scorm-again SCORM 1.2 build (dist/scorm12.min.js)", gzip: gzipSize(scormAgain12) },
  ];
  for (const r of refs) {
    rows.push(row(`reference: ${r.label}, gzipped`, r.gzip, "bytes", kb, undefined, `heaviest passmark launch ÷ this = ${ratio(heaviest.gzip / r.gzip)}`));
  }
  return {
    id: "payload",
    title: "1. Runtime payload",
    rows,
    method:
      "gzip level 9 of each file a launch loads before the first page is interactive (the package's runtime bundle, dist/runtime/passmark.<cmi5|scorm12|scorm2004|xapi>.js, and the chunks it imports statically, per esbuild's metafile, plus the stylesheet; the lazy grading-UI chunks, the HTML shell and course.json are not counted); the French/Spanish UI catalogues (dist/runtime/passmark.<lang>.json, fetched only for those languages) are shown as an extra row. " +
      "Contributors: esbuild metafile bytesInOutput of the heaviest launch's JS files, grouped by npm package or runtime folder (minified bytes, before gzip). " +
      "References: each library imported alone into an entry bundled with esbuild exactly like the runtime (minified IIFE, browser platform), and scorm-again's shipped minified SCORM 1.2 file. " +
      "Note: the libraries only talk to the LMS, passmark's figure includes the UI, the engine and the package's drivers.",
  };
}
