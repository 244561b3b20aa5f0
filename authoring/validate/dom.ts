// Namespace-aware reading of a manifest that already passed the XML parser (xmlbuilder2's DOM).
import { create } from "xmlbuilder2";

export function parseXml(text: string): Document {
  // xmlbuilder2 returns its own standards-conforming DOM; the structural DOM types are compatible.
  return create(text).node as unknown as Document;
}

export function childElements(parent: Element, namespace: string | null, localName: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (n): n is Element =>
      n.nodeType === 1 && (n as Element).localName === localName && (n as Element).namespaceURI === namespace,
  );
}

export function descendants(root: Document | Element, namespace: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(namespace, localName));
}

export function textOf(element: Element | undefined): string {
  return element?.textContent?.trim() ?? "";
}

/** An attribute that may be written without a namespace (the usual case) — null when absent. */
export function attr(element: Element, name: string): string | null {
  return element.hasAttribute(name) ? element.getAttribute(name) : null;
}

/**
 * xml:base of an element ("" when absent). xmlbuilder2's parser leaves the implicitly bound xml:
 * prefix without a namespace, so the qualified name is read as a fallback.
 */
export function xmlBase(element: Element): string {
  return element.getAttributeNS("http://www.w3.org/XML/1998/namespace", "base") ?? element.getAttribute("xml:base") ?? "";
}
