// The intrinsic size of a course image, written into its <img> at build time so that the page keeps
// the image's space before the image arrives: nothing below it moves when it does, and a press on a
// button under it (Next) is not lost half-way (docs/course-format.md "Images"). Reads at most the
// first 512 KiB of the file; an image whose size cannot be read is simply left without one.
import { closeSync, openSync, readSync } from "node:fs";
import { imageSize } from "image-size";

export interface ImageSize {
  width: number;
  height: number;
}

/** How much of a file is read to find its size (every format image-size knows has it in its header). */
const HEAD_BYTES = 512 * 1024;

/**
 * The width and height (CSS pixels) the browser gives the image when nothing else sizes it, or null.
 * `proportionsOnly`: the caller's CSS sets one side (the header's logo), so an SVG sized by its
 * viewBox alone counts too: only its proportions are used.
 */
export function readImageSize(file: string, proportionsOnly = false): ImageSize | null {
  let head: Uint8Array;
  try {
    head = readHead(file);
  } catch {
    return null; // reported elsewhere when the file itself is the problem (course-files.ts)
  }
  let found;
  try {
    found = imageSize(head);
  } catch {
    return null; // not a format image-size knows, or cut short: no size, no error
  }
  if (found.type === "svg" && !proportionsOnly && !hasAbsoluteSize(head)) return null;
  let { width, height } = found;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width! <= 0 || height! <= 0) return null;
  // EXIF orientations 5–8 turn the picture a quarter: the browser shows it turned (image-orientation: from-image).
  if (found.orientation !== undefined && found.orientation >= 5) [width, height] = [height, width];
  return { width: width!, height: height! };
}

/**
 * An SVG has a size of its own only with both width and height in absolute units. One sized by its
 * viewBox alone, or in percent, fills the width it is given: a size written from the viewBox would
 * shrink it to that box, so it is left as the author drew it.
 */
function hasAbsoluteSize(head: Uint8Array): boolean {
  const root = /<svg\s(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(new TextDecoder().decode(head))?.[0];
  if (root === undefined) return false;
  const absolute = (name: string) => {
    const value = new RegExp(`\\s${name}\\s*=\\s*(["'])\\s*([^"']*?)\\s*\\1`).exec(root)?.[2];
    return value !== undefined && /^(?:\d+(?:\.\d+)?|\.\d+)(?:px|pt|pc|in|cm|mm)?$/.test(value);
  };
  return absolute("width") && absolute("height");
}

function readHead(file: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
