// Unpacks a package zip into a folder for the preview server. Entry names are checked with yauzl's
// validateFileName (no absolute paths, no "..") and every file is written inside the target folder.
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import type { Entry, ZipFile } from "yauzl";

export class UnsafeZipError extends Error {
  constructor(zipPath: string, entry: string, reason: string) {
    super(`${zipPath}: entry "${entry}" cannot be unpacked: ${reason}`);
    this.name = "UnsafeZipError";
  }
}

function open(path: string): Promise<ZipFile> {
  return new Promise((resolvePromise, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false }, (error, zip) => (error ? reject(error) : resolvePromise(zip)));
  });
}

/** Replace `outDir` with the zip's files. */
export async function unzipTo(zipPath: string, outDir: string): Promise<number> {
  const root = resolve(outDir);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const zip = await open(zipPath);
  let files = 0;
  try {
    const entries = await new Promise<Entry[]>((resolveEntries, reject) => {
      const list: Entry[] = [];
      zip.on("entry", (entry: Entry) => {
        list.push(entry);
        zip.readEntry();
      });
      zip.on("end", () => resolveEntries(list));
      zip.on("error", reject);
      zip.readEntry();
    });
    for (const entry of entries) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      const unsafe = yauzl.validateFileName(name) ?? (name.includes("\\") ? "backslash in the name" : null);
      if (unsafe !== null) throw new UnsafeZipError(zipPath, name, unsafe);
      const target = resolve(root, name);
      if (!target.startsWith(root + sep)) throw new UnsafeZipError(zipPath, name, "outside the folder");
      if (name.endsWith("/")) {
        await mkdir(target, { recursive: true });
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target));
      files += 1;
    }
  } finally {
    zip.close();
  }
  return files;
}
