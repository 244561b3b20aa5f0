// Tasks rated with a grading form inside an attempt (docs/grading-forms.md): scoring, awaiting rating,
// the rater's stamp, the resume state (and its 4,096-character budget) and the interaction formats.

import { describe, expect, it } from "vitest";
import {
  answerQuestion,
  attemptAssessor,
  awaitingRating,
  buildInteractionReport,
  completeRating,
  createLearnerState,
  handIn,
  pendingRatings,
  rateTask,
  startAttempt,
  submitAttempt,
  type LearnerState,
} from "../../runtime/assessment";
import { decodeState, encodeState } from "../../runtime/assessment/codec/state-codec";
import type { GradingForm } from "../../runtime/assessment/grading-forms";
import type { CourseData, QuestionData, TaskQuestion } from "../../runtime/course/types";
import { formatted } from "../lms-format/formatted";
import { assessment, base, course, singleChoices } from "./fixtures";
import { loadTaskKit } from "../../runtime/assessment/task-kit";

// The engine's task code is a chunk of its own: a course with a task loads it first (app/boot.ts).
await loadTaskKit();

const rubric: GradingForm = {
  method: "rubric",
  criteria: [
    {
      id: "plan",
      description: "Plans the work",
      levels: [
        { id: "p0", score: 0, description: "No plan" },
        { id: "p1", score: 1, description: "Some" },
        { id: "p3", score: 3, description: "Clear plan" },
      ],
    },
    {
      id: "safety",
      description: "Works safely",
      levels: [
        { id: "s0", score: 0, description: "Unsafe" },
        { id: "s2", score: 2, description: "Mostly" },
        { id: "s6", score: 6, description: "Always" },
      ],
    },
  ],
};
const guide: GradingForm = {
  method: "guide",
  criteria: [
    { id: "clarity", description: "Clarity", maxPoints: 10 },
    { id: "tone", description: "Tone", scale: ["poor", "fair", "good"] },
  ],
};

function task(id: string, over: Partial<TaskQuestion> = {}): TaskQuestion {
  return { ...base(id), type: "task", learnerResponse: "text", gradingForm: rubric, rater: "assessor", counts: true, passcode: null, ...over };
}

function taskCourse(items: QuestionData[]): CourseData {
  return course(assessment(items, { attempts: 3 }), 0);
}

const NOW = 1_800_000_000_000;
const P = 80;

function started(c: CourseData): LearnerState {
  return startAttempt(createLearnerState(), c, { seed: 7, now: NOW, passingScore: P });
}

