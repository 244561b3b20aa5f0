// Parses the manifests a build made with libxml2 (xmllint-wasm, as `passmark validate` does) before
// any zip is written: a manifest that is not well-formed XML is never shipped.
import { XmllintError, runXmllint } from "../validate/xmllint";

export interface ManifestText {
  /** Where it goes, for messages: e.g. "cmi5.xml (cmi5)". */
  label: string;
  data: Buffer;
}

/** One line per manifest that does not parse ("<label> is not well-formed XML: line 5: …"); [] when all parse. */
export async function notWellFormed(manifests: readonly ManifestText[]): Promise<string[]> {
  if (manifests.length === 0) return [];
  const files = manifests.map((m, i) => ({ fileName: `manifest-${i}.xml`, contents: m.data }));
  let errors: ReadonlyArray<{ message: string; loc: null | { fileName: string; lineNumber: number } }>;
  try {
    // No schema: xmllint --noout only parses. 64 MiB: a course with thousands of files lists them all.
    const result = await runXmllint({ xml: files, maxMemoryPages: 64 * 16 });
    if (result.valid) return [];
    errors = result.errors;
  } catch (error) {
    if (!(error instanceof XmllintError) || error.code !== 1) throw error;
    errors = [{ message: error.message, loc: null }];
  }
  const problems: string[] = [];
  for (const [i, m] of manifests.entries()) {
    const own = errors.filter((e) => e.loc?.fileName === files[i]!.fileName || (e.loc === null && e.message.includes(files[i]!.fileName)));
    if (own.length === 0) continue;
    const first = own[0]!;
    problems.push(`${m.label} is not well-formed XML: ${first.loc ? `line ${first.loc.lineNumber}: ` : ""}${first.message.trim().split("\n")[0]}`);
  }
  // xmllint failed without naming a file: say so rather than ship.
  if (problems.length === 0) problems.push(`the manifests are not well-formed XML: ${errors.map((e) => e.message.trim()).join("; ")}`);
  return problems;
}
