// docs/grading-forms.md: build-time validation of a grading form. Every problem at once, with JSON pointers
// relative to the form ("/criteria/2/levels/0/score"). Warnings flag forms that grade, but oddly.

import { ID_PATTERN } from "./id-pattern";
import type { Problem } from "./types";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);
const nonEmpty = (v: unknown): boolean => typeof v === "string" && v.trim() !== "";

class Collector {
  readonly problems: Problem[] = [];
  error(path: string, message: string): void {
    this.problems.push({ path, severity: "error", message });
  }
  warning(path: string, message: string): void {
    this.problems.push({ path, severity: "warning", message });
  }
  /** A short identifier, unique among `seen` (which it joins). */
  id(path: string, value: unknown, what: string, seen: Set<string>): void {
    if (typeof value !== "string" || !ID_PATTERN.test(value)) {
      return this.error(path, `${what} must be a short identifier (letters, digits, _ . ~ -; no spaces), got ${show(value)}`);
    }
    if (seen.has(value)) this.error(path, `duplicate ${what} ${show(value)}`);
    seen.add(value);
  }
  text(path: string, value: unknown, what: string): void {
    if (!nonEmpty(value)) this.error(path, `${what} must not be empty`);
  }
  /** weight: a whole number ≥ 0, default 1. Returns the weight, or null when it is invalid. */
  weight(at: string, criterion: Obj): number | null {
    const w = criterion.weight;
    if (w === undefined) return 1;
    if (!isNum(w) || w < 0 || !Number.isInteger(w)) {
      this.error(`${at}/weight`, `weight must be a whole number ≥ 0, got ${show(w)}`);
      return null;
    }
    if (w === 0) this.warning(`${at}/weight`, "weight 0: this criterion is shown but never counts toward the grade");
    return w;
  }
}

/** The criteria list (≥ 1 objects with a unique id and a description); returns [path, criterion] of the objects. */
function criteriaOf(c: Collector, form: Obj): [string, Obj][] {
  const list = form.criteria;
  if (!Array.isArray(list) || list.length === 0) {
    c.error("/criteria", `criteria must be a non-empty list, got ${show(list)}`);
    return [];
  }
  const ids = new Set<string>();
  const found: [string, Obj][] = [];
  list.forEach((criterion: unknown, i) => {
    const at = `/criteria/${i}`;
    if (!isObj(criterion)) return c.error(at, `a criterion must be an object, got ${show(criterion)}`);
    c.id(`${at}/id`, criterion.id, "criterion id", ids);
    c.text(`${at}/description`, criterion.description, "the criterion description");
    found.push([at, criterion]);
  });
  return found;
}

function rubric(c: Collector, form: Obj): void {
  if (form.pointsOnly !== undefined && typeof form.pointsOnly !== "boolean") {
    c.error("/pointsOnly", `pointsOnly must be true or false, got ${show(form.pointsOnly)}`);
  }
  for (const [at, criterion] of criteriaOf(c, form)) {
    const levels = criterion.levels;
    if (!Array.isArray(levels) || levels.length < 2) {
      c.error(`${at}/levels`, `a rubric criterion needs at least 2 levels, got ${Array.isArray(levels) ? levels.length : show(levels)}`);
      if (!Array.isArray(levels)) continue;
    }
    const ids = new Set<string>();
    const scores: number[] = [];
    levels.forEach((level: unknown, j) => {
      const lat = `${at}/levels/${j}`;
      if (!isObj(level)) return c.error(lat, `a level must be an object {id, score, description}, got ${show(level)}`);
      c.id(`${lat}/id`, level.id, "level id", ids);
      c.text(`${lat}/description`, level.description, "the level description");
      if (!isNum(level.score) || level.score < 0) c.error(`${lat}/score`, `score must be a number ≥ 0, got ${show(level.score)}`);
      else scores.push(level.score);
    });
    if (levels.length >= 2 && scores.length === levels.length && Math.max(...scores) <= Math.min(...scores)) {
      c.error(`${at}/levels`, `every level scores ${scores[0]}: the criterion's highest score must be above its lowest, or the rubric cannot be graded`);
    }
  }
}

