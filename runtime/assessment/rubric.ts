// docs/rules/assessment.md §2: the pass-fail rubric of one attempt (Obojobo's AssessmentRubric, pass-fail),
// plus the legacy `attempt` type. Pure: the caller passes the attempt scores so far and A.
// A mastery override is applied by the caller by replacing passingAttemptScore (§4).

import type { RubricData } from "../course/types";
import { attemptsAllowedNumber } from "./attempts-allowed";
import { parseRange, rangeContains } from "./range";
import type { AttemptResult } from "./types";

export type { AttemptResult } from "./types";

/** docs/rules/assessment.md §2: only the first 20 mods count. */
export const MAX_MODS = 20;

const clamp = (n: number): number => Math.min(100, Math.max(0, n));

/** A number from the rubric, or the default when it is not a finite number (the validator reports it). */
function num(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/** Indices of the (first 20) mods whose attemptCondition contains attempt n (A = Infinity when unlimited). */
export function matchingMods(rubric: RubricData, n: number, attemptsAllowed: number): number[] {
  const mods = Array.isArray(rubric.mods) ? rubric.mods.slice(0, MAX_MODS) : [];
  const rewarded: number[] = [];
  mods.forEach((mod, index) => {
    // A mod without a condition applies to nothing (§2).
    if (!mod || mod.attemptCondition === undefined || mod.attemptCondition === null) return;
    const range = parseRange(mod.attemptCondition);
    if (range && rangeContains(range, n, attemptsAllowed) && Number.isFinite(mod.reward)) rewarded.push(index);
  });
  return rewarded;
}

/**
 * Judge the attempt just finished (the last of `attemptScores`, raw 0..100) with the rubric.
 * `attemptsAllowed` is A: a positive integer, or Infinity (or "unlimited") for unlimited.
 * Never throws: an empty score list is treated as one attempt scoring 0.
 */
export function scoreAttempt(rubric: RubricData, attemptScores: number[], attemptsAllowed: number | "unlimited"): AttemptResult {
  const A = attemptsAllowed === "unlimited" ? Infinity : attemptsAllowed;
  const scores = (attemptScores.length > 0 ? attemptScores : [0]).map((s) => clamp(num(s, 0)));
  const n = scores.length;
  const sn = scores[n - 1] as number;
  const highest = Math.max(...scores);
  const P = num(rubric.passingAttemptScore, 100);
  const isLegacyAttempt = rubric.type === "attempt";

  let status: AttemptResult["status"];
  if (isLegacyAttempt || sn >= P) status = "passed";
  else if (Number.isFinite(A) && n === A && rubric.unableToPassResult !== undefined && rubric.unableToPassResult !== null && highest < P)
    status = "unableToPass";
  else status = "failed";

  let attemptNumber = n;
  let base: number | null;
  if (isLegacyAttempt) {
    // Legacy type `attempt`: every attempt passes, score = attempt score + mods (Obojobo).
    base = sn;
  } else if (status === "passed") {
    const r = rubric.passedResult ?? 100;
    base = r === "$attempt_score" ? sn : num(r, 100);
  } else if (status === "failed") {
    const r = rubric.failedResult ?? 0;
    base = r === "$attempt_score" ? sn : r === "no-score" ? null : num(r, 0);
  } else {
    const r = rubric.unableToPassResult;
    if (r === "$highest_attempt_score") {
      base = highest;
      attemptNumber = scores.lastIndexOf(highest) + 1;
    } else base = r === "no-score" ? null : num(r, 0);
  }

  const rewardedMods = status === "passed" ? matchingMods(rubric, n, A) : [];
  const mods = rubric.mods ?? [];
  // Only the final score is clamped, not the reward sum (§2).
  const rewardTotal = rewardedMods.reduce((sum, i) => sum + (mods[i]?.reward ?? 0), 0);
  const assessmentModdedScore = base === null ? null : clamp(base + rewardTotal);
  return { status, attemptNumber, attemptScore: sn, assessmentScore: base, rewardedMods, rewardTotal, assessmentModdedScore };
}

/**
 * The rubric with the passing score in force (§4: the caller's mastery override replaces
 * passingAttemptScore). The legacy `attempt` type is turned into the pass-fail rubric it equals
 * (`$attempt_score` either way, mods on a pass) so that an institution's bar applies to it too;
 * with the legacy bar of 0 (passingScoreInForce without an LMS value) every attempt still passes.
 */
export function rubricInForce(rubric: RubricData, passingScore: number): RubricData {
  if (rubric.type !== "attempt") return { ...rubric, passingAttemptScore: passingScore };
  return { ...rubric, type: "pass-fail", passingAttemptScore: passingScore, passedResult: "$attempt_score", failedResult: "$attempt_score" };
}

export { attemptsAllowedNumber } from "./attempts-allowed";
