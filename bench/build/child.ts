// Child process of the build benchmark: builds one course for every target (ALL_TARGETS), exactly as
// `passmark build <dir> --target all --out <out>` does (through the CLI when it is built, else
// through buildCourse, the function the CLI calls), then writes its own peak RSS to a JSON file.
//   node dist/bench/build-child.mjs <courseDir> <outDir> <report.json>
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildCourse } from "../../authoring/build-course";
import { ALL_TARGETS } from "../../runtime/course/types";

export interface BuildChildReport {
  via: "cli" | "buildCourse";
  exitCode: number;
  /** process.resourceUsage().maxRSS: peak resident set size in kilobytes. */
  maxRssKb: number;
  /** CPU time of the build process (user + system), ms. */
  cpuMs: number;
}

function usage(): { maxRssKb: number; cpuMs: number } {
  const u = process.resourceUsage();
  return { maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 };
}

async function run(): Promise<void> {
  const [courseDir, outDir, reportPath] = process.argv.slice(2);
  if (!courseDir || !outDir || !reportPath) throw new Error("usage: build-child <courseDir> <outDir> <report.json>");
  const cliPath = join(process.cwd(), "dist", "cli", "passmark.mjs");
  let report: BuildChildReport;
  if (existsSync(cliPath)) {
    const cli = (await import(pathToFileURL(cliPath).href)) as { main(argv: string[]): Promise<number> };
    const exitCode = await cli.main(["build", courseDir, "--target", "all", "--out", outDir]);
    report = { via: "cli", exitCode, ...usage() };
  } else {
    await buildCourse(courseDir, { targets: ALL_TARGETS, outDir });
    report = { via: "buildCourse", exitCode: 0, ...usage() };
  }
  await writeFile(reportPath, JSON.stringify(report));
}

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