describe("an assessor task in an attempt", () => {
  const observed = task("observed", { weight: 2 });
  const c = taskCourse([...singleChoices(2), observed]);

  it("cannot be submitted until rated: hand in, rate, complete, then submit", () => {
    let s = started(c);
    s = answerQuestion(s, c, "q1", { type: "single-choice", choice: "c" }, NOW + 1000);
    s = answerQuestion(s, c, "q2", { type: "single-choice", choice: "c" }, NOW + 2000);
    s = answerQuestion(s, c, "observed", { type: "task", text: "I cleaned the bench first.", rating: null }, NOW + 3000);
    expect(pendingRatings(s, c).map((t) => t.id)).toEqual(["observed"]);
    expect(submitAttempt(s, c, { passingScore: P, now: NOW + 4000 })).toBeNull();

    s = handIn(s, c, NOW + 4000);
    expect(awaitingRating(s)).toBe(true);
    expect(s.current?.handedInAt).toBe(NOW + 4000);
    // Locked for the learner: an answer change is ignored.
    expect(answerQuestion(s, c, "q1", { type: "single-choice", choice: "a" }, NOW + 5000)).toBe(s);

    s = rateTask(s, c, "observed", { filling: { plan: "p3" }, remarks: { plan: "Good order" }, feedback: "" }, NOW + 6000);
    expect(completeRating(s, c, { name: "Ana Diaz", id: "ana@example.org" }, NOW + 7000)).toBeNull(); // incomplete
    s = rateTask(s, c, "observed", { filling: { plan: "p3", safety: "s2" }, remarks: { plan: "Good order" }, feedback: "Solid work." }, NOW + 8000);
    expect(completeRating(s, c, { name: "", id: "x" }, NOW + 9000)).toBeNull(); // no name
    const rated = completeRating(s, c, { name: "Ana Diaz", id: "ana@example.org" }, NOW + 9000);
    expect(rated).not.toBeNull();
    const submitted = submitAttempt(rated as LearnerState, c, { passingScore: P, now: NOW + 9500 });
    expect(submitted).not.toBeNull();
    // Rubric: min 0, max 9, total 5 → 55.55…; weighted mean (100 + 100 + 2 × 55.55…) / 4.
    const grade = (5 / 9) * 100;
    expect(submitted?.questionScores.observed).toBeCloseTo(grade, 10);
    expect(submitted?.result.attemptScore).toBeCloseTo((200 + 2 * grade) / 4, 10);
    const response = submitted?.state.attempts[0]?.responses?.observed;
    expect(response).toEqual({
      type: "task",
      text: "I cleaned the bench first.",
      rating: {
        filling: { plan: "p3", safety: "s2" },
        remarks: { plan: "Good order" },
        feedback: "Solid work.",
        rater: { role: "assessor", name: "Ana Diaz", id: "ana@example.org" },
        ratedAt: NOW + 9000,
      },
    });
    expect(attemptAssessor(submitted?.state.attempts[0]?.responses ?? null)).toEqual({ role: "assessor", name: "Ana Diaz", id: "ana@example.org" });
  });

  it("never takes a rating from the learner's own answer", () => {
    let s = started(c);
    s = answerQuestion(
      s,
      c,
      "observed",
      { type: "task", text: "x", rating: { filling: { plan: "p3", safety: "s6" }, remarks: {}, feedback: "", rater: { role: "learner" }, ratedAt: NOW } },
      NOW + 1,
    );
    const answer = s.current?.answers.observed?.response;
    expect(answer).toEqual({ type: "task", text: "x", rating: null });
    expect(pendingRatings(s, c)).toHaveLength(1);
  });

  it("rates only a handed-in attempt, only its assessor tasks, only values the form knows", () => {
    let s = started(c);
    expect(rateTask(s, c, "observed", { filling: { plan: "p3" }, remarks: {}, feedback: "" }, NOW)).toBe(s); // not handed in
    s = handIn(s, c, NOW);
    expect(rateTask(s, c, "q1", { filling: {}, remarks: {}, feedback: "" }, NOW)).toBe(s);
    s = rateTask(s, c, "observed", { filling: { plan: "nope", safety: "s6", extra: "p3" }, remarks: { ghost: "?" }, feedback: "" }, NOW);
    const r = s.current?.answers.observed?.response;
    expect(r?.type === "task" && r.rating?.filling).toEqual({ safety: "s6" });
    expect(r?.type === "task" && r.rating?.remarks).toEqual({});
  });

  it("hand-in with nothing pending changes nothing", () => {
    const mc = taskCourse(singleChoices(2));
    const s = started(mc);
    expect(handIn(s, mc, NOW)).toBe(s);
  });
});

