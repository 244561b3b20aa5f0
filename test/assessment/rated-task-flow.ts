// Courses with a task rated by a grading form, and the engine's own flow to a submitted attempt
// (start, answer, hand in, rate, complete, submit): the InteractionReports and Outcome the session
// hands to a driver, for the report tests of every standard.
import {
  answerQuestion,
  completeRating,
  computeOutcome,
  createLearnerState,
  handIn,
  rateTask,
  startAttempt,
  submitAttempt,
  type LearnerState,
  type SubmittedAttempt,
} from "../../runtime/assessment";
import type { GradingForm } from "../../runtime/assessment/grading-forms";
import type { InteractionReport, Outcome } from "../../runtime/assessment/outcome";
import type { RatingInput } from "../../runtime/assessment/tasks";
import type { CourseData, TaskQuestion } from "../../runtime/course/types";
import { assessment, base, course, singleChoices } from "./fixtures";

export const RUBRIC: GradingForm = {
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

export const NOW = Date.UTC(2027, 0, 15, 8, 0, 0);
export const PASSING = 80;
export const ASSESSOR = { name: "Ana Diaz", id: "ana.diaz@example.org" };

export function taskQuestion(id: string, over: Partial<TaskQuestion> = {}): TaskQuestion {
  return { ...base(id), type: "task", learnerResponse: "text", gradingForm: RUBRIC, rater: "assessor", counts: true, passcode: null, ...over };
}

/** Two single-choice questions (answer "c" is right) and an assessor task "observed" weighing 2. */
export function assessorCourse(attempts = 3, task: Partial<TaskQuestion> = {}): CourseData {
  return course(assessment([...singleChoices(2), taskQuestion("observed", { weight: 2, ...task })], { attempts }), 0);
}

/** One self-assessed task "reflect" that does not count, and one single-choice question. */
export function selfAssessedCourse(): CourseData {
  return course(assessment([...singleChoices(1), taskQuestion("reflect", { rater: "learner", counts: false })], { attempts: 3 }), 0);
}

export interface AttemptRun {
  state: LearnerState;
  /** The state while the attempt waited for the assessor (handed in, rated in part). */
  awaiting: LearnerState;
  submitted: SubmittedAttempt;
  reports: InteractionReport[];
  outcome: Outcome;
}

/** One attempt of `assessorCourse`: answers (`right` or not), hand in, the assessor rates, submit. */
export function assessorAttempt(c: CourseData, from: LearnerState, right: boolean, rating: RatingInput, assessor = ASSESSOR, at = NOW): AttemptRun {
  let s = startAttempt(from, c, { seed: 7, now: at, passingScore: PASSING });
  s = answerQuestion(s, c, "q1", { type: "single-choice", choice: right ? "c" : "a" }, at + 1000);
  s = answerQuestion(s, c, "q2", { type: "single-choice", choice: right ? "c" : "a" }, at + 2000);
  s = answerQuestion(s, c, "observed", { type: "task", text: "Cleaned the bench first.", rating: null }, at + 3000);
  s = handIn(s, c, at + 4000);
  // The assessor starts with half a form: the attempt still awaits rating.
  const awaiting = rateTask(s, c, "observed", { ...rating, filling: Object.fromEntries(Object.entries(rating.filling).slice(0, 1)) }, at + 5000);
  s = rateTask(awaiting, c, "observed", rating, at + 6000);
  const rated = completeRating(s, c, assessor, at + 7000);
  if (!rated) throw new Error("rating not complete");
  const submitted = submitAttempt(rated, c, { passingScore: PASSING, now: at + 8000 });
  if (!submitted) throw new Error("not submitted");
  return { state: submitted.state, awaiting, submitted, reports: submitted.interactionReports, outcome: computeOutcome(submitted.state, c, PASSING) };
}

export function freshState(): LearnerState {
  return createLearnerState();
}
