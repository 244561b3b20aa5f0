// The size a course video is shown at, read at build time and written into its <video> so that the
// page keeps the video's space before its metadata arrives: nothing below it moves when it does, and
// a press on a button under it (Next) is not lost half-way (docs/course-format.md "Media"). Reads the
// video track's header: MP4, M4V and QuickTime (ISO/IEC 14496-12 §8.3.2, the track header box, turned
// by its matrix) and WebM (the Matroska Tracks element). Reads a bounded part of the file whatever its
// size; a video whose size cannot be read is left without one (the player then keeps a 16:9 box).
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

export interface VideoSize {
  width: number;
  height: number;
}

/** At most this many top-level boxes are stepped over looking for the movie box (MP4). */
const MAX_TOP_LEVEL_BOXES = 4_096;
/** A movie box larger than this is not read (its size is left unknown). */
const MAX_MOVIE_BOX_BYTES = 64 * 1024 * 1024;
/** How much of a WebM file is read: its Tracks come before the first cluster, near the start. */
const WEBM_HEAD_BYTES = 1024 * 1024;
/** The largest side taken as real (CSS pixels): beyond it the header is taken as damaged. */
const MAX_SIDE = 16_384;

/** The video's display size in CSS pixels (as a browser's videoWidth/videoHeight), or null. */
export function readVideoSize(file: string): VideoSize | null {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return null; // reported elsewhere when the file itself is the problem (course-files.ts)
  }
  try {
    const magic = readAt(fd, 0, 4); // an EBML header (WebM) or the first ISO box
    if (magic.length >= 4 && magic[0] === 0x1a && magic[1] === 0x45 && magic[2] === 0xdf && magic[3] === 0xa3)
      return checked(webmSize(readAt(fd, 0, WEBM_HEAD_BYTES)));
    return checked(isoSize(fd));
  } catch {
    return null; // a read failed or the file is not what it claims: no size, no error
  } finally {
    closeSync(fd);
  }
}

function checked(size: VideoSize | null): VideoSize | null {
  if (size === null) return null;
  const ok = (n: number) => Number.isInteger(n) && n > 0 && n <= MAX_SIDE;
  return ok(size.width) && ok(size.height) ? size : null;
}

