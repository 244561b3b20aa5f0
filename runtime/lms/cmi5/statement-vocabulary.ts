// The IRIs of the statements we send, verbatim from the cmi5 spec (cmi5 §9.3 verbs, §9.6 context, §9.5 result extensions).

export const VERB = {
  initialized: "http://adlnet.gov/expapi/verbs/initialized",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  passed: "http://adlnet.gov/expapi/verbs/passed",
  failed: "http://adlnet.gov/expapi/verbs/failed",
  terminated: "http://adlnet.gov/expapi/verbs/terminated",
  // "cmi5 allowed" statements (cmi5 §7.1.3 / docs/rules/reporting.md)
  answered: "http://adlnet.gov/expapi/verbs/answered",
  progressed: "http://adlnet.gov/expapi/verbs/progressed",
} as const;

/** LMS-only verbs: an AU never sends them (cmi5 §9.3). */
export const LMS_ONLY_VERBS = [
  "http://adlnet.gov/expapi/verbs/launched",
  "https://w3id.org/xapi/adl/verbs/abandoned",
  "https://w3id.org/xapi/adl/verbs/waived",
  "https://w3id.org/xapi/adl/verbs/satisfied",
] as const;

export const AU_DEFINED_VERBS: readonly string[] = [VERB.initialized, VERB.completed, VERB.passed, VERB.failed, VERB.terminated];

/** The verbs we send, by name: each one's display name ("en-US") is its name. */
export type VerbName = keyof typeof VERB;

/** Display names ("en-US") for the verbs we send, by verb id. */
export const VERB_DISPLAY: Record<string, string> = /* @__PURE__ */ Object.fromEntries(Object.entries(VERB).map(([name, id]) => [id, name]));

export const CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
export const CATEGORY_MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
export const EXT_SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
export const EXT_MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
export const EXT_PROGRESS = "https://w3id.org/xapi/cmi5/result/extensions/progress";
/** passmark's own result extension on a rated task's `answered` (docs/reporting.md "Rated tasks"). */
export const EXT_TASK_RATING = "https://passmark.dev/xapi/extensions/task-rating";
/** account.homePage of an assessor identified by what they typed in the course (not an email). */
export const ASSESSOR_HOME_PAGE = "https://passmark.dev/xapi/assessor";
