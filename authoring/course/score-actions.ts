// docs/rules/assessment.md §3 score actions, keyed on the score (`for`: a score, a range or "no-score") and/or
// the status (`when`); first match wins. Checked: bounds within 0..100, no empty range; warned:
// learners who find no message, actions that can never show, and range-only messages that can
// contradict the status (the LMS mastery score replaces the rubric's passing score).
import { SCORE_ACTION_OUTCOMES, type AttemptsAllowed, type RubricData, type ScoreAction, type ScoreActionOutcome } from "../../runtime/course/types";
import { parseRange, passingScoreInForce, scoreActionMatches, type Range } from "../../runtime/assessment/index";
import { rangeIsEmpty } from "../../runtime/assessment/range";
import type { AuthorScoreAction } from "./author-types";
import type { RenderAt } from "./build-questions";
import type { ProblemList } from "./problems";

export function checkScoreActions(
  actions: AuthorScoreAction[],
  rubric: RubricData,
  attempts: AttemptsAllowed,
  file: string,
  render: RenderAt,
  problems: ProblemList,
): ScoreAction[] {
  const passing = passingScoreInForce(null, rubric.passingAttemptScore, rubric.type);
  const outcomes = possibleOutcomes(rubric, attempts);
  const built: ScoreAction[] = [];
  const valid: ScoreAction[] = []; // those whose `for` is well formed, for the coverage check
  actions.forEach((action, i) => {
    const at = `/assessment/scoreActions/${i}`;
    const forText = action.for === undefined ? undefined : typeof action.for === "number" ? String(action.for) : action.for.trim();
    let range: Range | null = null;
    let ok = true;
    if (forText !== undefined && forText !== "no-score") {
      range = parseRange(forText);
      const bounds = range ? [range.min, range.max] : [];
      if (!range || bounds.some((b) => typeof b !== "number" || b < 0 || b > 100)) {
        problems.error(file, `${at}/for`, `expected a score or a range of scores within 0..100, found ${JSON.stringify(action.for)}`);
        ok = false;
      } else if (rangeIsEmpty(range, Infinity)) {
        problems.error(file, `${at}/for`, `expected a range that contains at least one score, found the empty range ${JSON.stringify(action.for)}`);
        ok = false;
      }
    }
    const one: ScoreAction = {
      ...(forText !== undefined ? { for: forText } : {}),
      ...(action.when !== undefined ? { when: action.when } : {}),
      message: render(action.message, `${at}/message`),
    };
    built.push(one);
    if (!ok) return;
    valid.push(one);
    checkCanShow(one, outcomes, rubric, attempts, `${at}/when`, file, problems);
    if (range && action.when === undefined) checkAgreesWithStatus(range, JSON.stringify(action.for), passing, outcomes, `${at}/for`, file, problems);
  });
  if (actions.length > 0) checkCoverage(valid, outcomes, rubric, file, problems);
  return built;
}

/** The statuses an attempt can end with: unableToPass needs unableToPassResult and a finite number of attempts. */
function possibleOutcomes(rubric: RubricData, attempts: AttemptsAllowed): ScoreActionOutcome[] {
  const unable = rubric.type === "pass-fail" && rubric.unableToPassResult !== undefined && attempts !== "unlimited";
  return SCORE_ACTION_OUTCOMES.filter((o) => o !== "unableToPass" || unable);
}

/** Can the rubric give no score with this status? (passedResult is never "no-score".) */
function mayBeNull(rubric: RubricData, outcome: ScoreActionOutcome): boolean {
  if (rubric.type !== "pass-fail") return false;
  if (outcome === "failed") return rubric.failedResult === "no-score";
  if (outcome === "unableToPass") return rubric.unableToPassResult === "no-score";
  return false;
}

