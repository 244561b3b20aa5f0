// Validation of one question definition, for authoring to call at build time. Problems carry JSON
// pointers relative to the question ("/choices/2/id"). Includes the "can never be answered correctly"
// cases and, given the reporting limits the caller passes (authoring passes runtime/lms/reporting-limits.ts),
// what the reports cannot carry (docs/rules/interactions.md). A task's grading form is checked by
// grading-form-validate.ts, its problems placed under "/gradingForm".

import { validateGradingForm } from "./grading-form-validate";
import { ID_PATTERN } from "./id-pattern";
import { normalizeText } from "./scoring";
import type { Problem } from "./types";

export { ID_PATTERN } from "./id-pattern";

/** One limit of the reports and what authors are told past it (the question still works: a warning). */
export interface ReportingLimit {
  max: number;
  /** The consequence, after "more than 36 choice: " or "longer than 250 characters: ". */
  says: string;
}

/** What interaction reports cannot carry, checked at build time when the caller passes them. */
export interface ReportingLimits {
  /** Most choices or items a question lists. */
  options: ReportingLimit;
  /** Most pairs a matching question lists. */
  pairs: ReportingLimit;
  /** Longest accepted answer of a short (not `long`) text entry. */
  shortAnswer: ReportingLimit;
}

const TYPES = ["single-choice", "multiple-response", "true-false", "numeric", "text-entry", "matching", "ordering", "survey", "task"];
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

class Collector {
  readonly problems: Problem[] = [];
  constructor(readonly limits: ReportingLimits | null) {}
  error(path: string, message: string): void {
    this.problems.push({ path, severity: "error", message });
  }
  warning(path: string, message: string): void {
    this.problems.push({ path, severity: "warning", message });
  }
  id(path: string, value: unknown, what: string): void {
    if (typeof value !== "string" || !ID_PATTERN.test(value)) {
      this.error(path, `${what} must be a short identifier (letters, digits, _ . ~ -; no spaces), got ${show(value)}`);
    }
  }
  bool(q: Obj, key: string): void {
    if (typeof q[key] !== "boolean") this.error(`/${key}`, `${key} must be true or false, got ${show(q[key])}`);
  }
}

/** Options with unique valid ids; returns the ids (possibly empty). */
function options(c: Collector, q: Obj, key: string, label: string, min: number): string[] {
  const list = q[key];
  if (!Array.isArray(list)) {
    c.error(`/${key}`, `${key} must be a list of {id, text}, got ${show(list)}`);
    return [];
  }
  if (list.length < min) c.error(`/${key}`, `${key} needs at least ${min} ${label}, got ${list.length}`);
  const most = c.limits?.options;
  if (most && list.length > most.max) c.warning(`/${key}`, `more than ${most.max} ${label}: ${most.says}`);
  const ids: string[] = [];
  list.forEach((item: unknown, i) => {
    if (!isObj(item)) return c.error(`/${key}/${i}`, `must be an object {id, text}, got ${show(item)}`);
    c.id(`/${key}/${i}/id`, item.id, `${label} id`);
    if (typeof item.id === "string") {
      if (ids.includes(item.id)) c.error(`/${key}/${i}/id`, `duplicate id ${show(item.id)}`);
      ids.push(item.id);
    }
    if (typeof item.text !== "string" || item.text.trim() === "") c.error(`/${key}/${i}/text`, `${label} text must not be empty`);
  });
  return ids;
}

function numericAnswer(c: Collector, answer: unknown): void {
  if (!isObj(answer)) return c.error("/answer", `answer must be {exact} or {value, tolerance} or {min, max}, got ${show(answer)}`);
  if ("exact" in answer) {
    if (!isNum(answer.exact)) c.error("/answer/exact", `exact must be a number, got ${show(answer.exact)}`);
  } else if ("tolerance" in answer) {
    if (!isNum(answer.value)) c.error("/answer/value", `value must be a number, got ${show(answer.value)}`);
    if (!isNum(answer.tolerance) || answer.tolerance < 0) c.error("/answer/tolerance", `tolerance must be a number ≥ 0, got ${show(answer.tolerance)}`);
  } else if ("min" in answer || "max" in answer) {
    if (!isNum(answer.min)) c.error("/answer/min", `min must be a number, got ${show(answer.min)}`);
    if (!isNum(answer.max)) c.error("/answer/max", `max must be a number, got ${show(answer.max)}`);
    if (isNum(answer.min) && isNum(answer.max) && answer.min > answer.max) {
      c.error("/answer", `min ${answer.min} > max ${answer.max}: the question can never be answered correctly`);
    }
  } else c.error("/answer", `answer must be {exact} or {value, tolerance} or {min, max}, got ${show(answer)}`);
}

