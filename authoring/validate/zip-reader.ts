// The one zip reader of passmark (validate reads entries, preview unpacks), on yauzl: the central
// directory (names only), single entries on demand, and whole-zip unpacking within limits — total
// bytes, entry count, per-entry compression ratio — counted on the bytes actually inflated, never on
// the sizes the zip declares. File names are decoded and checked here so that an unsafe name becomes
// a reported problem instead of an exception that hides every other finding.
import { createWriteStream, fstat, open } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import yauzl from "yauzl";
import type { Entry, ZipFile } from "yauzl";
import { BlockReader } from "./block-reader";
import { listCentralDirectory } from "./central-directory";
import type { PackageProblem } from "./report";

export interface ZipListing {
  /** Entries by decoded name; directories end with "/". */
  entries: Map<string, Entry>;
  /** Names that are unsafe (absolute, "..", backslashes) or duplicated. */
  problems: PackageProblem[];
  read(name: string, maxBytes?: number): Promise<Buffer>;
  /** The entry's inflated bytes as a stream (yauzl checks them against the declared size). */
  stream(name: string): Promise<Readable>;
  close(): void;
}

/** What unpacking may cost (docs/preview.md "Limits"). */
export interface ZipLimits {
  /** Bytes inflated over all entries. */
  maxUnpackedBytes: number;
  /** Entries in the central directory, folders included. */
  maxEntries: number;
  /** Inflated ÷ compressed bytes of one entry, checked once it inflated past RATIO_FLOOR_BYTES. */
  maxRatio: number;
}

/**
 * 2 GiB: far above a course package with video, far below a disk filled unnoticed. 20,000 entries:
 * a large course has a few thousand files. Ratio 200: text and media stay well under it (deflate
 * itself cannot pass about 1032:1), a file of zeros — the classic bomb — is far over it.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUnpackedBytes: 2 * 1024 ** 3, maxEntries: 20_000, maxRatio: 200 };

/** Small entries may compress as well as they like: a 1 MiB file is harmless whatever its ratio. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

export type ZipLimitKind = "bytes" | "entries" | "ratio";

/** Why a zip was not unpacked: the entry (when one is to blame), the limit (when one was hit). */
export interface ZipRefusal {
  ok: false;
  entry: string | null;
  limit: ZipLimitKind | null;
  message: string;
}

export type UnpackOutcome = { ok: true; files: number; bytes: number } | ZipRefusal;

class ZipLimitError extends Error {
  constructor(
    readonly limit: ZipLimitKind,
    message: string,
  ) {
    super(message);
  }
}

const openFd = promisify(open);
/** A name none of whose characters could make yauzl.validateFileName object (no "\\", ":", leading "/", ".."). */
const SAFE_NAME = /^(?!\/)(?![\s\S]*\.\.)[^\\:]*$/;
const fstatFd = promisify(fstat);

/** The zip opened by yauzl (which finds and checks the end records) through a read-ahead reader. */
async function openZip(path: string): Promise<{ zip: ZipFile; fd: number; size: number }> {
  const fd = await openFd(path, "r");
  const reader = new BlockReader(fd);
  let size: number;
  try {
    size = (await fstatFd(fd)).size;
  } catch (error) {
    reader.close(() => undefined);
    throw error;
  }
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(reader, size, { lazyEntries: true, autoClose: false, decodeStrings: false }, (err, zip) => {
      if (err) reader.close(() => reject(err));
      else resolve({ zip, fd, size });
    });
  });
}

