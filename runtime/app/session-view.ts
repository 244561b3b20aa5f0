// The read model the screens render: SessionView and its AssessmentView (attempts used and left,
// the passing score in force, what the learner may do next, each attempt's result and review, the
// attempt in progress with what is left unanswered or unrated). Computed here with the engine from
// the learner state and the launch facts, so that no screen calls an engine function or passes the
// passing score by hand. Pure: the same state and facts give the same view. Here the view before any
// attempt (a launch's first screens); once an attempt was started, session-view-attempts.ts, in the
// session's assessment half (assessment-half.ts), a chunk the launch does not wait for.
import { attemptsAllowedNumber } from "../assessment/attempts-allowed";
import { passingScoreInForce } from "../assessment/mastery";
import { scoreActionFor } from "../assessment/score-actions";
import type { AttemptResult, DrawnQuestion, LearnerState, Outcome, Response } from "../assessment/index";
import type { AttemptsAllowed, CourseData, QuestionData, ScoreAction, TaskQuestion } from "../course/types";
import type { DeliveryStatus, ExitResult, LaunchMode } from "../lms/driver";

export interface SessionView {
  state: LearnerState;
  outcome: Outcome;
  /** The assessment as the learner may see it; null for a course without one. */
  assessment: AssessmentView | null;
  delivery: DeliveryStatus;
  /** Exit requested and not finished yet. */
  exiting: boolean;
  /** Set once the driver finished the session. */
  exited: ExitResult | null;
  /**
   * A Start pressed before the assessment half (a chunk of its own) arrived: "loading" until it does,
   * "failed" when it could not be loaded (Start loads it again); null otherwise.
   */
  starting: "loading" | "failed" | null;
}

/** What the learner may do on the assessment's front page. */
export type NextStep =
  | { kind: "start"; attempt: number }
  | { kind: "resume"; attempt: number }
  /** Browse / Review launch: attempts are not the learner's to take. */
  | { kind: "read-only" }
  | { kind: "closed-after-pass" }
  | { kind: "no-attempts-left" };

/** A finished attempt, judged with the passing score in force now (docs/rules/assessment.md §4). */
export interface AttemptResultView {
  number: number;
  /** The attempt's own raw score, 0..100. */
  attemptScore: number;
  status: AttemptResult["status"];
  passed: boolean;
  /** Epoch ms. */
  submittedAt: number;
}

export interface ReviewedQuestion {
  question: QuestionData;
  response: Response | undefined;
  /** null: not graded (a survey, an unrated task). */
  score: number | null;
}

/** A finished attempt's questions for review; `questions` null when the saved state had to drop its draw or responses. */
export interface AttemptReview {
  number: number;
  questions: ReviewedQuestion[] | null;
}

export type TaskResponse = Extract<Response, { type: "task" }>;

/** An assessor task still to rate, with the learner's response and the criteria still missing a value. */
export interface PendingRating {
  task: TaskQuestion;
  response: TaskResponse | null;
  missing: string[];
}

export interface CurrentAttemptView {
  number: number;
  /**
   * The drawn questions this course still has, in the order shown, each with the answer given; a
   * checked one (feedback timing "after-answer") is `locked`, with its score (null: not graded).
   */
  questions: { drawn: DrawnQuestion; question: QuestionData; response: Response | undefined; locked: boolean; score: number | null }[];
  /** Handed in and waiting for the assessor (answers locked, nothing scored). */
  awaitingRating: boolean;
  /** Ids of the questions the learner left unanswered (assessment/unanswered.ts), in order. */
  unanswered: string[];
  pendingRatings: PendingRating[];
}

export interface AssessmentView {
  attemptsAllowed: AttemptsAllowed;
  /** Finished attempts. */
  attemptsUsed: number;
  /** Attempts the learner may still start (the one in progress counts as taken); Infinity when unlimited. */
  attemptsLeft: number;
  /** The passing score in force: the LMS's mastery score when it gave one, else the rubric's. */
  passingScore: number;
  passingScoreFromLms: boolean;
  /** A pass-fail rubric: the learner is told the passing score. */
  showsPassingScore: boolean;
  next: NextStep;
  current: CurrentAttemptView | null;
  /** One per finished attempt, in order. */
  results: AttemptResultView[];
  /** The review policy allows reviewing finished attempts now. */
  reviewAllowed: boolean;
  /** One per finished attempt, in order (shown only when reviewAllowed). */
  reviews: AttemptReview[];
  /** The author's message for the assessment score and status, or null. */
  scoreAction: ScoreAction | null;
}

/** What the view needs of the launch: the LMS's mastery score and the launch mode. */
export interface ViewFacts {
  masteryScore: number | null;
  launchMode: LaunchMode;
}

/** The passing score in force for this course and launch (docs/rules/assessment.md §4). */
export function passingScoreFor(course: CourseData, facts: Pick<ViewFacts, "masteryScore">): number {
  return passingScoreInForce(facts.masteryScore, course.assessment?.rubric.passingAttemptScore, course.assessment?.rubric.type);
}

/**
 * The assessment view while no attempt was started (none finished, none in progress): the view
 * session-view-attempts.ts gives for such a state, without judging attempts (nothing to judge).
 * null for a course without an assessment.
 */
export function viewBeforeAttempts(course: CourseData, facts: ViewFacts): ((outcome: Outcome) => AssessmentView) | null {
  const assessment = course.assessment;
  if (!assessment) return null;
  const passingScore = passingScoreFor(course, facts);
  const allowed = attemptsAllowedNumber(assessment.attempts);
  const next: NextStep = facts.launchMode !== "normal" ? { kind: "read-only" } : allowed > 0 ? { kind: "start", attempt: 1 } : { kind: "no-attempts-left" };
  return (outcome) => ({
    attemptsAllowed: assessment.attempts,
    attemptsUsed: 0,
    attemptsLeft: Math.max(0, allowed),
    passingScore,
    passingScoreFromLms: facts.masteryScore !== null,
    showsPassingScore: assessment.rubric.type === "pass-fail",
    next,
    current: null,
    results: [],
    reviewAllowed: false,
    reviews: [],
    scoreAction: scoreActionFor(assessment, outcome.score, outcome.status),
  });
}
