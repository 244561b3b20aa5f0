// Checks a launch request from the launch page (or a test) and fills in what the author left out
// from the package's own facts — bad input gets a clear message naming the field.
import { ALL_TARGETS, type Cmi5MoveOn, type TargetId } from "../../runtime/course/types";
import { coverage, profileCovers } from "./lms-profiles/registry";
import { unitOf, type LaunchUnit, type PackageInfo } from "./package-info";
import { LMS_PROFILE_IDS, type Cmi5Facts, type LaunchRequest, type LmsProfileId, type ScormFacts } from "./protocol";

export class LaunchRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LaunchRequestError";
  }
}

const MOVE_ON: readonly Cmi5MoveOn[] = ["Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"];
const LAUNCH_MODES = ["Normal", "Browse", "Review"] as const;
const SCORM_MODES = ["normal", "browse", "review"] as const;
const PREVIOUS = ["stored", "not attempted", "incomplete", "completed", "passed", "failed"] as const;

export interface CheckedLaunch {
  target: TargetId;
  learner: "current" | "new";
  cmi5: Cmi5Facts;
  scorm: ScormFacts;
  /** The LMS behaviour asked for; null = the preview's default. */
  lms: LmsProfileId | null;
  newAttempt: boolean;
  /** The AU / SCO to launch (the package's first unless the request names another). */
  unit: LaunchUnit;
}

export function checkLaunchRequest(body: unknown, packages: ReadonlyMap<TargetId, PackageInfo>): CheckedLaunch {
  if (typeof body !== "object" || body === null) throw new LaunchRequestError("the launch request must be a JSON object");
  const request = body as Partial<LaunchRequest>;
  const target = request.target;
  if (!target || !(ALL_TARGETS as readonly string[]).includes(target)) throw new LaunchRequestError(`target: expected one of ${ALL_TARGETS.join(", ")}`);
  const pkg = packages.get(target);
  if (!pkg) throw new LaunchRequestError(`target: this preview has no ${target} package (it has ${[...packages.keys()].join(", ")})`);
  const learner = request.learner ?? "current";
  if (learner !== "current" && learner !== "new") throw new LaunchRequestError(`learner: expected "current" or "new"`);
  const c = request.cmi5 ?? {};
  const s = request.scorm ?? {};
  const lms = request.lms === undefined ? null : oneOf("lms", request.lms, LMS_PROFILE_IDS, "strict");
  if (lms !== null && !profileCovers(lms, target)) throw new LaunchRequestError(`lms: ${coverage(lms)}, not ${target}`);
  const unit = launchUnit(request.unit, pkg);
  return {
    target,
    learner,
    lms,
    unit,
    newAttempt: bool("newAttempt", request.newAttempt, false),
    cmi5: {
      masteryScore: mastery("cmi5.masteryScore", c.masteryScore, unit.masteryScore),
      launchMode: oneOf("cmi5.launchMode", c.launchMode, LAUNCH_MODES, "Normal"),
      moveOn: oneOf("cmi5.moveOn", c.moveOn, MOVE_ON, unit.moveOn),
      returnURL: returnUrl(c.returnURL),
    },
    scorm: {
      masteryScore: mastery("scorm.masteryScore", s.masteryScore, unit.masteryScore),
      credit: bool("scorm.credit", s.credit, true),
      mode: oneOf("scorm.mode", s.mode, SCORM_MODES, "normal"),
      previousStatus: oneOf("scorm.previousStatus", s.previousStatus, PREVIOUS, "stored"),
      commitFailures: count("scorm.commitFailures", s.commitFailures),
    },
  };
}

/** The unit named (an AU / SCO id of the package), else the first; a package read without units launches as one. */
function launchUnit(value: unknown, pkg: PackageInfo): LaunchUnit {
  if (value !== undefined && typeof value !== "string") throw new LaunchRequestError("unit: expected the id of an AU / SCO of the package");
  const unit = unitOf(pkg, value);
  if (unit) return unit;
  if (value === undefined)
    return { id: pkg.activityId, title: pkg.title, launchPath: pkg.launchPath, moveOn: pkg.moveOn, masteryScore: pkg.masteryScore, objectives: [] };
  throw new LaunchRequestError(`unit: the ${pkg.target} package has no AU / SCO "${value}" (it has ${pkg.units.map((u) => u.id).join(", ")})`);
}

function mastery(field: string, value: unknown, fallback: number | null): number | null {
  if (value === undefined) return fallback;
  if (value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 100)
    throw new LaunchRequestError(`${field}: expected a number from 0 to 100, or null for none`);
  return value;
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value))
    throw new LaunchRequestError(`${field}: expected one of ${allowed.join(", ")}`);
  return value as T;
}

function bool(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new LaunchRequestError(`${field}: expected true or false`);
  return value;
}

function count(field: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new LaunchRequestError(`${field}: expected a whole number ≥ 0`);
  return value;
}

/**
 * cmi5 §10 (LMS.LaunchData returnURL): the AU navigates its window there on exit, so it must be a web
 * URL — http(s), absolute or a path on the package origin. javascript:, data:, file:… are refused.
 */
function returnUrl(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") throw new LaunchRequestError("cmi5.returnURL: expected an http(s) URL or a path");
  let scheme: string;
  try {
    scheme = new URL(value, "http://127.0.0.1/").protocol;
  } catch {
    throw new LaunchRequestError("cmi5.returnURL: expected an http(s) URL or a path");
  }
  if (scheme !== "http:" && scheme !== "https:") throw new LaunchRequestError(`cmi5.returnURL: expected an http(s) URL or a path, not a ${scheme} URL`);
  return value;
}
