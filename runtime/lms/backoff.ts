// One retry rule for every driver (docs/rules/lms.md §4, §5): what is worth trying again
// (`isTransient`) and how long to wait before the next try (`backoffMs`, doubling up to a cap).
// Each caller keeps its own numbers, because each waits for something else:
// - cmi5 launch (lms/cmi5/launch-sequence.ts, fetch POST and the three launch reads): LAUNCH_BACKOFF,
//   250 ms, 500 ms, 1 s, then 2 s — the learner is looking at a loading screen.
// - cmi5 Outbox (lms/cmi5/outbox.ts): OUTBOX_BACKOFF, 1 s doubling to 30 s (the defaults of
//   DEFAULT_CMI5_TIMING retryBaseMs/retryMaxMs, lms/cmi5/driver.ts), each wait jittered (`withJitter`)
//   so reconnecting learners spread out.
// - SCORM (lms/scorm-common/retry-schedule.ts, a failed write or commit): SCORM_BACKOFF, 5 s doubling
//   to 60 s — the API is in the LMS's own window; asking it every second helps no one.

export interface Backoff {
  /** The wait before the first retry. */
  baseMs: number;
  /** No wait is longer. */
  maxMs: number;
}

export const LAUNCH_BACKOFF: Backoff = { baseMs: 250, maxMs: 2_000 };
export const OUTBOX_BACKOFF: Backoff = { baseMs: 1_000, maxMs: 30_000 };
export const SCORM_BACKOFF: Backoff = { baseMs: 5_000, maxMs: 60_000 };

/** The wait before retry number `attempt` (1 = the first retry): base · 2^(attempt − 1), at most max. */
export function backoffMs(backoff: Backoff, attempt: number): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
}

/** Between half and all of `ms` ("equal jitter"); `random` in [0, 1). */
export function withJitter(ms: number, random: () => number): number {
  return ms * (0.5 + random() * 0.5);
}

/**
 * An HTTP answer worth trying again as it is: no answer at all (status 0: network error, timeout),
 * 408 Request Timeout, 429 Too Many Requests or any 5xx. Every other status is the server's
 * considered answer (401/403/4xx, or a 2xx/3xx), and asking again cannot change it.
 */
export function isTransient(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}
