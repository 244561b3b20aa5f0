// What the Outbox carries: statements (id assigned at creation) and writes of our State document,
// in one ordered queue so "save resume state BEFORE Terminated" holds by construction.
import type { AuStateDocument } from "./au-state";
import type { Cmi5Statement } from "./statements";

/** outcome: Completed/Passed/Failed (decides DeliveryStatus.outcomeDelivered). */
export type StatementRole = "initialized" | "outcome" | "interaction" | "progress" | "terminated";

export type OutboxItem =
  { kind: "statement"; id: string; role: StatementRole; statement: Cmi5Statement } | { kind: "state"; id: string; document: AuStateDocument };
