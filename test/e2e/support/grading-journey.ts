// Issue 13 end to end, one journey per target (a 4-line test file per target calls this, so the
// files run in parallel): the observation template (templates/observation: three questions, three
// tasks an assessor rates — rubric, marking guide, number of errors — and a self-assessment that does
// not count) in the preview LMS, a learner and two assessors driven through the real UI in Chromium.
//
// Attempt 1: answer, fill the self-assessment inline, hand in → "awaiting rating" (no score shown,
// nothing judgemental at the LMS), hand the device over at once, rate low → failed.
// Attempt 2: answer, hand in → awaiting → close the tab without exiting → relaunch from the LMS → the
// awaiting screen again → another assessor rates well → passed → Exit.
// Then what the LMS holds is read on the LMS side (docs/reporting.md "Rated tasks").
import type { Browser } from "playwright-core";
import type { Statement } from "@xapi/xapi";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TargetId } from "../../../runtime/course/types";
import { EXT_SESSION_ID, EXT_TASK_RATING, VERB_DISPLAY } from "../../../runtime/lms/cmi5/vocabulary";
import { effectiveData } from "../../../authoring/preview/scorm-store";
import { REPO_ROOT } from "../../support/package-fixture";
import { expectNoAxeViolations } from "../../ui/browser";
import { launchChromium } from "./chromium";
import { Learner } from "./learner";
import { cmi5Record, expectCleanCmi5, expectJudgement, expectNoScormFlags, scormSessions } from "./lms-side";
import { previewCourse, type CoursePreview } from "./preview-fixture";

export const OBSERVATION_COURSE = join(REPO_ROOT, "templates", "observation");

const TASKS = ["observed-lift", "stairs-plan", "workstation-checklist"] as const;
const SELF = "self-check";
const QUESTIONS = ["before-lifting", "twist", "lift-order"] as const;
const PASSCODE = "1234";

interface Rater {
  name: string;
  id: string;
}
/** Attempt 1's assessor has an email identifier (xAPI mbox), attempt 2's an employee number (account). */
const ANA: Rater = { name: "Ana Díaz", id: "ana.diaz@example.org" };
const BRAM: Rater = { name: "Bram Jansen", id: "EMP-4711" };

/** What the assessor enters per task, and the grade and criterion values that gives by hand. */
interface Rating {
  /** rubric: criterion → level id */
  lift: Record<string, string>;
  /** guide: hazards points 0..10, help and clarity scale labels */
  stairs: { hazards: number; help: string; clarity: string };
  /** errors: criterion → answer */
  checklist: Record<string, boolean>;
  remark: string;
  feedback: string;
  grades: Record<(typeof TASKS)[number], number>;
  /** What the criteria come to (value 0..100 and what was entered), per task, as the LMS should get them. */
  criteria: Record<(typeof TASKS)[number], Record<string, unknown>[]>;
}

const CHECKLIST = ["weight-checked", "path-clear", "feet-apart", "load-close", "no-twist", "set-down"];
function errorsCriteria(errors: Record<string, false>): Record<string, unknown>[] {
  return CHECKLIST.map((id) => (id in errors ? { id, value: 0, answer: false } : { id, value: 100, answer: true }));
}

