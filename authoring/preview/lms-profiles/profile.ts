// The one interface every LMS behaviour of the preview implements (strict, moodle, ilias): what the
// LMS hands the SCO at launch, what it stores of a commit, and what it holds afterwards (attempts,
// status, score, grade, interactions) — docs/preview.md "LMS behaviour".
import type { TargetId } from "../../../runtime/course/types";
import type { LmsProfileId, ScormFacts, ScormMode } from "../protocol";
import type { FlatCmi } from "../scorm-seed";

export type ScormVersion = "1.2" | "2004";

/** The learner's previous session with this LMS, as the LMS kept it. */
export interface PreviousSession {
  /** What the LMS stored (its last accepted commit, or its seed when nothing was committed). */
  data: FlatCmi;
  /** The LMS's attempt number that session belonged to. */
  attempt: number;
}

export interface LaunchInput {
  version: ScormVersion;
  facts: ScormFacts;
  /** null on the learner's first launch. */
  previous: PreviousSession | null;
  /** The learner asked for a new attempt (Moodle's "Start a new attempt"). */
  newAttempt: boolean;
  /** SCORM 2004: the SCO's objective ids from the manifest (package-info.ts), seeded into cmi.objectives. */
  objectives?: readonly string[];
}

/** How the LMS launches this session. */
export interface LaunchPlan {
  attempt: number;
  mode: ScormMode;
  credit: boolean;
  /** 1.2 cmi.core.entry / 2004 cmi.entry. */
  entry: string;
  /** Stored learner data handed back (status, score, location, suspend_data, interactions…), flattened. */
  handed: FlatCmi;
  /** Why the LMS launched this way, for the log. */
  note: string;
  /** What the LMS holds for the attempt when that is not what it hands the SCO (Moodle's review after a 2004 exit "normal"). */
  held?: FlatCmi;
  /**
   * What the LMS answers for cmi.interactions._count whatever rows it holds (ILIAS: 0 on every
   * launch, while the rows it keeps can still be written after). Absent: the true count.
   */
  interactionsCount?: number;
}

/** The session a commit belongs to, as the LMS launched it. */
export interface CommitSession {
  mode: ScormMode;
  credit: boolean;
  /** What the LMS held for the attempt when the session started (its seed, unless the plan said otherwise). */
  held: FlatCmi;
}

export interface CommitInput {
  version: ScormVersion;
  session: CommitSession;
  /** The SCO's data model as committed (scorm-again's commit object, flattened). */
  data: FlatCmi;
  /** The last value the SCO itself set for each status element; null when the host did not say. */
  scoWrote: FlatCmi | null;
  /** The commit of LMSFinish / Terminate. */
  terminate: boolean;
}

/** What the LMS stores of a commit, and what it changed on the way (for the log). */
export interface StoredCommit {
  data: FlatCmi;
  notes: string[];
}

/** One session as the holding computation sees it, oldest first. */
export interface HeldSession {
  attempt: number;
  /** Data the LMS stored from this session (last commit, or the seed before any commit). */
  data: FlatCmi;
  /** True when the session committed something. */
  committed: boolean;
}

export interface InteractionRow {
  index: number;
  id: string;
  result: string;
  /** 1-based session that wrote the row. */
  session: number;
  /** Id of a row an earlier session had stored at this index and this one replaced, else null. */
  replaced: string | null;
}

export interface AttemptHolding {
  number: number;
  status: string;
  /** 0..100, null when the attempt has no score. */
  score: number | null;
}

/** What the LMS holds for one learner and target. */
export interface LmsHolding {
  /** Current attempt number (0 before any launch). */
  attempt: number;
  attempts: AttemptHolding[];
  /** 1.2 lesson_status; 2004 "completion_status / success_status". */
  status: string;
  /** The score the LMS holds for the current attempt, 0..100, or null. */
  score: number | null;
  /** The grade the LMS records (gradebook), 0..100, or null for none. */
  grade: number | null;
  /** The grade as the view shows it, with where it comes from. */
  gradeText: string;
  /** ILIAS learning progress ("in progress", "completed", "failed"…); null where the LMS has none. */
  learningProgress: string | null;
  /** The interaction rows the LMS keeps. */
  interactions: InteractionRow[];
  /** Rows a later session wrote over (ILIAS hands back `_count` 0). */
  overwrittenInteractions: number;
}

export interface LmsProfile {
  readonly id: LmsProfileId;
  readonly label: string;
  readonly targets: readonly TargetId[];
  launch(input: LaunchInput): LaunchPlan;
  store(input: CommitInput): StoredCommit;
  holding(version: ScormVersion, sessions: readonly HeldSession[]): LmsHolding;
}
