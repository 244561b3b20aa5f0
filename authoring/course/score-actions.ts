// assessment.md §3 score actions: `for` is a score, a range of scores, or "no-score"; first match
// wins. Checked: bounds within 0..100, no empty range, every score (and no-score) finds a message.
import type { RubricData, ScoreAction } from "../../runtime/course/types";
import { parseRange, rangeContains, type Range } from "../../runtime/assessment/index";
import { rangeIsEmpty } from "../../runtime/assessment/range";
import type { AuthorScoreAction } from "./author-types";
import type { RenderAt } from "./build-questions";
import type { ProblemList } from "./problems";

export function checkScoreActions(
  actions: AuthorScoreAction[],
  rubric: RubricData,
  file: string,
  render: RenderAt,
  problems: ProblemList,
): ScoreAction[] {
  const ranges: Range[] = [];
  let hasNoScore = false;
  const built = actions.map((action, i): ScoreAction => {
    const at = `/assessment/scoreActions/${i}`;
    const forText = typeof action.for === "number" ? String(action.for) : action.for.trim();
    if (forText === "no-score") hasNoScore = true;
    else {
      const range = parseRange(forText);
      const bounds = range ? [range.min, range.max] : [];
      if (!range || bounds.some((b) => typeof b !== "number" || b < 0 || b > 100)) {
        problems.error(file, `${at}/for`, `expected a score or a range of scores within 0..100, found ${JSON.stringify(action.for)}`);
      } else if (rangeIsEmpty(range, Infinity)) {
        problems.error(file, `${at}/for`, `expected a range that contains at least one score, found the empty range ${JSON.stringify(action.for)}`);
      } else ranges.push(range);
    }
    return { for: forText, message: render(action.message, `${at}/message`) };
  });
  if (actions.length === 0) return built;

  const gap = firstUncoveredScore(ranges);
  if (gap !== null) {
    problems.warning(file, "/assessment/scoreActions", `no score action matches a score of ${gap}: learners with that score see no message`);
  }
  const mayBeNull = rubric.failedResult === "no-score" || rubric.unableToPassResult === "no-score";
  if (mayBeNull && !hasNoScore) {
    problems.warning(file, "/assessment/scoreActions", 'the rubric can give "no-score" but no score action is "for": "no-score"');
  }
  return built;
}

/** The lowest score in 0..100 no range contains, or null. Coverage only changes at range bounds. */
function firstUncoveredScore(ranges: Range[]): number | null {
  const bounds = [...new Set([0, 100, ...ranges.flatMap((r) => [r.min, r.max]).filter((b): b is number => typeof b === "number")])]
    .filter((b) => b >= 0 && b <= 100)
    .sort((a, b) => a - b);
  const samples: number[] = [];
  bounds.forEach((b, i) => {
    samples.push(b);
    const next = bounds[i + 1];
    if (next !== undefined) samples.push((b + next) / 2);
  });
  return samples.find((score) => !ranges.some((r) => rangeContains(r, score))) ?? null;
}
