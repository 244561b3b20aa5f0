// The grading journey's LMS side (grading-journey.ts): what the preview LMS holds, read on the LMS side
// (never from the course), and the expectations per target (docs/reporting.md "Rated tasks").
import type { Statement } from "@xapi/xapi";
import { expect } from "vitest";
import type { TargetId } from "../../../runtime/course/types";
import { EXT_SESSION_ID, EXT_TASK_RATING, VERB_DISPLAY } from "../../../runtime/lms/cmi5/vocabulary";
import { effectiveData } from "../../../authoring/preview/scorm-store";
import type { Learner } from "./learner";
import { cmi5Record, expectCleanCmi5, expectJudgement, expectNoScormFlags, scormSessions } from "./lms-side";
import type { CoursePreview } from "./preview-fixture";
import { ANA, BRAM, HIGH, LOW, PASSING, QUESTIONS, type Rater, SCORE_1, SCORE_2, SELF, SELF_RATINGS, TASKS } from "./grading-plan";

/** A snapshot of what the LMS holds now: cmi5 the registration's statements, SCORM every session's data. */
export interface Held {
  target: TargetId;
  statements: Statement[];
  /** SCORM: per session, what the LMS keeps of it (its last accepted commit, or what it held at launch). */
  scorm: Record<string, string>[];
}

export function lmsNow(observed: CoursePreview, learner: Learner, target: TargetId): Held {
  if (target === "cmi5") return { target, statements: cmi5Record(observed.preview, learner.registration!).statements, scorm: [] };
  return { target, statements: [], scorm: scormSessions(observed.preview, learner.learnerId, target).map((s) => ({ ...effectiveData(s) })) };
}

export const verbName = (s: Statement) => VERB_DISPLAY[s.verb.id] ?? s.verb.id;
export const judgemental = (s: Statement) => ["answered", "passed", "failed"].includes(verbName(s));
export const sessionOf = (s: Statement) => String(s.context?.extensions?.[EXT_SESSION_ID]);
export const scormScore = (target: TargetId, d: Record<string, string>) =>
  (target === "scorm12" ? [d["cmi.core.score.raw"] ?? ""] : [d["cmi.score.raw"] ?? "", d["cmi.score.scaled"] ?? ""]).filter((v) => v !== "");
export const scormStatus = (target: TargetId, d: Record<string, string>) =>
  target === "scorm12" ? (d["cmi.core.lesson_status"] ?? "") : (d["cmi.success_status"] ?? "unknown");
export const rowsOf = (d: Record<string, string>) =>
  Object.keys(d)
    .filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))
    .map((k) => d[k]!);
/** SCORM comments: 2004 every cmi.comments_from_learner.n.comment, 1.2 the one cmi.comments string. */
export const commentsOf = (d: Record<string, string>) =>
  Object.entries(d)
    .filter(([k, v]) => /^cmi\.comments(_from_learner\.\d+\.comment)?$/.test(k) && v !== "")
    .map(([, v]) => v);

/** Attempt 1 awaits its assessor: no answered / passed / failed (cmi5); no score, verdict, interaction or comment (SCORM). */
export function expectNothingJudgemental(held: Held, when: string): void {
  if (held.target === "cmi5") {
    expect(held.statements.filter(judgemental).map(verbName), `${when}: no answered / passed / failed`).toEqual([]);
    return;
  }
  for (const d of held.scorm) {
    expect(scormScore(held.target, d), `${when}: no score`).toEqual([]);
    expect(scormStatus(held.target, d), `${when}: no passed / failed`).not.toMatch(/passed|failed/);
    expect(rowsOf(d), `${when}: no interactions`).toEqual([]);
    expect(commentsOf(d), `${when}: no comments`).toEqual([]);
  }
}

