// Hostile input: a zip-slip zip, an entry named "../../evil". `preview` must refuse it with exit 1
// naming the entry (not exit 70 with a stack trace), write nothing outside — or inside — its folder.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { filesUnder, runPreview, tempDir, writeZip } from "./preview-helpers";

let dir: string;
let zip: string;
beforeAll(async () => {
  dir = join(tempDir(), "a", "b");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(dir, { recursive: true });
  // yazl refuses ".." in names: write a same-length name and patch the bytes (zip names carry no checksum).
  zip = await writeZip(join(dir, "slip.zip"), [
    { name: "imsmanifest.xml", text: "<manifest/>" },
    { name: "xx/xx/evil", text: "owned" },
  ]);
  const bytes = readFileSync(zip);
  writeFileSync(zip, Buffer.from(bytes.toString("latin1").replaceAll("xx/xx/evil", "../../evil"), "latin1"));
});

describe("preview of a zip-slip zip", () => {
  it("is refused with exit 1 naming the entry, and nothing is written", async () => {
    const run = await runPreview([zip, "--port", "0"], dir);
    expect(run.code).toBe(1);
    expect(run.err).toContain('entry "../../evil": unsafe entry name in the zip');
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(filesUnder(join(dir, ".passmark"))).toEqual([]);
    for (const up of [join(dir, ".."), join(dir, "..", ".."), join(dir, ".passmark")]) expect(existsSync(join(up, "evil"))).toBe(false);
  });
});
