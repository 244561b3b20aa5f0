// `npm run bench`: every benchmark of issue 7, one after the other (never in parallel: they measure
// time), then bench/results.json and bench/results.md. Options:
//   --only=payload,launch,delivery,resume-state,build,scorm,standalone,validate,requests,scorm-launch  run a subset
//   --runs=N                                                              repetitions behind each median
//   --readme                                                              also copy the table into README.md ("## Performance")
import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { buildFigure } from "./figures/build";
import { deliveryFigure } from "./figures/delivery";
import { launchFigure } from "./figures/launch";
import { lmsRequestsFigure } from "./figures/lms-requests";
import { payloadFigure } from "./figures/payload";
import { resumeStateFigure } from "./figures/resume-state";
import { scormCallsFigure } from "./figures/scorm-calls";
import { scormLaunchFigure } from "./figures/scorm-launch";
import { standaloneFigure } from "./figures/standalone";
import { validateFigure } from "./figures/validate";
import { ROOT } from "./lib/bundle";
import { updateReadme } from "./lib/readme";
import { markdownTable, methodNotes, printFigure, type FigureResult } from "./lib/report";

interface Options {
  only: Set<string> | null;
  runs: number;
  readme: boolean;
}

function parseArgs(argv: string[]): Options {
  let only: Set<string> | null = null;
  let runs = 5;
  let readme = false;
  for (const arg of argv) {
    if (arg === "--readme") {
      readme = true;
      continue;
    }
    const [key, value] = arg.split("=", 2);
    if (key === "--only" && value) only = new Set(value.split(","));
    else if (key === "--runs" && value && Number(value) >= 1) runs = Math.floor(Number(value));
    else throw new Error(`bench: unknown argument ${arg} (use --only=a,b, --runs=N, --readme)`);
  }
  return { only, runs, readme };
}

const FIGURES: { id: string; run: (runs: number) => Promise<FigureResult> }[] = [
  { id: "payload", run: () => payloadFigure() },
  { id: "launch", run: (runs) => launchFigure(runs) },
  { id: "delivery", run: (runs) => deliveryFigure(runs) },
  { id: "resume-state", run: (runs) => resumeStateFigure(Math.max(runs, 50)) },
  { id: "build", run: (runs) => buildFigure(Math.min(runs, 3)) },
  { id: "scorm", run: () => scormCallsFigure() },
  { id: "standalone", run: (runs) => standaloneFigure(runs) },
  { id: "validate", run: (runs) => validateFigure(Math.min(runs, 5)) },
  { id: "requests", run: (runs) => lmsRequestsFigure(Math.min(runs, 3)) },
  { id: "scorm-launch", run: (runs) => scormLaunchFigure(runs) },
];

const RESULTS_JSON = join(ROOT, "bench", "results.json");

/** A partial run (--only) replaces its figures in the previous results and keeps the others. */
async function mergeWithPrevious(fresh: FigureResult[]): Promise<FigureResult[]> {
  let previous: FigureResult[] = [];
  try {
    previous = (JSON.parse(await readFile(RESULTS_JSON, "utf8")) as { figures: FigureResult[] }).figures;
  } catch {
    return fresh;
  }
  const order = FIGURES.map((f) => f.id);
  const byId = new Map(previous.map((f) => [f.id, f]));
  for (const f of fresh) byId.set(f.id, f);
  return [...byId.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

export function machine(): string {
  const model = cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${cpus().length} × ${model}, Node ${process.version}, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, load average ${loadavg()[0]!.toFixed(1)}`;
}

export async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  const results: FigureResult[] = [];
  for (const figure of FIGURES) {
    if (options.only && !options.only.has(figure.id)) continue;
    let result: FigureResult;
    try {
      result = { ...(await figure.run(options.runs)), measuredOn: machine() };
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      result = { id: figure.id, title: figure.id, rows: [], method: "", error: message, measuredOn: machine() };
      console.error(error);
    }
    printFigure(result);
    results.push(result);
  }
  const on = machine();
  const all = options.only ? await mergeWithPrevious(results) : results;
  // A figure that could not be measured fails the run as a missed target does: its row says "not measured".
  const failed = all.flatMap((f) =>
    f.error !== undefined ? [`${f.title}: not measured (${f.error})`] : f.rows.filter((r) => r.pass === false).map((r) => `${f.title}: ${r.measure}`),
  );
  await writeFile(RESULTS_JSON, JSON.stringify({ machine: on, runs: options.runs, figures: all }, null, 2) + "\n");
  const partial =
    all.length > results.length
      ? ` (figures not run now are kept from the previous results.json: ${all
          .filter((f) => !results.includes(f))
          .map((f) => `${f.title}, ${f.measuredOn ?? "earlier"}`)
          .join("; ")})`
      : "";
  const md = [
    `Measured on ${on}; medians of ${options.runs} runs unless noted${partial}.`,
    "",
    markdownTable(all),
    "",
    "How each figure is measured:",
    "",
    methodNotes(all),
    "",
  ].join("\n");
  await writeFile(join(ROOT, "bench", "results.md"), md);
  console.log(`\nbench: wrote bench/results.json and bench/results.md (${on})`);
  if (options.readme) {
    // A partial run names when and where each kept figure was measured, as results.md does.
    const intro = "Measured with `npm run bench` (see [docs/benchmarks.md](docs/benchmarks.md) for what each figure means and how it is measured).";
    await updateReadme(join(ROOT, "README.md"), `${intro} Machine: ${on}; medians of ${options.runs} runs unless noted${partial}.\n\n${markdownTable(all)}`);
    console.log('bench: README.md "Performance" section updated');
  }
  console.log(failed.length === 0 ? "bench: every target PASS" : `bench: ${failed.length} target(s) FAIL:\n  ${failed.join("\n  ")}`);
  return failed.length > 0 ? 1 : 0;
}
