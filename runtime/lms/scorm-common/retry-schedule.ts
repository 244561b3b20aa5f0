// docs/rules/lms.md §4, retry with backoff: after a failed write or commit, try again by itself (not
// only when the learner next does something), waiting longer each time (SCORM_BACKOFF, lms/backoff.ts:
// 5 s, 10 s, 20 s, 40 s, then every 60 s).
import { SCORM_BACKOFF, backoffMs } from "../backoff";
import type { Timers } from "../ports";

export class RetrySchedule {
  private readonly timers_: Timers;
  private handle_: unknown = null;
  private armed_ = false;
  private failures_ = 0;

  constructor(timers: Timers) {
    this.timers_ = timers;
  }

  /** Arm one retry (no-op when one is already waiting). */
  arm(task: () => void): void {
    if (this.armed_) return;
    this.failures_++;
    this.armed_ = true;
    this.handle_ = this.timers_.setTimeout(
      () => {
        this.armed_ = false;
        this.handle_ = null;
        task();
      },
      backoffMs(SCORM_BACKOFF, this.failures_),
    );
  }

  /** Things work again (or the session ended): forget the backoff. */
  reset(): void {
    if (this.armed_) this.timers_.clearTimeout(this.handle_);
    this.armed_ = false;
    this.handle_ = null;
    this.failures_ = 0;
  }
}
