// Build-time validation of a whole assessment: its questions and banks, the rubric, attempts and
// score actions. Paths are JSON pointers relative to the assessment ("/items/2/questions/0/correct").
// Tasks (docs/grading-forms.md) sit at the top level only, never in a bank.

import { SCORE_ACTION_OUTCOMES, type AssessmentData, type QuestionData } from "../course/types";
import { validateQuestion, type ReportingLimits } from "./question-validate";
import { parseRange } from "./range";
import { validateRubric } from "./rubric-validate";
import type { Problem } from "./types";

export interface AssessmentValidationOptions {
  masteryExpected?: boolean;
  masteryScore?: number | null;
  /** What the reports cannot carry (validateQuestion); absent: the questions are checked alone. */
  reportingLimits?: ReportingLimits | null;
}

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);
const under = (prefix: string, problems: Problem[]): Problem[] => problems.map((p) => ({ ...p, path: prefix + p.path }));
/** Surveys and self-assessments that do not count are recorded but never scored. */
const isGradable = (q: QuestionData): boolean => q.type !== "survey" && !(q.type === "task" && !q.counts);

/** Validate an assessment definition. Never throws. */
export function validateAssessment(assessment: AssessmentData, options: AssessmentValidationOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const { attempts } = assessment;
  if (attempts !== "unlimited" && !(Number.isInteger(attempts) && attempts >= 1)) {
    problems.push({ path: "/attempts", severity: "error", message: `attempts must be a positive whole number or "unlimited", got ${show(attempts)}` });
  }
  const seen = new Map<string, string>();
  const checkId = (id: unknown, path: string): void => {
    if (typeof id !== "string") return;
    const first = seen.get(id);
    if (first) problems.push({ path, severity: "error", message: `id ${show(id)} is already used at ${first}` });
    else seen.set(id, path);
  };
  let gradable = 0;
  (Array.isArray(assessment.items) ? assessment.items : []).forEach((item, i) => {
    if (item.kind === "bank") {
      checkId(item.id, `/items/${i}/id`);
      const pool = Array.isArray(item.questions) ? item.questions : [];
      if (pool.length === 0) problems.push({ path: `/items/${i}/questions`, severity: "error", message: "a bank needs at least one question" });
      if (!Number.isInteger(item.choose) || item.choose < 1 || item.choose > pool.length) {
        problems.push({ path: `/items/${i}/choose`, severity: "error", message: `choose must be a whole number 1..${pool.length}, got ${show(item.choose)}` });
      }
      if (!["sequential", "random", "random-unseen"].includes(item.order)) {
        problems.push({ path: `/items/${i}/order`, severity: "error", message: `order must be sequential, random or random-unseen, got ${show(item.order)}` });
      }
      pool.forEach((q, j) => {
        checkId(q.id, `/items/${i}/questions/${j}/id`);
        problems.push(...under(`/items/${i}/questions/${j}`, validateQuestion(q, options.reportingLimits ?? null)));
        if (q.type === "task") {
          problems.push({
            path: `/items/${i}/questions/${j}/type`,
            severity: "error",
            message: "a task cannot be in a bank: it is rated by a person, so it must be in every attempt (put it among the top-level items)",
          });
        }
        if (isGradable(q)) gradable++;
      });
    } else {
      checkId(item.id, `/items/${i}/id`);
      problems.push(...under(`/items/${i}`, validateQuestion(item, options.reportingLimits ?? null)));
      if (isGradable(item)) gradable++;
    }
  });
  if (gradable === 0)
    problems.push({
      path: "/items",
      severity: "warning",
      message: "no gradable question (surveys and self-assessments that do not count are not graded): every attempt scores 0",
    });
  problems.push(...under("/rubric", validateRubric(assessment.rubric, { ...options, attemptsAllowed: attempts })));
  if (assessment.rubric?.type === "attempt" && !assessment.allowAttemptsAfterPass && attempts !== 1) {
    problems.push({
      path: "/allowAttemptsAfterPass",
      severity: "warning",
      message: 'with rubric type "attempt" every attempt passes, so the assessment closes after the first attempt unless allowAttemptsAfterPass is true',
    });
  }
  (Array.isArray(assessment.scoreActions) ? assessment.scoreActions : []).forEach((action, i) => {
    if (action.when !== undefined && !SCORE_ACTION_OUTCOMES.includes(action.when)) {
      problems.push({
        path: `/scoreActions/${i}/when`,
        severity: "error",
        message: `when must be "passed", "failed" or "unableToPass", got ${show(action.when)}`,
      });
    }
    if (action.for === undefined || action.for === "no-score") return;
    const range = typeof action.for === "string" ? parseRange(action.for) : null;
    if (!range || range.min === "$last_attempt" || range.max === "$last_attempt") {
      problems.push({
        path: `/scoreActions/${i}/for`,
        severity: "error",
        message: `for must be a score range like "[0,79]" or "no-score", got ${show(action.for)}`,
      });
    }
  });
  return problems;
}
