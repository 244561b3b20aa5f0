// cmi5-au.md §3 "Fastest correct order": POST fetch → (LaunchData ‖ preferences ‖ our State) → Initialized.
import { LaunchError } from "../launch-error";
import type { FetchLike, XapiAnswer, XapiClient } from "../xapi/client";
import { isTransient } from "./delivery-verdict";
import { parseAuState, type AuStateDocument } from "./au-state";
import { parseLaunchData, parseLearnerPreferences, type Cmi5LaunchData, type LearnerPreferences } from "./launch-data";
import type { Cmi5LaunchParams } from "./launch-params";
import { AU_STATE_ID, LAUNCH_DATA_STATE_ID, LEARNER_PREFERENCES_PROFILE_ID } from "./vocabulary";

/** cmi5 §8.2: POST (never GET); errors come back as HTTP 200 with an error-code in the body. */
export async function fetchAuthToken(fetchUrl: string, fetchImpl: FetchLike, timeoutMs: number): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let text: string;
  let status: number;
  try {
    const response = await fetchImpl(fetchUrl, { method: "POST", signal: controller.signal, credentials: "omit" });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw new LaunchError("cmi5-fetch-failed", `the fetch URL did not answer (${error instanceof Error ? error.name : "error"})`);
  } finally {
    clearTimeout(timer);
  }
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const code = fields["error-code"];
  const errorText = typeof fields["error-text"] === "string" ? fields["error-text"] : "";
  if (code !== undefined) {
    const reason =
      String(code) === "1" ? "cmi5-fetch-used" : String(code) === "2" ? "cmi5-fetch-security" : "cmi5-fetch-application";
    throw new LaunchError(reason, `fetch error-code ${String(code)}: ${errorText}`);
  }
  if (status !== 200) throw new LaunchError("cmi5-fetch-failed", `the fetch URL answered HTTP ${status}`);
  const token = fields["auth-token"];
  if (typeof token !== "string" || token === "") throw new LaunchError("cmi5-fetch-failed", "the fetch answer has no auth-token");
  return token;
}

export interface LaunchDocuments {
  launch: Cmi5LaunchData;
  preferences: LearnerPreferences;
  auState: AuStateDocument;
  warnings: string[];
}

export type Sleep = (ms: number) => Promise<void>;

/** The three reads IN PARALLEL: one round trip. Transient failures are retried a few times. */
export async function readLaunchDocuments(
  client: XapiClient,
  params: Cmi5LaunchParams,
  retries: number,
  sleep: Sleep,
): Promise<LaunchDocuments> {
  const state = (stateId: string) => ({ activityId: params.activityId, agent: params.actor, registration: params.registration, stateId });
  const [launchAnswer, preferencesAnswer, auStateAnswer] = await Promise.all([
    withRetries(() => client.getState(state(LAUNCH_DATA_STATE_ID)), retries, sleep),
    withRetries(() => client.getAgentProfile(params.actor, LEARNER_PREFERENCES_PROFILE_ID), retries, sleep),
    withRetries(() => client.getState(state(AU_STATE_ID)), retries, sleep),
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

async function withRetries(request: () => Promise<XapiAnswer>, retries: number, sleep: Sleep): Promise<XapiAnswer> {
  let answer = await request();
  for (let attempt = 1; attempt <= retries && isTransient(answer); attempt++) {
    await sleep(250 * 2 ** (attempt - 1));
    answer = await request();
  }
  return answer;
}

function describe(answer: XapiAnswer): string {
  return answer.failure ?? `HTTP ${answer.status}`;
}
