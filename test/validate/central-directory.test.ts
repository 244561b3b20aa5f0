// The one-pass central directory listing (authoring/validate/central-directory.ts) gives the same
// entries as yauzl's own entry-by-entry listing: names, sizes, offsets, extra fields, comments,
// Zip64 fields, across windows of the directory; and yauzl's errors for a broken record.
import { createWriteStream } from "node:fs";
import { mkdtemp, open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import type { Entry } from "yauzl";
import { ZipFile, type FileOptions } from "yazl";
import { listCentralDirectory } from "../../authoring/validate/central-directory";

let work: string;
let counter = 0;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-central-directory-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Part {
  name: string;
  size: number;
  comment: string;
  zip64: boolean;
  store: boolean;
}

async function writeZip(parts: readonly Part[]): Promise<string> {
  const path = join(work, `zip-${++counter}.zip`);
  const zip = new ZipFile();
  for (const p of parts) {
    // yazl writes fileComment for buffers too (its typings list it only for files).
    const options: Partial<FileOptions> = { fileComment: p.comment, forceZip64Format: p.zip64, compress: !p.store };
    zip.addBuffer(Buffer.alloc(p.size, 97), p.name, options);
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

/** The fields an Entry carries, in a comparable form. */
function fields(e: Entry): unknown {
  return {
    versionMadeBy: e.versionMadeBy,
    versionNeededToExtract: e.versionNeededToExtract,
    generalPurposeBitFlag: e.generalPurposeBitFlag,
    compressionMethod: e.compressionMethod,
    lastModFileTime: e.lastModFileTime,
    lastModFileDate: e.lastModFileDate,
    crc32: e.crc32,
    compressedSize: e.compressedSize,
    uncompressedSize: e.uncompressedSize,
    internalFileAttributes: e.internalFileAttributes,
    externalFileAttributes: e.externalFileAttributes,
    relativeOffsetOfLocalHeader: e.relativeOffsetOfLocalHeader,
    fileName: Buffer.from(e.fileNameRaw).toString("hex"),
    extra: Buffer.from(e.extraFieldRaw).toString("hex"),
    extraFields: e.extraFields.map((f) => [f.id, Buffer.from(f.data).toString("hex")]),
    comment: Buffer.from(e.fileCommentRaw).toString("hex"),
  };
}

async function bothListings(path: string): Promise<{ ours: Entry[] | Error; theirs: Entry[] | Error }> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false });
  const start = { offset: (zip as unknown as { readEntryCursor: number }).readEntryCursor, entryCount: zip.entryCount };
  const file = await open(path);
  const ours = await listCentralDirectory(file.fd, (await file.stat()).size, start).catch((error: Error) => error);
  await file.close();
  const theirs = await new Promise<Entry[] | Error>((resolve) => {
    const all: Entry[] = [];
    zip.on("entry", (e: Entry) => (all.push(e), zip.readEntry()));
    zip.on("end", () => resolve(all));
    zip.on("error", (error: Error) => resolve(error));
    zip.readEntry();
  });
  zip.close();
  return { ours, theirs };
}

describe("listCentralDirectory", () => {
  it("lists what yauzl lists, for any names, comments, sizes and Zip64 records", async () => {
    const part = fc.record({
      name: fc.stringMatching(/^[a-zA-Z0-9éü _-]{1,40}(\/[a-zA-Z0-9_-][a-zA-Z0-9._-]{0,19}){0,3}$/),
      size: fc.nat(300),
      comment: fc.string({ maxLength: 30 }),
      zip64: fc.boolean(),
      store: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(part, { minLength: 1, maxLength: 12, selector: (p) => p.name }), async (parts) => {
        const { ours, theirs } = await bothListings(await writeZip(parts));
        expect(ours).toBeInstanceOf(Array);
        expect((ours as Entry[]).map(fields)).toEqual((theirs as Entry[]).map(fields));
      }),
      { numRuns: 40 },
    );
  });

  it("reads records that straddle its 1 MiB windows (long names and comments)", async () => {
    const parts = Array.from({ length: 400 }, (_, i): Part => ({
      name: `${"d".repeat(200)}/${String(i).padStart(4, "0")}-${"n".repeat(800)}`,
      size: 3,
      comment: "c".repeat(2000 + i),
      zip64: i % 7 === 0,
      store: true,
    }));
    const { ours, theirs } = await bothListings(await writeZip(parts));
    expect((ours as Entry[]).length).toBe(400);
    expect((ours as Entry[])[399]!.fileCommentRaw.length).toBe(2399);
    expect((ours as Entry[])[0]!.extraFields.some((f) => f.id === 0x0001)).toBe(true);
    expect((ours as Entry[]).map(fields)).toEqual((theirs as Entry[]).map(fields));
  });

  it("fails as yauzl does on a broken record: a bad signature, a stored size mismatch, a directory past the end", async () => {
    const path = await writeZip([
      { name: "a.txt", size: 5, comment: "", zip64: false, store: true },
      { name: "b.txt", size: 5, comment: "", zip64: false, store: true },
    ]);
    const bytes = await readFile(path);
    const second = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const badSignature = Buffer.from(bytes);
    badSignature.writeUInt32LE(0x02014b51, second);
    const sizeMismatch = Buffer.from(bytes);
    sizeMismatch.writeUInt32LE(4, second + 20); // compressed size of a stored file
    for (const [name, broken] of [
      ["signature", badSignature],
      ["size", sizeMismatch],
    ] as const) {
      const file = join(work, `broken-${name}.zip`);
      await writeFile(file, broken);
      const { ours, theirs } = await bothListings(file);
      expect(theirs, name).toBeInstanceOf(Error);
      expect((ours as Error).message, name).toBe((theirs as Error).message);
    }
    const file = await open(path);
    await expect(listCentralDirectory(file.fd, bytes.length, { offset: bytes.length - 30, entryCount: 2 })).rejects.toThrow("unexpected EOF");
    await file.close();
  });
});