// Rubric rows score 0–2, 0–1, 0–2: min 0, max 5. Guide weights 2, 1, 1. Errors mapping 1→80, 2→60, 4→20, 6→0.
const LOW: Rating = {
  lift: { posture: "fair", grip: "loose", movement: "jerky" }, // total 1 → 1/5 = 20
  stairs: { hazards: 3, help: "no", clarity: "adequate" }, // (0.3·2 + 0 + 0.5) / 4 = 27.5
  checklist: Object.fromEntries(CHECKLIST.map((id) => [id, id !== "weight-checked" && id !== "no-twist"])), // 1 + 2 (weight) errors = 3 → 60
  remark: "Back rounds as the load comes up",
  feedback: "Practise the lift with bent knees before the next check.",
  grades: { "observed-lift": 20, "stairs-plan": 27.5, "workstation-checklist": 60 },
  criteria: {
    "observed-lift": [
      { id: "posture", value: 50, level: "fair", remark: "Back rounds as the load comes up" },
      { id: "grip", value: 0, level: "loose" },
      { id: "movement", value: 0, level: "jerky" },
    ],
    "stairs-plan": [
      { id: "hazards", value: 30, points: 3 },
      { id: "help", value: 0, label: "no" },
      { id: "clarity", value: 50, label: "adequate" },
    ],
    "workstation-checklist": errorsCriteria({ "weight-checked": false, "no-twist": false }),
  },
};
const HIGH: Rating = {
  lift: { posture: "good", grip: "firm", movement: "mostly" }, // total 4 → 80
  stairs: { hazards: 8, help: "yes", clarity: "clear" }, // (0.8·2 + 1 + 1) / 4 = 90
  checklist: Object.fromEntries(CHECKLIST.map((id) => [id, id !== "set-down"])), // 1 error → 80
  remark: "One small twist at the table",
  feedback: "Safe and steady.",
  grades: { "observed-lift": 80, "stairs-plan": 90, "workstation-checklist": 80 },
  criteria: {
    "observed-lift": [
      { id: "posture", value: 100, level: "good", remark: "One small twist at the table" },
      { id: "grip", value: 100, level: "firm" },
      { id: "movement", value: 50, level: "mostly" },
    ],
    "stairs-plan": [
      { id: "hazards", value: 80, points: 8 },
      { id: "help", value: 100, label: "yes" },
      { id: "clarity", value: 100, label: "clear" },
    ],
    "workstation-checklist": errorsCriteria({ "set-down": false }),
  },
};

/** The self-assessment as filled in each attempt: two 3-label scales (0, 50, 100). */
const SELF_RATINGS = [
  { confidence: "somewhat", explain: "with help", grade: 50, criteria: [{ id: "confidence", value: 50, label: "somewhat" }, { id: "explain", value: 50, label: "with help" }] },
  { confidence: "confident", explain: "yes", grade: 100, criteria: [{ id: "confidence", value: 100, label: "confident" }, { id: "explain", value: 100, label: "yes" }] },
] as const;

/**
 * The attempt score by hand: the three questions answered right (100 each, weight 1), the rubric task
 * weight 2, the guide and errors tasks weight 1; the self-assessment counts not at all. Σweights 7.
 */
const attemptScore = (r: Rating) => (3 * 100 + 2 * r.grades["observed-lift"] + r.grades["stairs-plan"] + r.grades["workstation-checklist"]) / 7;
const SCORE_1 = attemptScore(LOW); // 427.5 / 7 = 61.0714…: below the passing 70
const SCORE_2 = attemptScore(HIGH); // 630 / 7 = 90
const PASSING = 70;

const AWAITING = "Waiting for your assessor";

