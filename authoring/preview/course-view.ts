// "What the LMS holds" for a whole course: each AU / SCO / Tin Can activity's result on its own (cmi5,
// Tin Can: the statements about that unit in the learner's registration; SCORM: the data model the LMS
// keeps for that SCO) and the course-level rollup of course-rollup.ts, with the rule it applies in words.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Statement } from "@xapi/xapi";
import type { TargetId } from "../../runtime/course/types";
import { UNIT_PARAMETER, unitCourseDataPath } from "../../runtime/course/units";
import { VERB } from "../../runtime/lms/cmi5/vocabulary";
import type { LocalLms } from "../lrs";
import { satisfaction, VERB_SATISFIED, type Cmi5GroupEntry } from "../lrs/satisfied";
import {
  cmi5CourseEntry,
  CMI5_RULE,
  flatTree,
  scorm12Rollup,
  scorm2004Rollup,
  SCORM12_RULE,
  SCORM2004_RULE,
  tincanRollup,
  tincanUnitDone,
  TINCAN_RULE,
  type Scorm2004UnitState,
  type TincanUnitState,
} from "./course-rollup";
import { launchActivityId, lmsGroupId } from "./lms-ids";
import type { LaunchUnit, PackageInfo } from "./package-info";
import { blocksOf, unitsOf, type TreeNode } from "./package-tree";
import type { CourseView, RollupEntry, UnitResult } from "./protocol";
import { effectiveData, type ScormStore } from "./scorm-store";
import { tincanView } from "./tincan-view";

const EXT_SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

export function treeOf(pkg: PackageInfo): TreeNode {
  return pkg.tree ?? flatTree(pkg.activityId, pkg.title, pkg.units);
}

/** The course structure the preview's LMS imported from a cmi5 package (what its Satisfied statements are about). */
export function cmi5Course(pkg: PackageInfo): Cmi5GroupEntry {
  const facts = new Map(pkg.units.map((u) => [u.id, { moveOn: u.moveOn, activityId: launchActivityId(u.id) }]));
  return cmi5CourseEntry(treeOf(pkg), facts, (node) => lmsGroupId(node.kind === "course" ? "course" : "block", node.id));
}

/** Where each unit sits: its block / cluster id, null at the top. */
function parents(tree: TreeNode): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const walk = (node: TreeNode, parent: string | null) => {
    for (const child of node.children) {
      if (child.kind === "unit") out.set(child.id, parent);
      else walk(child, child.id);
    }
  };
  walk(tree, null);
  return out;
}

export function cmi5CourseView(pkg: PackageInfo, learner: { id: string; registration: string }, lms: LocalLms): CourseView {
  const tree = treeOf(pkg);
  const course = cmi5Course(pkg);
  const statements = lms.statements({ registration: learner.registration });
  const met = satisfaction(course, statements);
  const where = parents(tree);
  const units = pkg.units.map((unit): UnitResult => {
    const activityId = launchActivityId(unit.id);
    const own = statements.filter((s) => (s.object as { id?: string }).id === activityId);
    const has = (verb: string) => own.filter((s) => s.verb.id === verb);
    const passed = has(VERB.passed)[0];
    const judged = passed ?? has(VERB.failed).at(-1);
    const scaled = judged?.result?.score?.scaled;
    const sessions = new Set(own.map((s) => s.context?.extensions?.[EXT_SESSION]).filter((id) => typeof id === "string")).size;
    return {
      id: unit.id,
      title: unit.title,
      parent: where.get(unit.id) ?? null,
      completion: has(VERB.completed).length > 0 ? "completed" : sessions > 0 ? "not completed" : "not attempted",
      success: passed ? "passed" : judged ? "failed" : "unknown",
      score: typeof scaled === "number" ? `${Math.round(scaled * 10000) / 100} (scaled ${scaled})` : "none",
      counts: met.get(activityId) ? `moveOn ${unit.moveOn}: met` : `moveOn ${unit.moveOn}: not met`,
      sessions,
    };
  });
  const satisfied = statements.filter((s) => s.verb.id === VERB_SATISFIED);
  const entry = (node: TreeNode): RollupEntry => {
    const inside = unitsOf(node).map((u) => units.find((r) => r.id === u.id)!);
    const lmsId = lmsGroupId(node.kind === "course" ? "course" : "block", node.id);
    const statement = satisfied.find((s) => (s.object as { id?: string }).id === lmsId);
    const metCount = inside.filter((u) => u.counts.endsWith(": met")).length;
    return {
      id: node.id,
      title: node.title,
      kind: node.kind === "course" ? "course" : "block",
      status: met.get(lmsId) ? "satisfied" : "not satisfied",
      completion: `${inside.filter((u) => u.completion === "completed").length} of ${inside.length} AUs completed`,
      success: `${inside.filter((u) => u.success === "passed").length} of ${inside.length} AUs passed`,
      detail: `${metCount} of ${inside.length} AUs met moveOn; ${statement ? `Satisfied statement stored (${statement.timestamp ?? ""})` : "no Satisfied statement yet"}`,
    };
  };
  return { target: "cmi5", learnerId: learner.id, rule: CMI5_RULE, units, rollup: [tree, ...blocksOf(tree)].map(entry) };
}

