// What the preview needs from an unpacked package's manifest: which target it is and every unit an LMS
// would offer to launch — each cmi5 AU (cmi5 §13.1.4) or each SCORM SCO (an item of the default
// organization whose resource is a sco, each tincan.xml activity with a launch) with its launch file,
// moveOn, mastery score (0..100) and, for SCORM 2004, its objective ids (imsss:objectives) — read as
// an LMS importing the package would.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Cmi5MoveOn, TargetId } from "../../runtime/course/types";
import { CMI5_NS, SCORM12, SCORM2004, TINCAN_NS } from "../manifest/namespaces";
import { flatTree } from "./course-rollup";
import { attr, childElements, descendants, textOf, type ElementLike } from "../validate/dom";
import { parseXml } from "../validate/xml-dom";
import { detectScormKind } from "../validate/scorm-rules";
import { cmi5Tree, scormTree, type TreeNode } from "./package-tree";

/** One launchable unit: a cmi5 AU, a SCORM SCO or a Tin Can activity with a launch. */
export interface LaunchUnit {
  /** cmi5: the AU id (publisher id); SCORM: the item identifier; Tin Can: the activity id (the launch's activity_id). */
  id: string;
  title: string;
  /** Launch file, relative to the package root (forward slashes, may carry a query). */
  launchPath: string;
  moveOn: Cmi5MoveOn;
  /** 0..100, null when the manifest declares none. */
  masteryScore: number | null;
  /** SCORM 2004: the ids of the SCO's objectives, the primary one first when it has an id (else empty). */
  objectives: string[];
}

export interface PackageInfo {
  target: TargetId;
  /** Folder the package was unpacked into. */
  root: string;
  title: string;
  /** The first unit's launch file (what an LMS launches by default). */
  launchPath: string;
  /** cmi5: the first AU's id (publisher id); SCORM: the manifest identifier. */
  activityId: string;
  /** The first unit's. */
  moveOn: Cmi5MoveOn;
  /** The first unit's: 0..100, null when the manifest declares none. */
  masteryScore: number | null;
  /** Every unit in manifest order (at least one); the first is the default. */
  units: LaunchUnit[];
  /** The course tree (blocks / clusters and units) the course-level rollup reads (package-tree.ts); absent: the units, flat. */
  tree?: TreeNode;
}

const MOVE_ON: readonly Cmi5MoveOn[] = ["Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"];

export class PackageInfoError extends Error {
  constructor(root: string, message: string) {
    super(`${root}: ${message}`);
    this.name = "PackageInfoError";
  }
}

export function readPackageInfo(root: string): PackageInfo {
  if (existsSync(join(root, "cmi5.xml"))) return readCmi5(root);
  if (existsSync(join(root, "imsmanifest.xml"))) return readScorm(root);
  if (existsSync(join(root, "tincan.xml"))) return readTincan(root);
  throw new PackageInfoError(root, "no cmi5.xml, imsmanifest.xml or tincan.xml at the root of the package");
}

/** The unit `id` names, or the first one when `id` is absent; undefined for an unknown id. */
export function unitOf(pkg: PackageInfo, id: string | undefined): LaunchUnit | undefined {
  return id === undefined ? pkg.units[0] : pkg.units.find((u) => u.id === id);
}

function readCmi5(root: string): PackageInfo {
  const doc = parseXml(readFileSync(join(root, "cmi5.xml"), "utf8"));
  const units = descendants(doc, CMI5_NS, "au").map((au): LaunchUnit => {
    const moveOnText = attr(au, "moveOn") ?? "NotApplicable";
    const mastery = attr(au, "masteryScore");
    return {
      id: attr(au, "id") ?? "",
      title: textOf(descendants(au, CMI5_NS, "langstring")[0]),
      launchPath: textOf(childElements(au, CMI5_NS, "url")[0]),
      moveOn: (MOVE_ON as readonly string[]).includes(moveOnText) ? (moveOnText as Cmi5MoveOn) : "NotApplicable",
      masteryScore: mastery === null ? null : percent(Number(mastery) * 100),
      objectives: [],
    };
  });
  const first = units[0];
  if (!first) throw new PackageInfoError(root, "cmi5.xml has no <au>");
  return { target: "cmi5", root, title: first.title, ...firstUnitFacts(first), activityId: first.id, units, tree: cmi5Tree(doc) };
}

