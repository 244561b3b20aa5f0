// The LMS's own "Satisfied" statements (cmi5 §9.3.9): once every AU of a block meets its moveOn
// (cmi5 §13.1.4; an AU with NotApplicable, or one the LMS waived, counts as met), the LMS records
// that the learner satisfied the block, and likewise the course once every AU in it did. The object
// is an id the LMS generates (never the publisher's id from cmi5.xml), typed block / course; the
// context carries the registration, the cmi5 category, the session id of the AU session that
// triggered it (a fresh one when evaluated at launch, cmi5 §9.6.1) and the block's / course's
// publisher id in grouping (cmi5 §9.6.2.3). At most one per block / course and registration.
import { randomUUID } from "node:crypto";
import xapiValidation from "@learninglocker/xapi-validation";
import type { Agent, Statement } from "@xapi/xapi";
import type { Cmi5MoveOn } from "../../runtime/course/types";
import { CATEGORY_CMI5, EXT_SESSION_ID, VERB } from "../../runtime/lms/cmi5/vocabulary";
import type { LmsSession, LrsStore } from "./store";

type XapiValidator = typeof xapiValidation;
/** CommonJS interop as in statements-resource.ts: the function itself, or module.exports with it as `default`. */
const validateXapi: XapiValidator = typeof xapiValidation === "function" ? xapiValidation : (xapiValidation as unknown as { default: XapiValidator }).default;

export const VERB_SATISFIED = "https://w3id.org/xapi/adl/verbs/satisfied";
const VERB_WAIVED = "https://w3id.org/xapi/adl/verbs/waived";
export const ACTIVITY_TYPE = { block: "https://w3id.org/xapi/cmi5/activitytype/block", course: "https://w3id.org/xapi/cmi5/activitytype/course" } as const;

/** An AU as the LMS imported it: the publisher's id, the activity id the LMS launches it with, its moveOn. */
export interface Cmi5AuEntry {
  kind: "au";
  publisherId: string;
  activityId: string;
  moveOn: Cmi5MoveOn;
}

/** The course or a block: the publisher's id, the id the LMS generated for it, its AUs and blocks. */
export interface Cmi5GroupEntry {
  kind: "block" | "course";
  publisherId: string;
  lmsId: string;
  title: string;
  children: Cmi5Entry[];
}

export type Cmi5Entry = Cmi5AuEntry | Cmi5GroupEntry;

/** cmi5 §13.1.4 moveOn: has the learner met it, given the statements about the AU in the registration? */
export function auMetMoveOn(moveOn: Cmi5MoveOn, statements: readonly Statement[]): boolean {
  const has = (verb: string) => statements.some((s) => s.verb.id === verb);
  if (moveOn === "NotApplicable" || has(VERB_WAIVED)) return true;
  const passed = has(VERB.passed);
  const completed = has(VERB.completed);
  if (moveOn === "Passed") return passed;
  if (moveOn === "Completed") return completed;
  if (moveOn === "CompletedAndPassed") return passed && completed;
  return passed || completed;
}

/** Whether each AU (by activity id) and each block / course (by its LMS id) is satisfied, from the registration's statements. */
export function satisfaction(course: Cmi5GroupEntry, statements: readonly Statement[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const visit = (entry: Cmi5Entry): boolean => {
    if (entry.kind === "au") {
      const met = auMetMoveOn(
        entry.moveOn,
        statements.filter((s) => (s.object as { id?: string }).id === entry.activityId),
      );
      out.set(entry.activityId, met);
      return met;
    }
    // Every child is visited (no short cut): each one's state is reported.
    const met = entry.children.map(visit).every(Boolean);
    out.set(entry.lmsId, met);
    return met;
  };
  visit(course);
  return out;
}

/** The Satisfied statements the LMS owes now: inner blocks first, the course last; none already stored. */
export function satisfiedStatementsDue(
  course: Cmi5GroupEntry,
  facts: { registration: string; actor: Agent; sessionId: string; timestamp: string },
  statements: readonly Statement[],
): (Statement & { id: string })[] {
  const met = satisfaction(course, statements);
  const done = new Set(statements.filter((s) => s.verb.id === VERB_SATISFIED).map((s) => (s.object as { id?: string }).id));
  const groups: Cmi5GroupEntry[] = [];
  const collect = (entry: Cmi5Entry) => {
    if (entry.kind === "au") return;
    entry.children.forEach(collect);
    groups.push(entry);
  };
  collect(course);
  return groups
    .filter((group) => met.get(group.lmsId) === true && !done.has(group.lmsId))
    .map((group) => ({
      id: randomUUID(),
      actor: facts.actor,
      verb: { id: VERB_SATISFIED, display: { "en-US": "satisfied" } },
      object: {
        objectType: "Activity",
        id: group.lmsId,
        definition: { type: ACTIVITY_TYPE[group.kind], ...(group.title ? { name: { "en-US": group.title } } : {}) },
      },
      context: {
        registration: facts.registration,
        contextActivities: { category: [{ objectType: "Activity", id: CATEGORY_CMI5 }], grouping: [{ objectType: "Activity", id: group.publisherId }] },
        extensions: { [EXT_SESSION_ID]: facts.sessionId },
      },
      timestamp: facts.timestamp,
    }));
}

/**
 * The hook: after the LRS stored `trigger` (statements of `session`; empty at launch), record the
 * Satisfied statements now due for the session's course, if the launch named one. Each is checked
 * with the xAPI validator first; one that fails is recorded as an "lms" violation instead of stored.
 * Their timestamp is the triggering statement's (cmi5 §9.7: when the condition occurred).
 */
export function recordSatisfied(store: LrsStore, session: LmsSession, trigger: readonly Statement[]): Statement[] {
  const course = session.course;
  if (!course) return [];
  // The statement that met the moveOn is a Completed or Passed one (else the latest, e.g. a Waived).
  const judged = trigger.filter((s) => s.verb.id === VERB.completed || s.verb.id === VERB.passed);
  const times = (judged.length > 0 ? judged : trigger).map((s) => s.timestamp ?? "").filter((t) => !Number.isNaN(Date.parse(t)));
  const facts = {
    registration: session.info.registration,
    actor: session.info.actor as Agent,
    sessionId: trigger.length > 0 ? session.info.sessionId : randomUUID(),
    timestamp: times.length > 0 ? times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : new Date().toISOString(),
  };
  const due = satisfiedStatementsDue(course, facts, store.inRegistration(session.info.registration));
  if (due.length === 0) return [];
  const stored = new Date().toISOString();
  const recorded: Statement[] = [];
  for (const statement of due) {
    const warnings = validateXapi(statement);
    if (warnings.length > 0) {
      store.data.violations.push({
        kind: "lms",
        statementId: statement.id,
        verb: VERB_SATISFIED,
        sessionId: facts.sessionId,
        violations: warnings.map((w) => ({ rule: "xapi", cite: "xAPI 1.0.3", message: `${w.path.join(".")}: ${w.message}` })),
        at: stored,
      });
      continue;
    }
    store.data.statements.push({ statement, stored, sessionId: null });
    recorded.push(statement);
  }
  store.changed();
  return recorded;
}
