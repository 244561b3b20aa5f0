export { validatePackage, PackageNotFoundError, MANIFEST_NAMES } from "./validate-package";
export { formatReport, formatReportsJson, errorsOf } from "./report";
export type { ValidationReport, PackageProblem, PackageKind, Severity } from "./report";
