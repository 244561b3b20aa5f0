// `passmark preview <course folder or package zip> [--port N] [--lms …] [--no-watch] [--max-…]`: builds
// the course (a folder; then rebuilds it on every save, watch-builds.ts) or unpacks the zip within
// limits, starts the preview LMS on 127.0.0.1 and prints its address; runs until Ctrl-C.
import { resolve } from "node:path";
import { expectPositionals, parseCommandArgs } from "../cli/args";
import type { Command } from "../cli/command";
import { EXIT } from "../cli/exit-codes";
import { FileProblemError, UsageError, displayPath, type CliIo } from "../cli/io";
import { CourseError } from "../course/loaded-course";
import { coverage } from "./lms-profiles/registry";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "../validate/zip-reader";
import { PackageInfoError } from "./package-info";
import { PackageRefusedError, PreviewSourceError } from "./prepare";
import { LMS_PROFILE_IDS, type LmsProfileId } from "./protocol";
import { startPreview, type PreviewServer } from "./server";
import type { BuildStatus } from "./watch-protocol";

/** Used when --port is not given; when it is taken, any free port. */
export const DEFAULT_PREVIEW_PORT = 4380;

const MIB = 1024 * 1024;

const HELP = `Usage: passmark preview <course folder | package.zip> [--port N] [--lms strict|moodle|ilias]
                        [--no-watch] [--max-unpacked-mb N] [--max-entries N] [--max-ratio N]

Runs a local LMS for your course on 127.0.0.1 (never beyond this machine) and prints its address.
Open it in a browser, pick the target (cmi5, SCORM 1.2, SCORM 2004 3rd/4th, xAPI (Tin Can)) and the LMS facts
(mastery score, launch mode, moveOn, returnURL; SCORM credit, mode, previous status; Tin Can has
none), then launch.
A live log beside the course shows every statement or SCORM call; rule violations are in red.
A folder is built fresh for every target, then watched: every save rebuilds the target being
previewed and relaunches it where the learner was (a build error shows in the page instead).
A zip is previewed as the target it was built for.
What the LMS keeps (statements, state, SCORM data) lives in .passmark/ in the course folder, so a
relaunch resumes. Stop with Ctrl-C.

Options:
  --port N   port to listen on (default ${DEFAULT_PREVIEW_PORT}, or any free port when that one is taken)
  --lms L    LMS behaviour preselected on the launch page and used by launches that name none:
               strict  the standard as written (default)
               moodle  Moodle's habits: review mode once the SCO says the attempt is over, new
                       attempts with empty data, 1.2 mastery override, grade from score.raw
                       (highest attempt); ${coverage("moodle").replace("moodle covers ", "")}
               ilias   ILIAS's habits: no attempts, interactions not handed back (_count 0),
                       learning progress from lesson_status, no grade; SCORM 1.2 only
             Other targets behave as strict.
  --no-watch do not rebuild a course folder on save
  Unpacking a zip stops, and the preview refuses it (exit 1, nothing left unpacked), past:
  --max-unpacked-mb N  MiB inflated in all (default ${DEFAULT_ZIP_LIMITS.maxUnpackedBytes / MIB})
  --max-entries N      entries in the zip (default ${DEFAULT_ZIP_LIMITS.maxEntries})
  --max-ratio N        inflated ÷ compressed size of one entry past 1 MiB (default ${DEFAULT_ZIP_LIMITS.maxRatio})`;

/** A whole number ≥ 1 for a --max-… option, or the default. */
function limitOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text)))
    throw new UsageError(`--${name}: expected a whole number ≥ 1, got "${text}"`, "preview");
  return Number(text);
}

function zipLimitsFrom(values: Record<string, unknown>): ZipLimits {
  const mb = limitOption("max-unpacked-mb", values["max-unpacked-mb"] as string | undefined, DEFAULT_ZIP_LIMITS.maxUnpackedBytes / MIB);
  return {
    maxUnpackedBytes: mb * MIB,
    maxEntries: limitOption("max-entries", values["max-entries"] as string | undefined, DEFAULT_ZIP_LIMITS.maxEntries),
    maxRatio: limitOption("max-ratio", values["max-ratio"] as string | undefined, DEFAULT_ZIP_LIMITS.maxRatio),
  };
}

