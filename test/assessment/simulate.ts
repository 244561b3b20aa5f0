// Drive the learner-state API like a learner would, from a seed: a realistic, valid LearnerState.
import type { CourseData, QuestionData } from "../../runtime/course/types";
import {
  answerQuestion,
  createLearnerState,
  optionIds,
  recordMediaWatched,
  startAttempt,
  submitAttempt,
  visitPage,
  type LearnerState,
  type Response,
} from "../../runtime/assessment";
import { mulberry32, shuffled, type Random } from "../../runtime/assessment/prng";

export interface Plan {
  seed: number;
  finishedAttempts: number;
  inProgress: boolean;
  /** Share of questions answered in each attempt. */
  answerRate: number;
  texts: string[];
  numbers: number[];
}

/** A response of the right type for the question, with ids from its options. */
export function someResponse(q: QuestionData, random: Random, plan: Pick<Plan, "texts" | "numbers">): Response {
  const ids = optionIds(q);
  const pick = (): string => ids[Math.floor(random() * ids.length)] as string;
  switch (q.type) {
    case "single-choice":
    case "survey":
      return { type: q.type, choice: pick() };
    case "multiple-response":
      return { type: q.type, choices: ids.filter(() => random() < 0.5) };
    case "true-false":
      return { type: q.type, value: random() < 0.5 };
    case "numeric":
      return { type: q.type, value: plan.numbers.length ? (plan.numbers[Math.floor(random() * plan.numbers.length)] as number) : random() * 20 };
    case "text-entry":
      return { type: q.type, text: plan.texts.length ? (plan.texts[Math.floor(random() * plan.texts.length)] as string) : "Paris" };
    case "matching":
      return { type: q.type, matches: Object.fromEntries(ids.filter(() => random() < 0.8).map((id) => [id, pick()])) };
    case "ordering":
      return { type: q.type, order: shuffled(ids, random) };
    case "task":
      return { type: q.type, text: plan.texts.length ? (plan.texts[Math.floor(random() * plan.texts.length)] as string) : "", rating: null };
  }
}

export function simulate(course: CourseData, plan: Plan, passingScore = 80): LearnerState {
  const random = mulberry32(plan.seed);
  let now = 1_790_000_000_000 + Math.floor(random() * 1e9);
  const tick = (): number => (now += 1 + Math.floor(random() * 90_000));
  let s = createLearnerState();
  for (const page of course.pages) {
    if (random() < 0.7) s = visitPage(s, course, page.id);
    for (const m of page.media) if (random() < 0.5) s = recordMediaWatched(s, course, m.id);
  }
  const byId = new Map<string, QuestionData>();
  for (const item of course.assessment?.items ?? []) for (const q of item.kind === "bank" ? item.questions : [item]) byId.set(q.id, q);
  const attempts = plan.finishedAttempts + (plan.inProgress ? 1 : 0);
  for (let n = 0; n < attempts; n++) {
    const started = startAttempt(s, course, { seed: Math.floor(random() * 2 ** 32), now: tick(), passingScore });
    if (started === s) break; // closed or limit reached
    s = started;
    for (const d of s.current!.draw.questions) {
      if (random() < plan.answerRate) s = answerQuestion(s, course, d.questionId, someResponse(byId.get(d.questionId)!, random, plan), tick());
    }
    if (n < plan.finishedAttempts) s = submitAttempt(s, course, { passingScore, now: tick() })!.state;
  }
  return s;
}
