// The assessment view once an attempt was started (session-view.ts has the view before any, and the
// types): attempts used and left, what the learner may do next, each finished attempt's result and
// review, the attempt in progress with what is left unanswered or unrated. Part of the session's
// assessment half (assessment-half.ts), a chunk of its own. Pure: the same state and facts give the same view.
import {
  attemptBlock,
  attemptsRemaining,
  awaitingRating,
  judgeAttempts,
  pendingRatings,
  reviewAllowed,
  scoreActionFor,
  scoreQuestion,
  type FinishedAttempt,
  type LearnerState,
  type Outcome,
} from "../assessment/index";
import { missingCriteria, unansweredQuestions } from "../assessment/unanswered";
import type { AssessmentData, CourseData, QuestionData } from "../course/types";
import {
  passingScoreFor,
  type AssessmentView,
  type AttemptResultView,
  type AttemptReview,
  type CurrentAttemptView,
  type NextStep,
  type ViewFacts,
} from "./session-view";

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
