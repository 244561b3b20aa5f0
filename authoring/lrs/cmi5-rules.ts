// The cmi5 rule checker of the local LMS (cmi5 §7.1, §9, §10): every statement an AU sends is
// checked against the launch it belongs to and the statements already accepted in its registration.
// Pure: (statement, session, history) → violations. The server answers a violation with 403.
import type { Activity, Context, Statement } from "@xapi/xapi";
import { parseIsoDuration } from "../../runtime/lms/xapi/duration";
import {
  AU_DEFINED_VERBS,
  CATEGORY_CMI5,
  CATEGORY_MOVEON,
  EXT_MASTERY_SCORE,
  EXT_PROGRESS,
  EXT_SESSION_ID,
  LMS_ONLY_VERBS,
  VERB,
} from "../../runtime/lms/cmi5/vocabulary";
import {
  afterStatement,
  checkSequence,
  EMPTY_SEQUENCE,
  sequenceStatementOf,
  type SequenceSoFar,
  type SequenceStatement,
} from "../../runtime/lms/cmi5/sequence-rules";

export interface Cmi5SessionInfo {
  sessionId: string;
  registration: string;
  activityId: string;
  actor: unknown;
  contextTemplate: Context;
  launchMode: "Normal" | "Browse" | "Review";
  /** LaunchData masteryScore (0..1) or null. */
  masteryScore: number | null;
}

export interface RuleViolation {
  /**
   * The rule: for the sequence rules their cmi5 requirement id in ADL's list (e.g. "9.3.0.0-4", as
   * ADL's test suite reports it; runtime/lms/cmi5/sequence-rules.ts), else a short name of ours
   * (e.g. "result.duration"), stable for tests.
   */
  rule: string;
  /** Which spec section. */
  cite: string;
  message: string;
}

const JUDGED = [VERB.completed, VERB.passed, VERB.failed] as string[];
/** Slack for Terminated's duration against its Initialized (clock rounding, request time). */
const DURATION_SLACK_MS = 2_000;

export function sessionIdOf(statement: Statement): string | null {
  const value = statement.context?.extensions?.[EXT_SESSION_ID];
  return typeof value === "string" ? value : null;
}

/**
 * Violations of `statement` given its session (null = unknown session) and the statements already
 * accepted in the same registration (any order; they are compared by timestamp, cmi5 §9.3).
 */
export function checkCmi5Statement(statement: Statement, session: Cmi5SessionInfo | null, history: readonly Statement[]): RuleViolation[] {
  const out: RuleViolation[] = [];
  const add = (rule: string, cite: string, message: string) => out.push({ rule, cite, message });
  const verb = statement.verb?.id ?? "";
  if (!session) {
    add("context.session", "cmi5 §9.6.3.1", "no known cmi5 session id extension in context.extensions");
    return out;
  }
  const defined = AU_DEFINED_VERBS.includes(verb);
  const categories = ids(statement.context?.contextActivities?.category);

  if ((LMS_ONLY_VERBS as readonly string[]).includes(verb)) add("verb.lms-only", "cmi5 §9.3", `${verb} is sent by the LMS only`);
  if (typeof statement.id !== "string") add("statement.id", "cmi5 §9.1", "the AU must give every statement an id");
  if (typeof statement.timestamp !== "string" || Number.isNaN(Date.parse(statement.timestamp))) {
    add("statement.timestamp", "cmi5 §9.7", "timestamp missing or invalid");
  }
  if (JSON.stringify(statement.actor) !== JSON.stringify(session.actor)) add("actor", "cmi5 §9.2", "actor differs from the launch actor");

  // Context: registration, session id, template kept with its entries first (cmi5 §9.6, §10).
  const context = statement.context;
  if (context?.registration !== session.registration) add("context.registration", "cmi5 §9.6.1", "registration differs from the launch");
  checkTemplateKept(context, session.contextTemplate, add);

  // Categories (cmi5 §9.6.2): cmi5 on defined statements only; moveon exactly on Completed/Passed/Failed.
  if (defined && !categories.includes(CATEGORY_CMI5)) add("category.cmi5-missing", "cmi5 §9.6.2.1", "cmi5 defined statement without the cmi5 category");
  if (!defined && categories.includes(CATEGORY_CMI5)) add("category.cmi5-on-allowed", "cmi5 §9.6.2.1", "cmi5 category on a statement that is not cmi5 defined");
  const judged = defined && JUDGED.includes(verb);
  if (judged && !categories.includes(CATEGORY_MOVEON)) add("category.moveon-missing", "cmi5 §9.6.2.2", "moveon category missing");
  if (!judged && categories.includes(CATEGORY_MOVEON))
    add("category.moveon-forbidden", "cmi5 §9.6.2.2", "moveon category on a statement without success/completion");
  for (const name of ["category", "grouping", "parent", "other"] as const) {
    const list = (context?.contextActivities as Record<string, unknown> | undefined)?.[name];
    if (list !== undefined && !Array.isArray(list)) add("context.list-not-array", "docs/rules/lms.md §5", `contextActivities.${name} is not an array`);
  }

  // Object (cmi5 §9.4): defined statements are about the launch activity.
  const object = statement.object as Activity | undefined;
  if (defined && (object?.id !== session.activityId || (object.objectType ?? "Activity") !== "Activity")) {
    add("object.id", "cmi5 §9.4", "defined statement whose object is not the launch activityId");
  }

  if (defined) checkDefinedResult(statement, verb, session, add);
  checkProgress(statement, verb, history, session, add);
  checkOrder(statement, verb, session, history, add);
  return out;
}