/** yauzl's own listing, one entry event at a time: the fallback when its cursor is not where we expect it. */
function readEntriesOneByOne(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on("entry", (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

/**
 * Every entry, from the central directory in one pass (central-directory.ts). yauzl keeps the
 * directory's offset as its read cursor (not in its typings); should a yauzl version not, it lists.
 */
function readAllEntries(opened: { zip: ZipFile; fd: number; size: number }): Promise<Entry[]> {
  const offset = (opened.zip as unknown as { readEntryCursor?: unknown }).readEntryCursor;
  if (typeof offset !== "number") return readEntriesOneByOne(opened.zip);
  return listCentralDirectory(opened.fd, opened.size, { offset, entryCount: opened.zip.entryCount });
}

function problem(rule: string, file: string, message: string): PackageProblem {
  return { rule, severity: "error", file, line: null, message };
}

/** `maxEntries`: refuse (throw) before listing a central directory that declares more entries. */
export async function readZip(path: string, options: { maxEntries?: number } = {}): Promise<ZipListing> {
  const opened = await openZip(path);
  const zip = opened.zip;
  if (options.maxEntries !== undefined && zip.entryCount > options.maxEntries) {
    zip.close();
    throw new ZipLimitError("entries", `the zip holds ${zip.entryCount} entries, over the limit of ${options.maxEntries}`);
  }
  const raw = await readAllEntries(opened).catch((error: unknown) => {
    zip.close();
    throw error;
  });
  const entries = new Map<string, Entry>();
  const problems: PackageProblem[] = [];
  for (const entry of raw) {
    const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
    // yauzl's check looks for backslashes, absolute paths ("/", "C:") and "..": most names have none.
    const unsafe = SAFE_NAME.test(name) ? null : yauzl.validateFileName(name);
    if (unsafe !== null) problems.push(problem("zip/unsafe-entry-name", name, `unsafe entry name in the zip: ${unsafe}`));
    else if (name.includes("\\")) problems.push(problem("zip/unsafe-entry-name", name, "entry name contains a backslash; zip paths use forward slashes"));
    if (entries.has(name)) problems.push(problem("zip/duplicate-entry", name, "the zip holds two entries with this name"));
    entries.set(name, entry);
  }

  async function stream(name: string): Promise<Readable> {
    const entry = entries.get(name);
    if (!entry) throw new Error(`${name} is not in the zip`);
    return zip.openReadStreamPromise(entry);
  }

  async function read(name: string, maxBytes = 64 * 1024 * 1024): Promise<Buffer> {
    const entry = entries.get(name);
    if (!entry) throw new Error(`${name} is not in the zip`);
    if (entry.uncompressedSize > maxBytes) throw new Error(`${name} is larger than ${maxBytes} bytes`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of await stream(name)) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new Error(`${name} is larger than ${maxBytes} bytes`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  return { entries, problems, read, stream, close: () => zip.close() };
}

/**
 * Unpack the whole zip into `outDir` (replaced on success) within `limits`. Files go to a staging
 * folder first; on any refusal everything written is removed, so nothing is ever half-unpacked.
 */
export async function unpackZip(zipPath: string, outDir: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<UnpackOutcome> {
  let listing: ZipListing;
  try {
    listing = await readZip(zipPath, { maxEntries: limits.maxEntries });
  } catch (error) {
    if (error instanceof ZipLimitError) return { ok: false, entry: null, limit: error.limit, message: error.message };
    return { ok: false, entry: null, limit: null, message: `not a readable zip file: ${error instanceof Error ? error.message : String(error)}` };
  }
  const target = resolve(outDir);
  const staging = `${target}.unpacking`;
  let created: string | undefined;
  let current: string | null = null;
  try {
    const first = listing.problems[0];
    if (first) return { ok: false, entry: first.file, limit: null, message: first.message };
    const declared = [...listing.entries.values()].reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxUnpackedBytes)
      return { ok: false, entry: null, limit: "bytes", message: `the zip declares ${declared} bytes unpacked, over the limit of ${limits.maxUnpackedBytes}` };
    await rm(staging, { recursive: true, force: true });
    created = (await mkdir(staging, { recursive: true })) ?? staging;
    let total = 0;
    let files = 0;
    for (const [name, entry] of listing.entries) {
      current = name;
      const file = resolve(staging, name);
      if (!file.startsWith(staging + sep)) return { ok: false, entry: name, limit: null, message: "unsafe entry name in the zip: outside the folder" };
      if (name.endsWith("/")) {
        await mkdir(file, { recursive: true });
        continue;
      }
      await mkdir(dirname(file), { recursive: true });
      let inflated = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          inflated += chunk.length;
          total += chunk.length;
          if (total > limits.maxUnpackedBytes) return done(new ZipLimitError("bytes", `unpacking passed the limit of ${limits.maxUnpackedBytes} bytes in all`));
          if (inflated > RATIO_FLOOR_BYTES && inflated > limits.maxRatio * Math.max(1, entry.compressedSize)) {
            return done(new ZipLimitError("ratio", `inflates more than ${limits.maxRatio} times its ${entry.compressedSize} compressed bytes`));
          }
          done(null, chunk);
        },
      });
      await pipeline(await listing.stream(name), counter, createWriteStream(file));
      files += 1;
    }
    current = null;
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    created = undefined;
    return { ok: true, files, bytes: total };
  } catch (error) {
    const limit = error instanceof ZipLimitError ? error.limit : null;
    const message = error instanceof Error ? error.message : String(error);
    // yauzl checks the inflated bytes against the declared size (validateEntrySizes).
    const declared = current === null ? undefined : listing.entries.get(current)?.uncompressedSize;
    const lie = /^too many bytes in the stream/.test(message) && declared !== undefined;
    return { ok: false, entry: current, limit, message: lie ? `inflates to more than the ${declared} bytes the zip declares` : message };
  } finally {
    listing.close();
    if (created !== undefined) await rm(created, { recursive: true, force: true });
  }
}
