// Reads a zip's central directory (names only) and single entries on demand, with yauzl.
// File names are decoded and checked here so that an unsafe name becomes a reported problem
// instead of an exception that hides every other finding.
import { fstat, open } from "node:fs";
import { promisify } from "node:util";
import yauzl from "yauzl";
import type { Entry, ZipFile } from "yauzl";
import { BlockReader } from "./block-reader";
import type { PackageProblem } from "./report";

export interface ZipListing {
  /** Entries by decoded name; directories end with "/". */
  entries: Map<string, Entry>;
  /** Names that are unsafe (absolute, "..", backslashes) or duplicated. */
  problems: PackageProblem[];
  read(name: string, maxBytes?: number): Promise<Buffer>;
  close(): void;
}

const openFd = promisify(open);
const fstatFd = promisify(fstat);

async function openZip(path: string): Promise<ZipFile> {
  // Through a read-ahead reader: listing a zip of 50,000 entries takes one read per MiB of its
  // central directory instead of two per entry (block-reader.ts).
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
      else resolve(zip);
    });
  });
}

function readAllEntries(zip: ZipFile): Promise<Entry[]> {
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

function problem(rule: string, file: string, message: string): PackageProblem {
  return { rule, severity: "error", file, line: null, message };
}

export async function readZip(path: string): Promise<ZipListing> {
  const zip = await openZip(path);
  const raw = await readAllEntries(zip);
  const entries = new Map<string, Entry>();
  const problems: PackageProblem[] = [];
  for (const entry of raw) {
    const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
    const unsafe = yauzl.validateFileName(name);
    if (unsafe !== null) problems.push(problem("zip/unsafe-entry-name", name, `unsafe entry name in the zip: ${unsafe}`));
    else if (name.includes("\\")) problems.push(problem("zip/unsafe-entry-name", name, "entry name contains a backslash; zip paths use forward slashes"));
    if (entries.has(name)) problems.push(problem("zip/duplicate-entry", name, "the zip holds two entries with this name"));
    entries.set(name, entry);
  }

  async function read(name: string, maxBytes = 64 * 1024 * 1024): Promise<Buffer> {
    const entry = entries.get(name);
    if (!entry) throw new Error(`${name} is not in the zip`);
    if (entry.uncompressedSize > maxBytes) throw new Error(`${name} is larger than ${maxBytes} bytes`);
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  return { entries, problems, read, close: () => zip.close() };
}
