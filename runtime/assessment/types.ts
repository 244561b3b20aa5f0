// Plain data the assessment engine works on: responses, draws, attempts and the learner state.
// Everything here is immutable by convention (the engine returns new objects, never mutates).

import type { AssessmentStatus } from "./outcome";

/** A problem found by a validator; `path` is a JSON pointer relative to the object validated. */
export interface Problem {
  path: string;
  severity: "error" | "warning";
  message: string;
}

/**
 * A learner's answer to one question; `type` must match the question's type, otherwise it is
 * malformed and scores 0. An unanswered question simply has no Response.
 */
export type Response =
  | { type: "single-choice"; choice: string }
  | { type: "multiple-response"; choices: string[] }
  | { type: "true-false"; value: boolean }
  | { type: "numeric"; value: number }
  | { type: "text-entry"; text: string }
  /** `matches[sourcePairId] = targetPairId`: the pair whose target the learner put next to that source. */
  | { type: "matching"; matches: Record<string, string> }
  /** Item ids in the order the learner put them. */
  | { type: "ordering"; order: string[] }
  | { type: "survey"; choice: string }
  /** A task: the learner's text ("" when none) and the rating, once a rater has started one. */
  | { type: "task"; text: string; rating: TaskRating | null };

/** Who filled in a grading form. The learner is never given a name here: the LMS knows it. */
export type Rater = { role: "learner" } | { role: "assessor"; name: string; id: string };

/** A grading form as a rater filled it in (docs/grading-forms.md "When a form is complete"). */
export interface TaskRating {
  /** By criterion id: a level id (rubric), points or a scale label (guide), true/false (errors). */
  filling: Record<string, string | number | boolean>;
  /** Optional remark per criterion id. */
  remarks: Record<string, string>;
  /** Overall feedback; "" when none. */
  feedback: string;
  /** Set when the rater submitted the complete form; until then both are null. */
  rater: Rater | null;
  ratedAt: number | null;
}

/** One question drawn into an attempt. */
export interface DrawnQuestion {
  questionId: string;
  /**
   * The order the UI presents the question's options in (ids), fixed for the attempt:
   * choices for single-choice / multiple-response (shuffled when the assessment says so),
   * the starting order of the items of an ordering question and the order of the targets
   * (pair ids) of a matching question (both always shuffled: the authored order IS the answer);
   * null = authored order (true-false, numeric, text-entry, survey, or no shuffling).
   */
  presentedOrder: string[] | null;
}

/** The questions of one attempt, in the order shown; made once and stored (docs/rules/assessment.md §3). */
export interface AttemptDraw {
  questions: DrawnQuestion[];
}

/** rubric.ts output for one attempt (docs/rules/assessment.md §2). */
export interface AttemptResult {
  status: "passed" | "failed" | "unableToPass";
  /** 1-based: the attempt just finished, or for `$highest_attempt_score` the (last) attempt that reached it. */
  attemptNumber: number;
  /** Raw score of the attempt just finished, 0..100. */
  attemptScore: number;
  /** The base before mods (passedResult / failedResult / unableToPassResult resolved); null = no-score. */
  assessmentScore: number | null;
  /** Indices (0-based, into rubric.mods) of the mods applied. */
  rewardedMods: number[];
  rewardTotal: number;
  /** The attempt's final score, clamped to 0..100, or null = no-score. */
  assessmentModdedScore: number | null;
}

/** A response given during an attempt, with the time spent on it. */
export interface AnsweredQuestion {
  response: Response;
  /** Epoch ms of the last change. */
  answeredAt: number;
  /** Time spent on the question in ms (summed over every change). */
  timeMs: number;
  /** The learner checked it (feedback timing "after-answer"): its feedback is shown and the answer can no longer change. */
  locked?: true;
}

export interface AttemptInProgress {
  /** 1-based. */
  number: number;
  seed: number;
  startedAt: number;
  /** Epoch ms of the last event of the attempt (start or answer): the start of the next question's time. */
  lastActivityAt: number;
  draw: AttemptDraw;
  /** By question id. */
  answers: Record<string, AnsweredQuestion>;
  /**
   * Epoch ms when the learner handed the attempt in while an assessor task was still unrated: the
   * attempt is "awaiting rating" (the learner's answers are locked, nothing is scored or reported).
   * null = not handed in.
   */
  handedInAt: number | null;
}

export interface FinishedAttempt {
  number: number;
  seed: number;
  startedAt: number;
  submittedAt: number;
  /** The passing score that was in force (mastery override or rubric) when the attempt was judged. */
  passingScore: number;
  result: AttemptResult;
  /** null when the resume-state codec had to drop it to fit its budget. */
  draw: AttemptDraw | null;
  /** By question id; null when the codec had to drop response details to fit its budget. */
  responses: Record<string, Response> | null;
}

export const LEARNER_STATE_VERSION = 1;

/** Everything a learner has done in the course: the resume state (one versioned model). */
export interface LearnerState {
  version: typeof LEARNER_STATE_VERSION;
  /** Where the learner is: a page id, the assessment id, or null (start). */
  location: string | null;
  /** Page ids viewed, in course order. */
  pagesSeen: string[];
  /** Media ids watched to their threshold, in course order. */
  mediaWatched: string[];
  /** Finished (submitted) attempts, oldest first. */
  attempts: FinishedAttempt[];
  current: AttemptInProgress | null;
}

/** The assessment's result across attempts (docs/rules/assessment.md §3). */
export interface AssessmentResult {
  status: AssessmentStatus;
  /** Highest non-null attempt score (tie → later attempt); null when none. */
  score: number | null;
  /** 1-based attempt that gave `score`, or null. */
  scoreAttemptNumber: number | null;
  attemptsTaken: number;
  /** No further attempt can change the outcome. */
  final: boolean;
}
