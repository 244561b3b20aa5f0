// docs/rules/reporting.md "cmi5": which defined statements an outcome calls for, given what was already sent.
// Pure: the driver owns the memory (State document + sessionStorage) and hands it in.
import type { Outcome } from "../../assessment/outcome";

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

/** Failing = judged not passed with a score; a null score is no judgement (docs/rules/reporting.md). */
export function isFailingWithScore(outcome: Outcome): boolean {
  return (outcome.status === "failed" || outcome.status === "unableToPass") && outcome.score !== null;
}

/** A Failed may still go out in this session (cmi5 §9.3: one of Passed/Failed; no Failed after Passed). */
function failedAllowed(registration: RegistrationRecord, session: SessionJudgement): boolean {
  return !session.failedSent && !session.passedSent && !registration.passedSent;
}

/** Statements to send now for this outcome (Normal launch mode only; Browse/Review send none). */
export function statementsForOutcome(
  outcome: Outcome,
  registration: RegistrationRecord,
  session: SessionJudgement,
): OutcomeStatementKind[] {
  const kinds: OutcomeStatementKind[] = [];
  // docs/rules/reporting.md: Completed when `completed` becomes true, once per registration (cmi5 §9.3).
  if (outcome.completed && !registration.completedSent) kinds.push("completed");
  // docs/rules/reporting.md: Passed at once, once per registration; impossible after a Failed in this session.
  if (outcome.status === "passed" && !registration.passedSent && !session.failedSent) kinds.push("passed");
  // docs/rules/reporting.md: Failed at once only when final (no attempt can still turn it into a Passed).
  if (outcome.final && isFailingWithScore(outcome) && failedAllowed(registration, session)) kinds.push("failed");
  return kinds;
}

/** docs/rules/reporting.md: a non-null failing score not reported in this session → Failed right before Terminated. */
export function failedDueAtSessionEnd(
  latest: Outcome | null,
  registration: RegistrationRecord,
  session: SessionJudgement,
): boolean {
  return latest !== null && isFailingWithScore(latest) && failedAllowed(registration, session);
}

/** cmi5 §9.5.5.1: progress never on or after Completed. */
export function progressAllowed(registration: RegistrationRecord): boolean {
  return !registration.completedSent;
}

/**
 * Whether the latest outcome still has something the LMS has not been TOLD (a deferred Failed).
 * Used for DeliveryStatus.outcomeDelivered: a deferred Failed is not delivered yet.
 */
export function outcomeAwaitsSessionEnd(latest: Outcome | null, registration: RegistrationRecord, session: SessionJudgement): boolean {
  return failedDueAtSessionEnd(latest, registration, session);
}