function guide(c: Collector, form: Obj): void {
  const weights: (number | null)[] = [];
  for (const [at, criterion] of criteriaOf(c, form)) {
    const hasPoints = criterion.maxPoints !== undefined;
    const hasScale = criterion.scale !== undefined;
    if (hasPoints === hasScale) {
      c.error(at, hasPoints ? "a guide criterion has either maxPoints or a scale, not both" : "a guide criterion needs maxPoints or a scale");
    } else if (hasPoints) {
      if (!isNum(criterion.maxPoints) || criterion.maxPoints <= 0)
        c.error(`${at}/maxPoints`, `maxPoints must be a number > 0, got ${show(criterion.maxPoints)}`);
    } else scale(c, `${at}/scale`, criterion.scale);
    weights.push(c.weight(at, criterion));
  }
  // Only when every weight is valid: an invalid one is reported already.
  if (weights.length > 0 && weights.every((w) => w === 0)) {
    c.error("/criteria", "the weights add up to 0: no criterion counts, so the form cannot be graded");
  }
}

function scale(c: Collector, at: string, labels: unknown): void {
  if (!Array.isArray(labels) || labels.length < 2) {
    return c.error(at, `a scale needs at least 2 labels, worst first, got ${show(labels)}`);
  }
  const seen = new Set<string>();
  labels.forEach((label: unknown, k) => {
    if (!nonEmpty(label)) return c.error(`${at}/${k}`, `a scale label must be a non-empty string, got ${show(label)}`);
    if (seen.has(label as string)) c.error(`${at}/${k}`, `duplicate scale label ${show(label)}`);
    seen.add(label as string);
  });
}

function errors(c: Collector, form: Obj): void {
  let most = 0; // the most errors a filling can add up to
  for (const [at, criterion] of criteriaOf(c, form)) most += c.weight(at, criterion) ?? 0;
  const mapping = form.mapping;
  if (!Array.isArray(mapping)) return c.error("/mapping", `mapping must be a list of {errors, grade}, got ${show(mapping)}`);
  const seen = new Set<number>();
  const valid: { errors: number; grade: number; at: string }[] = [];
  mapping.forEach((entry: unknown, k) => {
    const at = `/mapping/${k}`;
    if (!isObj(entry)) return c.error(at, `a mapping entry must be an object {errors, grade}, got ${show(entry)}`);
    const n = entry.errors;
    let ok = true;
    if (!isNum(n) || !Number.isInteger(n) || n < 1) {
      c.error(`${at}/errors`, `errors must be a whole number ≥ 1, got ${show(n)}`);
      ok = false;
    } else if (seen.has(n)) {
      c.error(`${at}/errors`, `duplicate entry for ${n} errors`);
      ok = false;
    } else seen.add(n);
    if (!isNum(entry.grade) || entry.grade < 0 || entry.grade > 100) {
      c.error(`${at}/grade`, `grade must be a number 0..100, got ${show(entry.grade)}`);
      ok = false;
    }
    if (ok) valid.push({ errors: n as number, grade: entry.grade as number, at });
  });
  for (const entry of valid) {
    if (entry.errors > most) c.warning(`${entry.at}/errors`, `never applies: the assertions add up to at most ${most} errors`);
    const fewer = valid.filter((e) => e.errors < entry.errors && e.grade < entry.grade);
    if (fewer.length)
      c.warning(
        `${entry.at}/grade`,
        `${entry.errors} errors grade ${entry.grade}, above the ${fewer[0]?.grade} of ${fewer[0]?.errors} errors: more errors should not raise the grade`,
      );
  }
  // An entry applies exactly at its own count, so the grade drops below 100 iff a reachable entry is below 100.
  if (!valid.some((e) => e.errors <= most && e.grade < 100))
    c.warning("/mapping", "no number of errors a filling can reach lowers the grade below 100: every filling grades 100");
}

/** Validate a grading form (docs/grading-forms.md). Never throws; an empty list means it is fine. */
export function validateGradingForm(form: unknown): Problem[] {
  if (!isObj(form)) return [{ path: "", severity: "error", message: `a grading form must be an object, got ${show(form)}` }];
  const c = new Collector();
  if (form.method === "rubric") rubric(c, form);
  else if (form.method === "guide") guide(c, form);
  else if (form.method === "errors") errors(c, form);
  else c.error("/method", `method must be "rubric", "guide" or "errors", got ${show(form.method)}`);
  return c.problems;
}
