// What an LRS answer means for an outbox item (docs/rules/reporting.md "Delivery", docs/rules/lms.md §5).
import { isTransient } from "../backoff";
import type { XapiAnswer } from "../xapi/client";

/**
 * retry: try the same again later; auth-lost: keep everything, tell the learner; refused: set aside;
 * closed: the LMS ended this session (abandoned it, or it was terminated) — nothing more can be sent.
 */
export type Verdict = "retry" | "auth-lost" | "refused" | "closed";

/**
 * - Network error, timeout, 408, 429, 5xx (isTransient, lms/backoff.ts) → retry (with backoff).
 * - 401 → auth-lost: the credentials are not (or no longer) recognised; a login restored on the LMS
 *   side brings them back, so we keep everything and try again.
 * - 403 is ambiguous: cmi5 §6.3 (and its best practice) has conformant LMSs answer a rule-breaking statement with 403,
 *   and a session the LMS ended (abandoned on a timeout or by an administrator, or terminated) is
 *   refused with 403 too. We ask the LMS which one it is with a read-only probe using the same
 *   credentials (GET LMS.LaunchData, which every live session may read, cmi5 §10):
 *   probe accepted → the LMS refused THIS statement → refused (a bug in the AU, logged loudly);
 *   probe 403 → the LMS knows the credentials and forbids even that read: the session is over →
 *   closed (RFC 9110 §15.5.4: a 403 is not to be repeated with the same credentials, and a cmi5
 *   session never gets others: the fetch URL is single-use, cmi5 §8.2). The Outbox asks for a
 *   second such answer after a pause before it believes it (docs/reporting.md);
 *   probe 401 → auth-lost; probe without an answer → retry.
 * - Any other 4xx (400 malformed, 413 too large, …) → refused: re-sending cannot fix it.
 */
export async function classifyAnswer(answer: XapiAnswer, probe: () => Promise<XapiAnswer>): Promise<{ verdict: Verdict; detail: string | null }> {
  const status = answer.status;
  if (isTransient(status)) return { verdict: "retry", detail: answer.failure ?? `HTTP ${status}` };
  if (status === 401) return { verdict: "auth-lost", detail: "HTTP 401" };
  if (status !== 403) return { verdict: "refused", detail: null };
  const check = await probe();
  if (check.ok) return { verdict: "refused", detail: null };
  if (check.status === 403) return { verdict: "closed", detail: `HTTP 403, and 403 on reading LMS.LaunchData: ${check.text.slice(0, 200)}` };
  if (check.status === 401) return { verdict: "auth-lost", detail: "HTTP 403, then 401 on reading LMS.LaunchData" };
  return { verdict: "retry", detail: check.failure ?? `HTTP ${check.status} on probe` };
}
