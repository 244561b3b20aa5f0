// tincan.xml structure rules (docs/xapi-target.md "tincan.xml"; there is no official XSD we ship, so
// the shape of the public tincan.xsd is checked here): root <tincan> in the Tin Can namespace holding
// <activities>; every <activity> has an absolute-IRI id (unique) and a type; at least one activity
// has a <launch> whose file is in the zip (http(s) launches are reported, not checked), and no launch
// uses a Tin Can launch parameter name the LMS appends itself.
import { TINCAN_NS } from "../manifest/namespaces";
import { caseHints } from "./case-hint";
import { isAbsoluteIri } from "./cmi5-rules";
import { attr, childElements, descendants, textOf, type DocumentLike } from "./dom";
import { resolveHref } from "./href";
import type { Locate } from "./line-index";
import type { PackageProblem } from "./report";

const FILE = "tincan.xml";
/** The Tin Can launch parameters the LMS appends to the launch URL. */
export const TINCAN_LAUNCH_PARAMETERS = ["endpoint", "auth", "actor", "registration", "activity_id"] as const;

function error(rule: string, message: string, line: number | null = null): PackageProblem {
  return { rule, severity: "error", file: FILE, line, message };
}
function warning(rule: string, message: string, line: number | null = null): PackageProblem {
  return { rule, severity: "warning", file: FILE, line, message };
}

export function checkTincanXml(doc: DocumentLike, at: Locate, zipEntries: ReadonlySet<string>): PackageProblem[] {
  const root = doc.documentElement;
  if (root.localName !== "tincan" || root.namespaceURI !== TINCAN_NS) {
    return [error("tincan/not-a-tincan-file", `root element is <${root.localName}> in "${root.namespaceURI ?? ""}", expected <tincan> in ${TINCAN_NS}`)];
  }
  const problems: PackageProblem[] = [];
  const lists = childElements(root, TINCAN_NS, "activities");
  if (lists.length !== 1) problems.push(error("tincan/activities", `<tincan> must hold one <activities>, found ${lists.length}`));
  const activities = lists.flatMap((list) => childElements(list, TINCAN_NS, "activity"));
  if (activities.length === 0) return [...problems, error("tincan/no-activity", "tincan.xml has no <activity>: there is nothing to launch")];
  const caseHint = caseHints(zipEntries);
  const seen = new Set<string>();
  let launchable = 0;
  for (const activity of activities) {
    const id = attr(activity, "id");
    const line = id === null ? null : at(`id="${id}"`);
    if (id === null || !isAbsoluteIri(id)) {
      problems.push(error("tincan/id-not-absolute-iri", `<activity id="${id ?? ""}">: an activity id must be an absolute IRI (xAPI 1.0.3 §2.4.4.1)`, line));
    } else if (seen.has(id)) {
      problems.push(error("tincan/duplicate-id", `<activity id="${id}"> is listed twice`, at(`id="${id}"`, { last: true })));
    }
    if (id !== null) seen.add(id);
    if (attr(activity, "type") === null) problems.push(warning("tincan/no-type", `activity "${id ?? ""}" has no type`, line));
    if (descendants(activity, TINCAN_NS, "name").length === 0) problems.push(warning("tincan/no-name", `activity "${id ?? ""}" has no <name>`, line));
    const launch = childElements(activity, TINCAN_NS, "launch")[0];
    if (!launch) continue;
    launchable++;
    const url = textOf(launch).trim();
    const resolved = resolveHref(url);
    const where = at(`${url}</launch>`) ?? line;
    if (resolved.kind === "bad") {
      problems.push(error(`tincan/launch/${resolved.rule.replace("href/", "")}`, `activity "${id ?? ""}" launch: ${resolved.reason}`, where));
      continue;
    }
    if (resolved.kind === "external") {
      problems.push(warning("tincan/launch-external", `activity "${id ?? ""}" launch "${url}" is hosted outside the package; it was not checked`, where));
    } else if (!zipEntries.has(resolved.path)) {
      problems.push(
        error("tincan/launch-missing", `activity "${id ?? ""}" launch "${url}": "${resolved.path}" is not in the zip${caseHint(resolved.path)}`, where),
      );
    }
    const query = resolved.kind === "file" ? resolved.query : "";
    for (const name of new URLSearchParams(query).keys()) {
      if ((TINCAN_LAUNCH_PARAMETERS as readonly string[]).includes(name)) {
        problems.push(error("tincan/reserved-launch-parameter", `activity "${id ?? ""}" launch uses "${name}", a parameter the LMS adds itself`, where));
      }
    }
  }
  if (launchable === 0) problems.push(error("tincan/no-launch", "no <activity> has a <launch>: an LMS has nothing to launch"));
  return problems;
}