/** Tin Can: the activities with a <launch>, in file order (an LMS launches the first by default); no mastery score, no moveOn. */
function readTincan(root: string): PackageInfo {
  const doc = parseXml(readFileSync(join(root, "tincan.xml"), "utf8"));
  const activities = descendants(doc, TINCAN_NS, "activity");
  const nameOf = (a: ElementLike) => textOf(childElements(a, TINCAN_NS, "name")[0]).trim();
  const units = activities
    .filter((a) => childElements(a, TINCAN_NS, "launch").length > 0)
    .map((a): LaunchUnit => ({
      id: attr(a, "id") ?? "",
      title: nameOf(a),
      launchPath: textOf(childElements(a, TINCAN_NS, "launch")[0]).trim(),
      moveOn: "NotApplicable",
      masteryScore: null,
      objectives: [],
    }));
  const first = units[0];
  if (!first) throw new PackageInfoError(root, "tincan.xml has no <activity> with a <launch>");
  const title = nameOf(activities[0]!) || first.title;
  // Multi-unit: the course activity (no launch) first, then the units — the course rollup's root.
  const course = childElements(activities[0]!, TINCAN_NS, "launch").length === 0 ? (attr(activities[0]!, "id") ?? "") : null;
  const tree = course === null ? undefined : flatTree(course, title, units);
  return { target: "xapi", root, title, ...firstUnitFacts(first), activityId: first.id, units, ...(tree ? { tree } : {}) };
}

function readScorm(root: string): PackageInfo {
  const doc = parseXml(readFileSync(join(root, "imsmanifest.xml"), "utf8"));
  const detected = detectScormKind(doc);
  if (detected.kind === null || detected.kind === "cmi5")
    throw new PackageInfoError(root, detected.kind === null ? detected.problem.message : "not a SCORM manifest");
  const target = detected.kind;
  const ns = target === "scorm12" ? SCORM12.imscp : SCORM2004.imscp;
  const resources = new Map(descendants(doc, ns, "resource").map((r) => [attr(r, "identifier") ?? "", r]));
  const launchable = organizationItems(doc, ns).filter((i) => attr(i, "identifierref") !== null);
  if (launchable.length === 0) throw new PackageInfoError(root, "imsmanifest.xml has no <item> that launches a resource");
  const isSco = (item: ElementLike) => {
    const resource = resources.get(attr(item, "identifierref") ?? "");
    const adlcp = target === "scorm12" ? SCORM12.adlcp : SCORM2004.adlcp;
    return resource?.getAttributeNS(adlcp, target === "scorm12" ? "scormtype" : "scormType") === "sco";
  };
  // Every SCO; a package with none (assets only) still launches its first launchable item.
  const scos = launchable.filter(isSco);
  const units = (scos.length > 0 ? scos : launchable.slice(0, 1)).map((item): LaunchUnit => {
    const href = attr(resources.get(attr(item, "identifierref") ?? "") ?? item, "href");
    if (!href) throw new PackageInfoError(root, `the resource of item "${attr(item, "identifier") ?? ""}" has no href`);
    const sequencing = target === "scorm12" ? null : sequencingOf(doc, item);
    return {
      id: attr(item, "identifier") ?? "",
      title: textOf(childElements(item, ns, "title")[0]),
      launchPath: withParameters(href, attr(item, "parameters") ?? ""),
      moveOn: "NotApplicable",
      masteryScore: target === "scorm12" ? mastery12(item) : mastery2004(sequencing),
      objectives: sequencing ? objectiveIds(sequencing) : [],
    };
  });
  const first = units[0]!;
  const tree = scormTree(doc, ns, defaultOrganization(doc, ns), new Set(units.map((u) => u.id)), target !== "scorm12");
  return { target, root, title: first.title, ...firstUnitFacts(first), activityId: attr(doc.documentElement, "identifier") ?? "", units, tree };
}