/** Attempt 2 awaits its assessor after the relaunch: nothing of attempt 2 at the LMS, no pass, the score unchanged. */
export function expectAttempt2NotReported(now: Held, before: Held): void {
  if (now.target === "cmi5") {
    const first = sessionOf(now.statements[0]!);
    expect(
      now.statements.filter((s) => judgemental(s) && sessionOf(s) !== first).map(verbName),
      "attempt 2 awaiting: no answered / passed / failed in the new session",
    ).toEqual([]);
    expect(now.statements.filter(judgemental).length, "attempt 2 awaiting: nothing new since the tab was closed").toBe(
      before.statements.filter(judgemental).length,
    );
    expect(
      now.statements.some((s) => verbName(s) === "passed"),
      "no Passed while attempt 2 awaits",
    ).toBe(false);
    return;
  }
  const target = now.target;
  for (const d of now.scorm) {
    expect(
      rowsOf(d).filter((id) => id.endsWith("-a2")),
      "attempt 2 awaiting: no interaction of attempt 2",
    ).toEqual([]);
    expect(
      commentsOf(d).filter((c) => c.includes("attempt 2]")),
      "attempt 2 awaiting: no comment on attempt 2",
    ).toEqual([]);
    expect(scormStatus(target, d), "attempt 2 awaiting: not passed").not.toBe("passed");
  }
  expect(scormScore(target, now.scorm.at(-1)!), "attempt 2 awaiting: the score the LMS held before the relaunch").toEqual(
    scormScore(target, before.scorm.at(-1)!),
  );
}

/** The assessor as context.instructor (docs/reporting.md "Rated tasks"): mbox for an email identifier, otherwise an account. */
export function instructor(rater: Rater): Record<string, unknown> {
  return rater.id.includes("@")
    ? { objectType: "Agent", name: rater.name, mbox: `mailto:${rater.id}` }
    : { objectType: "Agent", name: rater.name, account: { homePage: "https://passmark.dev/xapi/assessor", name: rater.id } };
}

export const RATINGS = [
  { rater: ANA, rating: LOW, score: SCORE_1 },
  { rater: BRAM, rating: HIGH, score: SCORE_2 },
] as const;

export function expectCmi5(observed: CoursePreview, learner: Learner, rated1: number, rated2: number): void {
  const record = cmi5Record(observed.preview, learner.registration!);
  const sessions = learner.launches.map((l) => l.sessionId);
  expect(sessions).toHaveLength(2);
  expectCleanCmi5(observed.preview, record, sessions);
  const [one, two] = sessions as [string, string];
  const judgements = (session: string) => record.bySession.get(session)!.filter((v) => v !== "answered" && v !== "progressed");
  // The failing attempt 1 leaves a deferred Failed, sent when the tab was closed, right before Terminated.
  expect(judgements(one)).toEqual(["initialized", "completed", "failed", "terminated"]);
  expect(judgements(two)).toEqual(["initialized", "passed", "terminated"]);

  const passed = record.one("passed");
  expectJudgement(passed, "passed", SCORE_2, PASSING);
  expect(passed.context?.instructor, "Passed names the attempt-2 assessor").toEqual(instructor(BRAM));
  expect(Date.parse(passed.timestamp!)).toBeGreaterThanOrEqual(rated2);
  const failed = record.one("failed");
  expect(failed.result?.success).toBe(false);
  expect(failed.result?.score?.scaled, "Failed: the attempt-1 score").toBeCloseTo(SCORE_1 / 100, 6);
  expect(failed.context?.instructor, "Failed names the attempt-1 assessor").toEqual(instructor(ANA));
  expect(Date.parse(failed.timestamp!)).toBeGreaterThanOrEqual(rated1);
  expect(record.count("failed") + record.count("passed")).toBe(2);

  const taskId = (s: Statement) => (s.object as { id: string }).id.split("/q/")[1];
  for (const [n, session] of [one, two].entries()) {
    const { rater, rating } = RATINGS[n]!;
    const answered = record.statements.filter((s) => verbName(s) === "answered" && sessionOf(s) === session);
    expect(answered.map(taskId).sort(), `attempt ${n + 1}: one answered per question and task`).toEqual([...QUESTIONS, ...TASKS, SELF].sort());
    for (const s of answered)
      expect(Date.parse(s.timestamp!), `attempt ${n + 1}: ${taskId(s)} sent once rated, not while awaiting`).toBeGreaterThanOrEqual(n === 0 ? rated1 : rated2);
    for (const task of TASKS) {
      const s = answered.find((a) => taskId(a) === task)!;
      const grade = rating.grades[task];
      expect((s.object as { definition?: { interactionType?: string } }).definition?.interactionType).toBe("performance");
      expect(s.result?.score, `${task} attempt ${n + 1}: score`).toEqual({ scaled: grade / 100, raw: grade, min: 0, max: 100 });
      expect(s.result?.success, "a grade is not right or wrong").toBeUndefined();
      expect(s.context?.instructor, `${task} attempt ${n + 1}: the assessor`).toEqual(instructor(rater));
      const ext = s.result?.extensions?.[EXT_TASK_RATING] as Record<string, unknown>;
      expect(ext, `${task} attempt ${n + 1}: the rating extension`).toMatchObject({
        grade,
        counts: true,
        rater: "assessor",
        criteria: rating.criteria[task],
        feedback: task === "observed-lift" ? rating.feedback : "",
      });
      expect(Date.parse(ext.ratedAt as string)).toBeGreaterThanOrEqual(n === 0 ? rated1 - 1000 : rated2 - 1000);
    }
    const self = answered.find((a) => taskId(a) === SELF)!;
    expect(self.context?.instructor, "self-assessment: no instructor").toBeUndefined();
    expect(self.result?.score, "self-assessment: no score").toBeUndefined();
    expect(self.result?.extensions?.[EXT_TASK_RATING]).toMatchObject({
      method: "guide",
      counts: false,
      rater: "learner",
      grade: SELF_RATINGS[n]!.grade,
      criteria: SELF_RATINGS[n]!.criteria,
    });
  }
}

