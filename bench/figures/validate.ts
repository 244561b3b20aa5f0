// Figure 8 (issues 11 and 14): `passmark validate` of a legitimate SCORM 1.2 and SCORM 2004 package
// listing 5,000 and 50,000 files, generated in a temp dir: wall and CPU time of the CLI process.
// Target: 50,000 files < 3 s.
import { spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeManyFilesPackage, type ManyFilesEdition } from "../../test/fixtures/packages/scorm-many-files";
import { ROOT } from "../lib/bundle";
import { mb, ms, row, type FigureResult, type ResultRow } from "../lib/report";
import { median, spread } from "../lib/stats";

const SIZES = [5_000, 50_000] as const;
const EDITIONS: readonly { edition: ManyFilesEdition; name: string }[] = [
  { edition: "scorm12", name: "SCORM 1.2" },
  { edition: "scorm2004-4", name: "SCORM 2004 4th edition" },
];
const TARGET_FILES = 50_000;
const WALL_TARGET_MS = 3000;

/**
 * The child: what bin/passmark.mjs does (main of the bundled CLI), then its CPU time on stderr.
 * process.resourceUsage() counts every thread, libxml2's worker included.
 */
const CHILD = `const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "dist", "cli", "passmark.mjs")).href)});
process.exitCode = await main(process.argv.slice(1));
const usage = process.resourceUsage();
process.stderr.write("\\nbench-cpu-ms " + (usage.userCPUTime + usage.systemCPUTime) / 1000 + "\\n");`;

/** Runs `passmark validate <zip>` in a child process: wall time (spawn to exit) and CPU time. */
function validateOnce(zip: string): Promise<{ wall: number; cpu: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ["--input-type=module", "-e", CHILD, "validate", zip], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const wall = performance.now() - start;
      const cpu = Number(/bench-cpu-ms ([\d.]+)/.exec(errors)?.[1] ?? NaN);
      if (code !== 0 || !output.includes("OK: no problems") || !Number.isFinite(cpu)) {
        reject(new Error(`passmark validate exited ${code}: ${(output + errors).trim().split("\n").slice(0, 3).join(" / ")}`));
      } else resolve({ wall, cpu });
    });
  });
}

export async function validateFigure(runs: number): Promise<FigureResult> {
  const dir = await mkdtemp(join(tmpdir(), "passmark-bench-validate-"));
  try {
    const rows: ResultRow[] = [];
    for (const { edition, name } of EDITIONS) {
      for (const files of SIZES) {
        const zip = await writeManyFilesPackage(join(dir, `${edition}-${files}-files.zip`), files, edition);
        await validateOnce(zip); // warm-up: the OS file cache, Node's compile cache
        const walls: number[] = [];
        const cpus: number[] = [];
        for (let i = 0; i < runs; i++) {
          const { wall, cpu } = await validateOnce(zip);
          walls.push(wall);
          cpus.push(cpu);
        }
        const wall = median(walls);
        const target = files === TARGET_FILES ? { text: "< 3 s", pass: wall < WALL_TARGET_MS } : undefined;
        const size = (await stat(zip)).size;
        const label = `validate, ${name} package with ${files.toLocaleString("en-US")} files`;
        rows.push(row(`${label}: wall time`, wall, "ms", ms, target, `${spread(walls)}; zip ${mb(size)}`));
        rows.push(row(`${label}: CPU time (user + system, all threads)`, median(cpus), "ms", ms, undefined, spread(cpus)));
      }
    }
    return {
      id: "validate",
      title: "8. Validate a large package (issues 11, 14)",
      rows,
      method:
        'A SCORM 1.2 and a SCORM 2004 4th edition package generated in a temp dir (test/fixtures/packages/scorm-many-files.ts): one SCO resource listing every file as a <file>, 500 files per folder, every file present, so the report is "OK: no problems". ' +
        `\`passmark validate <zip>\` run by a child process (the bundled CLI's main(["validate", zip]), as bin/passmark.mjs runs it) after one warm-up run, ${runs} runs per package. Wall time: spawn to exit, measured by the parent (Node start-up and the schema check included). CPU time: the child's process.resourceUsage() (user + system, every thread, libxml2's worker included).`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