function readAt(fd: number, position: number, length: number): Uint8Array {
  const buffer = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const read = readSync(fd, buffer, filled, length - filled, position + filled);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

// ---- ISO base media (MP4, M4V, QuickTime) ----

interface Box {
  type: string;
  /** Offset of the box's content (after its header) and the content's length. */
  start: number;
  length: number;
}

function boxType(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

/** The size of the first video track in the file's movie box ("moov"), found by stepping over the top-level boxes. */
function isoSize(fd: number): VideoSize | null {
  const fileSize = fstatSync(fd).size;
  let offset = 0;
  for (let count = 0; count < MAX_TOP_LEVEL_BOXES && offset + 8 <= fileSize; count++) {
    const header = readAt(fd, offset, 16);
    if (header.length < 8) return null;
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    let size = view.getUint32(0);
    let headerLength = 8;
    if (size === 1) {
      if (header.length < 16) return null;
      size = Number(view.getBigUint64(8));
      headerLength = 16;
    } else if (size === 0) size = fileSize - offset; // to the end of the file
    if (size < headerLength || offset + size > fileSize) return null;
    if (count === 0 && !["ftyp", "moov", "mdat", "free", "skip", "wide", "pnot"].includes(boxType(header, 4))) return null; // not an ISO file
    if (boxType(header, 4) === "moov") {
      if (size > MAX_MOVIE_BOX_BYTES) return null;
      const movie = readAt(fd, offset + headerLength, size - headerLength);
      return movieVideoSize(movie);
    }
    offset += size;
  }
  return null;
}

/** The child boxes of `bytes[start, start + length)`; stops at the first box that does not fit. */
function children(bytes: Uint8Array, start: number, length: number): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Box[] = [];
  const end = Math.min(start + length, bytes.length);
  let at = start;
  while (at + 8 <= end) {
    let size = view.getUint32(at);
    let headerLength = 8;
    if (size === 1) {
      if (at + 16 > end) break;
      size = Number(view.getBigUint64(at + 8));
      headerLength = 16;
    } else if (size === 0) size = end - at;
    if (size < headerLength || at + size > end) break;
    boxes.push({ type: boxType(bytes, at + 4), start: at + headerLength, length: size - headerLength });
    at += size;
  }
  return boxes;
}

function movieVideoSize(movie: Uint8Array): VideoSize | null {
  const view = new DataView(movie.buffer, movie.byteOffset, movie.byteLength);
  for (const track of children(movie, 0, movie.length).filter((b) => b.type === "trak")) {
    const parts = children(movie, track.start, track.length);
    const header = parts.find((b) => b.type === "tkhd");
    const media = parts.find((b) => b.type === "mdia");
    if (header === undefined || media === undefined) continue;
    const handler = children(movie, media.start, media.length).find((b) => b.type === "hdlr");
    // hdlr: version and flags (4), pre_defined (4), handler_type (4).
    if (handler === undefined || handler.length < 12 || boxType(movie, handler.start + 8) !== "vide") continue;
    // tkhd, version 0 / 1: times and ids (20 / 32 bytes after version and flags), reserved (8),
    // layer, alternate group, volume, reserved (2 each), the matrix (9 × 4), then width and height (16.16).
    const version = movie[header.start]!;
    const matrixAt = header.start + 4 + (version === 1 ? 32 : 20) + 16;
    if (header.length < matrixAt - header.start + 36 + 8) continue;
    const width = Math.round(view.getUint32(matrixAt + 36) / 65_536);
    const height = Math.round(view.getUint32(matrixAt + 40) / 65_536);
    if (width === 0 || height === 0) continue;
    // The matrix's a and d are zero for a quarter turn (90° or 270°): the picture is shown turned.
    const quarterTurn = view.getInt32(matrixAt) === 0 && view.getInt32(matrixAt + 16) === 0;
    return quarterTurn ? { width: height, height: width } : { width, height };
  }
  return null;
}

// ---- WebM (Matroska) ----

const EBML_ID = {
  segment: 0x18538067,
  tracks: 0x1654ae6b,
  cluster: 0x1f43b675,
  trackEntry: 0xae,
  trackType: 0x83,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  pixelCropBottom: 0x54aa,
  pixelCropTop: 0x54bb,
  pixelCropLeft: 0x54cc,
  pixelCropRight: 0x54dd,
  displayWidth: 0x54b0,
  displayHeight: 0x54ba,
  displayUnit: 0x54b2,
} as const;

interface Element {
  id: number;
  start: number;
  /** null: unknown size (runs to the end of its parent). */
  length: number | null;
}

/** A variable-length integer at `at` (EBML): its value (with its length marker kept for ids) and width. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; width: number; allOnes: boolean } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const width = Math.clz32(first) - 23; // 1 for 0b1xxxxxxx … 8 for 0b00000001
  if (at + width > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> width);
  let allOnes = value === 0xff >> width;
  for (let i = 1; i < width; i++) {
    value = value * 256 + bytes[at + i]!;
    if (bytes[at + i] !== 0xff) allOnes = false;
  }
  return { value, width, allOnes };
}

function elements(bytes: Uint8Array, start: number, end: number): Element[] {
  const found: Element[] = [];
  let at = start;
  while (at < end) {
    const id = vint(bytes, at, true);
    if (id === null || id.width > 4) break;
    const size = vint(bytes, at + id.width, false);
    if (size === null) break;
    const contentStart = at + id.width + size.width;
    if (size.allOnes) {
      found.push({ id: id.value, start: contentStart, length: null });
      break; // unknown size: its children follow to the end of the parent
    }
    found.push({ id: id.value, start: contentStart, length: size.value });
    at = contentStart + size.value;
  }
  return found;
}

function unsigned(bytes: Uint8Array, element: Element): number {
  let value = 0;
  for (let i = 0; i < (element.length ?? 0) && i < 8; i++) value = value * 256 + (bytes[element.start + i] ?? 0);
  return value;
}

function webmSize(head: Uint8Array): VideoSize | null {
  const segment = elements(head, 0, head.length).find((e) => e.id === EBML_ID.segment);
  if (segment === undefined) return null;
  const segmentEnd = segment.length === null ? head.length : Math.min(head.length, segment.start + segment.length);
  // Tracks come before the clusters; a level-1 element of unknown size (a live cluster) ends the walk.
  let tracks: Element | undefined;
  let at = segment.start;
  while (at < segmentEnd && tracks === undefined) {
    const [element] = elements(head, at, segmentEnd);
    if (element === undefined || element.id === EBML_ID.cluster || element.length === null) return null;
    if (element.id === EBML_ID.tracks) tracks = element;
    at = element.start + element.length;
  }
  if (tracks === undefined || tracks.length === null) return null;
  for (const entry of elements(head, tracks.start, Math.min(head.length, tracks.start + tracks.length))) {
    if (entry.id !== EBML_ID.trackEntry || entry.length === null) continue;
    const fields = elements(head, entry.start, Math.min(head.length, entry.start + entry.length));
    const type = fields.find((f) => f.id === EBML_ID.trackType);
    const video = fields.find((f) => f.id === EBML_ID.video);
    if (type === undefined || unsigned(head, type) !== 1 || video === undefined || video.length === null) continue;
    const settings = new Map(elements(head, video.start, Math.min(head.length, video.start + video.length)).map((e) => [e.id, unsigned(head, e)]));
    const crop = (id: number) => settings.get(id) ?? 0;
    const width = (settings.get(EBML_ID.pixelWidth) ?? 0) - crop(EBML_ID.pixelCropLeft) - crop(EBML_ID.pixelCropRight);
    const height = (settings.get(EBML_ID.pixelHeight) ?? 0) - crop(EBML_ID.pixelCropTop) - crop(EBML_ID.pixelCropBottom);
    const displayWidth = settings.get(EBML_ID.displayWidth);
    const displayHeight = settings.get(EBML_ID.displayHeight);
    const unit = settings.get(EBML_ID.displayUnit) ?? 0;
    if (displayWidth === undefined || displayHeight === undefined || displayWidth === 0 || displayHeight === 0) return { width, height };
    if (unit === 0) return { width: displayWidth, height: displayHeight }; // pixels
    if (unit === 3) return { width: Math.round((height * displayWidth) / displayHeight), height }; // an aspect ratio
    return null; // centimetres or inches: a browser's size for it is not predictable here
  }
  return null;
}
