// docs/rules/assessment.md §4: the LMS's mastery value, when valid, replaces the passing score.
// "", garbage or out-of-range values are "not given" (with a warning), never 0 and never 100.
// One exception to the warning: where the LMS's read interface answers "" for "no value set" (a
// read of a data-model element the LMS has no value for), "" is the normal "none" and is silent.

export type MasteryScale = "fraction" | "percent";

export interface ParsedMastery {
  /** 0..100, or null when the LMS gave no usable value. */
  score: number | null;
  /** Set when the LMS gave something that was not usable. */
  warning: string | null;
}

/**
 * Parse a mastery value as an LMS hands it over, on the 0..1 scale ("fraction") or on 0..100
 * ("percent"): each driver says which its standard uses (runtime/lms). `emptyMeansUnset`: the source
 * answers "" for "no value" (a data-model read), so "" is silent; elsewhere (launch data) "" is a warning.
 */
export function parseLmsMastery(value: unknown, scale: MasteryScale, source: string, emptyMeansUnset = false): ParsedMastery {
  if (value === undefined || value === null || (value === "" && emptyMeansUnset)) return { score: null, warning: null };
  if (value === "") return { score: null, warning: `${source} gave an empty mastery value; using the course's passing score` };
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  const max = scale === "fraction" ? 1 : 100;
  if (!Number.isFinite(n) || n < 0 || n > max) {
    return { score: null, warning: `${source} gave an unusable mastery value ${JSON.stringify(value)}; using the course's passing score` };
  }
  // Round away binary noise: 0.07 * 100 is 7.000000000000001, which would fail a learner scoring 7.
  const score = scale === "fraction" ? Math.round(n * 100 * 1e9) / 1e9 : n;
  return { score, warning: null };
}

/**
 * docs/rules/assessment.md §4 precedence: LMS value → rubric passingAttemptScore → 100.
 * The legacy `attempt` rubric passes every attempt (§2), so without an LMS value its bar is 0; with
 * one, the institution's bar applies to it too (§4: no pass below the bar the institution set).
 */
export function passingScoreInForce(
  lmsMastery: number | null,
  passingAttemptScore: number | undefined,
  rubricType: "pass-fail" | "attempt" = "pass-fail",
): number {
  if (lmsMastery !== null) return lmsMastery;
  if (passingAttemptScore !== undefined) return passingAttemptScore;
  return rubricType === "attempt" ? 0 : 100;
}
