// Hostile input: a zip bomb — one 512 MiB entry of zeros in a zip of about half a MiB. `preview`
// must refuse it while inflating (compression ratio over 200:1), exit 1 naming the entry, and leave
// nothing unpacked under .passmark/.
import { statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { filesUnder, runPreview, tempDir, writeBombZip } from "./preview-helpers";

let dir: string;
let zip: string;
beforeAll(async () => {
  dir = tempDir();
  zip = await writeBombZip(join(dir, "bomb.zip"), "media/bomb.bin", 512 * 1024 * 1024);
}, 60_000);

describe("preview of a zip bomb", () => {
  it("is refused with exit 1 naming the entry and the limit, and nothing is left unpacked", async () => {
    expect(statSync(zip).size).toBeLessThan(1024 * 1024);
    const run = await runPreview([zip, "--port", "0"], dir);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/entry "media\/bomb\.bin": inflates more than 200 times its \d+ compressed bytes \(raise it with --max-ratio\)/);
    expect(run.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(filesUnder(join(dir, ".passmark"))).toEqual([]);
  });
});
