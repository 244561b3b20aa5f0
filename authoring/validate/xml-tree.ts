// A small namespace-aware element tree of a manifest, read in one pass: elements, attributes and
// text, nothing else. libxml2 (xsd-check.ts) is the judge of well-formedness, and the rules count
// only when it finds the manifest well-formed; this reader has to read well-formed XML right and
// fail on what it cannot read. It reads what xmlbuilder2's DOM read before — attribute values and
// text as written, with the five predefined entities and character references replaced (a DOCTYPE
// is blanked before, doctype.ts), whitespace-only text between elements dropped — in a tenth of the time and memory: 50,000 <file> elements made
// a full DOM the largest cost of `passmark validate`.
import { XML_NS, XMLNS } from "../manifest/namespaces";

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface XmlAttribute {
  /** The qualified name as written (`adlcp:scormtype`). */
  readonly name: string;
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly value: string;
}

export class XmlText {
  readonly nodeType = TEXT_NODE;
  constructor(readonly data: string) {}
}

export class XmlElement {
  readonly nodeType = ELEMENT_NODE;
  readonly childNodes: (XmlElement | XmlText)[] = [];
  constructor(
    readonly localName: string,
    readonly namespaceURI: string | null,
    readonly attributes: readonly XmlAttribute[],
  ) {}

  hasAttribute(name: string): boolean {
    return this.attributes.some((a) => a.name === name);
  }
  getAttribute(name: string): string | null {
    return this.attributes.find((a) => a.name === name)?.value ?? null;
  }
  getAttributeNS(namespace: string | null, localName: string): string | null {
    return this.attributes.find((a) => a.namespaceURI === namespace && a.localName === localName)?.value ?? null;
  }
  /** Every descendant element with this namespace and local name, in document order. */
  getElementsByTagNameNS(namespace: string | null, localName: string): XmlElement[] {
    const found: XmlElement[] = [];
    const walk = (element: XmlElement): void => {
      for (const child of element.childNodes) {
        if (child.nodeType !== ELEMENT_NODE) continue;
        if (child.localName === localName && child.namespaceURI === namespace) found.push(child);
        walk(child);
      }
    };
    walk(this);
    return found;
  }
  /** The text of every descendant, CDATA included, in document order. */
  get textContent(): string {
    let text = "";
    for (const child of this.childNodes) text += child.nodeType === TEXT_NODE ? child.data : child.textContent;
    return text;
  }
}

