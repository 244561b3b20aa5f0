// Runs libxml2 (xmllint-wasm, no native build needed: ./xmllint.ts) on one manifest against one schema set.
import type { SchemaSet } from "./schema-sets";
import { readableXsdMessage, type XsdSubject } from "./xsd-messages";
import { XmllintError, runXmllint } from "./xmllint";

export interface SchemaFinding {
  line: number | null;
  message: string;
  /** true when the file is not even well-formed XML (nothing else can be checked). */
  fatal: boolean;
  /** The element and attribute a validity message is about (both null for a parser message). */
  subject: XsdSubject;
}

/** Raw libxml2 lines look like "cmi5.xml:12: element au: Schemas validity error : Element ...". */
function parseLines(output: string, fileName: string, fatal: boolean): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  for (const raw of output.split("\n")) {
    if (!raw.startsWith(`${fileName}:`)) continue;
    if (raw.endsWith(" validates") || raw.endsWith("fails to validate")) continue;
    const match = /^[^:]+:(\d+): (.*)$/.exec(raw);
    const line = match ? Number(match[1]) : null;
    const validity = /Schemas validity error : /.test(raw);
    const text = (match ? match[2]! : raw).replace(/^.*?(Schemas validity error|parser error|namespace error) : /, "").trim();
    const { message, subject } = validity ? readableXsdMessage(text) : { message: text, subject: { element: null, attribute: null } };
    findings.push({ line, message, fatal: fatal || /parser error/.test(raw), subject });
  }
  if (findings.length === 0) findings.push({ line: null, message: output.trim() || "not valid", fatal, subject: { element: null, attribute: null } });
  return findings;
}

/** [] when valid. Throws when the schema set itself does not compile (a passmark bug, not the package's). */
export async function checkAgainstSchema(fileName: string, contents: Uint8Array, set: SchemaSet): Promise<SchemaFinding[]> {
  try {
    const result = await runXmllint({
      xml: [{ fileName, contents }],
      schema: set.root,
      preload: set.preload,
      maxMemoryPages: 16 * 256, // 256 MiB: large manifests list thousands of files
    });
    return result.valid ? [] : parseLines(result.rawOutput, fileName, false);
  } catch (error) {
    // xmllint exit 1: the document is not well-formed (or not readable as UTF-8).
    if (error instanceof XmllintError && error.code === 1) return parseLines(error.message, fileName, true);
    throw new Error(`schema set for ${set.kind} could not be used: ${error instanceof Error ? error.message : String(error)}`);
  }
}
