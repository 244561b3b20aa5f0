// Finds a manifest's DOCTYPE (and the ENTITY declarations in it) and blanks it out before any XML
// parser sees the manifest: libxml2 expands internal entities and loads external ones while it
// checks a document against a schema, so a DOCTYPE is an entity-expansion and XXE surface. Neither
// SCORM CAM nor cmi5 §14 manifests use one (both are defined by XML Schema).
// Blanking keeps every byte offset and newline, so the lines parsers report stay right.

export interface Doctype {
  /** 1-based line of "<!DOCTYPE". */
  line: number;
  /** Names of the entities it declares (parameter entities with their "%"). */
  entities: string[];
  /** The manifest bytes with the whole declaration replaced by spaces (newlines kept). */
  blanked: Buffer;
}

type Encoding = "utf16le" | "utf16be" | "bytes";

/** UTF-16 (by byte order mark or by the first "<" being two bytes), else one byte per character. */
function encodingOf(bytes: Buffer): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf16be";
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return "utf16le";
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return "utf16be";
  return "bytes";
}

/** One character per code unit: latin1 for UTF-8 and other ASCII-compatible encodings (markup is ASCII). */
function codeUnits(bytes: Buffer, encoding: Encoding): string {
  if (encoding === "bytes") return bytes.toString("latin1");
  if (encoding === "utf16le") return bytes.toString("utf16le");
  return Buffer.from(bytes).swap16().toString("utf16le");
}

/** Index just past `close`, searching from `from`; the end of the text when it never comes. */
function skipPast(text: string, from: number, close: string): number {
  const at = text.indexOf(close, from);
  return at < 0 ? text.length : at + close.length;
}

/** Start of "<!DOCTYPE" in the prolog (after a byte order mark, the XML declaration, comments, PIs, whitespace), or -1. */
function doctypeStart(text: string): number {
  let i = text.startsWith("\uFEFF") ? 1 : text.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) i++;
    else if (text.startsWith("<?", i)) i = skipPast(text, i + 2, "?>");
    else if (text.startsWith("<!--", i)) i = skipPast(text, i + 4, "-->");
    else return text.startsWith("<!DOCTYPE", i) ? i : -1;
  }
  return -1;
}

/** End (exclusive) of the declaration starting at `start`: its ">" outside quotes, comments and the internal subset. */
function doctypeEnd(text: string, start: number): number {
  let inSubset = false;
  let i = start + "<!DOCTYPE".length;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") i = skipPast(text, i + 1, c);
    else if (text.startsWith("<!--", i)) i = skipPast(text, i + 4, "-->");
    else if (text.startsWith("<?", i)) i = skipPast(text, i + 2, "?>");
    else if (c === "[") ((inSubset = true), i++);
    else if (c === "]") ((inSubset = false), i++);
    else if (c === ">" && !inSubset) return i + 1;
    else i++;
  }
  return text.length;
}

export function findDoctype(bytes: Buffer): Doctype | null {
  const encoding = encodingOf(bytes);
  const text = codeUnits(bytes, encoding);
  const start = doctypeStart(text);
  if (start < 0) return null;
  const end = doctypeEnd(text, start);
  const declaration = text.slice(start, end);
  const entities = [...declaration.matchAll(/<!ENTITY\s+(%\s*)?([^\s"'>]+)/g)].map((m) => (m[1] ? `%${m[2]}` : m[2]!));

  const blanked = Buffer.from(bytes);
  const unit = encoding === "bytes" ? 1 : 2;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === "\n" || c === "\r") continue;
    const at = i * unit;
    if (encoding === "bytes") blanked[at] = 0x20;
    else if (encoding === "utf16le") ((blanked[at] = 0x20), (blanked[at + 1] = 0x00));
    else ((blanked[at] = 0x00), (blanked[at + 1] = 0x20));
  }
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < start; i = text.indexOf("\n", i + 1)) line++;
  return { line, entities, blanked };
}