export class XmlDocument {
  constructor(readonly documentElement: XmlElement) {}
  /** Like the DOM's: the document element itself counts. */
  getElementsByTagNameNS(namespace: string | null, localName: string): XmlElement[] {
    const root = this.documentElement;
    const self = root.localName === localName && root.namespaceURI === namespace ? [root] : [];
    return [...self, ...root.getElementsByTagNameNS(namespace, localName)];
  }
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;

/** Predefined entities and character references replaced; anything else is left as written. */
function decode(raw: string): string {
  if (!raw.includes("&")) return raw;
  return raw.replace(REFERENCE, (whole, ref: string) => {
    if (ref[0] !== "#") return PREDEFINED[ref] ?? whole;
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** One attribute after optional whitespace: name, then = and a quoted value (either quote). */
const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const TAG_NAME = /[^\s/>]+/y;
const SPACE = /\s*/y;
const WHITESPACE_ONLY = /^[ \t\r\n]*$/;

class XmlSyntaxError extends Error {
  constructor(message: string, text: string, at: number) {
    let line = 1;
    for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
    super(`${message} (line ${line})`);
  }
}

interface Open {
  element: XmlElement;
  /** Prefixes this element declares ("" for the default namespace). */
  declared: Map<string, string> | null;
}

function lookup(stack: readonly Open[], own: Map<string, string> | null, prefix: string): string | undefined {
  if (prefix === "xml") return XML_NS;
  const mine = own?.get(prefix);
  if (mine !== undefined) return mine;
  for (let i = stack.length - 1; i >= 0; i--) {
    const found = stack[i]!.declared?.get(prefix);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Splits a qualified name; an unbound prefix keeps the whole name, in no namespace (as xmlbuilder2 did). */
function resolveName(
  qname: string,
  stack: readonly Open[],
  own: Map<string, string> | null,
  isAttribute: boolean,
): { localName: string; namespaceURI: string | null } {
  const colon = qname.indexOf(":");
  if (colon < 0) {
    if (isAttribute) return { localName: qname, namespaceURI: null };
    const ns = lookup(stack, own, "");
    return { localName: qname, namespaceURI: ns === undefined || ns === "" ? null : ns };
  }
  const ns = lookup(stack, own, qname.slice(0, colon));
  return ns === undefined || ns === "" ? { localName: qname, namespaceURI: null } : { localName: qname.slice(colon + 1), namespaceURI: ns };
}

/** Reads a start tag at `at` (just past "<"); returns the element, whether it closes itself, and the end. */
function readStartTag(text: string, at: number, stack: readonly Open[]): { open: Open; selfClosing: boolean; end: number } {
  TAG_NAME.lastIndex = at;
  const nameMatch = TAG_NAME.exec(text);
  if (!nameMatch) throw new XmlSyntaxError("expected an element name after <", text, at);
  const qname = nameMatch[0];
  let i = TAG_NAME.lastIndex;
  const raw: { name: string; value: string }[] = [];
  let declared: Map<string, string> | null = null;
  for (;;) {
    SPACE.lastIndex = i;
    SPACE.exec(text);
    i = SPACE.lastIndex;
    if (text.startsWith("/>", i) || text[i] === ">") break;
    ATTRIBUTE.lastIndex = i;
    const m = ATTRIBUTE.exec(text);
    if (!m) throw new XmlSyntaxError(`malformed attribute in <${qname}>`, text, i);
    const name = m[1]!;
    const value = decode(m[2] ?? m[3] ?? "");
    if (name === "xmlns") (declared ??= new Map()).set("", value);
    else if (name.startsWith("xmlns:")) (declared ??= new Map()).set(name.slice(6), value);
    raw.push({ name, value });
    i = ATTRIBUTE.lastIndex;
  }
  const attributes = raw.map(({ name, value }): XmlAttribute => {
    if (name === "xmlns") return { name, localName: name, namespaceURI: XMLNS, value };
    if (name.startsWith("xmlns:")) return { name, localName: name.slice(6), namespaceURI: XMLNS, value };
    return { name, value, ...resolveName(name, stack, declared, true) };
  });
  const { localName, namespaceURI } = resolveName(qname, stack, declared, false);
  const selfClosing = text[i] === "/";
  return { open: { element: new XmlElement(localName, namespaceURI, attributes), declared }, selfClosing, end: i + (selfClosing ? 2 : 1) };
}

/** Index just past `close`, searching from `from`; throws when it never comes. */
function past(text: string, from: number, close: string, what: string): number {
  const at = text.indexOf(close, from);
  if (at < 0) throw new XmlSyntaxError(`unterminated ${what}`, text, from);
  return at + close.length;
}

/** Reads a manifest's text (byte order mark already removed). Throws on what it cannot read. */
export function parseXmlTree(text: string): XmlDocument {
  const stack: Open[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const end = lt < 0 ? text.length : lt;
    if (end > i) {
      const current = stack[stack.length - 1];
      // Whitespace between elements is not kept (as xmlbuilder2 did not): it is no text of the manifest.
      if (current && !WHITESPACE_ONLY.test(text.slice(i, end))) current.element.childNodes.push(new XmlText(decode(text.slice(i, end))));
      else if (root === null && text.slice(i, end).trim() !== "") throw new XmlSyntaxError("text before the root element", text, i);
    }
    if (lt < 0) break;
    if (text.startsWith("<?", lt)) i = past(text, lt + 2, "?>", "processing instruction");
    else if (text.startsWith("<!--", lt)) i = past(text, lt + 4, "-->", "comment");
    else if (text.startsWith("<![CDATA[", lt)) {
      i = past(text, lt + 9, "]]>", "CDATA section");
      stack[stack.length - 1]?.element.childNodes.push(new XmlText(text.slice(lt + 9, i - 3)));
    } else if (text.startsWith("<!", lt)) {
      throw new XmlSyntaxError("unexpected markup declaration", text, lt);
    } else if (text[lt + 1] === "/") {
      i = past(text, lt + 2, ">", "end tag");
      stack.pop();
    } else {
      const tag = readStartTag(text, lt + 1, stack);
      const parent = stack[stack.length - 1];
      if (parent) parent.element.childNodes.push(tag.open.element);
      else if (root === null) root = tag.open.element;
      else throw new XmlSyntaxError("a second root element", text, lt);
      if (!tag.selfClosing) stack.push(tag.open);
      i = tag.end;
    }
  }
  if (root === null) throw new XmlSyntaxError("no root element", text, text.length);
  return new XmlDocument(root);
}
