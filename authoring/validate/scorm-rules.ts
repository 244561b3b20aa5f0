// Checks of a SCORM imsmanifest.xml that the schemas cannot make: dangling identifierrefs, missing
// files, absolute or ".." hrefs, the 1.2 mastery score range (SCORM CAM content packaging;
// docs/validate.md); the items' parameters, prerequisites and objectives in scorm-item-rules.ts. Linear in the manifest: lines are looked up only for findings.
import { SCORM12, SCORM2004 } from "../manifest/namespaces";
import { caseHints } from "./case-hint";
import { attr, childElements, descendants, textOf, xmlBase, type DocumentLike } from "./dom";
import { resolveHref } from "./href";
import { checkScormItems } from "./scorm-item-rules";
import type { Locate } from "./line-index";
import type { PackageKind, PackageProblem } from "./report";

const MANIFEST = "imsmanifest.xml";

function error(rule: string, message: string, line: number | null = null): PackageProblem {
  return { rule, severity: "error", file: MANIFEST, line, message };
}
function warning(rule: string, message: string, line: number | null = null): PackageProblem {
  return { rule, severity: "warning", file: MANIFEST, line, message };
}

/** Which SCORM edition a parsed manifest declares, or a reason why it is not one we know. */
export function detectScormKind(doc: DocumentLike): { kind: PackageKind; notes: PackageProblem[] } | { kind: null; problem: PackageProblem } {
  const root = doc.documentElement;
  if (root.localName !== "manifest") return { kind: null, problem: error("scorm/not-a-manifest", `root element is <${root.localName}>, expected <manifest>`) };
  if (root.namespaceURI === SCORM12.imscp) return { kind: "scorm12", notes: [] };
  if (root.namespaceURI !== SCORM2004.imscp) {
    return {
      kind: null,
      problem: error(
        "scorm/unknown-namespace",
        `<manifest> is in namespace "${root.namespaceURI ?? ""}", neither SCORM 1.2 (${SCORM12.imscp}) nor SCORM 2004 (${SCORM2004.imscp})`,
      ),
    };
  }
  const metadata = childElements(root, SCORM2004.imscp, "metadata")[0];
  const version = metadata ? textOf(childElements(metadata, SCORM2004.imscp, "schemaversion")[0]) : "";
  if (version === "2004 4th Edition") return { kind: "scorm2004-4", notes: [] };
  if (version === "2004 3rd Edition") return { kind: "scorm2004-3", notes: [] };
  return {
    kind: "scorm2004-3",
    notes: [
      warning("scorm/schemaversion", `schemaversion "${version}" is not "2004 3rd Edition" or "2004 4th Edition"; checked against the 3rd edition schemas`),
    ],
  };
}

