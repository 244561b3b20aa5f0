// What the preview LMS holds for a learner afterwards, read on the LMS side (never from the course):
// cmi5 statements stored in the registration (with every violation the LRS recorded), SCORM the
// scorm-again data model committed per session.
import validateXapi from "@learninglocker/xapi-validation";
import type { Statement } from "@xapi/xapi";
import { expect } from "vitest";
import type { PreviewServer } from "../../../authoring/preview/server";
import type { ScormSessionRecord } from "../../../authoring/preview/scorm-store";
import type { TargetId } from "../../../runtime/course/types";
import { CATEGORY_MOVEON, EXT_MASTERY_SCORE, EXT_SESSION_ID, VERB, VERB_DISPLAY } from "../../../runtime/lms/cmi5/vocabulary";

export interface Cmi5Record {
  statements: Statement[];
  /** Verb display names in stored order ("initialized", "answered", …). */
  verbs: string[];
  bySession: Map<string, string[]>;
  one(verb: keyof typeof VERB): Statement;
  count(verb: keyof typeof VERB): number;
}

export function cmi5Record(preview: PreviewServer, registration: string): Cmi5Record {
  const statements = preview.lms.statements({ registration });
  const name = (s: Statement) => VERB_DISPLAY[s.verb.id] ?? s.verb.id;
  const bySession = new Map<string, string[]>();
  for (const s of statements) {
    const id = String(s.context?.extensions?.[EXT_SESSION_ID]);
    bySession.set(id, [...(bySession.get(id) ?? []), name(s)]);
  }
  const record: Cmi5Record = {
    statements,
    verbs: statements.map(name),
    bySession,
    count: (verb) => statements.filter((s) => s.verb.id === VERB[verb]).length,
    one: (verb) => {
      const found = statements.filter((s) => s.verb.id === VERB[verb]);
      expect(found, `exactly one ${verb}`).toHaveLength(1);
      return found[0]!;
    },
  };
  return record;
}

/**
 * The LRS accepted everything (no xAPI or cmi5 violation recorded for these sessions), each stored
 * statement passes the xAPI validator, ids are unique, and in every session Initialized is first and
 * Terminated (when sent) last, in stored order and in timestamp order.
 */
export function expectCleanCmi5(preview: PreviewServer, record: Cmi5Record, sessionIds: readonly string[]): void {
  const violations = preview.lms.violations.filter((v) => v.sessionId !== null && sessionIds.includes(v.sessionId));
  expect(violations, "LRS violations").toEqual([]);
  for (const statement of record.statements) expect(validateXapi(statement), `xAPI validation of ${statement.id}`).toEqual([]);
  const ids = record.statements.map((s) => s.id);
  expect(new Set(ids).size, "every statement stored once").toBe(ids.length);
  for (const [session, verbs] of record.bySession) {
    expect(verbs[0], `session ${session} starts with initialized`).toBe("initialized");
    const terminated = verbs.indexOf("terminated");
    if (terminated >= 0) expect(terminated, `session ${session}: terminated last`).toBe(verbs.length - 1);
    const inSession = record.statements.filter((s) => s.context?.extensions?.[EXT_SESSION_ID] === session);
    const times = inSession.map((s) => Date.parse(s.timestamp!));
    expect(times, `session ${session}: stored in creation order`).toEqual([...times].sort((a, b) => a - b));
  }
}

/** The judgement statement as docs/rules/reporting.md wants it: success, score.scaled, moveon, masteryscore. */
export function expectJudgement(statement: Statement, verb: "passed" | "failed", score: number | null, masteryScore: number | null): void {
  expect(statement.result?.success).toBe(verb === "passed");
  if (score === null) expect(statement.result?.score).toBeUndefined();
  else expect(statement.result?.score?.scaled).toBeCloseTo(score / 100, 10);
  expect(statement.context?.contextActivities?.category?.map((c) => c.id)).toContain(CATEGORY_MOVEON);
  expect(statement.context?.extensions?.[EXT_MASTERY_SCORE]).toBe(masteryScore === null ? undefined : masteryScore / 100);
  expect(statement.result?.duration).toMatch(/^P/);
}

/** SCORM: the data model each session left with the LMS (its last accepted commit). */
export function scormSessions(preview: PreviewServer, learnerId: string, target: TargetId): ScormSessionRecord[] {
  return preview.scorm.sessions(learnerId, target);
}

export function committed(record: ScormSessionRecord | undefined): Record<string, string> {
  expect(record?.committed, "the session committed data to the LMS").toBeTruthy();
  return record!.committed!;
}

export function interactionIds(data: Record<string, string>): string[] {
  return Object.keys(data)
    .filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))
    .sort((a, b) => Number(a.split(".")[2]) - Number(b.split(".")[2]))
    .map((k) => data[k]!);
}

/** No flags raised by the SCORM host (suspend_data over 4096 in 1.2, calls after Finish, exit "normal" in 1.2). */
export function expectNoScormFlags(records: readonly ScormSessionRecord[]): void {
  expect(records.flatMap((r) => r.flags)).toEqual([]);
}
