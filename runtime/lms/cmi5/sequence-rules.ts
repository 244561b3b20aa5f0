// The cmi5 sequence rules (cmi5 §9.3, §10 launchMode), pure: may this statement follow what its
// session and registration already hold? Checked where the AU sends (an illegal statement never
// leaves the page) and by the local LMS (authoring/lrs/cmi5-rules.ts). Each rule is named by its id
// in ADL's published cmi5 requirement list (the ids ADL's test suite reports, e.g. "9.3.0.0-4").
import { AU_DEFINED_VERBS, VERB } from "./statement-vocabulary";
import type { Cmi5LaunchMode } from "./launch-vocabulary";

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

/**
 * Every sequence rule `statement` breaks, by its requirement id (empty: it may be sent). The id is
 * the message: the local LMS words it (authoring/lrs/cmi5-rules.ts), the AU logs it as it is.
 */
export function checkSequence(statement: SequenceStatement, soFar: SequenceSoFar): string[] {
  const out: string[] = [];
  const { verb, at } = statement;
  const { initializedAt, terminatedAt, firstAt, lastAt, definedVerbs, completedAt, passedAt, launchMode, masteryScore } = soFar;

  // Initialized first, Terminated last, of any kind (cmi5 §9.3.2, §9.3.8).
  if (verb === VERB.initialized ? firstAt !== null && firstAt <= at : initializedAt === null || initializedAt >= at) out.push("9.3.0.0-4");
  if (terminatedAt !== null && terminatedAt <= at) out.push("9.3.0.0-5");
  if (verb === VERB.terminated && lastAt !== null && lastAt >= at) out.push("9.3.0.0-5");
  if (!isDefinedVerb(verb)) return out;

  // In a session: no defined verb twice, at most one of Passed/Failed (cmi5 §9.3).
  if (definedVerbs.includes(verb)) out.push("9.3.0.0-2");
  if (JUDGEMENTS.includes(verb) && definedVerbs.some((v) => JUDGEMENTS.includes(v))) out.push("9.3.0.0-3");
  // In a registration: one Completed, one Passed, no Failed after a Passed (cmi5 §9.3).
  if (verb === VERB.completed && completedAt !== null) out.push("9.3.0.0-6");
  if (verb === VERB.passed && passedAt !== null) out.push("9.3.0.0-7");
  if (verb === VERB.failed && passedAt !== null && passedAt <= at) out.push("9.3.0.0-8");

  // Browse/Review: only Initialized and Terminated among defined statements (cmi5 §10 launchMode).
  if (launchMode !== "Normal" && verb !== VERB.initialized && verb !== VERB.terminated) out.push(launchMode === "Browse" ? "10.2.2.0-9" : "10.2.2.0-11");
  // A scaled score on Passed/Failed agrees with the masteryScore (cmi5 §9.3.4, §9.3.5).
  const { scaled } = statement;
  if (scaled !== undefined && masteryScore !== null) {
    if (verb === VERB.passed && scaled < masteryScore) out.push("9.3.4.0-2");
    if (verb === VERB.failed && scaled >= masteryScore) out.push("9.3.5.0-2");
  }
  return out;
}

/** May a statement with `verb`, timed after everything so far, go out (no rule broken)? */
export function mayFollow(verb: string, soFar: SequenceSoFar): boolean {
  return checkSequence({ verb, at: Infinity }, soFar).length === 0;
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
