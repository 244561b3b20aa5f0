// The Range header of a GET on a file of `size` bytes (RFC 9110 §14): one range, "bytes=a-b",
// "bytes=a-" or the suffix "bytes=-n" (the last n bytes). A header we do not take (none, several
// ranges, another unit, last < first) is ignored and the whole file sent; a range starting past the
// end, or an empty suffix, cannot be satisfied (416).
export type ByteRange = { kind: "whole" } | { kind: "part"; start: number; end: number } | { kind: "unsatisfiable" };

export function byteRange(header: string | undefined, size: number): ByteRange {
  const match = /^bytes=(\d*)-(\d*)$/.exec((header ?? "").trim());
  if (!match || (!match[1] && !match[2])) return { kind: "whole" };
  if (!match[1]) {
    const suffix = Number(match[2]);
    return suffix === 0 || size === 0 ? { kind: "unsatisfiable" } : { kind: "part", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  if (match[2] && Number(match[2]) < start) return { kind: "whole" };
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "part", start, end: Math.min(match[2] ? Number(match[2]) : size - 1, size - 1) };
}
