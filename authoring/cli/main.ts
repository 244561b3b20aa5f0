// The passmark command line: `main(argv)` returns the exit code (bin/passmark.mjs sets it).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ManifestNotWellFormedError, OutputPathError } from "../package/package-errors";
import { packageRoot } from "../paths";
import type { Command } from "./command";
import { EXIT, EXIT_CODES_HELP } from "./exit-codes";
import { FileProblemError, UsageError, processIo, type CliIo } from "./io";

/**
 * The commands, each loaded only when it runs (or for help): a command's dependencies (the XSD
 * checker, the course schema, the Markdown renderer, the preview server…) cost start-up time that
 * the other commands should not pay.
 */
export const COMMANDS: readonly { name: string; load(): Promise<Command> }[] = [
  { name: "init", load: async () => (await import("./commands/init")).initCommand },
  { name: "build", load: async () => (await import("./commands/build")).buildCommand },
  { name: "validate", load: async () => (await import("./commands/validate")).validateCommand },
  { name: "preview", load: async () => (await import("../preview/command")).previewCommand },
];

function version(): string {
  const parsed = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version?: string };
  return parsed.version ?? "unknown";
}

async function mainHelp(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return `passmark ${version()}: build cmi5 and SCORM packages from a course folder, and check packages.

Usage: passmark <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Run "passmark <command> --help" for a command's options.
Options: -h, --help   this help;  -v, --version   the version

${EXIT_CODES_HELP}`;
}

function commandHelp(command: Command): string {
  return `${command.help}\n\n${EXIT_CODES_HELP}`;
}

function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    io.out(await mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(version());
    return EXIT.ok;
  }
  if (name === "help") {
    const topic = await COMMANDS.find((c) => c.name === rest[0])?.load();
    io.out(topic ? commandHelp(topic) : await mainHelp());
    return rest[0] === undefined || topic ? EXIT.ok : EXIT.usage;
  }
  const command = await COMMANDS.find((c) => c.name === name)?.load();
  if (!command) {
    io.err(`passmark: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}. See passmark --help`);
    return EXIT.usage;
  }
  if (wantsHelp(rest)) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`passmark ${command.name}: ${error.message}\nSee: passmark ${command.name} --help`);
      return EXIT.usage;
    }
    if (error instanceof FileProblemError) {
      io.err(`passmark ${command.name}: ${error.message}`);
      return EXIT.io;
    }
    if (error instanceof OutputPathError) {
      io.err(`passmark ${command.name}: ${error.message}`);
      return EXIT.io;
    }
    const { RuntimeNotBuiltError } = await import("../package/contents");
    if (error instanceof RuntimeNotBuiltError || error instanceof ManifestNotWellFormedError) {
      io.err(`passmark ${command.name}: ${error.message}`);
      return EXIT.internal;
    }
    const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
    if (["ENOENT", "EACCES", "EPERM", "ENOSPC", "EROFS", "EEXIST", "ENOTDIR", "EISDIR"].includes(code)) {
      io.err(`passmark ${command.name}: ${error instanceof Error ? error.message : String(error)}`);
      return EXIT.io;
    }
    io.err(`passmark ${command.name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.internal;
  }
}
