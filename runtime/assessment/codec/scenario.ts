// A deterministic, realistic learner state for measuring the resume-state codec (issue 3 benchmark:
// 50 / 100 / 200 questions × 3 attempts against SCORM 1.2's 4,096 characters). Built only through the
// engine's public API. Not imported by the runtime, so it never reaches the learner's bundle.

import type { CourseData, QuestionData } from "../../course/types";
import { answerQuestion, createLearnerState, recordMediaWatched, startAttempt, submitAttempt, visitPage } from "../learner-state";
import { mulberry32, shuffled } from "../prng";
import type { LearnerState, Response } from "../types";

export interface CodecScenarioOptions {
  questions: number;
  finishedAttempts: number;
  /** Add an attempt in progress with every question answered. */
  inProgress: boolean;
  seed?: number;
}

const rich = (text: string) => ({ html: `<p>${text}</p>`, text });
const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, text: `Choice ${i + 1}` }));

/** Question i cycles through every type, as a real mixed quiz would. */
function question(i: number): QuestionData {
  const base = { kind: "question" as const, id: `q${i + 1}`, prompt: rich(`Question ${i + 1}`), weight: 1, feedback: { correct: null, incorrect: null } };
  switch (i % 8) {
    case 0:
      return { ...base, type: "single-choice", choices: choices(4), correct: "c2" };
    case 1:
      return { ...base, type: "multiple-response", choices: choices(5), correct: ["c1", "c3"], partialCredit: true };
    case 2:
      return { ...base, type: "true-false", answer: true };
    case 3:
      return { ...base, type: "numeric", answer: { value: 9.81, tolerance: 0.05 } };
    case 4:
      return { ...base, type: "text-entry", accepted: ["Paris"], caseSensitive: false, whitespace: "collapse", long: false };
    case 5:
      return { ...base, type: "matching", pairs: choices(4).map((c) => ({ id: c.id, source: `S ${c.text}`, target: `T ${c.text}` })), partialCredit: true };
    case 6:
      return { ...base, type: "ordering", items: choices(5), partialCredit: true };
    default:
      return { ...base, type: "single-choice", choices: choices(3), correct: "c1" };
  }
}

function response(q: QuestionData, random: () => number): Response {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  switch (q.type) {
    case "single-choice":
    case "survey":
      return { type: q.type, choice: pick(q.choices).id };
    case "multiple-response":
      return { type: q.type, choices: q.choices.filter(() => random() < 0.5).map((c) => c.id) };
    case "true-false":
      return { type: q.type, value: random() < 0.5 };
    case "numeric":
      return { type: q.type, value: pick([9.81, 9.8, 10, 3.14]) };
    case "text-entry":
      return { type: q.type, text: pick(["Paris", "paris", "Lyon", "Marseille, France"]) };
    case "matching":
      return { type: q.type, matches: Object.fromEntries(q.pairs.map((p) => [p.id, pick(q.pairs).id])) };
    case "task":
      return { type: q.type, text: pick(["", "My plan, step by step."]), rating: null };
    case "ordering":
      return { type: q.type, order: shuffled(q.items.map((i) => i.id), random) };
  }
}

export function codecScenario(options: CodecScenarioOptions): { course: CourseData; state: LearnerState } {
  const course: CourseData = {
    format: 1,
    id: "https://example.org/courses/codec-scenario",
    title: "Codec scenario",
    description: "",
    language: "en",
    pages: Array.from({ length: 20 }, (_, i) => ({
      id: `page-${i + 1}`,
      title: `Page ${i + 1}`,
      body: rich(`Page ${i + 1}`),
      media: i % 5 === 0 ? [{ id: `clip-${i + 1}`, kind: "video" as const, src: `assets/clip-${i + 1}.mp4`, captions: null, title: "Clip", watchedThreshold: 0.9 }] : [],
    })),
    assessment: {
      id: "exam",
      title: "Exam",
      intro: null,
      attempts: options.finishedAttempts + 1,
      allowAttemptsAfterPass: true,
      review: "always",
      shuffleChoices: true,
      items: Array.from({ length: options.questions }, (_, i) => question(i)),
      rubric: { type: "pass-fail", passingAttemptScore: 80, passedResult: "$attempt_score", failedResult: "$attempt_score" },
      scoreActions: [],
    },
    reporting: { cmi5: { moveOn: "CompletedAndPassed", launchMethod: "AnyWindow" }, masteryScore: null, scorm12: { statusMode: "passed-incomplete" }, interactions: true },
  };
  const random = mulberry32(options.seed ?? 2026);
  let now = 1_790_000_000_000;
  const tick = (): number => (now += 5_000 + Math.floor(random() * 60_000));
  let state = createLearnerState();
  for (const page of course.pages) {
    state = visitPage(state, course, page.id);
    for (const m of page.media) state = recordMediaWatched(state, course, m.id);
  }
  const byId = new Map((course.assessment?.items ?? []).map((q) => [q.id, q as QuestionData]));
  const attempts = options.finishedAttempts + (options.inProgress ? 1 : 0);
  for (let n = 0; n < attempts; n++) {
    state = startAttempt(state, course, { seed: Math.floor(random() * 2 ** 32), now: tick(), passingScore: 80 });
    for (const d of state.current?.draw.questions ?? []) {
      state = answerQuestion(state, course, d.questionId, response(byId.get(d.questionId) as QuestionData, random), tick());
    }
    if (n < options.finishedAttempts) state = submitAttempt(state, course, { passingScore: 80, now: tick() })?.state ?? state;
  }
  return { course, state };
}