export function gradingJourney(target: TargetId): void {
  let browser: Browser;
  let observed: CoursePreview;
  const learners: Learner[] = [];

  beforeAll(async () => {
    [browser, observed] = await Promise.all([launchChromium(), previewCourse(OBSERVATION_COURSE)]);
  });
  afterAll(async () => {
    await browser?.close();
    await observed?.close();
  });
  afterEach(async () => {
    for (const learner of learners.splice(0)) {
      expect(learner.problems, "console errors / page errors / CSP violations").toEqual([]);
      await learner.dispose();
    }
  });

  const main = async (learner: Learner) => ((await (await learner.ui()).locator("#pm-content").textContent()) ?? "").trim();

  /** Start the attempt, answer the questions right, write the stairs plan, fill the self-assessment, hand in. */
  async function answerAndHandIn(learner: Learner, n: number, self: { confidence: string; explain: string }): Promise<void> {
    const ui = await learner.ui();
    await ui.getByRole("button", { name: n === 1 ? "Start attempt 1" : /^Try again/ }).click();
    await expect.poll(() => learner.h1()).toBe(`${learner.course.assessment!.title}: attempt ${n}`);
    await ui.locator(".pm-task").first().waitFor({ timeout: 15_000 }); // the grading chunk is in
    const ids = await learner.answer("right"); // tasks are left to the code below
    expect([...ids].sort()).toEqual([...QUESTIONS, ...TASKS, SELF].sort());
    await ui.fill("#pm-q-stairs-plan-input", `Attempt ${n}: check the weight, clear the stairs, ask a colleague, carry it close.`);
    await ui.fill(`#pm-q-${SELF}-input`, `Attempt ${n}: I keep my back straight now.`);
    await ui.selectOption(`#pm-q-${SELF}-c-confidence-scale`, self.confidence);
    await ui.selectOption(`#pm-q-${SELF}-c-explain-scale`, self.explain);
    await ui.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => learner.h1(), { timeout: 15_000 }).toBe(AWAITING);
  }

  /** The awaiting screen never shows a score, nor does the status line. */
  async function expectNoScoreShown(learner: Learner): Promise<void> {
    const text = await main(learner);
    expect(text).toContain("Your work is handed in. It is scored when your assessor has rated it.");
    expect(text, "the learner sees no score while awaiting").not.toMatch(/score for|assessment score|%|passed|failed/i);
    expect(await learner.statusLine(), "the status line shows no score while awaiting").not.toMatch(/%|\d+(\.\d+)?\s*\/\s*100/);
  }

  /** Hand the device over, identify with the passcode, fill the three forms, submit the rating. */
  async function rate(learner: Learner, rater: Rater, r: Rating, n: number): Promise<number> {
    const ui = await learner.ui();
    await ui.getByRole("button", { name: "Hand the device to your assessor" }).click();
    await expect.poll(() => learner.h1()).toBe("Hand the device to your assessor");
    await ui.fill("#pm-rater-name", rater.name);
    await ui.fill("#pm-rater-id", rater.id);
    await ui.fill("#pm-rater-passcode", PASSCODE);
    await ui.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => learner.h1()).toBe(`Rate the work: attempt ${n}`);
    expect(await main(learner)).toContain(`Rater: ${rater.name} (${rater.id})`);
    for (const [criterion, level] of Object.entries(r.lift)) await ui.check(`#pm-rate-observed-lift-c-${criterion}-${level}`);
    await ui.fill("#pm-rate-observed-lift-c-posture-remark", r.remark);
    await ui.fill("#pm-rate-observed-lift-feedback", r.feedback);
    await ui.fill("#pm-rate-stairs-plan-c-hazards-points", String(r.stairs.hazards));
    await ui.selectOption("#pm-rate-stairs-plan-c-help-scale", r.stairs.help);
    await ui.selectOption("#pm-rate-stairs-plan-c-clarity-scale", r.stairs.clarity);
    for (const [criterion, answer] of Object.entries(r.checklist)) await ui.check(`#pm-rate-workstation-checklist-c-${criterion}-${answer}`);
    const submittedAt = await ui.evaluate(() => Date.now());
    await ui.getByRole("button", { name: "Submit rating" }).click();
    await expect.poll(() => learner.h1(), { timeout: 15_000 }).toBe(`Result of attempt ${n}`);
    return submittedAt;
  }

  const shownPercent = (score: number) => `${Math.round(score * 100) / 100}%`;

  // Browser journeys take seconds each and longer on a busy 2-core machine.
  describe(`${target}: tasks rated by an assessor, through the preview LMS (observation template)`, { timeout: 180_000 }, () => {
    it("attempt 1 rated at once and failed; attempt 2 handed in, tab closed, relaunched, rated by another assessor and passed; the LMS holds the ratings and raters", async () => {
      const learner = await Learner.enrol(browser, observed.preview, observed.course, target);
      learners.push(learner);
      const held = () => lmsNow(observed, learner, target);

      // ---- Attempt 1: hand in, awaiting, nothing judgemental at the LMS; rated low → failed.
      await learner.launch();
      await learner.readToAssessment();
      await answerAndHandIn(learner, 1, SELF_RATINGS[0]);
      await expectNoScoreShown(learner);
      expectNothingJudgemental(held(), "attempt 1 awaiting rating");
      const rated1 = await rate(learner, ANA, LOW, 1);
      const result1 = await main(learner);
      expect(result1).toContain(`Score for this attempt: ${shownPercent(SCORE_1)}`);
      expect(result1).toMatch(/not passed yet|failed/i);

      // ---- Attempt 2: hand in, awaiting, close the tab, relaunch: awaiting again; rated well → passed.
      await answerAndHandIn(learner, 2, SELF_RATINGS[1]);
      await expectNoScoreShown(learner);
      await learner.closeTab();
      // What the tab's unload delivered reaches the LMS (cmi5 Terminated; SCORM the last commit).
      if (target === "cmi5") await expect.poll(() => cmi5Record(observed.preview, learner.registration!).count("terminated"), { timeout: 15_000 }).toBe(1);
      else await expect.poll(() => scormSessions(observed.preview, learner.learnerId, target).at(-1)?.finished, { timeout: 15_000 }).toBe(true);
      const beforeRelaunch = held();
      await learner.launch();
      await expect.poll(() => learner.h1(), { timeout: 15_000 }).toBe(AWAITING);
      await expectNoScoreShown(learner);
      if (target === "cmi5") await expectNoAxeViolations(learner.page!, "awaiting rating after a relaunch");
      expectAttempt2NotReported(held(), beforeRelaunch);
      const rated2 = await rate(learner, BRAM, HIGH, 2);
      const result2 = await main(learner);
      expect(result2).toContain(`Score for this attempt: ${shownPercent(SCORE_2)}`);
      expect(result2).toContain("Well done: you lift safely.");
      await learner.exit();
      if (target !== "cmi5") await expect.poll(() => scormSessions(observed.preview, learner.learnerId, target).at(-1)?.finished).toBe(true);

      // ---- What the LMS holds.
      if (target === "cmi5") expectCmi5(observed, learner, rated1, rated2);
      else expectScorm(observed, learner, target, rated1, rated2);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// LMS side

/** A snapshot of what the LMS holds now: cmi5 the registration's statements, SCORM every session's data. */
interface Held {
  target: TargetId;
  statements: Statement[];
  /** SCORM: per session, what the LMS keeps of it (its last accepted commit, or what it held at launch). */
  scorm: Record<string, string>[];
}

function lmsNow(observed: CoursePreview, learner: Learner, target: TargetId): Held {
  if (target === "cmi5") return { target, statements: cmi5Record(observed.preview, learner.registration!).statements, scorm: [] };
  return { target, statements: [], scorm: scormSessions(observed.preview, learner.learnerId, target).map((s) => ({ ...effectiveData(s) })) };
}

const verbName = (s: Statement) => VERB_DISPLAY[s.verb.id] ?? s.verb.id;
const judgemental = (s: Statement) => ["answered", "passed", "failed"].includes(verbName(s));
const sessionOf = (s: Statement) => String(s.context?.extensions?.[EXT_SESSION_ID]);
const scormScore = (target: TargetId, d: Record<string, string>) => (target === "scorm12" ? [d["cmi.core.score.raw"] ?? ""] : [d["cmi.score.raw"] ?? "", d["cmi.score.scaled"] ?? ""]).filter((v) => v !== "");
const scormStatus = (target: TargetId, d: Record<string, string>) => (target === "scorm12" ? (d["cmi.core.lesson_status"] ?? "") : (d["cmi.success_status"] ?? "unknown"));
const rowsOf = (d: Record<string, string>) => Object.keys(d).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).map((k) => d[k]!);
/** SCORM comments: 2004 every cmi.comments_from_learner.n.comment, 1.2 the one cmi.comments string. */
const commentsOf = (d: Record<string, string>) => Object.entries(d).filter(([k, v]) => /^cmi\.comments(_from_learner\.\d+\.comment)?$/.test(k) && v !== "").map(([, v]) => v);

/** Attempt 1 awaits its assessor: no answered / passed / failed (cmi5); no score, verdict, interaction or comment (SCORM). */
function expectNothingJudgemental(held: Held, when: string): void {
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
function expectAttempt2NotReported(now: Held, before: Held): void {
  if (now.target === "cmi5") {
    const first = sessionOf(now.statements[0]!);
    expect(now.statements.filter((s) => judgemental(s) && sessionOf(s) !== first).map(verbName), "attempt 2 awaiting: no answered / passed / failed in the new session").toEqual([]);
    expect(now.statements.filter(judgemental).length, "attempt 2 awaiting: nothing new since the tab was closed").toBe(before.statements.filter(judgemental).length);
    expect(now.statements.some((s) => verbName(s) === "passed"), "no Passed while attempt 2 awaits").toBe(false);
    return;
  }
  const target = now.target;
  for (const d of now.scorm) {
    expect(rowsOf(d).filter((id) => id.endsWith("-a2")), "attempt 2 awaiting: no interaction of attempt 2").toEqual([]);
    expect(commentsOf(d).filter((c) => c.includes("attempt 2]")), "attempt 2 awaiting: no comment on attempt 2").toEqual([]);
    expect(scormStatus(target, d), "attempt 2 awaiting: not passed").not.toBe("passed");
  }
  expect(scormScore(target, now.scorm.at(-1)!), "attempt 2 awaiting: the score the LMS held before the relaunch").toEqual(scormScore(target, before.scorm.at(-1)!));
}


/** The assessor as context.instructor (docs/reporting.md "Rated tasks"): mbox for an email identifier, otherwise an account. */
function instructor(rater: Rater): Record<string, unknown> {
  return rater.id.includes("@")
    ? { objectType: "Agent", name: rater.name, mbox: `mailto:${rater.id}` }
    : { objectType: "Agent", name: rater.name, account: { homePage: "https://passmark.dev/xapi/assessor", name: rater.id } };
}

const RATINGS = [
  { rater: ANA, rating: LOW, score: SCORE_1 },
  { rater: BRAM, rating: HIGH, score: SCORE_2 },
] as const;

function expectCmi5(observed: CoursePreview, learner: Learner, rated1: number, rated2: number): void {
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
    for (const s of answered) expect(Date.parse(s.timestamp!), `attempt ${n + 1}: ${taskId(s)} sent once rated, not while awaiting`).toBeGreaterThanOrEqual(n === 0 ? rated1 : rated2);
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
    expect(self.result?.extensions?.[EXT_TASK_RATING]).toMatchObject({ method: "guide", counts: false, rater: "learner", grade: SELF_RATINGS[n]!.grade, criteria: SELF_RATINGS[n]!.criteria });
  }
}

function expectScorm(observed: CoursePreview, learner: Learner, target: TargetId, rated1: number, rated2: number): void {
  const sessions = scormSessions(observed.preview, learner.learnerId, target);
  expect(sessions).toHaveLength(2);
  expectNoScormFlags(sessions);
  const data = sessions.map((s) => effectiveData(s));
  const last = data.at(-1)!;

  // Nothing judgemental was ever held while an attempt awaited: no score or verdict before attempt 1
  // was rated, no pass before attempt 2 was (every accepted commit, server clock = this machine's).
  const trail = sessions.flatMap((s) => s.trail);
  expect(trail.filter((c) => c.at < rated1 && (c.score !== null || /passed|failed/.test(c.status))), "a score or verdict before attempt 1 was rated").toEqual([]);
  expect(trail.filter((c) => c.at < rated2 && /passed/.test(c.status)), "a pass before attempt 2 was rated").toEqual([]);

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
      const n = Object.keys(d).find((k) => d[k] === id && /^cmi\.interactions\.\d+\.id$/.test(k))!.split(".")[2];
      const at = (field: string) => d[`cmi.interactions.${n}.${field}`] ?? "";
      return { id, type: at("type"), result: at("result"), response: at(responseKey), weighting: at("weighting") };
    }),
  );
  expect(rows.map((r) => r.id).sort()).toEqual([1, 2].flatMap((a) => [...QUESTIONS, ...TASKS, SELF].map((q) => `${q}-a${a}`)).sort());
  for (const [n, { rating }] of RATINGS.entries()) {
    for (const task of TASKS) {
      const row = rows.find((r) => r.id === `${task}-a${n + 1}`)!;
      const response = rating.criteria[task].map((c) => `${c.id as string}${sep[0]}${c.value as number}`).join(sep[1]);
      expect(row, `${task} attempt ${n + 1}`).toEqual({ id: `${task}-a${n + 1}`, type: "performance", result: String(rating.grades[task]), response, weighting: task === "observed-lift" ? "2" : "1" });
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
    if (task === SELF) expect(entry).toMatch(new RegExp(`^\\[${SELF}, attempt ${n + 1}\\] Grade ${SELF_RATINGS[n]!.grade}/100 \\(not scored\\)\\. Rated by the learner \\(self-assessment\\), `));
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