export function expectScorm(observed: CoursePreview, learner: Learner, target: TargetId, rated1: number, rated2: number): void {
  const sessions = scormSessions(observed.preview, learner.learnerId, target);
  expect(sessions).toHaveLength(2);
  expectNoScormFlags(sessions);
  const data = sessions.map((s) => effectiveData(s));
  const last = data.at(-1)!;

  // Nothing judgemental was ever held while an attempt awaited: no score or verdict before attempt 1
  // was rated, no pass before attempt 2 was (every accepted commit, server clock = this machine's).
  const trail = sessions.flatMap((s) => s.trail);
  expect(
    trail.filter((c) => c.at < rated1 && (c.score !== null || /passed|failed/.test(c.status))),
    "a score or verdict before attempt 1 was rated",
  ).toEqual([]);
  expect(
    trail.filter((c) => c.at < rated2 && /passed/.test(c.status)),
    "a pass before attempt 2 was rated",
  ).toEqual([]);

  if (target === "scorm12") {
    // passed-incomplete mode (the default): passed.
    expect(last["cmi.core.lesson_status"]).toBe("passed");
    expect(last["cmi.core.score.raw"]).toBe(String(SCORE_2));
    expect([last["cmi.core.score.min"], last["cmi.core.score.max"]]).toEqual(["0", "100"]);
    expect(last["cmi.core.exit"]).toBe("");
  } else {
    expect(last["cmi.completion_status"]).toBe("completed");
    expect(last["cmi.success_status"]).toBe("passed");
    expect(Number(last["cmi.score.scaled"])).toBeCloseTo(SCORE_2 / 100, 10);
    expect(Number(last["cmi.score.raw"])).toBe(SCORE_2);
    expect(last["cmi.exit"]).toBe("normal");
  }

  // One performance interaction per task per attempt (the rows of every session the LMS keeps).
  const responseKey = target === "scorm12" ? "student_response" : "learner_response";
  const sep = target === "scorm12" ? [".", ","] : ["[.]", "[,]"];
  const rows = data.flatMap((d) =>
    rowsOf(d).map((id) => {
      const n = Object.keys(d)
        .find((k) => d[k] === id && /^cmi\.interactions\.\d+\.id$/.test(k))!
        .split(".")[2];
      const at = (field: string) => d[`cmi.interactions.${n}.${field}`] ?? "";
      return { id, type: at("type"), result: at("result"), response: at(responseKey), weighting: at("weighting") };
    }),
  );
  expect(rows.map((r) => r.id).sort()).toEqual([1, 2].flatMap((a) => [...QUESTIONS, ...TASKS, SELF].map((q) => `${q}-a${a}`)).sort());
  for (const [n, { rating }] of RATINGS.entries()) {
    for (const task of TASKS) {
      const row = rows.find((r) => r.id === `${task}-a${n + 1}`)!;
      const response = rating.criteria[task].map((c) => `${c.id as string}${sep[0]}${c.value as number}`).join(sep[1]);
      expect(row, `${task} attempt ${n + 1}`).toEqual({
        id: `${task}-a${n + 1}`,
        type: "performance",
        result: String(rating.grades[task]),
        response,
        weighting: task === "observed-lift" ? "2" : "1",
      });
    }
    const self = rows.find((r) => r.id === `${SELF}-a${n + 1}`)!;
    expect(self, `${SELF} attempt ${n + 1}`).toMatchObject({ type: "performance", result: "neutral" });
  }

  // The raters in the comments: every task of both attempts once, each naming who rated it.
  const expectEntry = (text: string, task: string, n: number) => {
    const { rater, rating } = RATINGS[n]!;
    const opening = `[${task}, attempt ${n + 1}] `;
    expect(text.split(opening).length - 1, `one comment for ${task}, attempt ${n + 1}`).toBe(1);
    const entry = text.slice(text.indexOf(opening)).split(/ (?=\[[a-z-]+, attempt \d\])/)[0]!;
    if (task === SELF)
      expect(entry).toMatch(
        new RegExp(`^\\[${SELF}, attempt ${n + 1}\\] Grade ${SELF_RATINGS[n]!.grade}/100 \\(not scored\\)\\. Rated by the learner \\(self-assessment\\), `),
      );
    else {
      expect(entry).toContain(`${opening}Grade ${rating.grades[task as (typeof TASKS)[number]]}/100. Rated by ${rater.name} (${rater.id}), `);
      if (task === "observed-lift") expect(entry).toContain(`Feedback: ${rating.feedback} Remarks: posture: ${rating.remark}`);
    }
    return entry;
  };
  if (target === "scorm12") {
    const comments = last["cmi.comments"] ?? "";
    expect(comments.length, "cmi.comments within 4,096 characters").toBeLessThanOrEqual(4096);
    for (const n of [0, 1]) for (const task of [...TASKS, SELF]) expectEntry(comments, task, n);
    expect(comments).toContain(ANA.name);
    expect(comments).toContain(BRAM.name);
  } else {
    const count = Object.keys(last).filter((k) => /^cmi\.comments_from_learner\.\d+\.comment$/.test(k)).length;
    expect(count, "one comment per task per attempt").toBe(8);
    const all = Array.from({ length: count }, (_, i) => ({
      comment: last[`cmi.comments_from_learner.${i}.comment`]!,
      location: last[`cmi.comments_from_learner.${i}.location`]!,
      timestamp: last[`cmi.comments_from_learner.${i}.timestamp`]!,
    }));
    for (const n of [0, 1]) {
      for (const task of [...TASKS, SELF]) {
        const found = all.filter((c) => c.comment.startsWith(`[${task}, attempt ${n + 1}] `));
        expect(found, `the comment on ${task}, attempt ${n + 1}`).toHaveLength(1);
        expect(expectEntry(found[0]!.comment, task, n)).toBe(found[0]!.comment);
        expect(found[0]!.location, "location = the task id").toBe(task);
        expect(found[0]!.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      }
    }
  }
}
