// Makes untrusted text (zip entry names, manifest identifiers, hrefs, titles, parser messages that
// quote them) safe to print: control characters become visible escapes instead of reaching the
// terminal, where ESC / CSI sequences could recolour, retitle, clear or forge report lines and bidi
// overrides could reorder what the reader sees.

/** C0 controls, DEL, C1 controls, bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same set minus C0, which JSON.stringify already escapes. */
const UNSAFE_AFTER_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, digits: number): string => c.charCodeAt(0).toString(16).padStart(digits, "0");

/** "\x1b" for C0 / DEL / C1, "\u202e" for the bidi controls; everything else unchanged. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/** JSON.stringify whose output holds none of those characters raw; JSON.parse still gives the original text. */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_AFTER_JSON, (c) => `\\u${hex(c, 4)}`);
}
