// A bound on how deeply author Markdown may nest, checked line by line before marked runs: marked
// recurses once per block quote, list and emphasis level (thousands of levels overflow the stack)
// and indented nesting costs it time and memory growing with the square of the depth. The estimate
// errs on the deep side (docs/course-format.md "Markdown": limits); fenced code is not counted.

/** The deepest nesting of block quotes + lists, and of emphasis, passmark renders. */
export const MAX_MARKDOWN_DEPTH = 32;

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const FENCE = /^(`{3,}|~{3,})/;
const CODE_SPAN = /(`+)[\s\S]*?\1/g;
const EMPHASIS_RUN = /[*_~]+/g;
const SPACE_OR_PUNCT = /[\s\p{P}\p{S}]/u;

interface LinePrefix {
  /** Block quote and list markers at the start of the line, plus indentation (2 columns a level). */
  depth: number;
  /** The line after its markers and indentation. */
  rest: string;
}

function linePrefix(line: string): LinePrefix {
  let markers = 0;
  let indent = 0;
  let i = 0;
  for (let afterMarker = false; ; afterMarker = true) {
    let columns = 0;
    while (i < line.length && (line[i] === " " || line[i] === "\t")) {
      columns += line[i] === "\t" ? 4 - (columns % 4) : 1;
      i++;
    }
    // The first space after a marker separates it from what follows: only the rest is indentation.
    indent += afterMarker ? Math.max(0, columns - 1) : columns;
    if (line[i] === ">") {
      markers++;
      i++;
      continue;
    }
    const list = LIST_MARKER.exec(line.slice(i, i + 11));
    if (list) {
      markers++;
      i += list[0].length;
      continue;
    }
    return { depth: markers + Math.floor(indent / 2), rest: line.slice(i) };
  }
}

/** How many emphasis marks (*, _, ~) a line leaves open, given `open` before it; the line where it passes `limit`. */
function emphasisAfter(rest: string, open: number, limit: number): { open: number; tooDeep: boolean } {
  const text = rest.replace(CODE_SPAN, " ");
  for (const match of text.matchAll(EMPHASIS_RUN)) {
    const before = match.index === 0 ? " " : text[match.index - 1]!;
    const after = text[match.index + match[0].length] ?? " ";
    const canOpen = !/\s/.test(after) && SPACE_OR_PUNCT.test(before);
    const canClose = !/\s/.test(before) && SPACE_OR_PUNCT.test(after);
    if (canOpen && !canClose) {
      open++;
      if (open > limit) return { open, tooDeep: true };
    } else if (canClose && !canOpen) {
      open = Math.max(0, open - match[0].length);
    }
  }
  return { open, tooDeep: false };
}

/** A message ("line 3: block quotes and lists nested 3000 deep, …") when `markdown` nests too deep, else null. */
export function markdownNestingProblem(markdown: string, limit: number = MAX_MARKDOWN_DEPTH): string | null {
  const lines = markdown.split(/\r\n|\r|\n/);
  let fence: string | null = null;
  let emphasis = 0;
  for (const [index, line] of lines.entries()) {
    const { depth, rest } = linePrefix(line);
    const fenceMark = FENCE.exec(rest)?.[1];
    if (fence !== null) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && rest.slice(fenceMark.length).trim() === "") fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      emphasis = 0;
      continue;
    }
    if (depth > limit) {
      return `line ${index + 1}: block quotes and lists nested ${depth} deep, more than ${limit} (the most passmark renders; indentation counts 2 spaces a level): flatten the nesting`;
    }
    if (rest.trim() === "") {
      emphasis = 0; // a blank line ends the paragraph, and every emphasis left open in it
      continue;
    }
    const inline = emphasisAfter(rest, emphasis, limit);
    if (inline.tooDeep) {
      return `line ${index + 1}: emphasis nested more than ${limit} deep (the most passmark renders): close the *, _ or ~ marks you open, or put the text in \`code\``;
    }
    emphasis = inline.open;
  }
  return null;
}