type Add = (rule: string, cite: string, message: string) => void;

function checkDefinedResult(statement: Statement, verb: string, session: Cmi5SessionInfo, add: Add): void {
  const result = statement.result;
  const score = result?.score;
  const judgement = verb === VERB.passed || verb === VERB.failed;
  if (score !== undefined && !judgement) add("result.score-forbidden", "cmi5 §9.5.1", "score only on Passed/Failed");
  if (score !== undefined) {
    if (score.raw !== undefined) {
      if (!Number.isInteger(score.raw)) add("result.score.raw-integer", "cmi5 §9.5.1", "raw must be an integer");
      if (score.min === undefined || score.max === undefined) add("result.score.min-max", "cmi5 §9.5.1", "raw needs min and max");
      else if (score.raw < score.min || score.raw > score.max) add("result.score.raw-range", "cmi5 §9.5.1", "raw outside [min,max]");
    }
  }
  const expectSuccess = verb === VERB.passed ? true : verb === VERB.failed ? false : undefined;
  if (result?.success !== expectSuccess) add("result.success", "cmi5 §9.5.2", `success must be ${String(expectSuccess)} on ${verb}`);
  const expectCompletion = verb === VERB.completed ? true : undefined;
  if (result?.completion !== expectCompletion) add("result.completion", "cmi5 §9.5.3", `completion must be ${String(expectCompletion)} on ${verb}`);
  const needsDuration = verb !== VERB.initialized;
  if (needsDuration && (typeof result?.duration !== "string" || parseIsoDuration(result.duration) === null)) {
    add("result.duration", "cmi5 §9.5.4.1", "duration (ISO 8601) required on Completed, Passed, Failed, Terminated");
  }
  const ext = statement.context?.extensions?.[EXT_MASTERY_SCORE];
  if (judgement && session.masteryScore !== null && ext !== session.masteryScore) {
    add("context.masteryscore", "cmi5 §9.6.3.2", "Passed/Failed must carry the launch masteryScore extension");
  }
  if (!judgement && ext !== undefined) add("context.masteryscore-forbidden", "cmi5 §9.6.3.2", "masteryscore extension only on Passed/Failed");
}

function checkProgress(statement: Statement, verb: string, history: readonly Statement[], session: Cmi5SessionInfo, add: Add): void {
  const progress = statement.result?.extensions?.[EXT_PROGRESS];
  if (progress === undefined) return;
  if (typeof progress !== "number" || !Number.isInteger(progress) || progress < 0 || progress > 100) {
    add("result.progress-range", "cmi5 §9.5.5.1", "progress must be an integer 0..100");
  }
  if (verb === VERB.completed) add("result.progress-on-completed", "cmi5 §9.5.5.1", "no progress on Completed");
  const at = time(statement);
  const completed = history.find((s) => s.verb.id === VERB.completed && ofTheAu(s, session));
  if (completed && time(completed) <= at) add("result.progress-after-completed", "cmi5 §9.5.5.1", "progress after Completed");
}

/**
 * The sequence rules (runtime/lms/cmi5/sequence-rules.ts, the same ones the AU checks before sending),
 * named by their cmi5 requirement id, plus Terminated's duration against its Initialized.
 */
