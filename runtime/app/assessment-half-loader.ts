// Loads the session's assessment half (assessment-half.ts), a chunk of its own, through the retrying
// loader (lms/retry-import.ts). boot.ts loads it before the first screen when the saved state holds an
// attempt (finished or in progress), else right after the first screen is interactive (a course with
// an assessment). A Start pressed before it arrives waits for it (session.ts startAttempt); a failed
// load is tried again at the next call.
import type { LearnerState } from "../assessment/index";
import { loadOnce, type OnceLoaded } from "../lms/retry-import";

export type AssessmentHalf = typeof import("./assessment-half");

/** The half as the session sees it: at hand, or loaded once (a failed load is tried again next time). */
export type HalfSlot = OnceLoaded<AssessmentHalf>;

/** The half behind `importer` (a dynamic import), loaded on the first `load()`. */
export const lazyHalf = (importer: () => Promise<AssessmentHalf>): HalfSlot => loadOnce(importer);

/** A half already loaded (a test, a caller that imports it statically). */
export function halfAtHand(half: AssessmentHalf): HalfSlot {
  return { loaded: () => half, load: () => Promise.resolve(half) };
}

/** The runtime's assessment half chunk. */
export const assessmentHalf: HalfSlot = lazyHalf(() => import("./assessment-half"));

/** Whether the session needs the half before its first screen: an attempt was started (finished or in progress). */
export function needsHalf(state: LearnerState): boolean {
  return state.attempts.length > 0 || state.current !== null;
}
