// What the preview needs from an unpacked package's manifest: which target it is, the launch file,
// the cmi5 AU id and moveOn, and the author's mastery score (0..100) — read as an LMS would.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Cmi5MoveOn, TargetId } from "../../runtime/course/types";
import { CMI5_NS, SCORM12, SCORM2004 } from "../manifest/namespaces";
import { attr, childElements, descendants, textOf } from "../validate/dom";
import { parseXml } from "../validate/xml-dom";
import { detectScormKind } from "../validate/scorm-rules";

export interface PackageInfo {
  target: TargetId;
  /** Folder the package was unpacked into. */
  root: string;
  title: string;
  /** Launch file, relative to the package root (forward slashes, may carry a query). */
  launchPath: string;
  /** cmi5 AU id (publisher id); for SCORM the manifest identifier. */
  activityId: string;
  moveOn: Cmi5MoveOn;
  /** 0..100, null when the manifest declares none. */
  masteryScore: number | null;
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
  throw new PackageInfoError(root, "neither cmi5.xml nor imsmanifest.xml at the root of the package");
}

function readCmi5(root: string): PackageInfo {
  const doc = parseXml(readFileSync(join(root, "cmi5.xml"), "utf8"));
  const au = descendants(doc, CMI5_NS, "au")[0];
  if (!au) throw new PackageInfoError(root, "cmi5.xml has no <au>");
  const moveOnText = attr(au, "moveOn") ?? "NotApplicable";
  const mastery = attr(au, "masteryScore");
  const title = textOf(descendants(au, CMI5_NS, "langstring")[0]);
  return {
    target: "cmi5",
    root,
    title,
    launchPath: textOf(childElements(au, CMI5_NS, "url")[0]),
    activityId: attr(au, "id") ?? "",
    moveOn: (MOVE_ON as readonly string[]).includes(moveOnText) ? (moveOnText as Cmi5MoveOn) : "NotApplicable",
    masteryScore: mastery === null ? null : percent(Number(mastery) * 100),
  };
}

function readScorm(root: string): PackageInfo {
  const doc = parseXml(readFileSync(join(root, "imsmanifest.xml"), "utf8"));
  const detected = detectScormKind(doc);
  if (detected.kind === null || detected.kind === "cmi5")
    throw new PackageInfoError(root, detected.kind === null ? detected.problem.message : "not a SCORM manifest");
  const target = detected.kind;
  const ns = target === "scorm12" ? SCORM12.imscp : SCORM2004.imscp;
  const item = descendants(doc, ns, "item").find((i) => attr(i, "identifierref") !== null);
  if (!item) throw new PackageInfoError(root, "imsmanifest.xml has no <item> that launches a resource");
  const resource = descendants(doc, ns, "resource").find((r) => attr(r, "identifier") === attr(item, "identifierref"));
  const href = resource ? attr(resource, "href") : null;
  if (!href) throw new PackageInfoError(root, `the resource of item "${attr(item, "identifier") ?? ""}" has no href`);
  const parameters = attr(item, "parameters") ?? "";
  let masteryScore: number | null = null;
  if (target === "scorm12") {
    const text = textOf(descendants(item, SCORM12.adlcp, "masteryscore")[0]);
    masteryScore = text === "" ? null : percent(Number(text));
  } else {
    const primary = descendants(item, SCORM2004.imsss, "primaryObjective")[0];
    const measure = primary ? textOf(descendants(primary, SCORM2004.imsss, "minNormalizedMeasure")[0]) : "";
    masteryScore = measure === "" ? null : percent(Number(measure) * 100);
  }
  return {
    target,
    root,
    title: textOf(childElements(item, ns, "title")[0]),
    launchPath: href + parameters,
    activityId: attr(doc.documentElement, "identifier") ?? "",
    moveOn: "NotApplicable",
    masteryScore,
  };
}

function percent(value: number): number | null {
  return Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : null;
}
