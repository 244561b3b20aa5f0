// The one read of a Tin Can launch: our State document (GET, retried on transient faults with
// LAUNCH_BACKOFF, lms/backoff.ts). 404 is a first launch; 401/403 and other refusals stop the launch.
import { backoffMs, isTransient, LAUNCH_BACKOFF } from "../backoff";
import { LaunchError } from "../launch-error";
import type { XapiAnswer } from "../xapi/client";
import { parseTincanState, type TincanStateDocument } from "./state-document";

export interface StateRead {
  /** null: no document yet (404): the first session of this attempt. */
  document: TincanStateDocument | null;
  warnings: string[];
}

export async function readTincanState(get: () => Promise<XapiAnswer>, retries: number, sleep: (ms: number) => Promise<void>): Promise<StateRead> {
  let answer = await get();
  for (let attempt = 1; attempt <= retries && isTransient(answer.status); attempt++) {
    await sleep(backoffMs(LAUNCH_BACKOFF, attempt));
    answer = await get();
  }
  if (answer.status === 404) return { document: null, warnings: [] };
  const what = answer.failure ?? `HTTP ${answer.status}`;
  // Messages of the existing launch reasons (runtime/i18n): "refused to let this course connect", "could not reach the LMS".
  if (answer.status === 401 || answer.status === 403)
    throw new LaunchError("cmi5-fetch-security", `the LRS refused the launch credentials reading the saved state (${what})`);
  if (!answer.ok) throw new LaunchError("cmi5-fetch-failed", `the saved course state could not be read (${what})`);
  const parsed = parseTincanState(answer.body);
  return { document: parsed.document, warnings: parsed.warning === null ? [] : [parsed.warning] };
}
