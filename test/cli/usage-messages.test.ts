// The CLI's own usage messages (exit 2): an unknown option names the nearest known one or lists
// them, a missing or unwanted value says which option — never Node's raw parseArgs text.
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../authoring/cli/io";
import { main } from "../../authoring/cli/main";

async function usage(...argv: string[]): Promise<string> {
  const err: string[] = [];
  const io: CliIo = { out: () => undefined, err: (t) => err.push(t), cwd: process.cwd() };
  expect(await main(argv, io)).toBe(2);
  return err.join("\n");
}

describe("unknown options", () => {
  it.each([
    [["build", "c", "--targt", "cmi5"], 'passmark build: unknown option "--targt" (did you mean "--target"?)'],
    [["build", "c", "--Out", "x"], 'passmark build: unknown option "--Out" (did you mean "--out"?)'],
    [["validate", "x.zip", "--jsn"], 'passmark validate: unknown option "--jsn" (did you mean "--json"?)'],
    [["init", "c", "--templat", "starter"], 'passmark init: unknown option "--templat" (did you mean "--template"?)'],
  ])("%j: the nearest option", async (argv, message) => {
    const err = await usage(...argv);
    expect(err.split("\n")).toEqual([message, `See: passmark ${argv[0]} --help`]);
  });

  it("nothing near: the command's options are listed", async () => {
    expect(await usage("build", "c", "--colour")).toContain(
      'passmark build: unknown option "--colour"; the options of passmark build are --target, --out, --watch, --help',
    );
    expect(await usage("validate", "x.zip", "-q")).toContain('passmark validate: unknown option "-q"; the options of passmark validate are --json, --help');
  });

  it("Node's own wording never shows", async () => {
    for (const argv of [
      ["build", "c", "--colour"],
      ["build", "c", "--out"],
      ["validate", "x.zip", "--json=yes"],
    ]) {
      expect(await usage(...argv)).not.toMatch(/Unknown option|To specify a positional|argument missing|does not take an argument/);
    }
  });
});

describe("option values", () => {
  it("a value missing", async () => {
    expect(await usage("build", "c", "--out")).toContain("passmark build: --out needs a value: --out <value>");
    expect(await usage("build", "c", "-t")).toContain("passmark build: --target needs a value: --target <value>");
  });

  it("a value given to an option that takes none", async () => {
    expect(await usage("validate", "x.zip", "--json=yes")).toContain("passmark validate: --json takes no value");
  });

  it("known short options still work, and -- ends the options", async () => {
    expect(await usage("build", "c", "-t", "scorm2004")).toContain('--target "scorm2004" is not one of');
    // After "--", "--colour" is a second positional, not an option.
    expect(await usage("build", "c", "--", "--colour")).toContain('unexpected argument "--colour"');
  });
});
