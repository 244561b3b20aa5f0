// Checks of the items of a SCORM imsmanifest.xml that the schemas cannot make, as a multi-unit
// package uses them (docs/validate.md, docs/multi-unit.md): item `parameters` (SCORM CAM, item),
// several items launching the same resource the same way, SCORM 1.2 `adlcp:prerequisites` naming
// items, and SCORM 2004 sequencing rules naming objectives (SCORM 2004 SN).
import { SCORM12, SCORM2004 } from "../manifest/namespaces";
import { attr, childElements, descendants, textOf, type ElementLike } from "./dom";
import type { Locate } from "./line-index";
import type { PackageKind, PackageProblem } from "./report";

const MANIFEST = "imsmanifest.xml";

function error(rule: string, message: string, line: number | null = null): PackageProblem {
  return { rule, severity: "error", file: MANIFEST, line, message };
}
function warning(rule: string, message: string, line: number | null = null): PackageProblem {
  return { rule, severity: "warning", file: MANIFEST, line, message };
}

/** Whitespace or control characters: a URL cannot carry them unencoded. */
const NOT_IN_URL = /[\u0000-\u0020\u007f]/;

/** Why `parameters` cannot be appended to a launch URL, or null when it can. */
function badParameters(value: string): string | null {
  if (NOT_IN_URL.test(value)) return "contains a space or control character; encode it (%20)";
  try {
    decodeURIComponent(value);
  } catch {
    return "has malformed percent-encoding";
  }
  return null;
}

