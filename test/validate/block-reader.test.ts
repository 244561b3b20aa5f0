// The read-ahead zip reader of `passmark validate` (authoring/validate/block-reader.ts): it returns
// the file's bytes for any range, through its block or around it, and it closes the file once —
// when yauzl lets go of it — never when a stream of entry data is destroyed (that closed a file
// descriptor twice, the second time someone else's once the number was reused).
import { fstatSync, openSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockReader } from "../../authoring/validate/block-reader";

const SIZE = 3 * 1024 * 1024 + 123; // three blocks and a bit
let work: string;
let path: string;
let bytes: Buffer;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-block-reader-"));
  path = join(work, "data.bin");
  bytes = Buffer.alloc(SIZE);
  for (let i = 0; i < SIZE; i++) bytes[i] = (i * 7919 + (i >> 11)) & 0xff;
  await writeFile(path, bytes);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function readAt(reader: BlockReader, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  return new Promise((resolve, reject) => reader.read(buffer, 0, length, position, (error) => (error ? reject(error) : resolve(buffer))));
}

async function streamed(reader: BlockReader, start: number, end: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of reader._readStreamForRange(start, end)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A reader held the way yauzl holds it (one reference for the open zip). */
function openReader(): { fd: number; reader: BlockReader } {
  const fd = openSync(path, "r");
  const reader = new BlockReader(fd);
  reader.ref();
  return { fd, reader };
}

/** Lets go of the reader as yauzl's zip.close() does: the last reference closes the file. */
function release(reader: BlockReader): Promise<void> {
  return new Promise((resolve, reject) => {
    reader.once("close", resolve);
    reader.once("error", reject);
    reader.unref();
  });
}

function isOpen(fd: number): boolean {
  try {
    fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}

describe("BlockReader", () => {
  it("read() and _readStreamForRange() give the file's bytes for any range (small, across blocks, larger than a block)", async () => {
    const { fd, reader } = openReader();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: SIZE - 1 }),
          fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 2 * 1024 * 1024 })),
          async (position, wanted) => {
            const length = Math.min(wanted, SIZE - position);
            expect((await readAt(reader, position, length)).equals(bytes.subarray(position, position + length))).toBe(true);
            expect((await streamed(reader, position, position + length)).equals(bytes.subarray(position, position + length))).toBe(true);
          },
        ),
        { numRuns: 40 },
      );
      await expect(readAt(reader, SIZE - 10, 20)).rejects.toThrow(/end of file/);
    } finally {
      await release(reader);
    }
    expect(isOpen(fd)).toBe(false);
  });

  it("destroying a stream of entry data leaves the file open; letting go of the reader closes it, once", async () => {
    const { fd, reader } = openReader();
    const stream = reader._readStreamForRange(0, 100);
    for await (const chunk of stream) expect(chunk).toBeInstanceOf(Buffer);
    stream.destroy();
    const half = reader._readStreamForRange(0, SIZE);
    half.once("data", () => half.destroy());
    await new Promise((resolve) => half.on("close", resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(isOpen(fd)).toBe(true);

    await release(reader); // rejects if the file was already closed (EBADF)
    expect(isOpen(fd)).toBe(false);
  });
});