/** `at` finds the line of a piece of the manifest's text; it is called only for findings. */
export function checkScormManifest(doc: DocumentLike, at: Locate, kind: PackageKind, zipEntries: ReadonlySet<string>): PackageProblem[] {
  const caseHint = caseHints(zipEntries);
  const ns = kind === "scorm12" ? SCORM12.imscp : SCORM2004.imscp;
  const adlcp = kind === "scorm12" ? SCORM12.adlcp : SCORM2004.adlcp;
  const scormTypeAttr = kind === "scorm12" ? "scormtype" : "scormType";
  const root = doc.documentElement;
  const problems: PackageProblem[] = [];

  /** `needle`: the manifest text to find the line of, when there is a finding. */
  const checkFile = (href: string, bases: string[], what: string, needle: string): void => {
    const r = resolveHref(href, bases);
    if (r.kind === "bad") problems.push(error(`scorm/${r.rule}`, `${what}: ${r.reason}`, at(needle)));
    else if (r.kind === "external")
      problems.push(error("scorm/href/external", `${what}: "${r.url}" is an absolute URL; package files must be inside the zip`, at(needle)));
    else if (!zipEntries.has(r.path)) problems.push(error("scorm/missing-file", `${what}: "${r.path}" is not in the zip${caseHint(r.path)}`, at(needle)));
  };

  // organizations/@default must name an organization.
  const organizations = childElements(root, ns, "organizations")[0];
  const orgIds = new Set(descendants(root, ns, "organization").map((o) => attr(o, "identifier") ?? ""));
  const defaultOrg = organizations ? attr(organizations, "default") : null;
  if (defaultOrg !== null && !orgIds.has(defaultOrg)) {
    problems.push(error("scorm/identifierref", `<organizations default="${defaultOrg}"> names no <organization>`, at(`default="${defaultOrg}"`)));
  }

  // Resources and their files.
  const resourcesEl = childElements(root, ns, "resources")[0];
  const resourcesBase = resourcesEl ? xmlBase(resourcesEl) : "";
  const resources = resourcesEl ? childElements(resourcesEl, ns, "resource") : [];
  const resourceById = new Map(resources.map((r) => [attr(r, "identifier") ?? "", r]));
  let scoCount = 0;
  for (const resource of resources) {
    const id = attr(resource, "identifier") ?? "?";
    const bases = [resourcesBase, xmlBase(resource)];
    const scormType = resource.getAttributeNS(adlcp, scormTypeAttr);
    if (scormType === "sco") scoCount++;
    const href = attr(resource, "href");
    const files = childElements(resource, ns, "file");
    if (href !== null) {
      checkFile(href, bases, `resource "${id}" href`, `href="${href}"`);
      const launch = resolveHref(href, bases);
      const listed = files.some((f) => {
        const r = resolveHref(attr(f, "href") ?? "", bases);
        return launch.kind === "file" && r.kind === "file" && r.path === launch.path;
      });
      if (launch.kind === "file" && !listed) {
        problems.push(
          warning(
            "scorm/launch-file-not-listed",
            `resource "${id}": its href "${href}" is not listed as a <file> (some LMSs serve only listed files)`,
            at(`identifier="${id}"`),
          ),
        );
      }
    }
    for (const file of files) {
      const fileHref = attr(file, "href");
      if (fileHref === null) continue; // the schema reports the missing attribute
      checkFile(fileHref, bases, `resource "${id}" file`, `href="${fileHref}"`);
    }
    for (const dependency of childElements(resource, ns, "dependency")) {
      const ref = attr(dependency, "identifierref") ?? "";
      if (!resourceById.has(ref))
        problems.push(error("scorm/identifierref", `resource "${id}" <dependency identifierref="${ref}"> names no <resource>`, at(`identifierref="${ref}"`)));
    }
  }
  if (scoCount === 0) problems.push(warning("scorm/no-sco", `no resource has adlcp:${scormTypeAttr}="sco": the package cannot report to the LMS`));

  // Items: identifierref must resolve, and a launched resource needs an href.
  for (const item of descendants(root, ns, "item")) {
    const id = attr(item, "identifier") ?? "?";
    const ref = attr(item, "identifierref");
    if (ref === null) continue;
    const resource = resourceById.get(ref);
    if (!resource) problems.push(error("scorm/identifierref", `item "${id}" identifierref="${ref}" names no <resource>`, at(`identifierref="${ref}"`)));
    else if (attr(resource, "href") === null)
      problems.push(
        error("scorm/launch-without-href", `item "${id}" launches resource "${ref}", which has no href`, at(`identifier="${ref}"`, { last: true })),
      );
    if (kind === "scorm12") {
      for (const mastery of childElements(item, SCORM12.adlcp, "masteryscore")) {
        const text = textOf(mastery);
        const value = Number(text);
        if (text === "" || !Number.isFinite(value) || value < 0 || value > 100) {
          problems.push(error("scorm12/masteryscore", `item "${id}" adlcp:masteryscore "${text}" is not a number from 0 to 100`, at(`masteryscore>${text}`)));
        }
      }
    }
  }

  // External metadata files (adlcp:location) must be in the zip too.
  for (const location of descendants(root, adlcp, "location")) {
    checkFile(textOf(location), [], "adlcp:location", `>${textOf(location)}<`);
  }
  problems.push(...checkScormItems(root, at, kind));
  return problems;
}
