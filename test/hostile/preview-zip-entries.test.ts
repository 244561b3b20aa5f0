// Hostile input: a zip of 20,001 entries (each one a file to create). `preview` must refuse it before
// unpacking anything: exit 1, the count and the limit named, nothing under .passmark/.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { filesUnder, runPreview, tempDir, writeZip } from "./preview-helpers";

let dir: string;
let zip: string;
beforeAll(async () => {
  dir = tempDir();
  const parts = Array.from({ length: 20_001 }, (_, i) => ({ name: `f/${i}.txt`, text: "", store: true }));
  zip = await writeZip(join(dir, "many.zip"), parts);
}, 60_000);

describe("preview of a zip with too many entries", () => {
  it("is refused with exit 1 before a file is written", async () => {
    const run = await runPreview([zip, "--port", "0"], dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain("the zip holds 20001 entries, over the limit of 20000 (raise it with --max-entries)");
    expect(filesUnder(join(dir, ".passmark"))).toEqual([]);
  });

  it("--max-entries must be a whole number", async () => {
    const run = await runPreview([zip, "--max-entries", "lots"], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--max-entries: expected a whole number ≥ 1, got "lots"');
  });
});
