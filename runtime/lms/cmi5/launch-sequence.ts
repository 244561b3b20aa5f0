// docs/rules/lms.md §5, start-up order: POST fetch → (LaunchData ‖ preferences ‖ our State) → Initialized.
import type { Timers } from "../ports";
import { LAUNCH_BACKOFF, backoffMs, isTransient } from "../backoff";
import { LaunchError } from "../launch-error";
import { parseJson, type FetchLike, type StateParams, type XapiAnswer, type XapiClient } from "../xapi/client";
import { parseAuState, type AuStateDocument } from "./au-state";
import { parseLaunchData, parseLearnerPreferences, type Cmi5LaunchData, type LearnerPreferences } from "./launch-data";
import type { Cmi5LaunchParams } from "./launch-params";
import { AU_STATE_ID, LAUNCH_DATA_STATE_ID, LEARNER_PREFERENCES_PROFILE_ID } from "./launch-vocabulary";

type FetchAnswer = { status: number; text: string } | { failure: string };

/**
 * cmi5 §8.2: POST (never GET); errors come back as HTTP 200 with an error-code in the body.
 * A network error, timeout, 408, 429 or 5xx is retried (`retries` more tries, with backoff); a 200
 * never is (the token is single-use), nor an error-code or another status (401/403/4xx).
 */
export async function fetchAuthToken(
  fetchUrl: string,
  fetchImpl: FetchLike,
  timeoutMs: number,
  retries: number,
  sleep: Sleep,
  timers: Timers,
): Promise<string> {
  const answer = await withRetries(() => postFetch(fetchUrl, fetchImpl, timeoutMs, timers), transientFetch, retries, sleep);
  if ("failure" in answer) throw new LaunchError("cmi5-fetch-failed", `the fetch URL did not answer (${answer.failure})`);
  const fields = fieldsOf(answer.text);
  const code = fields["error-code"];
  const errorText = typeof fields["error-text"] === "string" ? fields["error-text"] : "";
  if (code !== undefined) {
    const reason = String(code) === "1" ? "cmi5-fetch-used" : String(code) === "2" ? "cmi5-fetch-security" : "cmi5-fetch-application";
    throw new LaunchError(reason, `fetch error-code ${String(code)}: ${errorText}`);
  }
  if (answer.status !== 200) throw new LaunchError("cmi5-fetch-failed", `the fetch URL answered HTTP ${answer.status}`);
  const token = fields["auth-token"];
  if (typeof token !== "string" || token === "") throw new LaunchError("cmi5-fetch-failed", "the fetch answer has no auth-token");
  return token;
}

async function postFetch(fetchUrl: string, fetchImpl: FetchLike, timeoutMs: number, timers: Timers): Promise<FetchAnswer> {
  const controller = new AbortController();
  const timer = timers.setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(fetchUrl, { method: "POST", signal: controller.signal, credentials: "omit" });
    // Once the LMS answered, the answer stands: an unreadable body is not a reason to POST again.
    const text = await response.text().catch(() => "");
    return { status: response.status, text };
  } catch (error) {
    return { failure: error instanceof Error ? error.name : "error" };
  } finally {
    timers.clearTimeout(timer);
  }
}

/** No answer, or a transient status without a cmi5 error-code (an error-code is the LMS's considered answer). */
function transientFetch(answer: FetchAnswer): boolean {
  if ("failure" in answer) return true;
  return isTransient(answer.status) && fieldsOf(answer.text)["error-code"] === undefined;
}

function fieldsOf(text: string): Record<string, unknown> {
  const body = parseJson(text);
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
}

export interface LaunchDocuments {
  launch: Cmi5LaunchData;
  preferences: LearnerPreferences;
  auState: AuStateDocument;
  warnings: string[];
}

export type Sleep = (ms: number) => Promise<void>;

/** The three reads IN PARALLEL: one round trip. Transient failures are retried a few times. */
export async function readLaunchDocuments(client: XapiClient, params: Cmi5LaunchParams, retries: number, sleep: Sleep): Promise<LaunchDocuments> {
  const state = (stateId: string) => stateParams(params, stateId);
  const [launchAnswer, preferencesAnswer, auStateAnswer] = await Promise.all([
    withRetries(() => client.getState(state(LAUNCH_DATA_STATE_ID)), transientRead, retries, sleep),
    withRetries(() => client.getAgentProfile(params.actor, LEARNER_PREFERENCES_PROFILE_ID), transientRead, retries, sleep),
    withRetries(() => client.getState(state(AU_STATE_ID)), transientRead, retries, sleep),
  ]);
  if (!launchAnswer.ok) throw new LaunchError("cmi5-launch-data", `LMS.LaunchData: ${describe(launchAnswer)}`);
  const launch = parseLaunchData(launchAnswer.body);
  const warnings = [...launch.warnings];
  // cmi5 §11: 404 is normal (no preferences); anything else is worth a warning, not a failed launch.
  if (!preferencesAnswer.ok && preferencesAnswer.status !== 404) warnings.push(`learner preferences: ${describe(preferencesAnswer)}`);
  const preferences = parseLearnerPreferences(preferencesAnswer.ok ? preferencesAnswer.body : null);
  // Our State document holds attempts and what was sent: starting without it could give the learner
  // fresh attempts or send a second Passed. 404 = first launch; any other failure stops the launch.
  if (!auStateAnswer.ok && auStateAnswer.status !== 404) {
    throw new LaunchError("cmi5-launch-data", `saved course state: ${describe(auStateAnswer)}`);
  }
  const parsed = parseAuState(auStateAnswer.ok ? auStateAnswer.body : null);
  if (parsed.warning) warnings.push(parsed.warning);
  return { launch, preferences, auState: parsed.document, warnings };
}

/** The State API parameters of a document of this launch (cmi5 §10 LMS.LaunchData, our State document). */
export function stateParams(params: Cmi5LaunchParams, stateId: string): StateParams {
  return { activityId: params.activityId, agent: params.actor, registration: params.registration, stateId };
}

const transientRead = (answer: XapiAnswer): boolean => isTransient(answer.status);

/** Launch retries wait LAUNCH_BACKOFF (lms/backoff.ts): 250 ms, 500 ms, 1 s, then 2 s at most. */
async function withRetries<T>(request: () => Promise<T>, transient: (answer: T) => boolean, retries: number, sleep: Sleep): Promise<T> {
  let answer = await request();
  for (let attempt = 1; attempt <= retries && transient(answer); attempt++) {
    await sleep(backoffMs(LAUNCH_BACKOFF, attempt));
    answer = await request();
  }
  return answer;
}

function describe(answer: XapiAnswer): string {
  return answer.failure ?? `HTTP ${answer.status}`;
}
