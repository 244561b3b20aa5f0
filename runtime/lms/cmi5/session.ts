// The one writer of the cmi5 session record, as the launch needs it: the launch reads, and the writes
// held until the write path arrives. Its write-path side is `Cmi5OpenSession` (open-session.ts, in
// the write path's chunk), which takes the record over; both ask session-machine.ts for transitions
// instead of writing fields and keep the record saved in sessionStorage.
import type { HeldWrite } from "./held-write";
import * as machine from "./session-phase";
import type { Cmi5SessionRecord, Cmi5SessionStore } from "./session-store";

export class Cmi5Session {
  protected record_: Cmi5SessionRecord;
  readonly store: Cmi5SessionStore;

  constructor(record: Cmi5SessionRecord, store: Cmi5SessionStore) {
    this.record_ = record;
    this.store = store;
  }

  /** The record as it stands; read-only (change it through the transitions below). */
  get record(): Readonly<Cmi5SessionRecord> {
    return this.record_;
  }

  get phase(): machine.SessionPhase {
    return machine.phaseOf(this.record_);
  }

  /** Saves the record as it stands (a new session with its token, before anything else happens). */
  save(): void {
    this.store.save(this.record_);
  }

  launched(reads: machine.LaunchReads): machine.SessionError | null {
    return this.apply_(machine.launched(this.record_, reads));
  }

  /** Keeps a write asked for before the write path arrived (saved at once: a reload replays it). */
  hold(write: HeldWrite): machine.SessionError | null {
    return this.apply_(machine.writeHeld(this.record_, write));
  }

  protected apply_(transition: machine.Transition, save = true): machine.SessionError | null {
    if (!transition.ok) return transition.error;
    this.record_ = transition.record;
    if (save) this.store.save(this.record_);
    return null;
  }
}
