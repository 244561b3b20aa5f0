// Figure 1 (issue 7, issue 4 budget): gzipped bytes of all JS and CSS a learner downloads, the
// largest contributors (from esbuild's metafile), and reference points: @xapi/cmi5 and
// @rusticisoftware/cmi5 bundled alone with esbuild, and scorm-again's SCORM 1.2 build.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { bundleForBrowser, gzipSize, ROOT } from "../lib/bundle";
import { kb, ratio, row, type FigureResult, type ResultRow } from "../lib/report";

export const RUNTIME_BUDGET_BYTES = 40 * 1024;

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }>; bytes: number }>;
}

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

/** Files of dist/runtime whose name matches `pattern`, with raw and gzipped sizes. */
export async function runtimeFiles(pattern: RegExp): Promise<{ name: string; raw: number; gzip: number }[]> {
  const dir = join(ROOT, "dist", "runtime");
  const names = (await readdir(dir)).filter((n) => pattern.test(n)).sort();
  return Promise.all(
    names.map(async (name) => {
      const data = await readFile(join(dir, name));
      return { name, raw: data.length, gzip: gzipSize(data) };
    }),
  );
}

export async function topContributors(limit: number): Promise<{ name: string; bytes: number; share: number }[]> {
  const meta = JSON.parse(await readFile(join(ROOT, "dist", "runtime", "meta.json"), "utf8")) as Metafile;
  const totals = new Map<string, number>();
  let all = 0;
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
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
  const files = await runtimeFiles(/\.(js|css)$/);
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  // UI message catalogues other than the built-in English one, fetched only by learners in that language.
  const catalogues = await runtimeFiles(/^passmark\.[a-z]{2,3}(-[A-Za-z0-9]+)?\.json$/);
  const rows: ResultRow[] = [
    row(
      `passmark runtime, all JS+CSS gzipped (${files.map((f) => f.name).join(" + ")})`,
      total,
      "bytes",
      kb,
      { text: "≤ 40 KB", pass: total <= RUNTIME_BUDGET_BYTES },
      files.map((f) => `${f.name} ${kb(f.gzip)}`).join(", "),
    ),
  ];
  const largest = [...catalogues].sort((a, b) => b.gzip - a.gzip)[0];
  if (largest) {
    rows.push(
      row(`  + the largest UI catalogue a non-English learner also fetches (${largest.name})`, total + largest.gzip, "bytes", (n) => `${kb(n)} in all`, undefined,
        catalogues.map((c) => `${c.name} ${kb(c.gzip)}`).join(", ")),
    );
  }
  for (const c of await topContributors(6)) {
    rows.push(row(`  contributor: ${c.name}`, c.bytes, "bytes (minified, before gzip)", (n) => `${kb(n)} minified, ${(c.share * 100).toFixed(0)}%`));
  }
  const require = createRequire(join(ROOT, "package.json"));
  const scormAgain12 = await readFile(require.resolve("scorm-again/scorm12/min"));
  const refs = [
    await reference("@xapi/cmi5 bundled alone", 'import Cmi5 from "@xapi/cmi5"; (globalThis as any).Cmi5 = Cmi5;'),
    await reference("@rusticisoftware/cmi5 bundled alone", 'import Cmi5 from "@rusticisoftware/cmi5"; (globalThis as any).Cmi5 = Cmi5;'),
    { label: "scorm-again SCORM 1.2 build (dist/scorm12.min.js)", gzip: gzipSize(scormAgain12) },
  ];
  for (const r of refs) {
    rows.push(row(`reference: ${r.label}, gzipped`, r.gzip, "bytes", kb, undefined, `passmark/this = ${ratio(total / r.gzip)}`));
  }
  return {
    id: "payload",
    title: "1. Runtime payload",
    rows,
    method:
      "gzip level 9 of every .js/.css file in dist/runtime (what index.html makes a learner download; the HTML shell and course.json are not counted); the French/Spanish UI catalogues (dist/runtime/passmark.<lang>.json, fetched only for those languages) are shown as an extra row. " +
      "Contributors: esbuild metafile bytesInOutput grouped by npm package or runtime folder (minified bytes, before gzip). " +
      "References: each library imported alone into an entry bundled with esbuild exactly like the runtime (minified IIFE, browser platform), and scorm-again's shipped minified SCORM 1.2 file. " +
      "Note: the libraries only talk to the LMS, passmark's figure includes the UI, the engine and every driver.",
  };
}
