// Loads the cmi5 driver's write path (write-path.ts, a chunk of its own) with import(): one try at a
// time; a failed try is logged, said in the status (`error`) and tried again after the Outbox's backoff
// (lms/backoff.ts), while the driver keeps the writes held (docs/rules/lms.md §5).
import { backoffMs, withJitter, type Backoff } from "../backoff";
import type { Logger } from "../ports";

export type WritePathCode = typeof import("./write-path");

export class WritePathLoader {
  /** Why the last try failed ("" when it did not). */
  error = "";
  private failures_ = 0;
  private readonly waiters_: (() => void)[] = [];
  private readonly load_: () => Promise<WritePathCode>;
  private readonly logger_: Logger;
  private readonly onFailure_: () => void;

  constructor(load: () => Promise<WritePathCode>, logger: Logger, onFailure: () => void) {
    this.load_ = load;
    this.logger_ = logger;
    this.onFailure_ = onFailure;
  }

  /** One try; null (logged, `error` set, onFailure called) when the code did not load. */
  async once(): Promise<WritePathCode | null> {
    try {
      const code = await this.load_();
      this.error = "";
      return code;
    } catch (error) {
      this.failures_ += 1;
      this.error = String(error);
      this.logger_.error(`the cmi5 reporting code did not load (try ${this.failures_}): ${this.error}; writes are kept and it is tried again`);
      for (const wake of this.waiters_.splice(0)) wake();
      this.onFailure_();
      return null;
    }
  }

  /** The wait before the next try, after the failures so far. */
  nextWaitMs(backoff: Backoff, random: () => number): number {
    return withJitter(backoffMs(backoff, this.failures_), random);
  }

  /** Resolves null at the next failed try. */
  nextFailure(): Promise<null> {
    return new Promise((resolve) => this.waiters_.push(() => resolve(null)));
  }
}
