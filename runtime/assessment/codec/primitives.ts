// Low-level pieces of the resume-state codec: base-36 integers, base-64 digits and bit sets, text
// escaping. Everything encodes to printable ASCII without the codec's separators  | ; , : * ~ = ' !

/** Thrown by decoders on malformed input; the public decodeState turns it into "no usable state". */
export class CodecError extends Error {}

export function fail(message: string): never {
  throw new CodecError(message);
}

/** Integers in base 36 ("-" for negatives); anything else as "#" + its decimal form. */
export function encodeInt(n: number): string {
  return Number.isSafeInteger(n) ? n.toString(36) : `#${String(n)}`;
}

export function decodeInt(text: string): number {
  if (text.startsWith("#")) return decodeNumber(text.slice(1));
  if (!/^-?[0-9a-z]+$/.test(text)) fail(`bad integer ${JSON.stringify(text)}`);
  const n = parseInt(text, 36);
  if (!Number.isSafeInteger(n)) fail(`integer out of range ${JSON.stringify(text)}`);
  return n;
}

/** Any finite number, exactly (shortest round-tripping decimal form). */
export function encodeNumber(n: number): string {
  return String(n);
}

export function decodeNumber(text: string): number {
  if (!/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) fail(`bad number ${JSON.stringify(text)}`);
  const n = Number(text);
  if (!Number.isFinite(n)) fail(`number out of range ${JSON.stringify(text)}`);
  return n;
}

export function encodeNullableNumber(n: number | null): string {
  return n === null ? "~" : encodeNumber(n);
}

export function decodeNullableNumber(text: string): number | null {
  return text === "~" ? null : decodeNumber(text);
}

const B64 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/** Characters needed to write any index below `count` in fixed-width base 64. */
export function digitWidth(count: number): number {
  let width = 1;
  for (let cap = 64; cap < count; cap *= 64) width++;
  return width;
}

export function encodeDigits(index: number, width: number): string {
  let out = "";
  for (let i = 0; i < width; i++) {
    out = (B64[index % 64] as string) + out;
    index = Math.floor(index / 64);
  }
  return out;
}

export function decodeDigits(text: string, limit: number): number {
  let n = 0;
  for (const ch of text) {
    const d = B64.indexOf(ch);
    if (d < 0) fail(`bad digit ${JSON.stringify(ch)}`);
    n = n * 64 + d;
  }
  if (n >= limit) fail(`index ${n} out of range (${limit})`);
  return n;
}

/** A fixed-width list of indices, each below `count`. */
export function encodeIndexList(indices: number[], count: number): string {
  const width = digitWidth(count);
  return indices.map((i) => encodeDigits(i, width)).join("");
}

export function decodeIndexList(text: string, count: number): number[] {
  const width = digitWidth(count);
  if (text.length % width !== 0) fail("index list has a bad length");
  const out: number[] = [];
  for (let i = 0; i < text.length; i += width) out.push(decodeDigits(text.slice(i, i + width), count));
  return out;
}

/** A set of indices below `size` as a bit set, 6 bits per character. */
export function encodeBits(members: ReadonlySet<number>, size: number): string {
  let out = "";
  for (let start = 0; start < size; start += 6) {
    let d = 0;
    for (let bit = 0; bit < 6; bit++) if (members.has(start + bit)) d |= 1 << bit;
    out += B64[d];
  }
  return out;
}

export function decodeBits(text: string, size: number): Set<number> {
  if (text.length !== Math.ceil(size / 6)) fail("bit set has a bad length");
  const members = new Set<number>();
  [...text].forEach((ch, i) => {
    const d = B64.indexOf(ch);
    if (d < 0) fail(`bad bit-set digit ${JSON.stringify(ch)}`);
    for (let bit = 0; bit < 6; bit++) {
      if (d & (1 << bit)) {
        if (i * 6 + bit >= size) fail("bit set names an item beyond the list");
        members.add(i * 6 + bit);
      }
    }
  });
  return members;
}

/** Text: URI escaping plus the few characters it leaves that the codec uses as separators. */
export function escapeText(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function unescapeText(text: string): string {
  if (!/^[A-Za-z0-9\-_.%]*$/.test(text)) fail("bad text escape");
  try {
    return decodeURIComponent(text);
  } catch {
    return fail("bad text escape");
  }
}

/** 32-bit FNV-1a of a string, base 36: the course fingerprint. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Split that insists on an exact number of parts. */
export function splitExact(text: string, separator: string, count: number, what: string): string[] {
  const parts = text.split(separator);
  if (parts.length !== count) fail(`${what}: expected ${count} fields, found ${parts.length}`);
  return parts;
}
