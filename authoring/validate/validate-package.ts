// `passmark validate`: checks any cmi5, SCORM or Tin Can zip (ours or anyone's) and reports every finding.
import { stat } from "node:fs/promises";
import { checkCmi5CourseStructure } from "./cmi5-rules";
import { findDoctype } from "./doctype";
import { lineLocator } from "./line-index";
import type { PackageKind, PackageProblem, ValidationReport } from "./report";
import { schemaSetFor } from "./schema-sets";
import { checkScormManifest, detectScormKind } from "./scorm-rules";
import { symlinkWarnings } from "./symlink-entries";
import { checkTincanXml } from "./tincan-rules";
import { checkAgainstSchema, type SchemaFinding } from "./xsd-check";
import { parseXmlTree, type XmlDocument } from "./xml-tree";
import { readZip, type ZipListing } from "./zip-reader";

export const MANIFEST_NAMES = ["cmi5.xml", "imsmanifest.xml", "tincan.xml"] as const;

/** The file to validate does not exist or is not a regular file (a usage problem, not a package one). */
export class PackageNotFoundError extends Error {
  constructor(
    readonly zipPath: string,
    reason: string,
  ) {
    super(`${zipPath}: ${reason}`);
    this.name = "PackageNotFoundError";
  }
}

function err(rule: string, file: string, message: string, line: number | null = null): PackageProblem {
  return { rule, severity: "error", file, line, message };
}

/** The attribute each of these rules checks: a schema message about it, on the same line, says it again. */
const RULE_ATTRIBUTES: Readonly<Record<string, string>> = { "cmi5/move-on": "moveOn", "cmi5/mastery-score": "masteryScore" };

/** A cmi5 moveOn or masteryScore the rules already reported (in their words): reported once. */
function saidByARule(finding: SchemaFinding, ruleProblems: readonly PackageProblem[]): boolean {
  const { attribute } = finding.subject;
  return attribute !== null && ruleProblems.some((p) => RULE_ATTRIBUTES[p.rule] === attribute && p.line === finding.line);
}

async function checkManifest(
  zip: ZipListing,
  name: (typeof MANIFEST_NAMES)[number],
  fileSet: ReadonlySet<string>,
): Promise<{ kind: PackageKind | null; problems: PackageProblem[] }> {
  let bytes: Buffer;
  try {
    bytes = await zip.read(name);
  } catch (error) {
    // Encrypted, an unsupported compression method, a corrupt entry, or absurdly large.
    return {
      kind: null,
      problems: [err("zip/unreadable-entry", name, `cannot read the manifest from the zip: ${error instanceof Error ? error.message : String(error)}`)],
    };
  }
  // A DOCTYPE is reported and blanked before any parser sees the manifest: nothing it declares is
  // loaded or expanded (a reference to one of its entities is then an undefined entity, an error).
  const doctype = findDoctype(bytes);
  const notes: PackageProblem[] = [];
  if (doctype) {
    const declares = doctype.entities.length > 0 ? `, declaring the entit${doctype.entities.length === 1 ? "y" : "ies"} ${doctype.entities.join(", ")}` : "";
    notes.push({
      rule: "manifest/doctype",
      severity: "warning",
      file: name,
      line: doctype.line,
      message: `the manifest has a DOCTYPE${declares}: entity declarations are an XXE and entity-expansion risk for the LMS's parser; passmark ignored the DOCTYPE and expanded nothing`,
    });
    bytes = doctype.blanked;
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  let doc: XmlDocument;
  try {
    doc = parseXmlTree(text);
  } catch (error) {
    // Let libxml2 say where: its message is precise (line and column).
    const findings = await checkAgainstSchema(name, bytes, await schemaSetFor(name === "cmi5.xml" ? "cmi5" : "scorm12"));
    const problems = findings.filter((f) => f.fatal).map((f) => err("manifest/not-well-formed", name, f.message, f.line));
    if (problems.length === 0)
      problems.push(err("manifest/not-well-formed", name, `not well-formed XML: ${error instanceof Error ? error.message : String(error)}`));
    return { kind: null, problems: [...notes, ...problems] };
  }

  // tincan.xml: no official XSD; its structure rules (tincan-rules.ts) are the whole check.
  if (name === "tincan.xml") return { kind: "xapi", problems: [...notes, ...checkTincanXml(doc, lineLocator(text), fileSet)] };
  let kind: Exclude<PackageKind, "xapi">;
  const problems: PackageProblem[] = notes;
  if (name === "cmi5.xml") {
    kind = "cmi5";
  } else {
    const detected = detectScormKind(doc);
    if (detected.kind === null) return { kind: null, problems: [...notes, detected.problem] };
    kind = detected.kind as Exclude<PackageKind, "xapi">; // detectScormKind names SCORM kinds only
    problems.push(...detected.notes);
  }

  // libxml2 runs in a worker thread: the rules run meanwhile, and count only if it finds the
  // manifest well-formed.
  const schemaCheck = checkAgainstSchema(name, bytes, await schemaSetFor(kind));
  const at = lineLocator(text);
  const ruleProblems = kind === "cmi5" ? checkCmi5CourseStructure(doc, at, fileSet) : checkScormManifest(doc, at, kind, fileSet);
  const findings = await schemaCheck;
  for (const f of findings) {
    if (!f.fatal && saidByARule(f, ruleProblems)) continue;
    problems.push(err(f.fatal ? "manifest/not-well-formed" : "manifest/schema", name, f.message, f.line));
  }
  if (findings.some((f) => f.fatal)) return { kind, problems };
  problems.push(...ruleProblems);
  return { kind, problems };
}

export async function validatePackage(zipPath: string): Promise<ValidationReport> {
  const info = await stat(zipPath).catch(() => null);
  if (!info) throw new PackageNotFoundError(zipPath, "no such file");
  if (!info.isFile()) throw new PackageNotFoundError(zipPath, "not a file");

  const report: ValidationReport = { zipPath, kinds: [], entryCount: 0, problems: [] };
  let zip: ZipListing;
  try {
    zip = await readZip(zipPath);
  } catch (error) {
    report.problems.push(err("zip/unreadable", "", `not a readable zip file: ${error instanceof Error ? error.message : String(error)}`));
    return report;
  }
  try {
    report.entryCount = zip.entries.size;
    report.problems.push(...zip.problems, ...symlinkWarnings(zip.entries));
    const fileSet = new Set([...zip.entries.keys()].filter((n) => !n.endsWith("/")));

    const present = MANIFEST_NAMES.filter((name) => fileSet.has(name));
    if (present.length === 0) {
      const nested = [...fileSet].filter((n) => MANIFEST_NAMES.some((m) => n.endsWith(`/${m}`)));
      report.problems.push(
        nested.length > 0
          ? err(
              "package/manifest-not-at-root",
              nested[0] ?? "",
              `the manifest must be at the zip root, found it at "${nested[0]}" (zip the folder's contents, not the folder)`,
            )
          : err("package/no-manifest", "", "no cmi5.xml, imsmanifest.xml or tincan.xml at the zip root: not a cmi5, SCORM or Tin Can package"),
      );
      return report;
    }
    for (const name of present) {
      const result = await checkManifest(zip, name, fileSet);
      if (result.kind) report.kinds.push(result.kind);
      report.problems.push(...result.problems);
    }
    return report;
  } finally {
    zip.close();
  }
}
