// What an LRS answer means for an outbox item (reporting.md "Delivery", cmi5-au.md §6).
import type { XapiAnswer } from "../xapi/client";

/** retry: try the same again later; auth-lost: keep everything, tell the learner; refused: set aside. */
export type Verdict = "retry" | "auth-lost" | "refused";

/**
 * - Network error, timeout, 408, 429, 5xx → retry (with backoff).
 * - 401 → auth-lost.
 * - 403 is ambiguous: cmi5-au.md §6 says conformant LMSs answer a rule-breaking statement with 403,
 *   and a closed or expired session is refused with 403 too. We ask the LMS which one it is with a
 *   read-only probe using the same credentials (GET LMS.LaunchData, which every live session may
 *   read): probe refused (401/403) → the session/token is gone → auth-lost (kept, retried);
 *   probe accepted → the LMS refused THIS statement → refused (a bug in the AU, logged loudly);
 *   probe without an answer → retry.
 * - Any other 4xx (400 malformed, 413 too large, …) → refused: re-sending cannot fix it.
 */
export async function classifyAnswer(
  answer: XapiAnswer,
  probe: () => Promise<XapiAnswer>,
): Promise<{ verdict: Verdict; detail: string | null }> {
  const status = answer.status;
  if (isTransient(answer)) return { verdict: "retry", detail: answer.failure ?? `HTTP ${status}` };
  if (status === 401) return { verdict: "auth-lost", detail: "HTTP 401" };
  if (status !== 403) return { verdict: "refused", detail: null };
  const check = await probe();
  if (check.ok) return { verdict: "refused", detail: null };
  if (check.status === 401 || check.status === 403) {
    return { verdict: "auth-lost", detail: "HTTP 403 (session closed or credentials revoked)" };
  }
  return { verdict: "retry", detail: check.failure ?? `HTTP ${check.status} on probe` };
}

export function isTransient(answer: XapiAnswer): boolean {
  const status = answer.status;
  return status === 0 || status === 408 || status === 429 || status >= 500;
}
