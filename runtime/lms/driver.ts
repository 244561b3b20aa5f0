// The one small interface between the learner-facing side (UI + engine) and an LMS.
// One driver per standard implements it (cmi5, xAPI Tin Can, SCORM 1.2, SCORM 2004, standalone); the UI cannot
// tell them apart. Drivers translate and deliver; they never judge (the engine does).
import type { InteractionReport, Outcome } from "../assessment/outcome";

export type Standard = "cmi5" | "xapi" | "scorm12" | "scorm2004" | "standalone";
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

/**
 * The contract all five drivers keep; test/lms-contract/driver-contract.test.ts runs it on each.
 * - start() is called once. It resolves with LmsFacts or rejects with a LaunchError; no other method
 *   throws or rejects: trouble shows in status() and the driver's log (errors as values).
 * - Before start() resolved, calls send nothing and throw nothing; exit() ends nothing and resolves
 *   { navigateTo: null, closeWindow: true }. (SCORM keeps an early outcome and writes it once started.)
 * - First launch: resumeState null, resumed false. stateBudget > 0 always.
 * - saveState over facts.stateBudget: nothing is written (the last state saved stays), the driver logs it.
 * - A state saved within budget in Normal mode is the next launch's resumeState (SCORM suspend_data,
 *   cmi5 State document, standalone browser storage); browse/review launches store nothing.
 * - exit() finishes the session once: a second call resolves with the same ExitResult, sends nothing.
 * - After exit() or pageHidden(true): saveState, report*, pageHidden send nothing; checkpoint() resolves.
 * - checkpoint() never rejects: it resolves when done or when delivery paused (retrying, auth-lost, closed).
 * - status(): "idle" before start; after exit "ended" when everything was accepted, else "auth-lost" or
 *   "session-closed" with what is pending. Standalone is always "standalone".
 * - onStatus listeners hear each change after it happened (the same status may come twice); the last
 *   status heard equals status(). Standalone's never changes, so its listeners hear nothing.
 * - learner id and name as the LMS gives them (SCORM 1.2 "Last, First" becomes "First Last"); null when not
 *   given (standalone: both null).
 * - languagePreference is what the LMS or browser says, best first, [] when nothing: cmi5 §11 learner
 *   preferences, SCORM 1.2 cmi.student_preference.language, SCORM 2004 cmi.learner_preference.language,
 *   standalone navigator.languages. Drivers never pick the UI language: the app does (runtime/app/boot.ts,
 *   docs/learner-ui.md), and only a cmi5 preference overrides the course language.
 */
export interface LmsDriver {
  readonly standard: Standard;
  /** Open the session. Rejects with a LaunchError whose message can be shown to the learner. */
  start(): Promise<LmsFacts>;
  /**
   * Store the engine's encoded resume state and the learner's location. Over facts.stateBudget it
   * writes nothing and logs it (never truncates: a cut state would not decode).
   */
  saveState(state: string, location: string | null): void;
  /** Content progress 0..1 (throttled by the driver where the standard needs it). */
  reportProgress(progress: number): void;
  /**
   * A submitted question. Nothing in browse/review; with interactions off no interaction record, but a
   * rated task's rater still goes (SCORM comments; cmi5 carries it on Passed/Failed: docs/reporting.md
   * "Interactions switched off"). The
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
  /** Persist now: SCORM Commit, cmi5 outbox flush. Resolves when done or when it gave up for now; never rejects. */
  checkpoint(): Promise<void>;
  /**
   * Finish the session properly (cmi5 Terminated, SCORM Finish/Terminate), once. Calling it again
   * resolves with the same result; calls made after it are ignored.
   */
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
