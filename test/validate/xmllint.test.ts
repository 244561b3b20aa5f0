// authoring/validate/xmllint.ts: libxml2 in one long-lived worker thread. Each call is a fresh
// instance: its verdict, its messages and its files are its own, whatever runs beside it.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { XmllintError, runXmllint } from "../../authoring/validate/xmllint";
import { REPO_ROOT, builtPackage } from "../support/package-fixture";

const SCHEMA = {
  fileName: "note.xsd",
  contents: `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:include schemaLocation="parts.xsd"/>
  <xs:element name="note"><xs:complexType><xs:sequence><xs:element ref="to"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`,
};
const PARTS = {
  fileName: "parts.xsd",
  contents: `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="to" type="xs:string"/></xs:schema>`,
};

describe("runXmllint", () => {
  it("finds a document valid against a schema that includes a preloaded file", async () => {
    const result = await runXmllint({ xml: [{ fileName: "a.xml", contents: "<note><to>Ann</to></note>" }], schema: SCHEMA, preload: [PARTS] });
    expect(result).toEqual({ valid: true, rawOutput: "a.xml validates\n", errors: [] });
  });

  it("names the file and line of each schema error", async () => {
    const xml = new TextEncoder().encode("<note>\n<from>Bo</from>\n</note>");
    const result = await runXmllint({ xml: [{ fileName: "b.xml", contents: xml }], schema: SCHEMA, preload: [PARTS] });
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.loc).toEqual({ fileName: "b.xml", lineNumber: 2 });
    expect(result.errors[0]!.message).toMatch(/Element 'from': This element is not expected\. Expected is \( to \)/);
  });

  it("names the file and line where a document stops being well-formed, without libxml2's context lines", async () => {
    const result = await runXmllint({ xml: [{ fileName: "c.xml", contents: "<note>\n<to>Ann</note>" }] });
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toEqual({
      message: "parser error : Opening and ending tag mismatch: to line 2 and note",
      loc: { fileName: "c.xml", lineNumber: 2 },
    });
    expect(result.errors.map((e) => e.message)).not.toContainEqual(expect.stringMatching(/^\s*\^$/));
    expect(result.rawOutput).toMatch(/^c\.xml:2: parser error/);
  });

  it("throws exit 5 for a schema that does not compile", async () => {
    const broken = {
      fileName: "broken.xsd",
      contents: '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="note" type="nowhere"/></xs:schema>',
    };
    const error = await runXmllint({ xml: [{ fileName: "d.xml", contents: "<note/>" }], schema: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XmllintError);
    expect((error as XmllintError).code).toBe(5);
    expect((error as XmllintError).message).toMatch(/broken\.xsd/);
  });

  it("only parses when given no schema, and checks every document", async () => {
    const result = await runXmllint({
      xml: [
        { fileName: "e.xml", contents: "<anything/>" },
        { fileName: "f.xml", contents: "<a><b/></a>" },
      ],
    });
    expect(result.valid).toBe(true);
  });

  it("keeps calls apart: side by side, the same file name holds each call's own contents", async () => {
    const calls = Array.from({ length: 12 }, (_, i) =>
      runXmllint({
        xml: [{ fileName: "same.xml", contents: i % 2 === 0 ? "<note><to>x</to></note>" : "<note><cc>x</cc></note>" }],
        schema: SCHEMA,
        preload: [PARTS],
      }),
    );
    expect((await Promise.all(calls)).map((r) => r.valid)).toEqual(Array.from({ length: 12 }, (_, i) => i % 2 === 0));
  });

  it("stops a document that needs more than its memory with an error, and the next call still runs", async () => {
    // About 20 MB of elements, parsed into a tree, against the smallest limit (16 MiB).
    const big = `<r>${"<e a='1'/>".repeat(2_000_000)}</r>`;
    const error = await runXmllint({ xml: [{ fileName: "big.xml", contents: big }], maxMemoryPages: 256 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XmllintError);
    expect((error as XmllintError).code).not.toBe(0);
    const next = await runXmllint({ xml: [{ fileName: "g.xml", contents: "<note><to>Ann</to></note>" }], schema: SCHEMA, preload: [PARTS] });
    expect(next.valid).toBe(true);
  });

  it("refuses a file name xmllint would read as an option", async () => {
    await expect(runXmllint({ xml: [{ fileName: "--huge", contents: "<a/>" }] })).rejects.toThrow(/"--huge" would be read as an option/);
  });

  it("runs in the bundled CLI whatever the process's flags: --input-type=module, as the benchmark's child starts it", async () => {
    // The thread's code once ran as CommonJS or as a module by the parent's flags, and under
    // --input-type=module it failed ("require is not defined"): validate exited 70.
    const { zip } = await builtPackage({ target: "scorm12" });
    const cli = pathToFileURL(join(REPO_ROOT, "dist", "cli", "passmark.mjs")).href;
    const code = `const { main } = await import(${JSON.stringify(cli)}); process.exitCode = await main(["validate", ${JSON.stringify(zip)}]);`;
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", code]);
    expect(stdout).toMatch(/package: SCORM 1\.2 \(imsmanifest\.xml\)/);
    expect(stdout).toMatch(/OK: no problems/);
  });
});
