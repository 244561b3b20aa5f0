// Exit codes of the passmark command (documented in `passmark --help` and the README).
export const EXIT = {
  /** Everything worked; `validate`: no problems. */
  ok: 0,
  /** The input has problems: course errors (`build`), package problems (`validate`). */
  problems: 1,
  /** Bad command line: unknown command or option, missing or extra argument, bad value. */
  usage: 2,
  /** Files: the input is missing, the init folder is not empty, output cannot be written. */
  io: 3,
  /** passmark itself failed (a bug, or the CLI/runtime bundle is not built). */
  internal: 70,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0   success (validate: no problems)
  1   the course or the package has problems (each one is printed)
  2   usage error: unknown command or option, missing or extra argument, bad value
  3   file problem: input missing, init folder not empty, output not writable
  70  internal error (a passmark bug, or the CLI/runtime is not built: run npm run build)`;
