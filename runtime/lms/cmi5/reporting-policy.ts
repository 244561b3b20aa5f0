// docs/rules/reporting.md "cmi5": which defined statements an outcome calls for. Whether each may
// still go out is the sequence rules' one decision (cmi5 §9.3, sequence-rules.ts), handed in.
import type { Outcome } from "../../assessment/outcome";
import { VERB } from "./statement-vocabulary";

/** Kept in our State document, keyed by registration (docs/rules/reporting.md "cmi5": what the registration already received). */
export interface RegistrationRecord {
  completedSent: boolean;
  passedSent: boolean;
}

/** Kept in sessionStorage for this session (cmi5 §9.3: at most one of Passed/Failed per session). */
export interface SessionJudgement {
  passedSent: boolean;
  failedSent: boolean;
}

export type OutcomeStatementKind = "completed" | "passed" | "failed";

/** May a statement with this verb id go out now (the sequence rules, given the session and registration)? */
export type MayGo = (verb: string) => boolean;

/** Failing = judged not passed with a score; a null score is no judgement (docs/rules/reporting.md). */
export function isFailingWithScore(outcome: Outcome): boolean {
  return (outcome.status === "failed" || outcome.status === "unableToPass") && outcome.score !== null;
}

/**
 * Statements to send now for this outcome. docs/rules/reporting.md: Completed when `completed` becomes
 * true, Passed at once, Failed at once only when final (no attempt can still turn it into a Passed);
 * each only while the rules allow it (once per registration, one of Passed/Failed per session, no
 * Failed after a Passed, none in Browse/Review).
 */
export function statementsForOutcome(outcome: Outcome, mayGo: MayGo): OutcomeStatementKind[] {
  const kinds: OutcomeStatementKind[] = [];
  if (outcome.completed && mayGo(VERB.completed)) kinds.push("completed");
  if (outcome.status === "passed" && mayGo(VERB.passed)) kinds.push("passed");
  if (outcome.final && failedDue(outcome, mayGo)) kinds.push("failed");
  return kinds;
}

/**
 * docs/rules/reporting.md: a non-null failing score not reported in this session → Failed right
 * before Terminated. Also DeliveryStatus.outcomeDelivered: a deferred Failed is not delivered yet.
 */
export function failedDue(latest: Outcome | null, mayGo: MayGo): boolean {
  return latest !== null && isFailingWithScore(latest) && mayGo(VERB.failed);
}

/** cmi5 §9.5.5.1: progress never on or after Completed. */
export function progressAllowed(registration: RegistrationRecord): boolean {
  return !registration.completedSent;
}
