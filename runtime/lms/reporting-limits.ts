// What the interaction reports of our standards cannot carry, as build-time warnings to authors:
// authoring/course/build-questions.ts passes REPORTING_LIMITS to the engine's validateQuestion. The
// formatters (scorm12/interaction-format.ts, scorm2004/interaction-format.ts) apply the same limits
// by leaving out or shortening what does not fit (docs/rules/interactions.md §3–§4).
import type { ReportingLimits } from "../assessment/question-validate";

export const REPORTING_LIMITS: ReportingLimits = {
  // SCORM 1.2 identifies options by ONE character 0-9a-z; SCORM 2004 lists hold 36 identifiers.
  options: { max: 36, says: "SCORM 1.2 cannot report this question, nor SCORM 2004 a response or answer listing more than 36 of them" },
  pairs: { max: 36, says: "SCORM 1.2 cannot report this question" },
  // SCORM 2004 fill-in: localized strings of SPM 250 (long-fill-in has 4000).
  shortAnswer: { max: 250, says: "SCORM 2004 fill-in cannot carry it (use long)" },
};
