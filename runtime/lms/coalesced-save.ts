// One storage write per burst of changes: save() keeps the newest value and writes it once the current
// synchronous work is done (a microtask). A submit changes a driver's session record once per statement
// it queues (20 answers, Completed, Passed…); writing the whole record each time took 150 ms of the
// click's task on a 2-core machine, so the browser sent the statements that much later
// (docs/benchmarks.md, figure 3). A microtask runs before any other task, pagehide included, so nothing
// is less durable than a write at once. Used by lms/cmi5/session-store.ts and lms/tincan/record-store.ts.
export class CoalescedSave<T> {
  private readonly write_: (value: T) => void;
  private pending_: T | null = null;

  constructor(write: (value: T) => void) {
    this.write_ = write;
  }

  save(value: T): void {
    const scheduled = this.pending_ !== null;
    this.pending_ = value;
    if (!scheduled) queueMicrotask(() => this.flush());
  }

  /** Writes the value waiting, if any, now (a reader in the same task must see it). */
  flush(): void {
    const value = this.pending_;
    if (value === null) return;
    this.pending_ = null;
    this.write_(value);
  }
}
