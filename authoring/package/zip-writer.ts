// Reproducible zips with yazl: fixed entry dates and modes, entries sorted by path, DOS timestamps
// only (the Info-ZIP "UT" field would carry a time-zone dependent instant), and files on disk
// streamed lazily — a 200 MB video never sits in memory.
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import { isStored } from "./compression";
import { useNativeCrc32ForYazl } from "./native-crc32";

export type ZipEntrySource =
  | { zipPath: string; sourcePath: string }
  | { zipPath: string; data: Buffer };

/**
 * Local-time components: yazl encodes DOS dates with local-time getters, so a Date built from
 * local components gives the same bytes in every time zone.
 */
const ENTRY_DATE = (): Date => new Date(2000, 0, 1, 0, 0, 0);
const FILE_MODE = 0o100644;

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
  for (const entry of sorted) {
    const options = {
      mtime: ENTRY_DATE(),
      mode: FILE_MODE,
      compress: !isStored(entry.zipPath),
      forceDosTimestamp: true,
    };
    if ("data" in entry) zip.addBuffer(entry.data, entry.zipPath, options);
    else zip.addFile(entry.sourcePath, entry.zipPath, options);
  }
  return new Promise<number>((resolve, reject) => {
    const out = createWriteStream(outPath);
    const fail = (error: unknown): void => {
      out.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    zip.on("error", fail);
    pipeline(zip.outputStream, out).then(() => resolve(out.bytesWritten), fail);
    zip.end();
  });
}
