// docs/rules/assessment.md §2: a rubric is checked when the course is built (Obojobo accepts anything).
// Problems carry JSON pointers relative to the rubric object, e.g. "/mods/3/attemptCondition".

import type { AttemptsAllowed } from "../course/types";
import { LAST_ATTEMPT, parseRange, rangeContains, rangeIsEmpty } from "./range";
import { MAX_MODS } from "./rubric";
import type { Problem } from "./types";

export interface RubricValidationOptions {
  /** The course declares (or an LMS may hand over) a mastery score: results must agree with it. */
  masteryExpected?: boolean;
  /** The mastery score declared by the course (0..100), used as the bar for the checks when given. */
  masteryScore?: number | null;
  /** The assessment's attempts, to flag mods that can never apply. */
  attemptsAllowed?: AttemptsAllowed;
}

const isScore = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 100;
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

function checkResult(rubric: Record<string, unknown>, key: string, placeholders: string[], problems: Problem[]): void {
  const value = rubric[key];
  if (value === undefined) return;
  if (typeof value === "string") {
    if (!placeholders.includes(value)) {
      const allowed = placeholders.length ? `a number 0..100 or ${placeholders.map((p) => `"${p}"`).join(" / ")}` : "a number 0..100";
      problems.push({ path: `/${key}`, severity: "error", message: `${key} ${show(value)} is not allowed here: use ${allowed}` });
    }
  } else if (!isScore(value)) {
    problems.push({ path: `/${key}`, severity: "error", message: `${key} must be a number 0..100, got ${show(value)}` });
  }
}

function checkMods(mods: unknown, attempts: number, problems: Problem[]): void {
  if (mods === undefined) return;
  if (!Array.isArray(mods)) {
    problems.push({ path: "/mods", severity: "error", message: `mods must be a list, got ${show(mods)}` });
    return;
  }
  if (mods.length > MAX_MODS) {
    problems.push({ path: `/mods/${MAX_MODS}`, severity: "error", message: `at most ${MAX_MODS} mods count; ${mods.length - MAX_MODS} more would be ignored` });
  }
  mods.forEach((mod: unknown, i) => {
    const at = `/mods/${i}`;
    if (typeof mod !== "object" || mod === null) {
      problems.push({ path: at, severity: "error", message: `a mod must be an object {attemptCondition, reward}, got ${show(mod)}` });
      return;
    }
    const { attemptCondition, reward } = mod as Record<string, unknown>;
    if (typeof reward !== "number" || !Number.isFinite(reward) || reward < -100 || reward > 100) {
      problems.push({ path: `${at}/reward`, severity: "error", message: `reward must be a number -100..100, got ${show(reward)}` });
    }
    if (attemptCondition === undefined || attemptCondition === null) {
      problems.push({ path: at, severity: "warning", message: "a mod without attemptCondition applies to no attempt" });
      return;
    }
    const range = typeof attemptCondition === "number" || typeof attemptCondition === "string" ? parseRange(attemptCondition) : null;
    if (!range) {
      problems.push({
        path: `${at}/attemptCondition`,
        severity: "error",
        message: `attemptCondition ${show(attemptCondition)} is not an attempt number or a range like "[1,3]", "(1,$last_attempt]"`,
      });
      return;
    }
    // Does any attempt 1..A (or 1..1000 when unlimited) fall in it?
    const lastToTry = Number.isFinite(attempts) ? attempts : 1000;
    let applies = false;
    for (let n = 1; n <= lastToTry && !applies; n++) applies = rangeContains(range, n, attempts);
    if (!applies) {
      const why = rangeIsEmpty(range, attempts)
        ? "the range is empty"
        : range.max === LAST_ATTEMPT && range.min === LAST_ATTEMPT && !Number.isFinite(attempts)
          ? "with unlimited attempts $last_attempt is never reached"
          : "no attempt number the assessment allows lies in it";
      problems.push({ path: `${at}/attemptCondition`, severity: "warning", message: `attemptCondition ${show(attemptCondition)} never applies: ${why}` });
    }
  });
}

/** Validate a rubric (docs/rules/assessment.md §2). Never throws; an empty list means it is fine. */
export function validateRubric(rubric: unknown, options: RubricValidationOptions = {}): Problem[] {
  const problems: Problem[] = [];
  if (typeof rubric !== "object" || rubric === null || Array.isArray(rubric)) {
    return [{ path: "", severity: "error", message: `the rubric must be an object, got ${show(rubric)}` }];
  }
  const r = rubric as Record<string, unknown>;
  if (r.type !== "pass-fail" && r.type !== "attempt") {
    problems.push({ path: "/type", severity: "error", message: `type must be "pass-fail" or "attempt", got ${show(r.type)}` });
  }
  if (r.passingAttemptScore !== undefined && !isScore(r.passingAttemptScore)) {
    problems.push({
      path: "/passingAttemptScore",
      severity: "error",
      message: `passingAttemptScore must be a number 0..100, got ${show(r.passingAttemptScore)}`,
    });
  }
  checkResult(r, "passedResult", ["$attempt_score"], problems);
  checkResult(r, "failedResult", ["$attempt_score", "no-score"], problems);
  checkResult(r, "unableToPassResult", ["$highest_attempt_score", "no-score"], problems);
  const attempts = options.attemptsAllowed === undefined || options.attemptsAllowed === "unlimited" ? Infinity : options.attemptsAllowed;
  checkMods(r.mods, attempts, problems);

  if (options.masteryExpected) {
    const bar = isScore(options.masteryScore) ? options.masteryScore : isScore(r.passingAttemptScore) ? r.passingAttemptScore : 100;
    if (r.type === "attempt") {
      problems.push({ path: "/type", severity: "warning", message: `type "attempt" passes every attempt, whatever the mastery score ${bar}` });
    } else {
      const passed = r.passedResult ?? 100;
      if (isScore(passed) && passed < bar) {
        problems.push({
          path: "/passedResult",
          severity: "error",
          message: `passedResult ${passed} is below the mastery score ${bar}: the LMS would judge a passed attempt as failed`,
        });
      }
      for (const key of ["failedResult", "unableToPassResult"]) {
        const v = r[key] ?? (key === "failedResult" ? 0 : undefined);
        if (isScore(v) && v >= bar) {
          problems.push({
            path: `/${key}`,
            severity: "error",
            message: `${key} ${v} reaches the mastery score ${bar}: the LMS would judge a failed attempt as passed`,
          });
        }
      }
    }
  }
  return problems;
}
