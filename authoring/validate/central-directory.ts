// Lists a zip's central directory in one pass over its bytes (APPNOTE.TXT §4.3.12 file headers,
// §4.5.3 the Zip64 extended information field). yauzl finds and checks the end records; listing its
// entries one event at a time — two reads, buffers and callbacks per entry — cost about a second
// for 50,000 entries. Here a 1 MiB window of the directory serves thousands of records, decoded
// into yauzl's own Entry objects (so yauzl opens their data as before) with yauzl's checks.
import { read } from "node:fs";
import { promisify } from "node:util";
import yauzl from "yauzl";
import type { Entry } from "yauzl";

const readFd = promisify(read);

const WINDOW_BYTES = 1024 * 1024;
const HEADER_BYTES = 46;
const SIGNATURE = 0x02014b50;
const ZIP64_FIELD = 0x0001;
const MAX_32 = 0xffffffff;
const EMPTY = Buffer.alloc(0);

/** Where the central directory starts and how many entries it declares (from yauzl's end records). */
export interface DirectoryStart {
  offset: number;
  entryCount: number;
}

function readUInt64(buffer: Buffer, at: number): number {
  return buffer.readUInt32LE(at + 4) * 0x100000000 + buffer.readUInt32LE(at);
}

/** Replaces the 0xFFFFFFFF placeholders by the Zip64 values, in their fixed order (§4.5.3). */
function applyZip64(entry: Entry): void {
  const field = entry.extraFields.find((f) => f.id === ZIP64_FIELD);
  if (!field) return;
  let at = 0;
  const take = (what: string): number => {
    if (at + 8 > field.data.length) throw new Error(`zip64 extended information extra field does not include ${what}`);
    const value = readUInt64(field.data, at);
    at += 8;
    return value;
  };
  if (entry.uncompressedSize === MAX_32) entry.uncompressedSize = take("uncompressed size");
  if (entry.compressedSize === MAX_32) entry.compressedSize = take("compressed size");
  if (entry.relativeOffsetOfLocalHeader === MAX_32) entry.relativeOffsetOfLocalHeader = take("relative header offset");
}

/** One central directory file header at `at` of `bytes` (which holds all of it). */
function decodeHeader(bytes: Buffer, at: number): Entry {
  const entry = new yauzl.Entry();
  entry.versionMadeBy = bytes.readUInt16LE(at + 4);
  entry.versionNeededToExtract = bytes.readUInt16LE(at + 6);
  entry.generalPurposeBitFlag = bytes.readUInt16LE(at + 8);
  entry.compressionMethod = bytes.readUInt16LE(at + 10);
  entry.lastModFileTime = bytes.readUInt16LE(at + 12);
  entry.lastModFileDate = bytes.readUInt16LE(at + 14);
  entry.crc32 = bytes.readUInt32LE(at + 16);
  entry.compressedSize = bytes.readUInt32LE(at + 20);
  entry.uncompressedSize = bytes.readUInt32LE(at + 24);
  entry.fileNameLength = bytes.readUInt16LE(at + 28);
  entry.extraFieldLength = bytes.readUInt16LE(at + 30);
  entry.fileCommentLength = bytes.readUInt16LE(at + 32);
  entry.internalFileAttributes = bytes.readUInt16LE(at + 36);
  entry.externalFileAttributes = bytes.readUInt32LE(at + 38);
  entry.relativeOffsetOfLocalHeader = bytes.readUInt32LE(at + 42);
  if (entry.generalPurposeBitFlag & 0x40) throw new Error("strong encryption is not supported");
  const nameEnd = at + HEADER_BYTES + entry.fileNameLength;
  const extraEnd = nameEnd + entry.extraFieldLength;
  entry.fileNameRaw = bytes.subarray(at + HEADER_BYTES, nameEnd);
  // Most entries have no comment and few have extra fields: one shared empty buffer for those.
  entry.extraFieldRaw = entry.extraFieldLength === 0 ? EMPTY : bytes.subarray(nameEnd, extraEnd);
  entry.fileCommentRaw = entry.fileCommentLength === 0 ? EMPTY : bytes.subarray(extraEnd, extraEnd + entry.fileCommentLength);
  entry.extraFields = entry.extraFieldLength === 0 ? [] : yauzl.parseExtraFields(entry.extraFieldRaw);
  // Names are decoded by the caller (yauzl's decodeStrings: false): raw bytes here, as yauzl leaves them.
  (entry as unknown as { fileName: Buffer }).fileName = entry.fileNameRaw;
  (entry as unknown as { fileComment: Buffer; comment: Buffer }).fileComment = entry.fileCommentRaw;
  (entry as unknown as { comment: Buffer }).comment = entry.fileCommentRaw;
  applyZip64(entry);
  if (entry.compressionMethod === 0) {
    // A stored entry's data is its bytes (plus the 12-byte header of traditional encryption).
    const expected = entry.uncompressedSize + (entry.isEncrypted() ? 12 : 0);
    if (entry.compressedSize !== expected) {
      throw new Error(`compressed/uncompressed size mismatch for stored file: ${entry.compressedSize} != ${entry.uncompressedSize}`);
    }
  }
  return entry;
}

/**
 * Every entry of the central directory at `start`, in order. Reads the file in windows of 1 MiB
 * (a record is at most 46 + 3 × 65,535 bytes, so one always fits); names are left raw.
 */
export async function listCentralDirectory(fd: number, fileSize: number, start: DirectoryStart): Promise<Entry[]> {
  const entries: Entry[] = [];
  let window = Buffer.alloc(0);
  let windowStart = start.offset;
  let at = 0;
  /** Makes bytes [at, at + length) of the window available, reading on; false at the end of the file. */
  const ensure = async (length: number): Promise<boolean> => {
    if (at + length <= window.length) return true;
    const keep = window.subarray(at);
    const position = windowStart + at;
    const wanted = Math.min(Math.max(WINDOW_BYTES, length), fileSize - position);
    if (wanted < length) return false;
    const next = Buffer.allocUnsafe(wanted);
    keep.copy(next, 0);
    const want = wanted - keep.length;
    const { bytesRead } = await readFd(fd, next, keep.length, want, position + keep.length);
    if (bytesRead < want) return false;
    window = next;
    windowStart = position;
    at = 0;
    return true;
  };
  for (let i = 0; i < start.entryCount; i++) {
    if (at + HEADER_BYTES > window.length && !(await ensure(HEADER_BYTES))) throw new Error("unexpected EOF");
    const signature = window.readUInt32LE(at);
    if (signature !== SIGNATURE) throw new Error(`invalid central directory file header signature: 0x${signature.toString(16)}`);
    const variable = window.readUInt16LE(at + 28) + window.readUInt16LE(at + 30) + window.readUInt16LE(at + 32);
    if (at + HEADER_BYTES + variable > window.length && !(await ensure(HEADER_BYTES + variable))) throw new Error("unexpected EOF");
    entries.push(decodeHeader(window, at));
    at += HEADER_BYTES + variable;
  }
  return entries;
}
