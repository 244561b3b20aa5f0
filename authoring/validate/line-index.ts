// Finds the manifest line a finding points at. Built lazily on the first lookup (a clean manifest
// never pays for it): a newline index searched by bisection, and an index of every attribute, so a
// manifest with thousands of findings costs one pass over its text, not one pass per finding.

/** Finds the line of a piece of manifest text (`name="value"` or any other text), null when absent. */
export type Locate = (needle: string, options?: { last?: boolean }) => number | null;

/** Offsets of every "\n" in `text`, ascending. */
export function newlineOffsets(text: string): Uint32Array {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  const offsets = new Uint32Array(count);
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) offsets[n++] = i;
  return offsets;
}

/** 1-based line of `offset`: one more than the number of newlines before it (binary search). */
export function lineOfOffset(newlines: Uint32Array, offset: number): number {
  let low = 0;
  let high = newlines.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (newlines[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low + 1;
}

const ATTRIBUTE_NEEDLE = /^[A-Za-z_][\w.:-]*="[^"]*"$/;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** First and last offset of every `name="value"` written in the text (either quote), keyed as `name="value"`. */
function attributeOffsets(text: string): Map<string, { first: number; last: number }> {
  const index = new Map<string, { first: number; last: number }>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    const key = `${match[1]}="${match[2] ?? match[3] ?? ""}"`;
    const seen = index.get(key);
    if (seen) seen.last = match.index;
    else index.set(key, { first: match.index, last: match.index });
  }
  return index;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

export function lineLocator(text: string): Locate {
  let newlines: Uint32Array | null = null;
  let attributes: Map<string, { first: number; last: number }> | null = null;

  const offsetOf = (needle: string, last: boolean): number => {
    if (ATTRIBUTE_NEEDLE.test(needle)) {
      attributes ??= attributeOffsets(text);
      const eq = needle.indexOf("=");
      const name = needle.slice(0, eq);
      const value = needle.slice(eq + 2, -1);
      const found = attributes.get(`${name}="${escapeXml(value)}"`) ?? attributes.get(needle);
      return found ? (last ? found.last : found.first) : -1;
    }
    const escaped = escapeXml(needle);
    const at = last ? text.lastIndexOf(escaped) : text.indexOf(escaped);
    return at >= 0 ? at : last ? text.lastIndexOf(needle) : text.indexOf(needle);
  };

  return (needle, options = {}) => {
    const at = offsetOf(needle, options.last === true);
    if (at < 0) return null;
    newlines ??= newlineOffsets(text);
    return lineOfOffset(newlines, at);
  };
}
