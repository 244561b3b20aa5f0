// English UI messages: the reference catalogue, built into the bundle (the fallback, and what the
// error screen can always show); the assessment screens' are in en-screens.ts and the grading UI's
// in en-grading.ts, each in its lazy chunk. The
// others are data files (fr.json, es.json) that build.mjs copies to dist/runtime/passmark.<lang>.json
// and the runtime fetches only when a learner needs them, so every learner downloads one catalogue.
// Every catalogue has exactly the keys of en.ts, en-screens.ts and en-grading.ts.
// {name} placeholders are filled by format(); keys ending in _one/_other are plural forms.
import type { enGrading } from "./en-grading";
import type { enScreens } from "./en-screens";

export const en = {
  /** How a percentage is written ({n} already uses decimalSeparator). */
  percent: "{n}%",
  decimalSeparator: ".",
  skipToContent: "Skip to content",
  courseMenu: "Course contents",
  progress: "Progress: {percent} complete",
  seen: "seen",
  notSeen: "not seen yet",
  current: "current",
  previous: "Previous",
  next: "Next",
  exit: "Exit",
  exiting: "Finishing your session…",
  exitedTitle: "You have left the course",
  exitedClose: "You can close this window now.",
  exitedRedirect: "Taking you back to the LMS…",
  finishedTitle: "You have finished this course",
  finishedNothingToReview: "There is nothing to review here: the LMS handed over no saved work for this launch. Your result is kept in the LMS.",
  finishedNewAttempt: "To take the course again, start a new attempt from the LMS, if it offers one.",
  modeBrowse: "Browse mode: you can look around freely. Nothing you do here is recorded or judged.",
  modeReview: "Review mode: you are revisiting the course. Nothing you do here is recorded or judged.",
  modeNoCredit: "This launch is without credit: your result does not count.",
  statusStandalone: "Not connected to an LMS: nothing is recorded.",
  statusLost: "Connection to the LMS lost — your progress is kept, don't close this window.",
  statusSending: "Saving to the LMS…",
  statusConnected: "Connected to the LMS.",
  statusSent: "Your result has been sent to the LMS.",
  statusNotSent: "Your latest result has not reached the LMS yet.",
  statusHeldUntilFinal: "Your progress is saved. Your score goes to the LMS when your result is final.",
  statusHeldUntilSessionEnd: "Your progress is saved. Your result will be recorded when you finish or leave the course.",
  statusEnded: "Your session has ended.",
  statusSessionClosed:
    "The LMS has ended this session: nothing more can be recorded here. What was saved before is kept. To continue, launch the course again from the LMS.",
  backToLms: "Back to the LMS",
  media: "Media: {title}",
  mediaWatched: "Watched",
  mediaNotWatched: "Not watched yet",
  assessment: "Assessment",
  attemptsAllowed: "Attempts allowed: {n}",
  attemptsUnlimited: "Attempts allowed: unlimited",
  attemptsUsed: "Attempts used: {n}",
  attemptsLeft_one: "{n} attempt left",
  attemptsLeft_other: "{n} attempts left",
  attemptsLeftUnlimited: "You can try as often as you like.",
  passingScore: "Passing score: {score}",
  passingScoreLms: "Passing score: {score} (set by your LMS)",
  startAttempt: "Start attempt {n}",
  resumeAttempt: "Continue attempt {n}",
  noMoreAttempts: "You have used all your attempts.",
  closedAfterPass: "You have passed: the assessment is closed.",
  readOnlyAssessment: "Attempts cannot be started in this mode.",
  attemptHeading: "{title}: attempt {n}",
  resultHeading: "Result of attempt {n}",
  assessmentScore: "Assessment score: {score}",
  noScoreYet: "No score recorded yet.",
  statusPassed: "Status: passed",
  statusFailed: "Status: not passed yet",
  statusUnableToPass: "Status: not passed (no attempts left that could change this)",
  statusNotAttempted: "Status: not attempted",
  reviewAttempt: "Review attempt {n}",
  reviewHeading: "Review of attempt {n}",
  loading: "Loading…",
  chunkLoadFailed: "This part of the course could not be loaded. Check your connection, then load it again.",
  loadAgain: "Load again",
  errorTitle: "This course cannot start",
  errorCmi5Parameters: "The link that opened this course is incomplete or damaged.",
  errorCmi5FetchUsed: "This launch link has already been used or has expired.",
  errorCmi5FetchSecurity: "The LMS refused to let this course connect.",
  errorCmi5FetchApplication: "The LMS could not start this course session.",
  errorCmi5FetchFailed: "The course could not reach the LMS.",
  errorCmi5LaunchData: "The LMS sent launch information the course cannot read.",
  errorCmi5SessionEnded: "This session of the course ended when its page was reloaded or closed. Your progress is saved.",
  errorCmi5SessionClosed: "The LMS has ended this session of the course. What was saved before is kept.",
  errorScormInitialize: "The LMS refused to start a session for this course.",
  errorCourseData: "The course content could not be loaded.",
  errorUnknown: "Something went wrong while starting the course.",
  sessionEndedTitle: "This session has ended",
  sessionEndedWhatToDo: "To continue, launch the course again from your LMS.",
  errorWhatToDo: "Close this window and launch the course again from your LMS. If this keeps happening, contact your LMS administrator.",
  errorDetail: "Technical detail (for your administrator): {detail}",
} as const;

/** Every message key: the ones here, the assessment screens' (en-screens.ts) and the grading UI's (en-grading.ts). */
export type MessageKey = keyof typeof en | LateMessageKey;
/** The keys whose English comes with a lazy chunk (en-screens.ts, en-grading.ts). */
export type LateMessageKey = keyof typeof enScreens | keyof typeof enGrading;
/** A catalogue: every key of en.ts; the lazy chunks' may be missing (English has them once the chunk is loaded). */
export type Catalogue = Record<keyof typeof en, string> & Partial<Record<LateMessageKey, string>>;