/** The item identifiers an AICC script (SCORM 1.2 adlcp:prerequisites) names. */
export function aiccScriptIdentifiers(script: string): string[] {
  const stripped = script
    .replace(/(=|<>)\s*("[^"]*"|[A-Za-z][A-Za-z ]*)/g, " ") // ITEM=passed, ITEM<>"failed": the status is not an identifier
    .replace(/\d+\s*\*\s*\{/g, "{"); // 2*{A,B,C}: the count is not an identifier
  return stripped
    .split(/[&|~(){},]/)
    .map((token) => token.trim())
    .filter((token) => token !== "");
}

function checkParameters(item: ElementLike, kind: PackageKind, at: Locate): PackageProblem[] {
  const id = attr(item, "identifier") ?? "?";
  const parameters = attr(item, "parameters");
  if (parameters === null) return [];
  const needle = `parameters="${parameters}"`;
  if (attr(item, "identifierref") === null) {
    return [warning("scorm/parameters-unused", `item "${id}" has parameters="${parameters}" but launches nothing (no identifierref)`, at(needle))];
  }
  const bad = badParameters(parameters);
  if (bad) return [error("scorm/parameters", `item "${id}" parameters="${parameters}" ${bad}`, at(needle))];
  if (parameters !== "" && !parameters.startsWith("?") && !parameters.startsWith("#")) {
    const why =
      kind === "scorm12"
        ? "SCORM 1.2 does not say how the LMS joins it to the href, and LMSs that append it as written launch a file that does not exist"
        : 'the SCORM 2004 CAM tells the LMS to add the "?" itself, but LMSs that append it as written launch a file that does not exist';
    return [warning("scorm/parameters-form", `item "${id}" parameters="${parameters}" starts with neither "?" nor "#": ${why}`, at(needle))];
  }
  return [];
}

/** SCORM 1.2: every identifier in an aicc_script prerequisite names an item of the manifest. */
function checkPrerequisites(item: ElementLike, itemIds: ReadonlySet<string>, at: Locate): PackageProblem[] {
  const id = attr(item, "identifier") ?? "?";
  const problems: PackageProblem[] = [];
  for (const prerequisites of childElements(item, SCORM12.adlcp, "prerequisites")) {
    const script = textOf(prerequisites);
    for (const name of aiccScriptIdentifiers(script)) {
      if (name === id) {
        problems.push(error("scorm12/prerequisites", `item "${id}" requires itself in adlcp:prerequisites: it can never be launched`, at(`>${script}<`)));
      } else if (!itemIds.has(name)) {
        problems.push(error("scorm12/prerequisites", `item "${id}" adlcp:prerequisites "${script}" names "${name}", which is no <item>`, at(`>${script}<`)));
      }
    }
  }
  return problems;
}

/** SCORM 2004: a rule condition's referencedObjective is one of the same activity's objectives (SN). */
function checkReferencedObjectives(item: ElementLike, at: Locate): PackageProblem[] {
  const ss = SCORM2004.imsss;
  const sequencing = childElements(item, ss, "sequencing")[0];
  if (!sequencing) return [];
  const id = attr(item, "identifier") ?? "?";
  const objectives = childElements(sequencing, ss, "objectives")[0];
  const known = new Set(
    objectives
      ? [...childElements(objectives, ss, "primaryObjective"), ...childElements(objectives, ss, "objective")].map((o) => attr(o, "objectiveID") ?? "")
      : [],
  );
  const problems: PackageProblem[] = [];
  for (const condition of descendants(sequencing, ss, "ruleCondition")) {
    const ref = attr(condition, "referencedObjective");
    if (ref !== null && !known.has(ref)) {
      problems.push(
        error(
          "scorm2004/referenced-objective",
          `item "${id}" has a rule condition on referencedObjective="${ref}", which is not one of its objectives`,
          at(`referencedObjective="${ref}"`),
        ),
      );
    }
  }
  return problems;
}

/**
 * SCORM 2004 with adlseq:objectivesGlobalToSystem="false": a global objective that an item reads but
 * no item of this manifest writes can never change (no other course shares it).
 */
function checkGlobalObjectives(root: ElementLike, ns: string, at: Locate): PackageProblem[] {
  const ss = SCORM2004.imsss;
  const problems: PackageProblem[] = [];
  for (const organization of descendants(root, ns, "organization")) {
    if (organization.getAttributeNS(SCORM2004.adlseq, "objectivesGlobalToSystem") !== "false") continue;
    const maps = descendants(organization, ss, "mapInfo");
    const written = new Set(maps.filter((m) => attr(m, "writeSatisfiedStatus") === "true").map((m) => attr(m, "targetObjectiveID")));
    for (const map of maps) {
      const target = attr(map, "targetObjectiveID");
      if (target === null || attr(map, "readSatisfiedStatus") === "false" || written.has(target)) continue;
      problems.push(
        warning(
          "scorm2004/global-objective-never-written",
          `the global objective "${target}" is read but no item writes its satisfied status (writeSatisfiedStatus="true"), and objectivesGlobalToSystem="false" keeps other courses out: it stays unknown`,
          at(`targetObjectiveID="${target}"`),
        ),
      );
    }
  }
  return problems;
}

export function checkScormItems(root: ElementLike, at: Locate, kind: PackageKind): PackageProblem[] {
  const ns = kind === "scorm12" ? SCORM12.imscp : SCORM2004.imscp;
  const items = descendants(root, ns, "item");
  const itemIds = new Set(items.map((i) => attr(i, "identifier") ?? ""));
  const problems: PackageProblem[] = [];
  const launches = new Map<string, string>();
  for (const item of items) {
    problems.push(...checkParameters(item, kind, at));
    const ref = attr(item, "identifierref");
    if (ref !== null) {
      // Several items may share one resource (a multi-unit package does), each launched its own way.
      const launch = `${ref}\u0000${attr(item, "parameters") ?? ""}`;
      const id = attr(item, "identifier") ?? "?";
      const first = launches.get(launch);
      if (first !== undefined) {
        problems.push(
          warning(
            "scorm/duplicate-launch",
            `items "${first}" and "${id}" launch resource "${ref}" with the same parameters: the learner gets the same content twice`,
            at(`identifier="${id}"`),
          ),
        );
      } else launches.set(launch, id);
    }
    if (kind === "scorm12") problems.push(...checkPrerequisites(item, itemIds, at));
    else problems.push(...checkReferencedObjectives(item, at));
  }
  if (kind !== "scorm12") problems.push(...checkGlobalObjectives(root, ns, at));
  return problems;
}
