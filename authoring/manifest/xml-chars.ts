// Author text that the manifests carry must consist of XML characters (XML 1.0 §2.2, production
// Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]); anything else makes
// cmi5.xml / imsmanifest.xml unreadable to every LMS (and to `passmark validate`).

/**
 * The course.json properties written into cmi5.xml and imsmanifest.xml (cmi5.ts, scorm12.ts,
 * scorm2004.ts): the course id (cmi5 course and AU ids), title, description and language (xml:lang).
 * Page and asset file names reach the manifests too, always percent-encoded (hrefForZipPath).
 */
export const MANIFEST_TEXT_FIELDS = ["id", "title", "description", "language"] as const;

// With the u flag a lone surrogate is one code point in U+D800–U+DFFF, outside every allowed range.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export interface IllegalXmlChar {
  /** e.g. "U+0001". */
  codePoint: string;
  /** 1-based position in characters (code points). */
  position: number;
  /** "a control character", "a noncharacter", "half of a surrogate pair". */
  kind: string;
}

export function firstIllegalXmlChar(text: string): IllegalXmlChar | null {
  const match = NOT_XML_CHAR.exec(text);
  if (!match) return null;
  const code = match[0].codePointAt(0)!;
  const kind = code < 0x20 ? "a control character" : code >= 0xd800 && code <= 0xdfff ? "half of a surrogate pair" : "a noncharacter";
  return {
    codePoint: `U+${code.toString(16).toUpperCase().padStart(4, "0")}`,
    position: [...text.slice(0, match.index)].length + 1,
    kind,
  };
}
