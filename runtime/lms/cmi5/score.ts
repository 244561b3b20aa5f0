// cmi5 §9.5.1 result.score on Passed/Failed, consistent with masteryScore or not sent at all.
import type { ResultScore } from "../xapi/types";

/**
 * The score to put on a Passed (success=true) or Failed (success=false), or null to send the verb
 * without a score:
 * - null score → no score (docs/rules/reporting.md: never report 0 instead);
 * - Passed with scaled < masteryScore, or Failed with scaled ≥ masteryScore → no score (§9.5.1);
 * - raw only when the score is an integer, always with min 0 / max 100 (§9.5.1: raw integer in [min,max]).
 */
export function scoreForJudgement(success: boolean, score: number | null, masteryScore: number | null): ResultScore | null {
  if (score === null || !Number.isFinite(score) || score < 0 || score > 100) return null;
  // Round away binary noise (57.5 / 100 must be 0.575, not 0.5750000000000001).
  const scaled = Math.round(score * 1e4) / 1e6;
  if (masteryScore !== null) {
    // The comparison the LMS will make, on the values it will see.
    if (success && !(scaled >= masteryScore)) return null;
    if (!success && !(scaled < masteryScore)) return null;
  }
  return Number.isInteger(score) ? { scaled, raw: score, min: 0, max: 100 } : { scaled };
}