/** An action no learner can ever see: a status the rubric never gives, or "no-score" with a status that always has a score. */
function checkCanShow(
  action: ScoreAction,
  outcomes: ScoreActionOutcome[],
  rubric: RubricData,
  attempts: AttemptsAllowed,
  at: string,
  file: string,
  problems: ProblemList,
): void {
  const when = action.when;
  if (when === undefined) return;
  if (!outcomes.includes(when)) {
    const why = attempts === "unlimited" ? 'with "unlimited" attempts nobody runs out of attempts' : "the rubric has no unableToPassResult";
    problems.warning(file, at, `never shown: no learner ends "unableToPass" (${why}); use "failed" for learners who did not pass`);
  } else if (action.for === "no-score" && !mayBeNull(rubric, when)) {
    problems.warning(file, at, `never shown: a "${when}" result always has a score, so "for": "no-score" never matches with "when": "${when}"`);
  }
}

/**
 * A message chosen by score alone can contradict the status the learner reads next to it: the LMS's
 * mastery score replaces the rubric's passing score (higher or lower), and a range across the passing
 * score holds passed and failed results alike. A range that can only hold 100 always passes.
 */
function checkAgreesWithStatus(
  range: Range,
  forText: string,
  passing: number,
  outcomes: ScoreActionOutcome[],
  at: string,
  file: string,
  problems: ProblemList,
): void {
  const min = range.min as number;
  const max = range.max as number;
  const below = min < passing;
  const atOrAbove = max > passing || (max === passing && range.maxInclusive);
  if (min === 100) return;
  const failedWhen = outcomes.includes("unableToPass")
    ? '"when": "failed" (and the same message with "when": "unableToPass" for learners out of attempts)'
    : '"when": "failed"';
  let message: string;
  if (below && atOrAbove) {
    message = `${forText} holds scores on both sides of the passing score ${passing}: learners who passed and learners who did not read the same message. Fix: add "when": "passed" or ${failedWhen}, one action per status`;
  } else if (atOrAbove) {
    message = `${forText} has no "when": these scores pass with the rubric's passing score ${passing}, but an LMS mastery score above it replaces it, and then a learner who did not pass reads this message next to a "not passed" status. Fix: add "when": "passed"`;
  } else {
    message = `${forText} has no "when": these scores fail with the rubric's passing score ${passing}, but an LMS mastery score below it replaces it, and then a learner who passed reads this message next to a "passed" status. Fix: add ${failedWhen}`;
  }
  problems.warning(file, at, message);
}

/** Warn about learners who find no message: by score (the same gap for every status) or by status and score. */
function checkCoverage(actions: ScoreAction[], outcomes: ScoreActionOutcome[], rubric: RubricData, file: string, problems: ProblemList): void {
  const samples = sampleScores(actions);
  const gaps = outcomes.map((outcome) => ({ outcome, score: samples.find((s) => !actions.some((a) => scoreActionMatches(a, s, outcome))) ?? null }));
  const missing = gaps.filter((g) => g.score !== null);
  if (missing.length > 0 && missing.length === gaps.length && missing.every((g) => g.score === missing[0]!.score)) {
    problems.warning(file, "/assessment/scoreActions", `no score action matches a score of ${missing[0]!.score}: learners with that score see no message`);
  } else {
    for (const { outcome, score } of missing) {
      problems.warning(
        file,
        "/assessment/scoreActions",
        `no score action matches a score of ${score} with the status "${outcome}": those learners see no message`,
      );
    }
  }
  for (const outcome of outcomes) {
    if (!mayBeNull(rubric, outcome) || actions.some((a) => scoreActionMatches(a, null, outcome))) continue;
    problems.warning(
      file,
      "/assessment/scoreActions",
      `the rubric can give "no-score" but no score action matches no score with the status "${outcome}": add one with "for": "no-score" (or without "for")`,
    );
  }
}

/** 0, 100, every range bound and the midpoints between them: coverage only changes at bounds. */
function sampleScores(actions: ScoreAction[]): number[] {
  const ranges = actions.flatMap((a) => (a.for === undefined || a.for === "no-score" ? [] : [parseRange(a.for)!]));
  const bounds = [...new Set([0, 100, ...ranges.flatMap((r) => [r.min, r.max]).filter((b): b is number => typeof b === "number")])]
    .filter((b) => b >= 0 && b <= 100)
    .sort((a, b) => a - b);
  const samples: number[] = [];
  bounds.forEach((b, i) => {
    samples.push(b);
    const next = bounds[i + 1];
    if (next !== undefined) samples.push((b + next) / 2);
  });
  return samples;
}