function firstUnitFacts(unit: LaunchUnit): Pick<PackageInfo, "launchPath" | "moveOn" | "masteryScore"> {
  return { launchPath: unit.launchPath, moveOn: unit.moveOn, masteryScore: unit.masteryScore };
}

/** The default organization (IMS CP: organizations@default, else the first). */
function defaultOrganization(doc: Document, ns: string): ElementLike | undefined {
  const organizations = descendants(doc, ns, "organization");
  const wanted = attr(descendants(doc, ns, "organizations")[0] ?? doc.documentElement, "default");
  return organizations.find((o) => attr(o, "identifier") === wanted) ?? organizations[0];
}

/** The items of the default organization, in order. */
function organizationItems(doc: Document, ns: string): ElementLike[] {
  const organization = defaultOrganization(doc, ns);
  return organization ? descendants(organization, ns, "item") : [];
}

/**
 * An item's launch URL: the resource href with the item's `parameters` joined as IMS CP / SCORM 2004
 * CAM (item parameters) say: a leading "?" becomes "&" when the href already has a query, a leading
 * "&" becomes "?" when it has none, a fragment is added only when the href has none, and bare
 * parameters get "?" or "&" in front.
 */
export function withParameters(href: string, parameters: string): string {
  const text = parameters.trim();
  if (text === "") return href;
  const hasQuery = href.includes("?");
  if (text.startsWith("#")) return href.includes("#") ? href : href + text;
  if (text.startsWith("?")) return href + (hasQuery ? `&${text.slice(1)}` : text);
  if (text.startsWith("&")) return href + (hasQuery ? text : `?${text.slice(1)}`);
  return href + (hasQuery ? "&" : "?") + text;
}

/** The item's own imsss:sequencing, or the sequencingCollection entry its IDRef names (SCORM 2004 CAM 5.1). */
function sequencingOf(doc: Document, item: ElementLike): ElementLike | null {
  const own = childElements(item, SCORM2004.imsss, "sequencing")[0] ?? null;
  if (own && descendants(own, SCORM2004.imsss, "objectives").length > 0) return own;
  const ref = own ? attr(own, "IDRef") : null;
  if (ref === null) return own;
  const collection = descendants(doc, SCORM2004.imsss, "sequencingCollection")[0];
  return (collection && childElements(collection, SCORM2004.imsss, "sequencing").find((s) => attr(s, "ID") === ref)) ?? own;
}

/**
 * SCORM 2004 RTE §4.2.17: the LMS initialises cmi.objectives.n.id with the objectives the manifest
 * declares for the SCO — the primary objective (when it has an objectiveID) first, then each
 * imsss:objective, in manifest order, without repeats.
 */
function objectiveIds(sequencing: ElementLike): string[] {
  const objectives = childElements(sequencing, SCORM2004.imsss, "objectives")[0];
  if (!objectives) return [];
  const primary = childElements(objectives, SCORM2004.imsss, "primaryObjective")
    .map((o) => attr(o, "objectiveID"))
    .filter((id): id is string => id !== null && id !== "");
  const others = childElements(objectives, SCORM2004.imsss, "objective").map((o) => attr(o, "objectiveID") ?? "");
  return [...new Set([...primary, ...others].filter((id) => id !== ""))];
}

function mastery12(item: ElementLike): number | null {
  const text = textOf(descendants(item, SCORM12.adlcp, "masteryscore")[0]);
  return text === "" ? null : percent(Number(text));
}

function mastery2004(sequencing: ElementLike | null): number | null {
  const primary = sequencing ? descendants(sequencing, SCORM2004.imsss, "primaryObjective")[0] : undefined;
  const measure = primary ? textOf(descendants(primary, SCORM2004.imsss, "minNormalizedMeasure")[0]) : "";
  return measure === "" ? null : percent(Number(measure) * 100);
}

function percent(value: number): number | null {
  return Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : null;
}