export function scormCourseView(pkg: PackageInfo, learnerId: string, scorm: ScormStore): CourseView {
  const target: TargetId = pkg.target;
  const tree = treeOf(pkg);
  const where = parents(tree);
  const is12 = target === "scorm12";
  const data = new Map(pkg.units.map((u) => [u.id, scorm.latest(learnerId, target, u.id)]));
  const held = (id: string) => {
    const latest = data.get(id);
    return latest ? effectiveData(latest) : {};
  };
  const states = new Map<string, Scorm2004UnitState>(
    pkg.units.map((u) => [u.id, { completion: held(u.id)["cmi.completion_status"] ?? "unknown", success: held(u.id)["cmi.success_status"] ?? "unknown" }]),
  );
  const rolled = is12 ? null : scorm2004Rollup(tree, states);
  const contributes = new Map<string, { success: boolean; completion: boolean }>();
  for (const node of unitsOf(tree))
    contributes.set(node.id, { success: node.tracked && node.rollupSatisfied, completion: node.tracked && node.rollupCompletion });
  const units = pkg.units.map((unit): UnitResult => {
    const cmi = held(unit.id);
    const sessions = scorm.sessions(learnerId, target, unit.id).length;
    if (is12) {
      const status = cmi["cmi.core.lesson_status"] ?? "not attempted";
      const raw = cmi["cmi.core.score.raw"] ?? "";
      const done = status === "passed" || status === "completed";
      return {
        id: unit.id,
        title: unit.title,
        parent: where.get(unit.id) ?? null,
        completion: status,
        success: status,
        score: raw === "" ? "none" : raw,
        counts: done ? "done" : "not done",
        sessions,
      };
    }
    const scaled = cmi["cmi.score.scaled"] ?? "";
    const counts = contributes.get(unit.id) ?? { success: true, completion: true };
    const left = [counts.completion ? null : "completion", counts.success ? null : "success"].filter(Boolean);
    return {
      id: unit.id,
      title: unit.title,
      parent: where.get(unit.id) ?? null,
      completion: states.get(unit.id)!.completion,
      success: states.get(unit.id)!.success,
      score: scaled === "" ? "none" : `${cmi["cmi.score.raw"] ?? ""} (scaled ${scaled})`,
      counts: left.length === 0 ? "completion and success count" : `${left.join(" and ")} left out of the rollup`,
      sessions,
    };
  });
  const entry = (node: TreeNode): RollupEntry => {
    const kind = node.kind === "course" ? "course" : "block";
    if (is12) {
      const result = scorm12Rollup(unitsOf(node).map((u) => units.find((r) => r.id === u.id)!.completion));
      const status = result.done ? "done" : "not done";
      return {
        id: node.id,
        title: node.title,
        kind,
        status,
        completion: status,
        success: status,
        detail: `${result.finished} of ${result.of} SCOs passed or completed`,
      };
    }
    const result = rolled!.get(node.id)!;
    return {
      id: node.id,
      title: node.title,
      kind,
      status: `${result.completion}, ${result.success}`,
      completion: result.completion,
      success: result.success,
      detail: `completion rolled up from ${result.completionFrom}, success from ${result.successFrom} of ${node.children.length} children`,
    };
  };
  return { target, learnerId, rule: is12 ? SCORM12_RULE : SCORM2004_RULE, units, rollup: [tree, ...blocksOf(tree)].map(entry) };
}

