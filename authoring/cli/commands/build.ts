// `passmark build <dir>`: one zip per target.
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { ALL_TARGETS, type TargetId } from "../../../runtime/course/types";
import { buildCourse, DEFAULT_OUT_DIR } from "../../build-course";
import { watchBuilds } from "../../watch/build-watch";
import { CourseError, describeCourseProblem, type CourseProblem } from "../../course/loaded-course";
import { expectPositionals, parseCommandArgs } from "../args";
import { howToTry, placeholderIdWarning } from "../build-notes";
import type { Command } from "../command";
import { EXIT } from "../exit-codes";
import { FileProblemError, UsageError, displayPath, type CliIo } from "../io";

const TARGET_LABEL: Record<TargetId, string> = {
  cmi5: "cmi5",
  scorm12: "SCORM 1.2",
  "scorm2004-3": "SCORM 2004 3rd ed.",
  "scorm2004-4": "SCORM 2004 4th ed.",
  xapi: "xAPI (Tin Can)",
};

export function parseTargets(values: readonly string[]): TargetId[] | undefined {
  if (values.length === 0) return undefined;
  const out = new Set<TargetId>();
  for (const value of values.flatMap((v) => v.split(",")).map((v) => v.trim())) {
    if (value === "all") ALL_TARGETS.forEach((t) => out.add(t));
    else if ((ALL_TARGETS as readonly string[]).includes(value)) out.add(value as TargetId);
    else throw new UsageError(`--target "${value}" is not one of ${[...ALL_TARGETS, "all"].join(", ")}`, "build");
  }
  return ALL_TARGETS.filter((t) => out.has(t));
}

function describeProblem(p: CourseProblem): string {
  return describeCourseProblem(p);
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const buildCommand: Command = {
  name: "build",
  summary: "build the course in <dir> into one zip per target",
  help: `Usage: passmark build <dir> [--target <target>] [--out <folder>] [--watch]

Reads <dir>/course.json, checks it (all problems are reported at once) and writes one zip per target,
named <course-slug>-<target>.zip. Nothing is written when the course has an error.

Options:
  --target <t>   cmi5 | scorm12 | scorm2004-3 | scorm2004-4 | xapi | all   (repeat or comma-separate
                 for several; xapi: an xAPI Tin Can package with tincan.xml)
                 default: the "targets" of course.json (all five when it names none)
  --out <folder> where the zips go; default: ./${DEFAULT_OUT_DIR}
  --watch        build again after every save in <dir> until Ctrl-C (a course with errors is
                 reported and watched on; the zips there stay as they were)`,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs("build", argv, {
      target: { type: "string", short: "t", multiple: true },
      out: { type: "string", short: "o" },
      watch: { type: "boolean", short: "w" },
    });
    expectPositionals("build", positionals, ["dir"]);
    const targets = parseTargets((values["target"] as string[] | undefined) ?? []);
    const dir = resolve(io.cwd, positionals[0] ?? "");
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) throw new FileProblemError(`${positionals[0]}: no such course folder`);
    const outDir = resolve(io.cwd, typeof values["out"] === "string" ? values["out"] : DEFAULT_OUT_DIR);

    const label = positionals[0] ?? "";
    const buildOnce = async (hint: boolean): Promise<number> => {
      let result;
      try {
        result = await buildCourse(dir, { targets, outDir });
      } catch (error) {
        if (!(error instanceof CourseError)) throw error;
        const errors = error.problems.filter((p) => p.severity === "error");
        const warnings = error.problems.filter((p) => p.severity !== "error");
        io.err(`passmark build: ${label} has ${errors.length} problem${errors.length === 1 ? "" : "s"}; nothing was written.`);
        for (const p of errors) io.err(`  error    ${describeProblem(p)}`);
        for (const p of warnings) io.err(`  warning  ${describeProblem(p)}`);
        return EXIT.problems;
      }

      for (const p of result.warnings) io.err(`warning: ${describeProblem(p)}`);
      const placeholderId = placeholderIdWarning(result.course.data.id);
      if (placeholderId !== null) io.err(`warning: course.json /id: ${placeholderId}`);
      const show = (path: string): string => displayPath(io.cwd, path);
      io.out(`Built "${result.course.data.title}" into ${show(outDir)}:`);
      const width = Math.max(...result.packages.map((p) => show(p.path).length));
      for (const p of result.packages) {
        io.out(`  ${TARGET_LABEL[p.target].padEnd(19)} ${show(p.path).padEnd(width)}  ${formatBytes(p.bytes)}`);
      }
      if (hint) {
        io.out(
          howToTry(
            label === "" ? "." : label,
            result.packages.map((p) => show(p.path)),
          ),
        );
      }
      return EXIT.ok;
    };
    if (values["watch"] !== true) return buildOnce(true);
    await watchBuilds({ dir, outDir, io, build: buildOnce });
    return EXIT.ok;
  },
};