describe("a self-assessment", () => {
  it("that counts: the learner's complete form is stamped with the learner and scores its grade", () => {
    const self = task("reflect", { rater: "learner", gradingForm: guide });
    const c = taskCourse([...singleChoices(1), self]);
    let s = started(c);
    s = answerQuestion(s, c, "q1", { type: "single-choice", choice: "c" }, NOW + 1);
    s = answerQuestion(
      s,
      c,
      "reflect",
      { type: "task", text: "", rating: { filling: { clarity: 5 }, remarks: {}, feedback: "", rater: null, ratedAt: null } },
      NOW + 2,
    );
    let r = s.current?.answers.reflect?.response;
    expect(r?.type === "task" && r.rating?.ratedAt).toBeNull(); // incomplete
    s = answerQuestion(
      s,
      c,
      "reflect",
      { type: "task", text: "", rating: { filling: { clarity: 5, tone: "good" }, remarks: {}, feedback: "", rater: null, ratedAt: null } },
      NOW + 3,
    );
    r = s.current?.answers.reflect?.response;
    expect(r?.type === "task" && r.rating?.rater).toEqual({ role: "learner" });
    expect(r?.type === "task" && r.rating?.ratedAt).toBe(NOW + 3);
    expect(pendingRatings(s, c)).toEqual([]);
    const submitted = submitAttempt(s, c, { passingScore: P, now: NOW + 4 });
    // Guide: (0.5 × 100 + 1 × 100) / 2 = 75; mean with the 100 of q1 = 87.5.
    expect(submitted?.questionScores.reflect).toBe(75);
    expect(submitted?.result.attemptScore).toBe(87.5);
  });

  it("that does not count: recorded, never scored", () => {
    const self = task("reflect", { rater: "learner", gradingForm: guide, counts: false });
    const c = taskCourse([...singleChoices(1), self]);
    let s = started(c);
    s = answerQuestion(s, c, "q1", { type: "single-choice", choice: "a" }, NOW + 1);
    s = answerQuestion(
      s,
      c,
      "reflect",
      { type: "task", text: "", rating: { filling: { clarity: 10, tone: "good" }, remarks: {}, feedback: "", rater: null, ratedAt: null } },
      NOW + 2,
    );
    const submitted = submitAttempt(s, c, { passingScore: P, now: NOW + 4 });
    expect(submitted?.questionScores.reflect).toBeNull();
    expect(submitted?.result.attemptScore).toBe(0);
    expect(submitted?.state.attempts[0]?.responses?.reflect).toMatchObject({ rating: { filling: { clarity: 10, tone: "good" } } });
  });
});

