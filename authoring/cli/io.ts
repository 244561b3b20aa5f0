// Where the CLI writes: process streams by default, a collector in tests.
import { isAbsolute, relative } from "node:path";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  get cwd() {
    return process.cwd();
  },
};

/** A usage mistake: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string | null,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** A file problem (missing input, non-empty init folder): exit code 3. */
export class FileProblemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileProblemError";
  }
}

/** Relative to the working directory when inside it, absolute otherwise. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}
