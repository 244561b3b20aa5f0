// The one writer of the cmi5 session record: the driver, the reporter and the outbox ask it for
// transitions (session-machine.ts) instead of writing fields; it keeps the record saved in sessionStorage.
import type { Outcome } from "../../assessment/outcome";
import type { OutboxItem } from "./outbox-item";
import * as machine from "./session-machine";
import type { Cmi5SessionRecord, Cmi5SessionStore } from "./session-store";
import type { Cmi5Statement } from "./statements";

export class Cmi5Session {
  private record_: Cmi5SessionRecord;
  private readonly store_: Cmi5SessionStore;

  constructor(record: Cmi5SessionRecord, store: Cmi5SessionStore) {
    this.record_ = record;
    this.store_ = store;
  }

  /** The record as it stands; read-only (change it through the transitions below). */
  get record(): Readonly<Cmi5SessionRecord> {
    return this.record_;
  }

  get phase(): machine.SessionPhase {
    return machine.phaseOf(this.record_);
  }

  /** May a statement with `verb` go out next? The sequence rules decide, here and in admit(). */
  readonly mayGo = (verb: string): boolean => machine.mayGo(this.record_, verb);

  /** Saves the record as it stands (a new session with its token, before anything else happens). */
  save(): void {
    this.store_.save(this.record_);
  }

  launched(reads: machine.LaunchReads): machine.SessionError | null {
    return this.apply_(machine.launched(this.record_, reads));
  }

  /**
   * Lets `statement` into the outbox, or refuses it (a sequence rule, or the wrong phase). NOT saved
   * here: the caller enqueues it next, and the outbox's write saves the record with the item (one
   * sessionStorage write: no crash window between "sent" flags and the statement).
   */
  admit(statement: Cmi5Statement): machine.SessionError | null {
    return this.apply_(machine.statementQueued(this.record_, statement), false);
  }

  keepState(resumeState: string, location: string | null): machine.SessionError | null {
    return this.apply_(machine.stateKept(this.record_, resumeState, location));
  }

  noteOutcome(outcome: Outcome): machine.SessionError | null {
    return this.apply_(machine.outcomeNoted(this.record_, outcome));
  }

  unloaded(allHandedToKeepalive: boolean): machine.SessionError | null {
    return this.apply_(machine.unloaded(this.record_, allHandedToKeepalive));
  }

  closedByLms(): void {
    this.apply_(machine.closedByLms(this.record_));
  }

  outboxChanged(items: readonly OutboxItem[], rejected: readonly OutboxItem[]): void {
    this.apply_(machine.outboxChanged(this.record_, items, rejected));
  }

  private apply_(transition: machine.Transition, save = true): machine.SessionError | null {
    if (!transition.ok) return transition.error;
    this.record_ = transition.record;
    if (save) this.store_.save(this.record_);
    return null;
  }
}
