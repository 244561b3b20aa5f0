// The one small interface between the learner-facing side (UI + engine) and an LMS.
// One driver per standard implements it (cmi5, SCORM 1.2, SCORM 2004, standalone); the UI cannot
// tell them apart. Drivers translate and deliver; they never judge (the engine does).
import type { InteractionReport, Outcome } from "../assessment/outcome";

export type Standard = "cmi5" | "scorm12" | "scorm2004" | "standalone";
export type LaunchMode = "normal" | "browse" | "review";

/** What the LMS told us at start, already parsed and validated. */
export interface LmsFacts {
  standard: Standard;
  /** Browse/Review: look around without being judged; nothing judgemental is reported. */
  launchMode: LaunchMode;
  /** SCORM cmi.credit / cmi5 (always credit in Normal). */
  credit: boolean;
  /** LMS mastery score on 0..100 (docs/rules/assessment.md §4), null when none or unusable. */
  masteryScore: number | null;
  /** Warnings worth logging (unusable mastery value, …). */
  warnings: string[];
  learner: { id: string | null; name: string | null };
  /** Preferred languages, best first (cmi5 languagePreference); empty when unknown. */
  languagePreference: string[];
  audioPreference: "on" | "off" | null;
  /** Resume state saved by a previous session (engine-encoded string), null when none. */
  resumeState: string | null;
  /** Largest resume-state string this LMS accepts (SCORM 1.2: 4096; 2004: 64000). */
  stateBudget: number;
  /** True when this launch continues a previous session of the same attempt on the LMS side. */
  resumed: boolean;
  /** Where the LMS wants the learner back (cmi5 returnURL, §10), when it said; absent for SCORM. */
  returnUrl?: string | null;
}

export type DeliveryState =
  | "standalone" // no LMS: nothing is recorded
  | "idle" // nothing sent yet, nothing waiting
  | "sending" // something is on its way
  | "delivered" // everything so far was accepted by the LMS
  | "retrying" // the LMS is not answering; data kept, retrying
  | "auth-lost" // 401/403 (cmi5) or API gone (SCORM): data kept, learner must not close
  | "session-closed" // the LMS ended the session (cmi5: abandoned, 403 on everything): nothing more can be sent; launch again from the LMS
  | "ended"; // session finished (Terminated / Finish accepted)

export interface DeliveryStatus {
  state: DeliveryState;
  /** Items (statements, unsaved writes) not yet accepted by the LMS. */
  pending: number;
  /** Whether the latest outcome (status/score) has been accepted by the LMS. */
  outcomeDelivered: boolean;
  /**
   * A judgement the driver holds back ON PURPOSE (nothing is at risk), and when it goes:
   * `until-final` — the score is written once the result is final (SCORM 1.2 with an LMS mastery
   * score, where a failing score would close the LMS attempt); `until-session-end` — sent when the
   * learner finishes or leaves (cmi5: one judgement per session, a failing one waits for the end).
   * Absent when nothing is held.
   */
  held?: "until-final" | "until-session-end";
  /** Technical detail for logs, never shown raw to the learner. */
  detail?: string;
}

export interface ExitResult {
  /** Where to send the window after exit (cmi5 returnURL), or null. */
  navigateTo: string | null;
  /** True when the UI should try window.close() and otherwise tell the learner to close it. */
  closeWindow: boolean;
}

export interface LmsDriver {
  readonly standard: Standard;
  /** Open the session. Rejects with a LaunchError whose message can be shown to the learner. */
  start(): Promise<LmsFacts>;
  /** Store the engine's encoded resume state (≤ facts.stateBudget) and the learner's location. */
  saveState(state: string, location: string | null): void;
  /** Content progress 0..1 (throttled by the driver where the standard needs it). */
  reportProgress(progress: number): void;
  /**
   * A submitted question (ignored in browse/review and when the course turned interactions off). The
   * report is standard-neutral (runtime/assessment/outcome.ts): it carries the question as built
   * (QuestionData: options, correct answers, criteria) and the usable response, and the driver formats
   * them for its own standard with pure functions of its own (cmi5: lms/xapi/interaction.ts; SCORM:
   * scorm12/ and scorm2004/interaction-format.ts, the bracket syntax in lms/interaction-format/), so a
   * launch loads only its own formatter. What its standard cannot express validly it leaves out and
   * logs; it never judges (score and result come from the engine).
   */
  reportInteraction(report: InteractionReport): void;
  /** The current outcome; the driver decides what is new and reports it per docs/rules/reporting.md. */
  reportOutcome(outcome: Outcome): void;
  /** Persist now: SCORM Commit, cmi5 outbox flush. Resolves when done or when it gave up for now. */
  checkpoint(): Promise<void>;
  /** Finish the session properly (cmi5 Terminated, SCORM Finish/Terminate). Nothing is called after. */
  exit(): Promise<ExitResult>;
  /**
   * The page was hidden (`unloading` false: tab hidden, or kept in the back/forward cache) or is
   * being unloaded for good (pagehide, persisted === false). Called by the page's one lifecycle owner
   * (runtime/app/page-hide.ts) AFTER the session saved what it held back; drivers do not listen to
   * page events themselves.
   */
  pageHidden(unloading: boolean): void;
  status(): DeliveryStatus;
  /** Subscribe to delivery changes; returns an unsubscribe function. */
  onStatus(listener: (status: DeliveryStatus) => void): () => void;
}