function textEntry(c: Collector, q: Obj): void {
  c.bool(q, "caseSensitive");
  c.bool(q, "long");
  const ws = q.whitespace;
  if (ws !== "trim" && ws !== "collapse" && ws !== "exact") c.error("/whitespace", `whitespace must be "trim", "collapse" or "exact", got ${show(ws)}`);
  const accepted = q.accepted;
  if (!Array.isArray(accepted) || accepted.length === 0) {
    return c.error("/accepted", "accepted must be a non-empty list of answers: the question can never be answered correctly");
  }
  const rule = { caseSensitive: q.caseSensitive === true, whitespace: ws === "collapse" || ws === "exact" ? ws : "trim" } as const;
  accepted.forEach((a: unknown, i) => {
    if (typeof a !== "string") return c.error(`/accepted/${i}`, `an accepted answer must be a string, got ${show(a)}`);
    if (normalizeText(rule, a) === "") c.error(`/accepted/${i}`, "an empty accepted answer would accept an empty box");
    if (a.includes("[,]")) c.warning(`/accepted/${i}`, `"[,]" is the interaction delimiter: reports will show it split`);
    const short = c.limits?.shortAnswer;
    if (short && q.long !== true && a.length > short.max) c.warning(`/accepted/${i}`, `longer than ${short.max} characters: ${short.says}`);
  });
}

function choiceLike(c: Collector, q: Obj): void {
  const ids = options(c, q, "choices", "choice", 2);
  if (q.type === "single-choice") {
    if (typeof q.correct !== "string" || !ids.includes(q.correct)) {
      c.error("/correct", `correct ${show(q.correct)} is not the id of a choice: the question can never be answered correctly`);
    }
  } else if (q.type === "multiple-response") {
    c.bool(q, "partialCredit");
    if (!Array.isArray(q.correct) || q.correct.length === 0) {
      return c.error("/correct", "correct must list at least one choice id");
    }
    const seen = new Set<unknown>();
    q.correct.forEach((id: unknown, i) => {
      if (typeof id !== "string" || !ids.includes(id))
        c.error(`/correct/${i}`, `${show(id)} is not the id of a choice: the question can never be answered correctly`);
      if (seen.has(id)) c.error(`/correct/${i}`, `duplicate correct id ${show(id)}`);
      seen.add(id);
    });
  }
}

function matching(c: Collector, q: Obj): void {
  c.bool(q, "partialCredit");
  const pairs = q.pairs;
  if (!Array.isArray(pairs) || pairs.length === 0) return c.error("/pairs", "pairs must be a non-empty list of {id, source, target}");
  const most = c.limits?.pairs;
  if (most && pairs.length > most.max) c.warning("/pairs", `more than ${most.max} pairs: ${most.says}`);
  const ids = new Set<string>();
  const targets = new Map<string, number>();
  pairs.forEach((p: unknown, i) => {
    if (!isObj(p)) return c.error(`/pairs/${i}`, `must be an object {id, source, target}, got ${show(p)}`);
    c.id(`/pairs/${i}/id`, p.id, "pair id");
    if (typeof p.id === "string") {
      if (ids.has(p.id)) c.error(`/pairs/${i}/id`, `duplicate id ${show(p.id)}`);
      ids.add(p.id);
    }
    for (const side of ["source", "target"]) {
      if (typeof p[side] !== "string" || (p[side] as string).trim() === "") c.error(`/pairs/${i}/${side}`, `${side} must not be empty`);
    }
    if (typeof p.target === "string") {
      const first = targets.get(p.target.trim());
      if (first !== undefined)
        c.error(
          `/pairs/${i}/target`,
          `same target text as pair ${first}: the learner cannot tell them apart, so the question cannot reliably be answered correctly`,
        );
      else targets.set(p.target.trim(), i);
    }
  });
}

