// course.json as the author writes it, AFTER it passed schema/course.schema.json: optional fields
// may be absent, shorthands are not yet expanded. build-*.ts turn it into runtime/course/types.ts.
import type {
  BankOrder,
  Cmi5MoveOn,
  FeedbackTiming,
  ReviewPolicy,
  RubricData,
  ScoreActionOutcome,
  Scorm12StatusMode,
  TargetId,
} from "../../runtime/course/types";
import type { GradingForm } from "../../runtime/assessment/grading-form-types";

export interface AuthorCourse {
  $schema?: string;
  id: string;
  title: string;
  description?: string;
  language?: string;
  pages?: AuthorPage[];
  assessment?: AuthorAssessment;
  /** Single-unit: the course's reporting. Multi-unit: the defaults every unit inherits field by field. */
  reporting?: AuthorReporting;
  targets?: TargetId[];
  theme?: AuthorTheme;
  /** A multi-unit course (docs/course-format.md "Units"): replaces `pages` and `assessment`. */
  units?: AuthorUnit[];
  blocks?: AuthorBlock[];
}

/** One unit of a multi-unit course: launched on its own (a cmi5 AU, a SCORM SCO). */
export interface AuthorUnit {
  id: string;
  title: string;
  description?: string;
  pages?: AuthorPage[];
  assessment?: AuthorAssessment;
  /** Overrides the course's `reporting` field by field. */
  reporting?: AuthorReporting;
  /** Ids of units listed earlier that the learner should finish first. */
  requires?: string[];
  /** The id of the block (course.json `blocks`) this unit belongs to. */
  block?: string;
}

/** A group of units (a cmi5 block). */
export interface AuthorBlock {
  id: string;
  title: string;
  description?: string;
}

/** docs/course-format.md "Theme"; colours are "#rgb" or "#rrggbb". */
export interface AuthorTheme {
  brand?: string;
  accent?: string;
  colorScheme?: "light" | "dark" | "auto";
  dark?: { brand?: string; accent?: string };
  logo?: { src: string; alt?: string; decorative?: boolean };
  /** A WOFF2 file (`src` and `family`) or a stack of installed fonts (`stack`). */
  font?: { src?: string; family?: string; stack?: string };
}

/** A page body: the path of a Markdown file, or inline Markdown. */
export type AuthorBody = string | { markdown: string };

export interface AuthorPage {
  id: string;
  title: string;
  body?: AuthorBody;
  media?: AuthorMedia[];
}

export interface AuthorMedia {
  id?: string;
  kind: "video" | "audio";
  src: string;
  captions?: string;
  title?: string;
  watchedThreshold?: number;
}

export interface AuthorAssessment {
  id?: string;
  title?: string;
  intro?: string;
  attempts?: number | "unlimited";
  allowAttemptsAfterPass?: boolean;
  review?: ReviewPolicy;
  shuffleChoices?: boolean;
  feedbackTiming?: FeedbackTiming;
  questions: AuthorItem[];
  rubric?: Partial<RubricData>;
  scoreActions?: AuthorScoreAction[];
}

export type AuthorItem = AuthorQuestion | AuthorBankItem;

export interface AuthorBankItem {
  bank: { id: string; choose?: number; order?: BankOrder; questions: AuthorQuestion[] };
}

export interface AuthorScoreAction {
  for?: number | string;
  when?: ScoreActionOutcome;
  message: string;
}

interface AuthorQuestionBase {
  id: string;
  prompt: string;
  weight?: number;
  feedback?: { correct?: string; incorrect?: string };
}

/** Texts of choices and items are inline Markdown; `feedback` (Markdown) is shown when the learner chose it. */
export interface AuthorGradedChoice {
  id?: string;
  text: string;
  correct?: boolean;
  feedback?: string;
}

/** An ordering item: text, or {id?, text}. */
export type AuthorPlainItem = string | { id?: string; text: string };

/** A survey choice: text, or {id?, text, feedback?}. */
export type AuthorSurveyChoice = string | { id?: string; text: string; feedback?: string };

export type AuthorNumericAnswer = number | { value?: number; tolerance?: number; min?: number; max?: number };

export type AuthorQuestion =
  | (AuthorQuestionBase & { type: "single-choice"; choices: AuthorGradedChoice[] })
  | (AuthorQuestionBase & { type: "multiple-response"; choices: AuthorGradedChoice[]; partialCredit?: boolean })
  | (AuthorQuestionBase & { type: "true-false"; answer: boolean })
  | (AuthorQuestionBase & { type: "numeric"; answer: AuthorNumericAnswer })
  | (AuthorQuestionBase & {
      type: "text-entry";
      accepted: string[];
      caseSensitive?: boolean;
      whitespace?: "trim" | "collapse" | "exact";
      long?: boolean;
    })
  | (AuthorQuestionBase & {
      type: "matching";
      pairs: { id?: string; source: string; target: string }[];
      partialCredit?: boolean;
    })
  | (AuthorQuestionBase & { type: "ordering"; items: AuthorPlainItem[]; partialCredit?: boolean })
  | (AuthorQuestionBase & { type: "survey"; choices: AuthorSurveyChoice[] })
  | AuthorTask;

/** Work a person rates with a grading form (docs/grading-forms.md); top level only, never in a bank. */
export type AuthorTask = AuthorQuestionBase & {
  type: "task";
  learnerResponse?: "text" | "none";
  /** Exactly the engine's GradingForm: plain-text descriptions, ids as in docs/grading-forms.md. */
  gradingForm: GradingForm;
  rater?: "assessor" | "learner";
  counts?: boolean;
  /** The plain passcode; only its salted hash reaches the package. */
  passcode?: string;
};

export interface AuthorReporting {
  cmi5?: { moveOn?: Cmi5MoveOn; launchMethod?: "AnyWindow" | "OwnWindow" };
  masteryScore?: number | null;
  scorm12?: { statusMode?: Scorm12StatusMode };
  interactions?: boolean;
}
