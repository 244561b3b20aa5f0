// The BUILT course: what `passmark build` writes into every package as `course/course.json`
// and what the browser runtime reads. Authoring turns the author's course folder into this
// (Markdown rendered and sanitised, defaults filled in, asset paths made zip-relative).
// Shared by authoring/ (producer) and runtime/ (consumer): keep it plain data.

import type { GradingForm } from "../assessment/grading-form-types";

export const COURSE_DATA_FORMAT = 1;

export type TargetId = "cmi5" | "scorm12" | "scorm2004-3" | "scorm2004-4" | "xapi";
export const ALL_TARGETS: readonly TargetId[] = ["cmi5", "scorm12", "scorm2004-3", "scorm2004-4", "xapi"];

/** Author text after the build: sanitised HTML for display, plain text for reports (LMS descriptions). */
export interface RichText {
  html: string;
  text: string;
}

export interface CourseData {
  format: typeof COURSE_DATA_FORMAT;
  /** Absolute IRI chosen by the author; the cmi5 course id and the base of activity ids. */
  id: string;
  title: string;
  description: string;
  /** BCP 47 tag, e.g. "en" or "fr-CA": picks the UI message catalogue. */
  language: string;
  pages: PageData[];
  assessment: AssessmentData | null;
  reporting: ReportingOptions;
  /**
   * The course's logo (`theme.logo` in course.json), shown in the header; alt "" when it is decorative.
   * width/height: its intrinsic proportions when the build could read them (the header keeps its space).
   */
  logo?: { src: string; alt: string; width?: number; height?: number };
}

export interface PageData {
  id: string;
  title: string;
  body: RichText;
  media: MediaData[];
}

export interface MediaData {
  id: string;
  kind: "video" | "audio";
  /** Path inside the package, relative to index.html (e.g. "assets/clip.mp4"). */
  src: string;
  /** Captions track (WebVTT), path inside the package. */
  captions: string | null;
  title: string;
  /** Share of the duration (0..1] that counts as "watched" for progress. Progress only, never a score. */
  watchedThreshold: number;
  /** A video's display size (CSS pixels) when the build could read it: its player's space before the video loads. */
  width?: number;
  height?: number;
}

export type AttemptsAllowed = number | "unlimited";
export type ReviewPolicy = "never" | "always" | "no-attempts-remaining";
export type BankOrder = "sequential" | "random" | "random-unseen";
/** "after-answer": a Check button locks the answer and shows its feedback; "after-attempt": on the result screen; "review": only in review. */
export type FeedbackTiming = "after-answer" | "after-attempt" | "review";

export interface AssessmentData {
  id: string;
  title: string;
  intro: RichText | null;
  /** docs/rules/assessment.md §3: a positive integer, or "unlimited" (Obojobo's default). */
  attempts: AttemptsAllowed;
  /** docs/rules/assessment.md §3: default false, the assessment closes once passed. */
  allowAttemptsAfterPass: boolean;
  review: ReviewPolicy;
  /** Shuffle the choices of choice-like questions (stored with the attempt's draw). */
  shuffleChoices: boolean;
  /** When the learner sees each question's feedback (docs/course-format.md); the build always writes it, absent = "review". */
  feedbackTiming?: FeedbackTiming;
  /** Top-level content: questions shown as they are, and banks that draw from a pool. */
  items: AssessmentItem[];
  rubric: RubricData;
  /** docs/rules/assessment.md §3 score actions, extended with `when` (the status): first match wins. */
  scoreActions: ScoreAction[];
}

export type AssessmentItem = QuestionData | BankData;

export interface BankData {
  kind: "bank";
  id: string;
  /** How many questions to draw (≤ questions.length). */
  choose: number;
  order: BankOrder;
  questions: QuestionData[];
}

/** The assessment status a score action can be keyed on (the status the learner reads after an attempt). */
export type ScoreActionOutcome = "passed" | "failed" | "unableToPass";
export const SCORE_ACTION_OUTCOMES: readonly ScoreActionOutcome[] = ["passed", "failed", "unableToPass"];

/** Matches when both set conditions hold; an action without either matches every learner. */
export interface ScoreAction {
  /** A range string as in rubric mods ("[0,79]", "(80,100]"), or "no-score"; absent = any score, none included. */
  for?: string;
  /** Only with this assessment status; absent = any status. */
  when?: ScoreActionOutcome;
  message: RichText;
}

/** docs/rules/assessment.md §2: property names exactly as the spec (and Obojobo) spell them. */
export interface RubricData {
  type: "pass-fail" | "attempt";
  passingAttemptScore?: number;
  passedResult?: number | "$attempt_score";
  failedResult?: number | "$attempt_score" | "no-score";
  unableToPassResult?: number | "$highest_attempt_score" | "no-score";
  mods?: RubricMod[];
}

