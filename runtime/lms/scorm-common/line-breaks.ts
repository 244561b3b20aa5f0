// Text for a SCORM string element on one line. SCORM's characterstring types allow a line break, but
// an LMS that checks these elements with a "." regular expression refuses one: scorm-again (the LMS
// side of the preview and of LMSs built on it) answers SetValue of "a\nb" with 406 in 2004 and 405 in
// 1.2, and the value is lost (docs/rules/interactions.md §5).

/** A line break (CR LF, LF, CR, U+2028, U+2029) with the blanks around it, one run of them. */
const LINE_BREAKS = /[^\S\r\n\u2028\u2029]*(?:\r\n|[\n\r\u2028\u2029])\s*/g;

/** Each run of line breaks (and the blanks around it) becomes " / "; every other character is kept. */
export function lineBreaksAsSlashes(text: string): string {
  return text.replace(LINE_BREAKS, " / ");
}

/** True when `text` holds a line break. */
export function hasLineBreak(text: string): boolean {
  return /[\n\r\u2028\u2029]/.test(text);
}
