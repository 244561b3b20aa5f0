// A full DOM of an XML text (xmlbuilder2), for the preview and the tests; `passmark validate` reads
// manifests with xml-tree.ts and does not load xmlbuilder2.
import { create } from "xmlbuilder2";

export function parseXml(text: string): Document {
  // xmlbuilder2 returns its own standards-conforming DOM; the structural DOM types are compatible.
  return create(text).node as unknown as Document;
}
