// The read model the screens render: SessionView and its AssessmentView (attempts used and left,
// the passing score in force, what the learner may do next, each attempt's result and review, the
// attempt in progress with what is left unanswered or unrated). Computed here with the engine from
// the learner state and the launch facts, so that no screen calls an engine function or passes the
// passing score by hand. Pure: the same state and facts give the same view.
import {
  attemptBlock,
  attemptsRemaining,
  awaitingRating,
  judgeAttempts,
  passingScoreInForce,
  pendingRatings,
  reviewAllowed,
  scoreActionFor,
  scoreQuestion,
  type AttemptResult,
  type DrawnQuestion,
  type FinishedAttempt,
  type LearnerState,
  type Outcome,
  type Response,
} from "../assessment/index";
import { missingCriteria, unansweredQuestions } from "../assessment/unanswered";
import type { AssessmentData, AttemptsAllowed, CourseData, QuestionData, ScoreAction, TaskQuestion } from "../course/types";
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

interface Basis {
  assessment: AssessmentData;
  course: CourseData;
  questions: ReadonlyMap<string, QuestionData>;
  passingScore: number;
  fromLms: boolean;
  judged: boolean;
}

/**
 * The assessment view maker for one session. Finished attempts change only at a submit, so their
 * results and reviews are kept while `state.attempts` is the same array (a keystroke rebuilds the rest).
 */
export function assessmentViewer(
  course: CourseData,
  facts: ViewFacts,
  questions: ReadonlyMap<string, QuestionData>,
): (state: LearnerState, outcome: Outcome) => AssessmentView | null {
  const assessment = course.assessment;
  if (!assessment) return () => null;
  const basis: Basis = {
    assessment,
    course,
    questions,
    passingScore: passingScoreFor(course, facts),
    fromLms: facts.masteryScore !== null,
    judged: facts.launchMode === "normal",
  };
  let kept: { attempts: readonly FinishedAttempt[]; results: AttemptResultView[]; reviews: AttemptReview[] } | null = null;
  return (state, outcome) => {
    if (kept?.attempts !== state.attempts)
      kept = { attempts: state.attempts, results: resultsOf(state.attempts, basis), reviews: reviewsOf(state.attempts, questions) };
    return assessmentView(state, outcome, basis, kept.results, kept.reviews);
  };
}

function assessmentView(state: LearnerState, outcome: Outcome, basis: Basis, results: AttemptResultView[], reviews: AttemptReview[]): AssessmentView {
  const { assessment, passingScore } = basis;
  return {
    attemptsAllowed: assessment.attempts,
    attemptsUsed: state.attempts.length,
    attemptsLeft: attemptsRemaining(state, assessment),
    passingScore,
    passingScoreFromLms: basis.fromLms,
    showsPassingScore: assessment.rubric.type === "pass-fail",
    next: nextStep(state, basis),
    current: currentOf(state, basis),
    results,
    reviewAllowed: reviewAllowed(state, assessment, passingScore),
    reviews,
    scoreAction: scoreActionFor(assessment, outcome.score, outcome.status),
  };
}

function nextStep(state: LearnerState, { assessment, passingScore, judged }: Basis): NextStep {
  if (!judged) return { kind: "read-only" };
  if (state.current) return { kind: "resume", attempt: state.current.number };
  const block = attemptBlock(state, assessment, passingScore);
  if (block === null) return { kind: "start", attempt: state.attempts.length + 1 };
  return { kind: block === "closed-after-pass" ? "closed-after-pass" : "no-attempts-left" };
}

function currentOf(state: LearnerState, { course, questions }: Basis): CurrentAttemptView | null {
  const attempt = state.current;
  if (!attempt) return null;
  const shown: CurrentAttemptView["questions"] = [];
  for (const drawn of attempt.draw.questions) {
    const question = questions.get(drawn.questionId);
    const answer = attempt.answers[drawn.questionId];
    const locked = answer?.locked === true;
    if (question) shown.push({ drawn, question, response: answer?.response, locked, score: locked ? scoreQuestion(question, answer.response) : null });
  }
  return {
    number: attempt.number,
    questions: shown,
    awaitingRating: awaitingRating(state),
    unanswered: unansweredQuestions(
      shown.map((q) => q.question.id),
      questions,
      attempt.answers,
    ),
    // pendingRatings indexes the whole assessment: asked only when a task is drawn (not on every keystroke of every course).
    pendingRatings: (shown.some((q) => q.question.type === "task") ? pendingRatings(state, course) : []).map((task) => {
      const given = attempt.answers[task.id]?.response;
      const response = given?.type === "task" ? given : null;
      return { task, response, missing: missingCriteria(task.gradingForm, response?.rating?.filling ?? {}) };
    }),
  };
}

function resultsOf(attempts: readonly FinishedAttempt[], { assessment, passingScore }: Basis): AttemptResultView[] {
  return judgeAttempts(attempts, assessment, passingScore).map((result, i) => ({
    number: attempts[i]!.number,
    attemptScore: result.attemptScore,
    status: result.status,
    passed: result.status === "passed",
    submittedAt: attempts[i]!.submittedAt,
  }));
}

function reviewsOf(attempts: readonly FinishedAttempt[], questions: ReadonlyMap<string, QuestionData>): AttemptReview[] {
  return attempts.map(({ number, draw, responses }) => ({
    number,
    questions:
      draw && responses
        ? draw.questions.flatMap(({ questionId }) => {
            const question = questions.get(questionId);
            if (!question) return [];
            const response = responses[questionId];
            return [{ question, response, score: scoreQuestion(question, response) }];
          })
        : null,
  }));
}
