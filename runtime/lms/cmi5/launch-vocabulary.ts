// The cmi5 IRIs and values the launch reads, verbatim from the cmi5 spec (§10 LaunchData, §11 learner
// preferences) and our own State document's id.

/** cmi5 §10: the document the LMS writes; the AU only reads it. */
export const LAUNCH_DATA_STATE_ID = "LMS.LaunchData";
/** cmi5 §11 */
export const LEARNER_PREFERENCES_PROFILE_ID = "cmi5LearnerPreferences";
/** Our own State document (docs/rules/reporting.md "cmi5": a state id of ours, keyed by the registration). */
export const AU_STATE_ID = "https://passmark.dev/xapi/state/au-state";

export type Cmi5LaunchMode = "Normal" | "Browse" | "Review";
export type Cmi5MoveOnValue = "Passed" | "Completed" | "CompletedAndPassed" | "CompletedOrPassed" | "NotApplicable";
export const LAUNCH_MODES: readonly Cmi5LaunchMode[] = ["Normal", "Browse", "Review"];
export const MOVE_ON_VALUES: readonly Cmi5MoveOnValue[] = ["Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"];
