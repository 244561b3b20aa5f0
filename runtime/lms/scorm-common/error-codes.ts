// SCORM 1.2 / 2004 RTE error codes (docs/rules/lms.md §2), sorted by what a retry can change. A data-model error (the LMS
// refuses this element or this value) will not go away by asking again; a general, set or commit
// failure (or a vanished API, code -1) may.

/** 1.2: 201 invalid argument, 202 no children, 203 not an array, 401–405 data-model refusals. */
const SCORM12_DATA_MODEL_ERRORS = new Set([201, 202, 203, 401, 402, 403, 404, 405]);
/** 2004: 201 argument, 401–407 data-model refusals (408 dependency can be an ordering hiccup: retried). */
const SCORM2004_DATA_MODEL_ERRORS = new Set([201, 401, 402, 403, 404, 405, 406, 407]);

export type ScormVersion = "1.2" | "2004";

/** True when retrying the same write cannot succeed: the LMS rejects the element or the value. */
export function isDataModelRefusal(version: ScormVersion, errorCode: number): boolean {
  return (version === "1.2" ? SCORM12_DATA_MODEL_ERRORS : SCORM2004_DATA_MODEL_ERRORS).has(errorCode);
}