export interface RubricMod {
  attemptCondition?: number | string;
  reward: number;
}

export interface QuestionBase {
  kind: "question";
  id: string;
  prompt: RichText;
  /** Weighted mean extension (docs/rules/assessment.md §1); default 1. */
  weight: number;
  feedback: { correct: RichText | null; incorrect: RichText | null };
}

export interface ChoiceOption {
  id: string;
  /** Plain text (reports, announcements, review). */
  text: string;
  /** Sanitised inline HTML from the author's Markdown; absent when it would show the same as `text`. */
  html?: string;
  /** Shown when the learner chose this choice (choice and survey questions only). */
  feedback?: RichText;
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: "single-choice";
  choices: ChoiceOption[];
  correct: string; // choice id
}

export interface MultipleResponseQuestion extends QuestionBase {
  type: "multiple-response";
  choices: ChoiceOption[];
  correct: string[]; // choice ids
  /** Default false: all-or-nothing (Obojobo pick-all). */
  partialCredit: boolean;
}

export interface TrueFalseQuestion extends QuestionBase {
  type: "true-false";
  answer: boolean;
}

export type NumericAnswer = { exact: number } | { value: number; tolerance: number } | { min: number; max: number };

export interface NumericQuestion extends QuestionBase {
  type: "numeric";
  answer: NumericAnswer;
}

export interface TextEntryQuestion extends QuestionBase {
  type: "text-entry";
  accepted: string[];
  caseSensitive: boolean;
  /** "trim": ends only; "collapse": trim and runs of white space count as one space; "exact". */
  whitespace: "trim" | "collapse" | "exact";
  /** Multi-line answer box; reported as long-fill-in where a standard has it. */
  long: boolean;
}

export interface MatchingPair {
  id: string;
  source: string;
  /** The source as sanitised inline HTML; absent when it shows the same as `source`. Targets are plain text (a drop-down shows text only). */
  sourceHtml?: string;
  target: string;
}

export interface MatchingQuestion extends QuestionBase {
  type: "matching";
  /** The correct pairing: each source matches the target on the same entry. */
  pairs: MatchingPair[];
  partialCredit: boolean;
}

export interface OrderingQuestion extends QuestionBase {
  type: "ordering";
  /** Items in their CORRECT order. */
  items: ChoiceOption[];
  partialCredit: boolean;
}

/** No correct answer: not gradable, left out of the attempt score (docs/rules/assessment.md §1). */
export interface SurveyQuestion extends QuestionBase {
  type: "survey";
  choices: ChoiceOption[];
}

/** A salted hash of an assessor passcode (PBKDF2, SHA-256): the package never holds the passcode itself. */
export interface PasscodeHash {
  algorithm: "PBKDF2-SHA-256";
  iterations: number;
  /** Base64 of the random salt. */
  salt: string;
  /** Base64 of the 32-byte derived key. */
  hash: string;
}

/**
 * Work a person judges with a grading form (docs/grading-forms.md): the prompt holds the
 * instructions; the learner may hand in a text; the rater fills in the form, whose grade (0..100) is
 * the item's score. A task never sits in a bank.
 */
export interface TaskQuestion extends QuestionBase {
  type: "task";
  /** What the learner hands in: a text, or nothing (the assessor watches the work). */
  learnerResponse: "text" | "none";
  gradingForm: GradingForm;
  /** Who fills in the form: an assessor present with the learner, or the learner (self-assessment). */
  rater: "assessor" | "learner";
  /** false: a self-assessment that is recorded but not scored (survey-like). Always true for an assessor. */
  counts: boolean;
  /** Asked on the hand-over screen; null = no passcode. Only for rater "assessor". */
  passcode: PasscodeHash | null;
}

export type QuestionData =
  | TaskQuestion
  | SingleChoiceQuestion
  | MultipleResponseQuestion
  | TrueFalseQuestion
  | NumericQuestion
  | TextEntryQuestion
  | MatchingQuestion
  | OrderingQuestion
  | SurveyQuestion;

export type Cmi5MoveOn = "Passed" | "Completed" | "CompletedAndPassed" | "CompletedOrPassed" | "NotApplicable";
export type Scorm12StatusMode = "passed-incomplete" | "passed-failed" | "completed-incomplete" | "completed-failed";

export interface ReportingOptions {
  cmi5: { moveOn: Cmi5MoveOn; launchMethod: "AnyWindow" | "OwnWindow" };
  /** Mastery score written into the manifests, 0..100; null = none declared. */
  masteryScore: number | null;
  scorm12: { statusMode: Scorm12StatusMode };
  /** Send an xAPI `answered` statement / SCORM interaction per submitted question (default true). */
  interactions: boolean;
}
