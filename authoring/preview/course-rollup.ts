// The course-level rollup an LMS computes from its units' results, one rule per standard. Pure:
// (course tree, each unit's state) → the state of every block / cluster and of the course.
// - cmi5 (cmi5 §9.3.9, §13.1.4 moveOn): a block, and the course, is satisfied once every AU in it
//   met its moveOn — the LMS's judgement, from the AUs' statements (authoring/lrs/satisfied.ts).
// - SCORM 2004 (SN, default rollup rules): a cluster is satisfied when all contributing children are
//   satisfied, not satisfied when all of them have a known status and some is not; completed /
//   incomplete alike. A child contributes unless it is untracked or its imsss:rollupRules say
//   rollupObjectiveSatisfied="false" (success) / rollupProgressCompletion="false" (completion).
// - SCORM 1.2 defines no rollup: the preview counts the course done when every SCO is passed or completed.
// - Tin Can (xAPI) defines none either: the preview's rule (TINCAN_RULE) reads each unit's activity's
//   statements — done when completed and, for a unit with an assessment, passed.
import type { Cmi5MoveOn } from "../../runtime/course/types";
import type { Cmi5Entry, Cmi5GroupEntry } from "../lrs/satisfied";
import type { TreeNode } from "./package-tree";

export type Completion = "completed" | "incomplete" | "unknown";
export type Success = "satisfied" | "not satisfied" | "unknown";

/** A SCO's state as the LMS holds it (SCORM 2004 cmi.completion_status / cmi.success_status). */
export interface Scorm2004UnitState {
  completion: string;
  success: string;
}

export interface Scorm2004Rollup {
  completion: Completion;
  success: Success;
  /** How many children count toward each (the others are left out by the manifest). */
  completionFrom: number;
  successFrom: number;
}

export const SCORM2004_RULE =
  "SCORM 2004 default rollup: a cluster / the course is completed when every contributing child is completed " +
  "(incomplete once all are known and one is not), satisfied when every contributing child is satisfied " +
  '(not satisfied once all are known and one is not); a child marked rollupObjectiveSatisfied="false" / ' +
  'rollupProgressCompletion="false" or tracked="false" does not count.';

export const SCORM12_RULE = "SCORM 1.2 defines no rollup; this preview counts the course done when every SCO's lesson_status is passed or completed.";

export const CMI5_RULE =
  "cmi5 §9.3.9: a block / the course is satisfied when every AU in it met its moveOn (cmi5.xml); the LMS then records a Satisfied statement.";

/** Every block / cluster and the course (by id), from the SCOs' states (a SCO never launched is unknown). */
export function scorm2004Rollup(tree: TreeNode, units: ReadonlyMap<string, Scorm2004UnitState>): Map<string, Scorm2004Rollup> {
  const out = new Map<string, Scorm2004Rollup>();
  const visit = (node: TreeNode): { completion: Completion; success: Success } => {
    if (node.kind === "unit") {
      const state = units.get(node.id);
      return { completion: completionOf(state?.completion), success: successOf(state?.success) };
    }
    const children = node.children.map((child) => ({ child, state: visit(child) }));
    const forSuccess = children.filter(({ child }) => child.tracked && child.rollupSatisfied).map(({ state }) => state.success);
    const forCompletion = children.filter(({ child }) => child.tracked && child.rollupCompletion).map(({ state }) => state.completion);
    const result: Scorm2004Rollup = {
      success: rollUp(forSuccess, "satisfied", "not satisfied"),
      completion: rollUp(forCompletion, "completed", "incomplete"),
      successFrom: forSuccess.length,
      completionFrom: forCompletion.length,
    };
    out.set(node.id, result);
    return result;
  };
  visit(tree);
  return out;
}

/** SN default rules: all `yes` → yes; else all known → `no`; else unknown (also with no contributing child). */
function rollUp<Y extends string, N extends string>(states: readonly (Y | N | "unknown")[], yes: Y, no: N): Y | N | "unknown" {
  if (states.length === 0) return "unknown";
  if (states.every((s) => s === yes)) return yes;
  if (states.every((s) => s !== "unknown")) return no;
  return "unknown";
}

