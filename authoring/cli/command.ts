import type { CliIo } from "./io";

export interface Command {
  name: string;
  /** One line for the command table. */
  summary: string;
  /** Full `passmark <name> --help` text (the exit codes are appended by main). */
  help: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
