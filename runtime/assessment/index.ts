// The assessment engine's public API (issue 3): pure functions over plain data. No DOM, no LMS, no
// clock, no randomness: callers pass `now` (epoch ms) and seeds. Semantics: docs/course-format.md (attempts, rubric, mastery) and docs/reporting.md.
//
// A session, as the UI drives it:
//   const P = passingScoreInForce(lmsMasteryOrNull, course.assessment?.rubric.passingAttemptScore);
//   let { state } = decodeState(savedSuspendData, course);      // null → createLearnerState()
//   state = visitPage(state, course, pageId);                     // + recordMediaWatched(...)
//   if (canStartAttempt(state, course.assessment, P)) state = startAttempt(state, course, { seed, now, passingScore: P });
//   state = answerQuestion(state, course, questionId, response, now);   // per change
//   if (pendingRatings(state, course).length) state = handIn(state, course, now); // then the assessor:
//   state = rateTask(...) per change; state = completeRating(state, course, rater, now) ?? state;
//   const submitted = submitAttempt(state, course, { passingScore: P, now }); // → state, result, interactionReports
//   const outcome = computeOutcome(state, course, P);             // what the driver reports
//   const { encoded, dropped } = encodeState(state, course, facts.stateBudget); // the LMS's limit
// Every function returns a new state (or the same object when nothing changed); none throws on
// learner input.

// ── Data ───────────────────────────────────────────────────────────────────────────────────────
export type {
  AnsweredQuestion,
  AssessmentResult,
  AttemptDraw,
  AttemptInProgress,
  AttemptResult,
  DrawnQuestion,
  FinishedAttempt,
  LearnerState,
  Problem,
  Rater,
  Response,
  TaskRating,
} from "./types";
export { LEARNER_STATE_VERSION } from "./types";
export type { AssessmentStatus, InteractionReport, InteractionResult, Outcome } from "./outcome";

// ── Learner state: what the UI drives ─────────────────────────────────────────────────────────
/** createLearnerState, setLocation, visitPage, recordMediaWatched, startAttempt, answerQuestion, clearAnswer, checkAnswer, submitAttempt, attemptResults. */
export {
  answerQuestion,
  attemptResults,
  checkAnswer,
  clearAnswer,
  createLearnerState,
  recordMediaWatched,
  setLocation,
  startAttempt,
  submitAttempt,
  visitPage,
  type StartOptions,
  type SubmitOptions,
  type SubmittedAttempt,
} from "./learner-state";
/** The outcome a driver reports (docs/rules/reporting.md), and progress 0..1 alone. */
export { computeOutcome, outcomeBeforeAttempts, progressOf } from "./course-outcome";

// ── Attempts and policies (docs/rules/assessment.md §3) ──────────────────────────────────────────────────
export {
  assessmentResult,
  attemptBlock,
  attemptScore,
  attemptsRemaining,
  judgeAttempts,
  reviewAllowed,
  scoreActionFor,
  scoreActionMatches,
  type AttemptBlock,
} from "./attempts";

import type { AssessmentData } from "../course/types";
import { attemptBlock } from "./attempts";
import type { LearnerState } from "./types";

/** Whether the learner may start a new attempt now (none in progress, limit not reached, not closed after a pass). */
export function canStartAttempt(state: LearnerState, assessment: AssessmentData | null, passingScore: number): boolean {
  return attemptBlock(state, assessment, passingScore) === null;
}

// ── Mastery (docs/rules/assessment.md §4): the caller passes passingScoreInForce(...) as `passingScore` ──────
export { parseLmsMastery, passingScoreInForce, type MasteryScale, type ParsedMastery } from "./mastery";

// ── Rubric (docs/rules/assessment.md §2) ─────────────────────────────────────────────────────────────────
export { attemptsAllowedNumber, matchingMods, MAX_MODS, rubricInForce, scoreAttempt } from "./rubric";
export { validateRubric, type RubricValidationOptions } from "./rubric-validate";
export { parseRange, rangeContains, type Range, type RangeBound } from "./range";

// ── Grading forms (docs/grading-forms.md): rubric, marking guide, number of errors ─────────────────
// gradeForm, errorsToGrade and validateGradingForm are imported from grading-forms.ts itself: only a
// course with a task loads that code (task-kit.ts), and a re-export here would ship it to every launch.
export type { ErrorsForm, FormFilling, FormGrade, GradingForm, GuideForm, RubricForm } from "./grading-forms";
/**
 * Tasks a person rates (docs/grading-forms.md). An attempt with an unrated assessor task cannot be
 * submitted: handIn (awaiting rating) → rateTask per change → completeRating(rater) → submitAttempt.
 */
export {
  attemptAssessor,
  awaitingRating,
  completeRating,
  handIn,
  isRated,
  pendingRatings,
  rateTask,
  ratingGrade,
  taskScore,
  TASK_TEXT_MAX,
  type RatingInput,
} from "./tasks";

// ── Questions: scoring, validation, reports ───────────────────────────────────────────────────
export { normalizeText, numericAnswerAccepts, responseMatchesType, scoreQuestion } from "./scoring";
export { canonicalResponse, optionIds } from "./responses";
export { ID_PATTERN, validateQuestion, type ReportingLimit, type ReportingLimits } from "./question-validate";
export { validateAssessment, type AssessmentValidationOptions } from "./assessment-validate";
export { buildInteractionReport, interactionResult, usableResponse, type InteractionContext } from "./interactions/report";

// ── Banks and seeded randomness ───────────────────────────────────────────────────────────────
export { drawAttempt, questionIndex, seenCounts, type SeenCounts } from "./bank";
export { mulberry32, shuffled, type Random } from "./prng";

// ── Resume state codec: codec/state-codec.ts (courseFingerprint, decodeState, encodeState, STATE_CODEC_VERSION) ──
// Not re-exported here: the codec is a lazy chunk of its own (runtime/app/state-codec-loader.ts), and a
// re-export would put it back in every launch. Import it from "./codec/state-codec".