function completionOf(status: string | undefined): Completion {
  if (status === "completed") return "completed";
  if (status === "incomplete") return "incomplete";
  return "unknown"; // "not attempted" and "unknown" carry no progress (SCORM 2004 2nd ed. addendum)
}

function successOf(status: string | undefined): Success {
  if (status === "passed") return "satisfied";
  if (status === "failed") return "not satisfied";
  return "unknown";
}

export interface Scorm12Rollup {
  done: boolean;
  /** SCOs passed or completed, of `of`. */
  finished: number;
  of: number;
}

/** SCORM 1.2: the course is done when every SCO's cmi.core.lesson_status is passed or completed. */
export function scorm12Rollup(statuses: readonly string[]): Scorm12Rollup {
  const finished = statuses.filter((s) => s === "passed" || s === "completed").length;
  return { done: statuses.length > 0 && finished === statuses.length, finished, of: statuses.length };
}

export const TINCAN_RULE =
  "Tin Can (xAPI) defines no rollup; this preview's rule: the course is done when every unit's activity has a completed " +
  "statement in the learner's registration, and every unit with an assessment has a passed statement (failed alone does not count).";

/** A Tin Can unit as its statements show it (object id = the unit's activity id, in the learner's registration). */
export interface TincanUnitState {
  completed: boolean;
  passed: boolean;
  /** The unit has an assessment (its course data's `assessment`): it must be passed to count. */
  assessed: boolean;
}

export interface TincanRollup {
  done: boolean;
  /** Units done under TINCAN_RULE, of `of`. */
  finished: number;
  completed: number;
  /** Units with an assessment passed, of `assessed`. */
  passed: number;
  assessed: number;
  of: number;
}

/** TINCAN_RULE: a unit is done when completed and, if it has an assessment, passed; the course when every unit is. */
export function tincanUnitDone(unit: TincanUnitState): boolean {
  return unit.completed && (!unit.assessed || unit.passed);
}

export function tincanRollup(units: readonly TincanUnitState[]): TincanRollup {
  const finished = units.filter(tincanUnitDone).length;
  const assessed = units.filter((u) => u.assessed);
  return {
    done: units.length > 0 && finished === units.length,
    finished,
    completed: units.filter((u) => u.completed).length,
    passed: assessed.filter((u) => u.passed).length,
    assessed: assessed.length,
    of: units.length,
  };
}

/** An AU as the rollup needs it: its moveOn from cmi5.xml and the activity id the LMS launches it with. */
export interface Cmi5UnitFacts {
  moveOn: Cmi5MoveOn;
  activityId: string;
}

/**
 * The course structure as the LMS imported it (authoring/lrs/satisfied.ts): each AU with its launch
 * activity id and moveOn, each block and the course with an id the LMS generates (cmi5 §9.3.9: never
 * the publisher's id).
 */
export function cmi5CourseEntry(tree: TreeNode, units: ReadonlyMap<string, Cmi5UnitFacts>, lmsIdOf: (node: TreeNode) => string): Cmi5GroupEntry {
  const entry = (node: TreeNode): Cmi5Entry[] => {
    if (node.kind === "unit") {
      const facts = units.get(node.id);
      return facts ? [{ kind: "au", publisherId: node.id, activityId: facts.activityId, moveOn: facts.moveOn }] : [];
    }
    return [
      {
        kind: node.kind === "course" ? "course" : "block",
        publisherId: node.id,
        lmsId: lmsIdOf(node),
        title: node.title,
        children: node.children.flatMap(entry),
      },
    ];
  };
  return entry(tree)[0] as Cmi5GroupEntry;
}

/** A tree for a package read without one: the course with its units, flat. */
export function flatTree(id: string, title: string, unitIds: readonly { id: string; title: string }[]): TreeNode {
  const node = (kind: TreeNode["kind"], nodeId: string, nodeTitle: string, children: TreeNode[] = []): TreeNode => ({
    kind,
    id: nodeId,
    title: nodeTitle,
    children,
    rollupSatisfied: true,
    rollupCompletion: true,
    tracked: true,
  });
  return node(
    "course",
    id,
    title,
    unitIds.map((u) => node("unit", u.id, u.title)),
  );
}
