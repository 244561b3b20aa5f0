// WCAG 2.x contrast: the relative luminance of an sRGB colour and the contrast ratio of two colours
// (WCAG 2.2, "relative luminance" and "contrast ratio" definitions; SC 1.4.3 and 1.4.11 thresholds).

/** "#rgb" or "#rrggbb" → [r, g, b] in 0..255; null for anything else. */
export function parseHexColour(text: string): [number, number, number] | null {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text);
  if (short) return [parseInt(short[1]! + short[1]!, 16), parseInt(short[2]! + short[2]!, 16), parseInt(short[3]! + short[3]!, 16)];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text);
  return long ? [parseInt(long[1]!, 16), parseInt(long[2]!, 16), parseInt(long[3]!, 16)] : null;
}

function channel(value: number): number {
  const c = value / 255;
  // WCAG 2.2 writes 0.04045 (the sRGB standard's value); the older 0.03928 gives the same result for 8-bit channels.
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance 0 (black) .. 1 (white) of a "#rgb" / "#rrggbb" colour. */
export function relativeLuminance(colour: string): number {
  const rgb = parseHexColour(colour);
  if (!rgb) throw new Error(`not a hex colour: ${colour}`);
  return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

/** (L1 + 0.05) / (L2 + 0.05), the lighter colour on top: 1 .. 21. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** A ratio as the author reads it, never rounded up past a threshold: 4.499 → "4.49:1". */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/** `colour` moved towards `target` by `share` (0..1), channel by channel in sRGB: "#rrggbb". */
export function mixColour(colour: string, target: string, share: number): string {
  const [a, b] = [parseHexColour(colour), parseHexColour(target)];
  if (!a || !b) throw new Error(`not a hex colour: ${a ? target : colour}`);
  return (
    "#" +
    a
      .map((v, i) =>
        Math.round(v + (b[i]! - v) * share)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")
  );
}