/** PasscodeHash (runtime/course/types.ts): PBKDF2-SHA-256, whole iterations ≥ 1, base64 salt and 32-byte key. */
function passcodeHash(c: Collector, value: unknown): void {
  const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
  if (!isObj(value)) return c.error("/passcode", `passcode must be null or a salted hash {algorithm, iterations, salt, hash}, got ${show(value)}`);
  if (value.algorithm !== "PBKDF2-SHA-256") c.error("/passcode/algorithm", `algorithm must be "PBKDF2-SHA-256", got ${show(value.algorithm)}`);
  if (!isNum(value.iterations) || !Number.isInteger(value.iterations) || value.iterations < 1) {
    c.error("/passcode/iterations", `iterations must be a whole number ≥ 1, got ${show(value.iterations)}`);
  }
  if (typeof value.salt !== "string" || value.salt === "" || !base64.test(value.salt))
    c.error("/passcode/salt", `salt must be base64, got ${show(value.salt)}`);
  if (typeof value.hash !== "string" || !base64.test(value.hash) || value.hash.length !== 44) {
    c.error("/passcode/hash", `hash must be the base64 of a 32-byte key, got ${show(value.hash)}`);
  }
}

/** A task (docs/grading-forms.md): who rates, whether it counts, the passcode, and its grading form. */
function task(c: Collector, q: Obj): void {
  if (q.learnerResponse !== "text" && q.learnerResponse !== "none")
    c.error("/learnerResponse", `learnerResponse must be "text" or "none", got ${show(q.learnerResponse)}`);
  const rater = q.rater;
  if (rater !== "assessor" && rater !== "learner") c.error("/rater", `rater must be "assessor" or "learner", got ${show(rater)}`);
  c.bool(q, "counts");
  if (rater === "assessor" && q.counts === false)
    c.error("/counts", 'counts false is for a self-assessment only (rater "learner"): an assessor\'s rating always counts');
  if (q.passcode !== null) {
    if (rater === "learner") c.error("/passcode", "a passcode is for an assessor task only: the learner rates a self-assessment without one");
    passcodeHash(c, q.passcode);
  }
  for (const p of validateGradingForm(q.gradingForm)) c.problems.push({ ...p, path: `/gradingForm${p.path}` });
}

/**
 * Validate one question definition (runtime/course/types.ts QuestionData). Never throws. `limits`:
 * what the reports cannot carry, each broken limit a warning; null checks the question alone.
 */
export function validateQuestion(question: unknown, limits: ReportingLimits | null = null): Problem[] {
  const c = new Collector(limits);
  if (!isObj(question)) return [{ path: "", severity: "error", message: `a question must be an object, got ${show(question)}` }];
  const q = question;
  if (q.kind !== "question") c.error("/kind", `kind must be "question", got ${show(q.kind)}`);
  c.id("/id", q.id, "question id");
  if (!isObj(q.prompt) || typeof q.prompt.text !== "string" || q.prompt.text.trim() === "") c.error("/prompt", "the prompt must not be empty");
  if (!isNum(q.weight) || q.weight < 0) c.error("/weight", `weight must be a number ≥ 0, got ${show(q.weight)}`);
  else if (q.weight === 0 && q.type !== "survey" && !(q.type === "task" && q.counts === false))
    c.warning("/weight", "weight 0: this question never counts toward the score");
  if (!TYPES.includes(q.type as string)) {
    c.error("/type", `type must be one of ${TYPES.join(", ")}, got ${show(q.type)}`);
    return c.problems;
  }
  switch (q.type) {
    case "single-choice":
    case "multiple-response":
      choiceLike(c, q);
      break;
    case "true-false":
      if (typeof q.answer !== "boolean") c.error("/answer", `answer must be true or false, got ${show(q.answer)}`);
      break;
    case "numeric":
      numericAnswer(c, q.answer);
      break;
    case "text-entry":
      textEntry(c, q);
      break;
    case "matching":
      matching(c, q);
      break;
    case "ordering":
      c.bool(q, "partialCredit");
      options(c, q, "items", "item", 2);
      break;
    case "survey":
      options(c, q, "choices", "choice", 2);
      break;
    case "task":
      task(c, q);
      break;
  }
  return c.problems;
}
