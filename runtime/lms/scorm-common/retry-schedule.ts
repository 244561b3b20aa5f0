// docs/rules/lms.md §4, retry with backoff: after a failed write or commit, try again by itself (not
// only when the learner next does something), waiting longer each time.

/** Run `task` after `ms`; returns a cancel function. Injected so tests control time. */
export type Schedule = (task: () => void, ms: number) => () => void;

export const defaultSchedule: Schedule = (task, ms) => {
  const handle = setTimeout(task, ms);
  return () => clearTimeout(handle);
};

/** 5 s, 10 s, 20 s, 40 s, then every 60 s. */
export function retryDelay(failures: number): number {
  return Math.min(60_000, 5_000 * 2 ** Math.max(0, failures - 1));
}

export class RetrySchedule {
  private readonly schedule_: Schedule;
  private cancel_: (() => void) | null = null;
  private failures_ = 0;

  constructor(schedule: Schedule) {
    this.schedule_ = schedule;
  }

  /** Arm one retry (no-op when one is already waiting). */
  arm(task: () => void): void {
    if (this.cancel_) return;
    this.failures_++;
    this.cancel_ = this.schedule_(() => {
      this.cancel_ = null;
      task();
    }, retryDelay(this.failures_));
  }

  /** Things work again (or the session ended): forget the backoff. */
  reset(): void {
    this.cancel_?.();
    this.cancel_ = null;
    this.failures_ = 0;
  }
}
