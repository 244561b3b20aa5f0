// cmi.suspend_data = the SCORM driver's interaction counter, then the engine's resume state:
// "I<n>~<state>". Interactions are numbered from that counter (falling back to
// cmi.interactions._count only when the LMS's is larger), so a later session never rewrites an
// earlier session's rows on an LMS that answers _count = 0 on every launch (ILIAS does;
// docs/reporting.md "What each LMS shows"). No counter is written until an interaction was, and a
// state without one (older packages, nothing reported yet) reads as it is.
// The suspend_data limits live here and nowhere else: the drivers' facts.stateBudget, the preview's
// checks and the benchmarks read them from this module.

/** SCORM 1.2 cmi.suspend_data is CMIString4096 (docs/rules/lms.md §3): never more, whatever the LMS accepts. */
export const SCORM12_SUSPEND_DATA_MAX = 4096;
/** SCORM 2004 cmi.suspend_data: characterstring SPM 64000 in 3rd and 4th editions. */
export const SCORM2004_SUSPEND_DATA_MAX = 64000;

/** Characters kept free for the counter: the engine's state gets the LMS's limit minus this. */
export const COUNTER_RESERVE = 10;

const COUNTER = /^I(\d{1,7})~/;

export interface SuspendData {
  /** The engine's resume state, null when there is none. */
  state: string | null;
  /** Interactions written so far in this LMS attempt, null when the data carries no counter. */
  interactionsWritten: number | null;
}

export function readSuspendData(data: string): SuspendData {
  const counter = COUNTER.exec(data);
  const state = counter ? data.slice(counter[0].length) : data;
  return { state: state === "" ? null : state, interactionsWritten: counter ? Number(counter[1]) : null };
}

export function writeSuspendData(state: string, interactionsWritten: number): string {
  if (interactionsWritten <= 0) return state;
  return `I${Math.min(interactionsWritten, 9_999_999)}~${state}`;
}
