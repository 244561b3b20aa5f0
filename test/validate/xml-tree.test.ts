// The manifest reader of `passmark validate` (authoring/validate/xml-tree.ts) reads what
// xmlbuilder2's DOM read before it: the same elements, namespaces, attributes and text, for the
// manifests passmark builds and for hand-written XML with every construct a manifest may use.
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mkdtemp } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackages } from "../../authoring/package/build-packages";
import type { ElementLike } from "../../authoring/validate/dom";
import { parseXml } from "../../authoring/validate/xml-dom";
import { parseXmlTree } from "../../authoring/validate/xml-tree";
import { ALL_TARGETS } from "../../runtime/course/types";
import { sampleLoadedCourse } from "../fixtures/packages/sample-course";
import { manyFilesManifest } from "../fixtures/packages/scorm-many-files";
import { readZipEntry } from "../fixtures/packages/zip-inspect";

const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** What the rules can see of an element, recursively. xmlbuilder2 gives `xmlns=""` elements the namespace "". */
function view(element: ElementLike): unknown {
  const attributes = Array.from(
    (element as unknown as { attributes: ArrayLike<{ name: string; value: string; localName: string; namespaceURI: string | null }> }).attributes,
  ).map((a) => ({
    name: a.name,
    value: a.value,
    byName: element.getAttribute(a.name),
    // xml:base is compared through xmlBase below (xmlbuilder2 leaves the xml prefix unbound).
    byNamespace: a.namespaceURI === null || a.name.startsWith("xml:") ? null : element.getAttributeNS(a.namespaceURI, a.localName),
  }));
  const children = Array.from(element.childNodes).filter((n) => n.nodeType === 1) as unknown as ElementLike[];
  return {
    localName: element.localName,
    namespaceURI: element.namespaceURI === "" ? null : element.namespaceURI,
    xmlBase: element.getAttributeNS(XML_NS, "base") ?? element.getAttribute("xml:base"),
    attributes,
    text: element.textContent,
    children: children.map(view),
  };
}

function expectSameReading(text: string): void {
  expect(view(parseXmlTree(text).documentElement)).toEqual(view(parseXml(text).documentElement));
}

const built: Record<string, string> = {};
let work: string;
let courseDir: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-xml-tree-"));
  const course = await sampleLoadedCourse();
  courseDir = course.dir;
  for (const b of await buildPackages(course, { targets: ALL_TARGETS, outDir: work })) {
    const name = b.target === "cmi5" ? "cmi5.xml" : b.target === "xapi" ? "tincan.xml" : "imsmanifest.xml";
    built[b.target] = (await readZipEntry(b.path, name)).toString("utf8");
  }
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(courseDir, { recursive: true, force: true });
});

describe("parseXmlTree reads manifests as the DOM did", () => {
  it("the manifests passmark builds, every target", () => {
    expect(Object.keys(built).sort()).toEqual([...ALL_TARGETS].sort());
    for (const text of Object.values(built)) expectSameReading(text);
  });

  it("large generated manifests, SCORM 1.2 and 2004", () => {
    expectSameReading(manyFilesManifest(300, "scorm12"));
    expectSameReading(manyFilesManifest(300, "scorm2004-4"));
  });

  it.each([
    ["entities and character references", `<a x="&lt;&amp;&gt;&quot;&apos;&#65;&#x1F600;">t &amp; u &#10; &#x41;</a>`],
    ["an entity it does not know is left as written", `<a x="&nbsp;">&copy; &#xZZ;</a>`],
    ["CDATA, comments and processing instructions", `<?xml version="1.0"?>\n<!-- c --><a><![CDATA[<b>&amp;]]><!-- d --><?pi x?>text</a>`],
    [
      "prefixes, a default namespace, redeclared and undeclared",
      `<r xmlns:m="urn:m" xmlns="urn:d"><m:a m:x="1" y='2'><b xmlns="urn:e"><c/></b><d xmlns=""/><m:e xmlns:m="urn:n" m:z = "3"/></m:a></r>`,
    ],
    ["a prefix declared on its own element", `<m:a xmlns:m="urn:m"><m:b xmlns:q="urn:q" q:c="1" m:d="2"/></m:a>`],
    ["an unbound prefix keeps its name, in no namespace", `<a><p:b p:c="1"/></a>`],
    ["xml:base and whitespace in values", `<a xml:base="x/"><b xml:base="y/" h="a\tb\nc  d"/></a>`],
    ["non-ASCII names and text", `<ä xmlns="urn:ü" ö="ü">é<ß/>ñ</ä>`],
    ["text after the root element", `<a/>\n<!-- end -->\n`],
    ["> and ]]> in text, > in a value", `<a x="1>2">x > y ]]> z</a>`],
  ])("%s", (_, text) => {
    expectSameReading(text);
  });

  it("reads a prefix declared beside a default namespace on the same element as XML Namespaces says (xmlbuilder2 did not)", () => {
    const root = parseXmlTree(`<m:a xmlns:m="urn:m" xmlns="urn:d" m:x="1"><b/></m:a>`).documentElement;
    expect([root.namespaceURI, root.localName, root.getAttributeNS("urn:m", "x")]).toEqual(["urn:m", "a", "1"]);
    expect(root.childNodes.map((n) => (n as ElementLike).namespaceURI)).toEqual(["urn:d"]);
  });

  it("fails on what it cannot read: no root, two roots, an unterminated comment, a malformed attribute", () => {
    for (const text of ["", "   ", "<a/><b/>", "<a><!-- never", "<a x=1/>", "text<a/>"]) {
      expect(() => parseXmlTree(text), JSON.stringify(text)).toThrow();
    }
  });
});
