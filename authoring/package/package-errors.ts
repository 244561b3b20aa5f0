// Why a build wrote no zip although the course was fine: the output path, or a manifest passmark made.

/** An output path that cannot take a zip (a folder, a FIFO… where a zip should go). CLI: exit 3. */
export class OutputPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputPathError";
  }
}

/** A manifest passmark generated does not parse: a passmark bug, never shipped. CLI: exit 70. */
export class ManifestNotWellFormedError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `no zip was written: passmark made manifests that are not well-formed XML (a passmark bug, please report it):\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
    this.name = "ManifestNotWellFormedError";
  }
}
