// Namespace-aware reading of a manifest that already passed the XML parser: helpers over what the
// rules read of an element, which both xmlbuilder2's DOM (xml-dom.ts) and xml-tree.ts provide.

/** What the rules read of an element: the DOM's Element and xml-tree's XmlElement both have it. */
export interface ElementLike {
  readonly nodeType: number;
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<{ readonly nodeType: number }>;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
  getAttributeNS(namespace: string | null, localName: string): string | null;
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<ElementLike>;
}

/** A parsed document: the DOM's Document or xml-tree's XmlDocument. */
export interface DocumentLike {
  readonly documentElement: ElementLike;
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<ElementLike>;
}

export function childElements<E extends ElementLike>(parent: E, namespace: string | null, localName: string): E[] {
  const found: E[] = [];
  const nodes = parent.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]! as E;
    if (n.nodeType === 1 && n.localName === localName && n.namespaceURI === namespace) found.push(n);
  }
  return found;
}

export function descendants<E extends ElementLike>(
  root: { getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<E> },
  namespace: string,
  localName: string,
): E[] {
  return Array.from(root.getElementsByTagNameNS(namespace, localName));
}

export function textOf(element: ElementLike | undefined): string {
  return element?.textContent?.trim() ?? "";
}

/** An attribute that may be written without a namespace (the usual case) — null when absent. */
export function attr(element: ElementLike, name: string): string | null {
  return element.hasAttribute(name) ? element.getAttribute(name) : null;
}

/**
 * xml:base of an element ("" when absent). xmlbuilder2's parser leaves the implicitly bound xml:
 * prefix without a namespace, so the qualified name is read as a fallback.
 */
export function xmlBase(element: ElementLike): string {
  return element.getAttributeNS("http://www.w3.org/XML/1998/namespace", "base") ?? element.getAttribute("xml:base") ?? "";
}
