// The cmi5 sequence rules (cmi5 §9.3, §10 launchMode), pure: may this statement follow what its
// session and registration already hold? Checked where the AU sends (an illegal statement never
// leaves the page) and by the local LMS (authoring/lrs/cmi5-rules.ts). Each rule is named by its id
// in ADL's published cmi5 requirement list (the ids ADL's test suite reports, e.g. "9.3.0.0-4").
import { AU_DEFINED_VERBS, VERB, type Cmi5LaunchMode } from "./vocabulary";

/** What the rules need to know of the statements already accepted. Times are epoch ms. */
export interface SequenceSoFar {
  launchMode: Cmi5LaunchMode;
  /** LaunchData masteryScore (0..1), null when none. */
  masteryScore: number | null;
  /** This session: its Initialized, its Terminated, its earliest and latest statement of any kind (null: none). */
  initializedAt: number | null;
  terminatedAt: number | null;
  firstAt: number | null;
  lastAt: number | null;
  /** cmi5 defined verbs (ids) already used in this session. */
  definedVerbs: readonly string[];
  /** This registration, across sessions: the earliest Completed and Passed (null: none yet). */
  completedAt: number | null;
  passedAt: number | null;
}

/** The facts of the statement to check. */
export interface SequenceStatement {
  verb: string;
  /** Its timestamp (epoch ms); NaN when unreadable (then no order rule can apply). */
  at: number;
  /** result.score.scaled, when given. */
  scaled?: number;
}

/** The part of an xAPI statement the rules read. */
export interface StatementLike {
  verb?: { id?: string };
  timestamp?: string;
  result?: { score?: { scaled?: number } };
}

export interface SequenceViolation {
  /** The cmi5 requirement id in ADL's list (@cmi5/requirements), e.g. "9.3.0.0-4". */
  id: string;
  /** The section of the cmi5 specification. */
  section: string;
  message: string;
}

export const EMPTY_SEQUENCE: Omit<SequenceSoFar, "launchMode" | "masteryScore"> = {
  initializedAt: null,
  terminatedAt: null,
  firstAt: null,
  lastAt: null,
  definedVerbs: [],
  completedAt: null,
  passedAt: null,
};

const JUDGEMENTS: readonly string[] = [VERB.passed, VERB.failed];

/** cmi5 defined verbs (cmi5 §9.3): the per-session and per-registration rules apply to these. */
export function isDefinedVerb(verb: string): boolean {
  return AU_DEFINED_VERBS.includes(verb);
}

export function sequenceStatementOf(statement: StatementLike): SequenceStatement {
  const scaled = statement.result?.score?.scaled;
  return { verb: statement.verb?.id ?? "", at: Date.parse(statement.timestamp ?? ""), ...(scaled !== undefined ? { scaled } : {}) };
}

/** Every sequence rule `statement` breaks, given what came before it (empty: it may be sent). */
export function checkSequence(statement: SequenceStatement, soFar: SequenceSoFar): SequenceViolation[] {
  const out: SequenceViolation[] = [];
  const add = (id: string, section: string, message: string) => out.push({ id, section, message });
  const { verb, at } = statement;
  const name = verb.split("/").pop() ?? verb;

  // Initialized first, Terminated last, of any kind (cmi5 §9.3.2, §9.3.8).
  if (verb === VERB.initialized) {
    if (soFar.firstAt !== null && soFar.firstAt <= at) add("9.3.0.0-4", "cmi5 §9.3.2", "Initialized is not the first statement of the session");
  } else if (soFar.initializedAt === null || soFar.initializedAt >= at) {
    add("9.3.0.0-4", "cmi5 §9.3.2", `${name} before Initialized in its session`);
  }
  if (soFar.terminatedAt !== null && soFar.terminatedAt <= at) add("9.3.0.0-5", "cmi5 §9.3.8", `${name} after Terminated`);
  if (verb === VERB.terminated && soFar.lastAt !== null && soFar.lastAt >= at) add("9.3.0.0-5", "cmi5 §9.3.8", "Terminated is not the last statement of the session");
  if (!isDefinedVerb(verb)) return out;

  // In a session: no defined verb twice, at most one of Passed/Failed (cmi5 §9.3).
  if (soFar.definedVerbs.includes(verb)) add("9.3.0.0-2", "cmi5 §9.3", `${name} twice in one session`);
  if (JUDGEMENTS.includes(verb) && soFar.definedVerbs.some((v) => JUDGEMENTS.includes(v))) {
    add("9.3.0.0-3", "cmi5 §9.3", "more than one of Passed/Failed in one session");
  }
  // In a registration: one Completed, one Passed, no Failed after a Passed (cmi5 §9.3).
  if (verb === VERB.completed && soFar.completedAt !== null) add("9.3.0.0-6", "cmi5 §9.3", "second Completed in the registration");
  if (verb === VERB.passed && soFar.passedAt !== null) add("9.3.0.0-7", "cmi5 §9.3", "second Passed in the registration");
  if (verb === VERB.failed && soFar.passedAt !== null && soFar.passedAt <= at) add("9.3.0.0-8", "cmi5 §9.3", "Failed after a Passed in the registration");

  // Browse/Review: only Initialized and Terminated among defined statements (cmi5 §10 launchMode).
  if (soFar.launchMode !== "Normal" && verb !== VERB.initialized && verb !== VERB.terminated) {
    add(soFar.launchMode === "Browse" ? "10.2.2.0-9" : "10.2.2.0-11", "cmi5 §10", `${soFar.launchMode} launch: only Initialized and Terminated may be sent`);
  }
  // A scaled score on Passed/Failed agrees with the masteryScore (cmi5 §9.3.4, §9.3.5).
  const { scaled } = statement;
  if (scaled !== undefined && soFar.masteryScore !== null) {
    if (verb === VERB.passed && scaled < soFar.masteryScore) add("9.3.4.0-2", "cmi5 §9.3.4", "Passed with a scaled score below masteryScore");
    if (verb === VERB.failed && scaled >= soFar.masteryScore) add("9.3.5.0-2", "cmi5 §9.3.5", "Failed with a scaled score at or above masteryScore");
  }
  return out;
}

/** What the session and registration hold once `statement` was accepted (order by timestamp, cmi5 §9.3). */
export function afterStatement(soFar: SequenceSoFar, statement: SequenceStatement): SequenceSoFar {
  const { verb, at } = statement;
  const earliest = (known: number | null) => (known === null || at < known ? at : known);
  const known = !Number.isNaN(at);
  return {
    ...soFar,
    initializedAt: verb === VERB.initialized && soFar.initializedAt === null ? at : soFar.initializedAt,
    terminatedAt: verb === VERB.terminated && soFar.terminatedAt === null ? at : soFar.terminatedAt,
    firstAt: known ? earliest(soFar.firstAt) : soFar.firstAt,
    lastAt: known && (soFar.lastAt === null || at > soFar.lastAt) ? at : soFar.lastAt,
    definedVerbs: isDefinedVerb(verb) && !soFar.definedVerbs.includes(verb) ? [...soFar.definedVerbs, verb] : soFar.definedVerbs,
    completedAt: verb === VERB.completed ? earliest(soFar.completedAt) : soFar.completedAt,
    passedAt: verb === VERB.passed ? earliest(soFar.passedAt) : soFar.passedAt,
  };
}

/** One line for a log: "<verb> not sent: cmi5 9.3.0.0-5 (cmi5 §9.3.8) Progressed after Terminated". */
export function describeViolations(violations: readonly SequenceViolation[]): string {
  return violations.map((v) => `cmi5 ${v.id} (${v.section}): ${v.message}`).join("; ");
}