export async function startPreviewFromArgs(argv: readonly string[], io: CliIo): Promise<PreviewServer> {
  const { values, positionals } = parseCommandArgs("preview", argv, {
    port: { type: "string" },
    lms: { type: "string" },
    "max-unpacked-mb": { type: "string" },
    "max-entries": { type: "string" },
    "max-ratio": { type: "string" },
    "no-watch": { type: "boolean" },
  });
  expectPositionals("preview", positionals, ["course"]);
  const portText = values.port as string | undefined;
  let port = DEFAULT_PREVIEW_PORT;
  if (portText !== undefined) {
    port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port: expected a port number 0..65535, got "${portText}"`, "preview");
  }
  const lmsText = values.lms as string | undefined;
  if (lmsText !== undefined && !(LMS_PROFILE_IDS as readonly string[]).includes(lmsText)) {
    throw new UsageError(`--lms: expected one of ${LMS_PROFILE_IDS.join(", ")}, got "${lmsText}"`, "preview");
  }
  const lms = (lmsText ?? "strict") as LmsProfileId;
  const zipLimits = zipLimitsFrom(values);
  const watch = values["no-watch"] !== true;
  const source = resolve(io.cwd, positionals[0]!);
  io.out(`Preparing ${displayPath(io.cwd, source)}…`);
  try {
    return await startPreview({ source, port, lms, zipLimits, watch });
  } catch (error) {
    if (error instanceof PreviewSourceError) throw new FileProblemError(error.message);
    const code = (error as { code?: unknown }).code;
    if (code === "EADDRINUSE" && portText === undefined) {
      io.out(`Port ${DEFAULT_PREVIEW_PORT} is taken; using a free one.`);
      return startPreview({ source, port: 0, lms, zipLimits, watch });
    }
    if (code === "EADDRINUSE") throw new UsageError(`--port: ${port} is already in use`, "preview");
    throw error;
  }
}

/** Watch mode on the terminal: one line per good rebuild, the problems of a failed one. */
function reportBuild(status: BuildStatus, io: CliIo): void {
  const time = status.at.slice(11, 19);
  if (status.state === "built") io.out(`${time} rebuilt ${status.targets.join(", ")} in ${status.ms} ms`);
  if (status.state === "failed") io.err(`${time} the course did not build (the preview shows why):\n${status.problems.map((p) => `  ${p}`).join("\n")}`);
}

export const previewCommand: Command = {
  name: "preview",
  summary: "run a local LMS to try the course as cmi5 or SCORM, with a live log",
  help: HELP,
  async run(argv, io) {
    let preview: PreviewServer;
    try {
      preview = await startPreviewFromArgs(argv, io);
    } catch (error) {
      // The course or the package has problems (CLI exit 1): each says what and where.
      if (error instanceof CourseError || error instanceof PackageRefusedError || error instanceof PackageInfoError) {
        io.err(error.message);
        return EXIT.problems;
      }
      throw error;
    }
    for (const warning of preview.course.warnings) io.err(`warning: ${warning}`);
    io.out(`passmark preview of "${preview.course.title}" (${[...preview.course.packages.keys()].join(", ")})`);
    io.out(
      `Open ${preview.origin}/ in your browser. LMS behaviour: ${preview.defaultLms}. LMS data: ${displayPath(io.cwd, preview.course.workDir)}. Stop with Ctrl-C.`,
    );
    io.out(`Package files are served from ${preview.packageOrigin}, apart from the preview's own API.`);
    if (preview.builds) {
      io.out(`Watching ${displayPath(io.cwd, preview.course.source)}: every save rebuilds the target being previewed and relaunches it.`);
      preview.builds.onStatus((status) => reportBuild(status, io));
    }
    await new Promise<void>((done) => {
      process.once("SIGINT", done);
      process.once("SIGTERM", done);
    });
    await preview.close();
    io.out("Preview stopped.");
    return EXIT.ok;
  },
};
