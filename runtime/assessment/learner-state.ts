// The learner-state API the UI drives: pure functions over plain immutable data. Each returns a new
// state (or the same object when nothing changes); none reads a clock or a random source.

import type { CourseData } from "../course/types";
import { attemptBlock, attemptScore, judgeAttempts } from "./attempts";
import { drawAttempt, questionIndex, seenCounts } from "./bank";
import { buildInteractionReport } from "./interactions/report";
import type { InteractionReport } from "./outcome";
import { attemptsAllowedNumber, rubricInForce, scoreAttempt } from "./rubric";
import { canonicalResponse } from "./responses";
import { taskKit } from "./task-kit";
import { pendingRatings } from "./tasks";
import { LEARNER_STATE_VERSION, type AttemptResult, type FinishedAttempt, type LearnerState, type Response } from "./types";

export { createLearnerState, recordMediaWatched, setLocation, visitPage } from "./learner-visits";

export interface StartOptions {
  /** Any 32-bit integer; stored with the attempt. */
  seed: number;
  /** Epoch ms. */
  now: number;
  /** The passing score in force (mastery.ts passingScoreInForce), for the closed-after-pass rule. */
  passingScore: number;
}

/**
 * Start a new attempt with its draw. Returns the state unchanged when no attempt may start
 * (see attemptBlock / canStartAttempt): an attempt in progress is resumed, never replaced.
 */
export function startAttempt(state: LearnerState, course: CourseData, options: StartOptions): LearnerState {
  const assessment = course.assessment;
  if (!assessment || attemptBlock(state, assessment, options.passingScore) !== null) return state;
  const draw = drawAttempt(assessment, options.seed >>> 0, seenCounts(state.attempts.map((a) => a.draw)));
  return {
    ...state,
    current: {
      number: state.attempts.length + 1,
      seed: options.seed >>> 0,
      startedAt: options.now,
      lastActivityAt: options.now,
      draw,
      answers: {},
      handedInAt: null,
    },
  };
}

/**
 * Record (or change) the answer to a question of the attempt in progress. Ignored when there is no
 * attempt, it is handed in (awaiting rating: answers are locked), the question is not in its draw or
 * its answer is locked (checkAnswer), or the response does not fit the question (responses.ts). A task's rating is the learner's only for a
 * self-assessment (tasks.ts learnerTaskResponse).
 */
export function answerQuestion(state: LearnerState, course: CourseData, questionId: string, response: Response, now: number): LearnerState {
  const current = state.current;
  const question = course.assessment ? questionIndex(course.assessment).get(questionId) : undefined;
  if (!current || current.handedInAt !== null || !question || !current.draw.questions.some((q) => q.questionId === questionId)) return state;
  const previous = current.answers[questionId];
  if (previous?.locked) return state;
  let canonical = canonicalResponse(question, response);
  if (canonical?.type === "task" && question.type === "task") canonical = taskKit().learnerTaskResponse(question, canonical, previous?.response, now);
  if (!canonical) return state;
  const spent = Math.max(0, now - current.lastActivityAt);
  return {
    ...state,
    current: {
      ...current,
      lastActivityAt: Math.max(now, current.lastActivityAt),
      answers: { ...current.answers, [questionId]: { response: canonical, answeredAt: now, timeMs: (previous?.timeMs ?? 0) + spent } },
    },
  };
}

/** Take back the answer to a question of the attempt in progress (the learner emptied it); same state when there was none. */
export function clearAnswer(state: LearnerState, questionId: string): LearnerState {
  const current = state.current;
  if (!current || current.handedInAt !== null || !Object.prototype.hasOwnProperty.call(current.answers, questionId)) return state;
  if (current.answers[questionId]!.locked) return state;
  const answers = { ...current.answers };
  delete answers[questionId];
  return { ...state, current: { ...current, answers } };
}

/**
 * The learner checks an answered question of the attempt in progress, with feedback timing
 * "after-answer": the answer is locked (it is what the attempt scores; the feedback now shown cannot
 * help change it). Same state when the timing is another, there is no answer, or it is locked already.
 */
export function checkAnswer(state: LearnerState, course: CourseData, questionId: string): LearnerState {
  const current = state.current;
  const answer = current?.answers[questionId];
  if (course.assessment?.feedbackTiming !== "after-answer" || !current || current.handedInAt !== null || !answer || answer.locked) return state;
  return { ...state, current: { ...current, answers: { ...current.answers, [questionId]: { ...answer, locked: true } } } };
}

export interface SubmitOptions {
  /** The passing score in force (mastery.ts passingScoreInForce): replaces passingAttemptScore. */
  passingScore: number;
  now: number;
}

export interface SubmittedAttempt {
  state: LearnerState;
  /**
   * 1-based number of the attempt just submitted. Show THIS as "the attempt": `result.attemptNumber`
   * names the attempt that gave the score, an earlier one for `$highest_attempt_score`.
   */
  attemptNumber: number;
  /** The rubric's judgement of this attempt (rubric.ts scoreAttempt). */
  result: AttemptResult;
  /** Score 0..100 (null = survey) per drawn question id. */
  questionScores: Record<string, number | null>;
  /** One per drawn question, in the order shown (unanswered ones too). */
  interactionReports: InteractionReport[];
}

/**
 * Submit the attempt in progress: score it, judge it with the rubric, archive it. Null when none is in
 * progress, or while an assessor task is unrated (tasks.ts: handIn, then rateTask + completeRating).
 */
export function submitAttempt(state: LearnerState, course: CourseData, options: SubmitOptions): SubmittedAttempt | null {
  const current = state.current;
  const assessment = course.assessment;
  if (!current || !assessment || pendingRatings(state, course).length > 0) return null;
  const byId = questionIndex(assessment);
  const drawn = current.draw.questions.flatMap((d) => {
    const question = byId.get(d.questionId);
    return question ? [{ question, answer: current.answers[d.questionId] }] : [];
  });
  const raw = attemptScore(drawn.map(({ question, answer }) => ({ question, response: answer?.response })));
  // Earlier attempts keep their raw scores; the rubric sees s1..sn (docs/rules/assessment.md §2).
  const rawScores = [...state.attempts.map((a) => a.result.attemptScore), raw];
  const rubric = rubricInForce(assessment.rubric, options.passingScore);
  const result = scoreAttempt(rubric, rawScores, attemptsAllowedNumber(assessment.attempts));
  const reports = drawn.map(({ question, answer }) =>
    buildInteractionReport(question, answer?.response, {
      attemptNumber: current.number,
      language: course.language,
      latencyMs: answer?.timeMs ?? 0,
      timestamp: answer?.answeredAt ?? options.now,
    }),
  );
  const responses: Record<string, Response> = {};
  for (const [id, answer] of Object.entries(current.answers)) responses[id] = answer.response;
  const finished: FinishedAttempt = {
    number: current.number,
    seed: current.seed,
    startedAt: current.startedAt,
    submittedAt: options.now,
    passingScore: options.passingScore,
    result,
    draw: current.draw,
    responses,
  };
  const questionScores: Record<string, number | null> = {};
  reports.forEach((r) => (questionScores[r.questionId] = r.score));
  return {
    state: { ...state, attempts: [...state.attempts, finished], current: null },
    attemptNumber: current.number,
    result,
    questionScores,
    interactionReports: reports,
  };
}

/** Results of the finished attempts as judged with the passing score in force now. */
export function attemptResults(state: LearnerState, course: CourseData, passingScore: number): AttemptResult[] {
  return course.assessment ? judgeAttempts(state.attempts, course.assessment, passingScore) : [];
}
