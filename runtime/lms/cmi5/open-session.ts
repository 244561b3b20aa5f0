// The cmi5 session record's one writer once the write path has arrived (write-path.ts): it takes the
// record over from the launch's Cmi5Session and lets a statement into the outbox only when the
// sequence rules allow it (cmi5 §9.3, session-machine.ts).
import type { Outcome } from "../../assessment/outcome";
import type { HeldWrite } from "./held-write";
import type { OutboxItem } from "./outbox-item";
import { Cmi5Session } from "./session";
import * as machine from "./session-machine";
import type { SessionError } from "./session-phase";
import type { Cmi5Statement } from "./statements";

export class Cmi5OpenSession extends Cmi5Session {
  /** May a statement with `verb` go out next? The sequence rules decide, here and in admit(). */
  readonly mayGo = (verb: string): boolean => machine.mayGo(this.record_, verb);

  /** Takes the launch session's record over: from here on only this object writes it. */
  static from(launch: Cmi5Session): Cmi5OpenSession {
    return new Cmi5OpenSession({ ...launch.record }, launch.store);
  }

  /** The writes held before the write path arrived, oldest first; the record no longer keeps them (saved). */
  takeHeld(): HeldWrite[] {
    const held = this.record_.held ?? [];
    this.apply_(machine.heldTaken(this.record_));
    return held;
  }

  /**
   * Lets `statement` into the outbox, or refuses it (a sequence rule, or the wrong phase). NOT saved
   * here: the caller enqueues it next, and the outbox's write saves the record with the item (one
   * sessionStorage write: no crash window between "sent" flags and the statement).
   */
  admit(statement: Cmi5Statement): SessionError | null {
    return this.apply_(machine.statementQueued(this.record_, statement), false);
  }

  keepState(resumeState: string, location: string | null): SessionError | null {
    return this.apply_(machine.stateKept(this.record_, resumeState, location));
  }

  noteOutcome(outcome: Outcome): SessionError | null {
    return this.apply_(machine.outcomeNoted(this.record_, outcome));
  }

  unloaded(allHandedToKeepalive: boolean): SessionError | null {
    return this.apply_(machine.unloaded(this.record_, allHandedToKeepalive));
  }

  closedByLms(): void {
    this.apply_(machine.closedByLms(this.record_));
  }

  outboxChanged(items: readonly OutboxItem[], rejected: readonly OutboxItem[]): void {
    this.apply_(machine.outboxChanged(this.record_, items, rejected));
  }
}