/**
 * Tin Can: each unit's result from the statements whose object is its activity id (tincan-view.ts),
 * and the course by this preview's rule (TINCAN_RULE: Tin Can defines no rollup).
 */
export function tincanCourseView(pkg: PackageInfo, learner: { id: string; registration: string }, lms: LocalLms): CourseView {
  const tree = treeOf(pkg);
  const statements = lms.statements({ registration: learner.registration });
  const states = new Map<string, TincanUnitState>();
  const units = pkg.units.map((unit): UnitResult => {
    const view = tincanView(learner.id, learner.registration, statements, [], unit.id);
    const judged = view.success !== "unknown";
    const state = { completed: view.completion === "completed", passed: view.success === "passed", assessed: hasAssessment(pkg, unit) ?? judged };
    states.set(unit.id, state);
    const needs = state.assessed ? "completed and passed" : "completed";
    return {
      id: unit.id,
      title: unit.title,
      parent: null,
      completion: view.completion === "completed" ? "completed" : Number(view.facts.Sessions) > 0 ? "not completed" : "not attempted",
      success: view.success,
      score: view.score,
      counts: `counts when ${needs}: ${tincanUnitDone(state) ? "done" : "not done"}`,
      sessions: Number(view.facts.Sessions),
    };
  });
  const entry = (node: TreeNode): RollupEntry => {
    const result = tincanRollup(unitsOf(node).map((u) => states.get(u.id)!));
    return {
      id: node.id,
      title: node.title,
      kind: node.kind === "course" ? "course" : "block",
      status: result.done ? "done" : "not done",
      completion: `${result.completed} of ${result.of} activities completed`,
      success: `${result.passed} of ${result.assessed} assessed activities passed`,
      detail: `${result.finished} of ${result.of} activities done (completed, and passed when assessed)`,
    };
  };
  return { target: "xapi", learnerId: learner.id, rule: TINCAN_RULE, units, rollup: [tree, ...blocksOf(tree)].map(entry) };
}

const assessedCache = new WeakMap<PackageInfo, Map<string, boolean | null>>();

/** Whether the unit's built course data has an assessment (null: unreadable — the statements decide). */
function hasAssessment(pkg: PackageInfo, unit: LaunchUnit): boolean | null {
  const cache = assessedCache.get(pkg) ?? new Map<string, boolean | null>();
  assessedCache.set(pkg, cache);
  if (cache.has(unit.id)) return cache.get(unit.id)!;
  const query = unit.launchPath.includes("?") ? unit.launchPath.slice(unit.launchPath.indexOf("?") + 1) : "";
  const id = new URLSearchParams(query).get(UNIT_PARAMETER);
  let answer: boolean | null = null;
  if (id === null || /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) {
    try {
      const data = JSON.parse(readFileSync(join(pkg.root, id === null ? "course/course.json" : unitCourseDataPath(id)), "utf8")) as { assessment?: unknown };
      answer = data.assessment !== undefined && data.assessment !== null;
    } catch {
      answer = null;
    }
  }
  cache.set(unit.id, answer);
  return answer;
}

/** Statements the LMS itself recorded (Satisfied), for the log. */
export function lmsSatisfiedStatements(statements: readonly Statement[]): Statement[] {
  return statements.filter((s) => s.verb.id === VERB_SATISFIED);
}
