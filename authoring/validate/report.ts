// What `passmark validate` finds in a package, and how it is printed: every printed line, text or
// JSON, goes through terminal-text.ts, since names and messages quote the package's own text.
import { escapeControls, terminalSafeJson } from "./terminal-text";

export type PackageKind = "cmi5" | "scorm12" | "scorm2004-3" | "scorm2004-4" | "xapi";

export type Severity = "error" | "warning";

export interface PackageProblem {
  /** Stable rule code, e.g. "scorm/identifierref", "cmi5/reserved-launch-parameter". */
  rule: string;
  severity: Severity;
  /** File inside the zip the finding is about ("" for the zip itself). */
  file: string;
  /** 1-based line in that file when known. */
  line: number | null;
  message: string;
}

export interface ValidationReport {
  zipPath: string;
  /** Kinds of package recognised from the manifests at the root (empty when none was found). */
  kinds: PackageKind[];
  entryCount: number;
  problems: PackageProblem[];
}

export function errorsOf(report: ValidationReport): PackageProblem[] {
  return report.problems.filter((p) => p.severity === "error");
}

const KIND_LABEL: Record<PackageKind, string> = {
  cmi5: "cmi5 (cmi5.xml)",
  scorm12: "SCORM 1.2 (imsmanifest.xml)",
  "scorm2004-3": "SCORM 2004 3rd Edition (imsmanifest.xml)",
  "scorm2004-4": "SCORM 2004 4th Edition (imsmanifest.xml)",
  xapi: "xAPI Tin Can (tincan.xml)",
};

export function formatReport(report: ValidationReport): string {
  const lines: string[] = [`${report.zipPath}`];
  const kinds = report.kinds.map((k) => KIND_LABEL[k]).join(", ");
  lines.push(`  package: ${kinds || "not recognised"}, ${report.entryCount} entries`);
  const sorted = [...report.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  for (const p of sorted) {
    const where = p.file ? `${p.file}${p.line !== null ? `:${p.line}` : ""}: ` : "";
    lines.push(`  ${p.severity === "error" ? "error  " : "warning"} ${where}${p.message}  [${p.rule}]`);
  }
  const errors = report.problems.filter((p) => p.severity === "error").length;
  const warnings = report.problems.length - errors;
  lines.push(
    errors === 0
      ? `  OK: no problems${warnings ? ` (${warnings} warning${warnings === 1 ? "" : "s"})` : ""}`
      : `  ${errors} problem${errors === 1 ? "" : "s"}${warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}`,
  );
  return lines.map(escapeControls).join("\n");
}

/** The reports as JSON (one array), with control characters escaped as \uXXXX. */
export function formatReportsJson(reports: readonly ValidationReport[]): string {
  return terminalSafeJson(reports);
}