function checkOrder(statement: Statement, verb: string, session: Cmi5SessionInfo, history: readonly Statement[], add: Add): void {
  const at = time(statement);
  const inSession = history.filter((s) => sessionIdOf(s) === session.sessionId);
  const inRegistration = history.filter((s) => ofTheAu(s, session));
  const start: SequenceSoFar = { ...EMPTY_SEQUENCE, launchMode: session.launchMode, masteryScore: session.masteryScore };
  const ofSession = inSession.map(sequenceStatementOf).reduce(afterStatement, start);
  const ofRegistration = inRegistration.map(sequenceStatementOf).reduce(afterStatement, start);
  const soFar: SequenceSoFar = { ...ofSession, completedAt: ofRegistration.completedAt, passedAt: ofRegistration.passedAt };
  const facts = sequenceStatementOf(statement);
  checkSequence(facts, soFar).forEach((id, index, all) => {
    const [cite, words] = SEQUENCE_TEXTS[id]!;
    add(id, cite, words(facts, soFar, all.indexOf(id) !== index));
  });
  const initialized = inSession.find((s) => s.verb.id === VERB.initialized);
  if (verb === VERB.terminated && initialized && typeof statement.result?.duration === "string") {
    const declared = parseIsoDuration(statement.result.duration) ?? -1;
    const actual = at - time(initialized);
    if (Math.abs(declared - actual) > DURATION_SLACK_MS) {
      add("result.duration-terminated", "cmi5 §9.5.4.1", `Terminated duration ${statement.result.duration} is not the time since Initialized (${actual} ms)`);
    }
  }
}

/**
 * The words for each sequence rule the AU names by its requirement id only (the runtime ships no
 * prose): [section, message of (statement, what came before, whether the id already came up)].
 * 9.3.0.0-5 can come twice for a Terminated: after a Terminated, then not the last.
 */
const SEQUENCE_TEXTS: Record<string, [string, (s: SequenceStatement, soFar: SequenceSoFar, again: boolean) => string]> = {
  "9.3.0.0-4": [
    "cmi5 §9.3.2",
    (s) => (s.verb === VERB.initialized ? "Initialized is not the first statement of the session" : `${verbName(s)} before Initialized in its session`),
  ],
  "9.3.0.0-5": [
    "cmi5 §9.3.8",
    (s, soFar, again) =>
      !again && soFar.terminatedAt !== null && soFar.terminatedAt <= s.at
        ? `${verbName(s)} after Terminated`
        : "Terminated is not the last statement of the session",
  ],
  "9.3.0.0-2": ["cmi5 §9.3", (s) => `${verbName(s)} twice in one session`],
  "9.3.0.0-3": ["cmi5 §9.3", () => "more than one of Passed/Failed in one session"],
  "9.3.0.0-6": ["cmi5 §9.3", () => "second Completed in the registration"],
  "9.3.0.0-7": ["cmi5 §9.3", () => "second Passed in the registration"],
  "9.3.0.0-8": ["cmi5 §9.3", () => "Failed after a Passed in the registration"],
  "10.2.2.0-9": ["cmi5 §10", (_, soFar) => `${soFar.launchMode} launch: only Initialized and Terminated may be sent`],
  "10.2.2.0-11": ["cmi5 §10", (_, soFar) => `${soFar.launchMode} launch: only Initialized and Terminated may be sent`],
  "9.3.4.0-2": ["cmi5 §9.3.4", () => "Passed with a scaled score below masteryScore"],
  "9.3.5.0-2": ["cmi5 §9.3.5", () => "Failed with a scaled score at or above masteryScore"],
};

/**
 * A statement about the session's AU in its registration: the registration-wide rules (one Completed,
 * one Passed, no Failed after Passed, no progress after Completed) are per AU — a course's other AUs
 * share the registration (cmi5 §5.1.1, §9.3).
 */
function ofTheAu(statement: Statement, session: Cmi5SessionInfo): boolean {
  return statement.context?.registration === session.registration && (statement.object as Activity | undefined)?.id === session.activityId;
}

function verbName(statement: SequenceStatement): string {
  return statement.verb.split("/").pop() ?? statement.verb;
}

function checkTemplateKept(context: Context | undefined, template: Context, add: Add): void {
  for (const [key, value] of Object.entries(template.extensions ?? {})) {
    if (JSON.stringify(context?.extensions?.[key]) !== JSON.stringify(value)) {
      add("context.template-extension", "cmi5 §10", `context template extension ${key} missing or changed`);
    }
  }
  const templateLists = (template.contextActivities ?? {}) as Record<string, Activity | Activity[] | undefined>;
  const lists = (context?.contextActivities ?? {}) as Record<string, Activity | Activity[] | undefined>;
  for (const [name, entry] of Object.entries(templateLists)) {
    const expected = ids(entry);
    const actual = ids(lists[name]);
    if (expected.some((id, index) => actual[index] !== id)) {
      add("context.template-activities", "cmi5 §10", `contextActivities.${name} does not start with the template entries`);
    }
  }
}

function ids(list: Activity | Activity[] | undefined): string[] {
  if (list === undefined) return [];
  return (Array.isArray(list) ? list : [list]).map((a) => a.id);
}

function time(statement: Statement): number {
  return Date.parse(statement.timestamp ?? "");
}