describe("the resume state", () => {
  it("keeps an attempt awaiting rating, the assessor's partial form included", () => {
    const c = taskCourse([...singleChoices(2), task("observed")]);
    let s = started(c);
    s = answerQuestion(s, c, "q1", { type: "single-choice", choice: "c" }, NOW + 1000);
    s = answerQuestion(s, c, "observed", { type: "task", text: "Done: 3 steps; 100% (ok) ~ | , : * = ' ! $ ( ^", rating: null }, NOW + 2000);
    s = handIn(s, c, NOW + 3000);
    s = rateTask(s, c, "observed", { filling: { plan: "p1" }, remarks: { plan: "Rushed | ; , : $ (" }, feedback: "" }, NOW + 4000);
    const { encoded, fits } = encodeState(s, c, 4096);
    expect(fits).toBe(true);
    const decoded = decodeState(encoded, c);
    expect(decoded.state).toEqual(s);
  });

  it("round-trips a finished rated attempt and a state written before tasks existed", () => {
    const c = taskCourse([...singleChoices(2), task("observed")]);
    let s = started(c);
    s = answerQuestion(s, c, "observed", { type: "task", text: "", rating: null }, NOW + 1);
    s = handIn(s, c, NOW + 2);
    s = rateTask(s, c, "observed", { filling: { plan: "p0", safety: "s0" }, remarks: {}, feedback: "Try again" }, NOW + 3);
    const rated = completeRating(s, c, { name: "Bo", id: "E-1234" }, NOW + 4) as LearnerState;
    const after = submitAttempt(rated, c, { passingScore: P, now: NOW + 5 })?.state as LearnerState;
    expect(decodeState(encodeState(after, c, 4096).encoded, c).state).toEqual(after);

    const mc = taskCourse(singleChoices(2));
    const plain = answerQuestion(started(mc), mc, "q1", { type: "single-choice", choice: "c" }, NOW + 1);
    const text = encodeState(plain, mc, 4096).encoded;
    expect(text.split("|").at(-1)?.split(",")).toHaveLength(6); // no hand-in field unless handed in
    expect(decodeState(text, mc).state).toEqual(plain);
  });

  it("3 tasks × 6 criteria fit 4,096 characters: remarks are trimmed, ratings and results never", () => {
    const six: GradingForm = {
      method: "rubric",
      criteria: Array.from({ length: 6 }, (_, i) => ({
        id: `c${i + 1}`,
        description: `Criterion ${i + 1}`,
        levels: [1, 2, 3, 4].map((n) => ({ id: `c${i + 1}l${n}`, score: n, description: `Level ${n}` })),
      })),
    };
    const tasks = ["t1", "t2", "t3"].map((id) => task(id, { gradingForm: six }));
    const c = taskCourse([...singleChoices(4), ...tasks]);
    const long = "Détail… ".repeat(120); // ~1,000 characters, many of them escaped
    const rateAll = (state: LearnerState, at: number): LearnerState => {
      let s = handIn(state, c, at);
      for (const t of tasks) {
        const filling = Object.fromEntries(six.criteria.map((cr, i) => [cr.id, `${cr.id}l${(i % 4) + 1}`]));
        const remarks = Object.fromEntries(six.criteria.map((cr) => [cr.id, long]));
        s = rateTask(s, c, t.id, { filling, remarks, feedback: long }, at + 1);
      }
      return completeRating(s, c, { name: "Assessor With A Long Name", id: "assessor.with.a.long.name@example.org" }, at + 2) as LearnerState;
    };
    let s = createLearnerState();
    for (const n of [0, 1]) {
      s = startAttempt(s, c, { seed: n + 1, now: NOW + n * 10_000, passingScore: 101 });
      for (const t of tasks) s = answerQuestion(s, c, t.id, { type: "task", text: "What I did.", rating: null }, NOW + n * 10_000 + 1);
      s = submitAttempt(rateAll(s, NOW + n * 10_000 + 2), c, { passingScore: 101, now: NOW + n * 10_000 + 5 })?.state as LearnerState;
    }
    // A third attempt awaiting rating, the assessor half-way through with long remarks.
    s = startAttempt(s, c, { seed: 9, now: NOW + 50_000, passingScore: 101 });
    s = handIn(s, c, NOW + 50_001);
    for (const t of tasks) s = rateTask(s, c, t.id, { filling: { c1: "c1l4" }, remarks: { c1: long, c2: long }, feedback: long }, NOW + 50_002);

    const { encoded, fits, dropped } = encodeState(s, c, 4096);
    expect(fits).toBe(true);
    expect(encoded.length).toBeLessThanOrEqual(4096);
    expect(dropped[0]).toMatch(/^task remarks and feedback/);
    const back = decodeState(encoded, c).state as LearnerState;
    expect(back.attempts.map((a) => a.result)).toEqual(s.attempts.map((a) => a.result));
    expect(back.current?.handedInAt).toBe(NOW + 50_001);
    // The filling and rater of every kept rating survive; the assessor's partial form too.
    for (const t of tasks) {
      const r = back.current?.answers[t.id]?.response;
      expect(r?.type === "task" && r.rating?.filling).toEqual({ c1: "c1l4" });
    }
    const kept = back.attempts.find((a) => a.responses !== null);
    if (kept) {
      for (const t of tasks) {
        const r = kept.responses?.[t.id];
        expect(r?.type === "task" && r.rating?.rater).toEqual({
          role: "assessor",
          name: "Assessor With A Long Name",
          id: "assessor.with.a.long.name@example.org",
        });
        expect(r?.type === "task" && Object.keys(r.rating?.filling ?? {})).toHaveLength(6);
      }
    }
  });
});

describe("the interaction report of a task", () => {
  it("is a performance interaction: one step per criterion with its value on 0..100", () => {
    const t = task("observed");
    const response = {
      type: "task" as const,
      text: "",
      rating: { filling: { plan: "p1", safety: "s6" }, remarks: {}, feedback: "", rater: { role: "assessor" as const, name: "A", id: "a" }, ratedAt: NOW },
    };
    const report = formatted(buildInteractionReport(t, response, { attemptNumber: 1, language: "en", latencyMs: 0, timestamp: NOW }));
    expect(report.score).toBeCloseTo((7 / 9) * 100, 10);
    expect(report.xapi?.definition.interactionType).toBe("performance");
    expect(report.xapi?.definition.steps?.map((s) => s.id)).toEqual(["plan", "safety"]);
    expect(report.xapi?.response).toBe("plan[.]33.3333333[,]safety[.]100");
    expect(report.scorm2004).toEqual({ type: "performance", response: "plan[.]33.3333333[,]safety[.]100", correctPatterns: [] });
    expect(report.scorm12).toEqual({ type: "performance", response: "plan.33.3333333,safety.100", correctPatterns: [] });
  });
});
