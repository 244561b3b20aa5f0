// Reproducible zips with yazl: fixed entry dates and modes, entries sorted by path, DOS timestamps
// only (the Info-ZIP "UT" field would carry a time-zone dependent instant), and files on disk
// streamed lazily — a 200 MB video never sits in memory.
import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import { isStored } from "./compression";
import { useNativeCrc32ForYazl } from "./native-crc32";

export type ZipEntrySource = { zipPath: string; sourcePath: string } | { zipPath: string; data: Buffer };

/**
 * Local-time components: yazl encodes DOS dates with local-time getters, so a Date built from
 * local components gives the same bytes in every time zone.
 */
const ENTRY_DATE = (): Date => new Date(2000, 0, 1, 0, 0, 0);
const FILE_MODE = 0o100644;
const READ_CHUNK = 1024 * 1024;

/** Sizes of the files on disk (yazl needs them up front for streamed entries); a missing file fails here, naming it. */
async function fileSizes(entries: readonly ZipEntrySource[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const entry of entries) {
    if ("data" in entry) continue;
    const info = await stat(entry.sourcePath);
    if (!info.isFile()) throw new Error(`${entry.sourcePath} is not a file (wanted for ${entry.zipPath})`);
    sizes.set(entry.sourcePath, info.size);
  }
  return sizes;
}

/** Byte-wise order (not locale order), so every machine sorts alike. */
export function compareZipPaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function assertUniquePaths(entries: readonly ZipEntrySource[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.zipPath)) throw new Error(`two package files would both be written to "${entry.zipPath}"`);
    seen.add(entry.zipPath);
  }
}

/** Writes the zip to `outPath` (which the caller treats as a temporary file). Resolves to its size. */
export async function writeZip(entries: readonly ZipEntrySource[], outPath: string): Promise<number> {
  assertUniquePaths(entries);
  useNativeCrc32ForYazl();
  const zip = new ZipFile();
  const sorted = [...entries].sort((a, b) => compareZipPaths(a.zipPath, b.zipPath));
  const sizes = await fileSizes(sorted);
  for (const entry of sorted) {
    const options = {
      mtime: ENTRY_DATE(),
      mode: FILE_MODE,
      compress: !isStored(entry.zipPath),
      forceDosTimestamp: true,
    };
    if ("data" in entry) {
      zip.addBuffer(entry.data, entry.zipPath, options);
    } else {
      // Opened only when yazl reaches the entry (one file open at a time), read in 1 MiB chunks:
      // fewer, larger chunks through the CRC and deflate streams than fs's 64 KiB default.
      const { sourcePath } = entry;
      zip.addReadStreamLazy(entry.zipPath, { ...options, size: sizes.get(sourcePath) }, (done) => {
        const stream = createReadStream(sourcePath, { highWaterMark: READ_CHUNK });
        // yazl does not listen for read errors on streams it is given: fail the zip instead of the process.
        stream.on("error", (error) => zip.emit("error", error));
        done(null, stream);
      });
    }
  }
  return new Promise<number>((resolve, reject) => {
    const out = createWriteStream(outPath, { highWaterMark: READ_CHUNK });
    const fail = (error: unknown): void => {
      out.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    zip.on("error", fail);
    pipeline(zip.outputStream, out).then(() => resolve(out.bytesWritten), fail);
    zip.end();
  });
}
