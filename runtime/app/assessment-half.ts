// The session's assessment half (issue 14 item 1): what the session needs once an attempt is started
// (start, answer, check, hand in, rate, submit; judging the attempts for the outcome; the assessment
// view with results and reviews). A chunk of its own (build.mjs splitting), loaded by
// assessment-half-loader.ts: a launch's first screen does not wait for it unless the saved state holds
// an attempt. Before any attempt the session has what it needs in the launch (outcomeBeforeAttempts,
// session-view.ts viewBeforeAttempts).
export {
  answerQuestion,
  checkAnswer,
  clearAnswer,
  completeRating,
  computeOutcome,
  handIn,
  pendingRatings,
  rateTask,
  startAttempt,
  submitAttempt,
} from "../assessment/index";
export { assessmentViewer } from "./session-view-attempts";
