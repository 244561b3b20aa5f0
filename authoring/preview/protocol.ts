// What the preview server and its browser pages (launch page, SCORM host page) say to each other.
// Plain data only: imported by authoring/preview/*.ts (Node) and authoring/preview/browser/*.ts.
import type { Cmi5MoveOn, TargetId } from "../../runtime/course/types";

export type Cmi5LaunchMode = "Normal" | "Browse" | "Review";
/** How the preview LMS behaves (docs/preview.md "LMS behaviour"): the standard as written, or a real LMS's habits. */
export type LmsProfileId = "strict" | "moodle" | "ilias";
export const LMS_PROFILE_IDS: readonly LmsProfileId[] = ["strict", "moodle", "ilias"];
export type ScormMode = "normal" | "browse" | "review";
/** Status left by an earlier session, as the author wants to simulate it ("stored": what the preview LMS kept). */
export type PreviousStatus = "stored" | "not attempted" | "incomplete" | "completed" | "passed" | "failed";

/** The LMS facts of a cmi5 launch (cmi5 §10 LMS.LaunchData). */
export interface Cmi5Facts {
  /** 0..100 on the author's scale (sent as 0..1); null = the LMS gives none. */
  masteryScore: number | null;
  launchMode: Cmi5LaunchMode;
  moveOn: Cmi5MoveOn;
  returnURL: string | null;
}

/** The LMS facts of a SCORM launch, seeded into scorm-again before Initialize. */
export interface ScormFacts {
  credit: boolean;
  mode: ScormMode;
  /** 0..100 (1.2 cmi.student_data.mastery_score; 2004 cmi.scaled_passing_score = /100); null = none. */
  masteryScore: number | null;
  previousStatus: PreviousStatus;
  /** The LMS answers the first N commits with "false" / 391 (docs/rules/reporting.md: retried at a later checkpoint). */
  commitFailures: number;
}

export interface LaunchRequest {
  target: TargetId;
  /** "current": same learner (cmi5: same registration, a new session); "new": a new learner. */
  learner: "current" | "new";
  cmi5?: Partial<Cmi5Facts>;
  scorm?: Partial<ScormFacts>;
  /** LMS behaviour of this launch; default: the one the preview was started with (`--lms`). */
  lms?: LmsProfileId;
  /** Moodle's "Start a new attempt": honoured only once the current attempt is over. */
  newAttempt?: boolean;
  /** The AU / SCO to launch (an id of PreviewInfo.units); default: the package's first. */
  unit?: string;
}

export interface LaunchAnswer {
  sessionId: string;
  target: TargetId;
  learnerId: string;
  /** cmi5 registration; null for SCORM. */
  registration: string | null;
  /** The AU / SCO launched (its id in PreviewInfo.units). */
  unit: string;
  /** Absolute URL on the package origin (not the launch page's) to open in the course frame. */
  frameUrl: string;
}

/** Defaults shown on the launch page: the package's own facts. */
export interface PreviewInfo {
  title: string;
  targets: TargetId[];
  /** Author mastery score 0..100 from the manifests (null = none). */
  masteryScore: number | null;
  moveOn: Cmi5MoveOn;
  learnerId: string;
  /** The LMS behaviour launches use unless they say otherwise (`--lms`). */
  lms: LmsProfileId;
  /** Every LMS behaviour and the targets it covers. */
  profiles: { id: LmsProfileId; label: string; targets: TargetId[] }[];
  /** Watch mode: the course folder is rebuilt on every save; /api/builds streams each BuildStatus (watch-protocol.ts). */
  watching: boolean;
  /** Each target's AUs / SCOs in manifest order (the first is launched by default), with their own facts. */
  units: Partial<Record<TargetId, UnitSummary[]>>;
}

/** One AU (cmi5) or SCO (SCORM) an LMS offers to launch. */
export interface UnitSummary {
  id: string;
  title: string;
  /** 0..100, null = none. */
  masteryScore: number | null;
  moveOn: Cmi5MoveOn;
}

/** What the SCORM host page needs to play the LMS for one session. */
export interface ScormSessionConfig {
  sessionId: string;
  target: TargetId;
  version: "1.2" | "2004";
  /** Same-origin URL of the SCO's launch file. */
  scoUrl: string;
  /** For scorm-again's loadFromJSON (nested, e.g. { core: { lesson_status } }). */
  seed: Record<string, unknown>;
  commitFailures: number;
  /** What the LMS answers for cmi.interactions._count, whatever rows it holds; absent: the true count. */
  interactionsCount?: number;
  /** Origins of the launch page framing the host page: the only senders of its "refuse commits" messages. */
  launchPageOrigins: string[];
}

export type LogLevel = "info" | "warn" | "error";
export type LogKind = "launch" | "statement" | "refused" | "request" | "document" | "scorm-call" | "scorm-commit" | "scorm-flag" | "note";

export interface LogEvent {
  seq: number;
  at: string;
  level: LogLevel;
  kind: LogKind;
  target: TargetId | null;
  sessionId: string | null;
  summary: string;
  detail?: unknown;
}

/** A log event as the SCORM host page posts it (the server numbers and dates it). */
export type HostEvent = Pick<LogEvent, "level" | "kind" | "summary" | "detail">;

/** What the LMS holds now for the current learner and target. */
export interface LmsView {
  target: TargetId;
  learnerId: string;
  registration: string | null;
  /** LMS behaviour the view is read with. */
  profile: LmsProfileId;
  completion: string;
  success: string;
  score: string;
  /** The grade that LMS records ("none" when it records none), shown next to the status. */
  grade: string;
  /** Other facts worth showing (exit, suspend_data size, statements stored, …). */
  facts: Record<string, string>;
  /** A package with several AUs / SCOs: each one's result and the course-level rollup. */
  course?: CourseView;
}

/** Each unit's result on its own and the course-level rollup, as the LMS holds them for a learner (GET /api/course). */
export interface CourseView {
  target: TargetId;
  learnerId: string;
  /** The rule the LMS rolls up with, in words (shown on screen). */
  rule: string;
  /** Every AU / SCO in manifest order. */
  units: UnitResult[];
  /** The course first, then each block (cmi5) / cluster (SCORM) in manifest order. */
  rollup: RollupEntry[];
}

export interface UnitResult {
  id: string;
  title: string;
  /** The block / cluster it sits in; null at the top of the course. */
  parent: string | null;
  completion: string;
  success: string;
  score: string;
  /** What the unit contributes to the rollup (cmi5: its moveOn met or not; SCORM: counted or left out, done or not). */
  counts: string;
  /** Sessions launched for it (0: never launched). */
  sessions: number;
}

export interface RollupEntry {
  id: string;
  title: string;
  kind: "course" | "block";
  /** The overall verdict: cmi5 "satisfied" / "not satisfied"; SCORM 2004 "<completion>, <success>"; SCORM 1.2 "done" / "not done". */
  status: string;
  completion: string;
  success: string;
  /** How it was reached (how many units count, a Satisfied statement stored). */
  detail: string;
}

export interface ScormCommit {
  sessionId: string;
  /** Increases with every commit of the session: a late keepalive never overwrites a newer one. */
  seq: number;
  terminate: boolean;
  /** scorm-again's renderCommitCMI(true): { cmi: {...} } (plus adl for 2004). */
  data: Record<string, unknown>;
  /**
   * The last value the SCO itself set for each status element (scorm-again may have recomputed it
   * from cmi.scaled_passing_score at Terminate; an LMS that does not do that keeps the SCO's).
   */
  scoWrote?: Record<string, string>;
}
