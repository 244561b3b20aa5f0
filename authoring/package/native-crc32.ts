// yazl computes every entry's CRC-32 with the pure-JavaScript buffer-crc32 (~70-100 MB/s). Four
// targets of a course with 200 MB of media is 800 MB of CRC: most of the build time. Node ≥ 20.15
// has a native zlib.crc32 (~10x faster) with the same meaning (crc of `data`, continuing from
// `value`), so yazl's own copy of buffer-crc32 gets it as its `unsigned` function. Same numbers,
// same zips (test/package/build-packages.test.ts checks every entry's CRC against zlib).
// Without zlib.crc32 (older Node) nothing changes.
import { createRequire } from "node:module";
import zlib from "node:zlib";

interface BufferCrc32 {
  unsigned(buffer: Buffer, previous?: number | Buffer): number;
}

type NativeCrc32 = (data: Buffer, value?: number) => number;

let installed = false;

export function useNativeCrc32ForYazl(): boolean {
  if (installed) return true;
  const native = (zlib as unknown as { crc32?: NativeCrc32 }).crc32;
  if (typeof native !== "function") return false;
  // Resolve buffer-crc32 from yazl's folder: the very module instance yazl requires.
  const require = createRequire(import.meta.url);
  const fromYazl = createRequire(require.resolve("yazl"));
  const crc = fromYazl("buffer-crc32") as BufferCrc32;
  crc.unsigned = (buffer, previous) => native(buffer, Buffer.isBuffer(previous) ? previous.readUInt32BE(0) : (previous ?? 0));
  installed = true;
  return true;
}
