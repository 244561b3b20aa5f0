// The requests of the cmi5 launch handshake, written once for both senders: the launch sequence
// (launch-sequence.ts, in the driver) and the early start of the page (early-launch.ts), so that the
// early script sends exactly what the driver would have sent, and reads the token the same way.
import { LaunchError } from "../launch-error";
import { parseJson, type StateParams, type XapiAnswer, type XapiClient } from "../xapi/client";
import type { Cmi5LaunchParams } from "./launch-params";
import { AU_STATE_ID, LAUNCH_DATA_STATE_ID, LEARNER_PREFERENCES_PROFILE_ID } from "./launch-vocabulary";

/** What the fetch URL answered: its status and body, or no answer at all (network error, timeout). */
export type FetchAnswer = { status: number; text: string } | { failure: string };

/** cmi5 §8.2: the fetch URL is POSTed (never GET), without cookies. */
export function fetchPostInit(signal: AbortSignal): RequestInit {
  return { method: "POST", signal, credentials: "omit" };
}

/**
 * The token in an HTTP answer of the fetch URL. cmi5 §8.2: errors come back as HTTP 200 with an
 * error-code in the body (1 used or expired, 2 security, other: application); a non-200 status or
 * a missing auth-token is a failed fetch. Throws the LaunchError the learner is shown.
 */
export function tokenOf(answer: { status: number; text: string }): string {
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

/** The answer's JSON object fields ({} when the body is not a JSON object). */
export function fieldsOf(text: string): Record<string, unknown> {
  const body = parseJson(text);
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
}

/** The three launch reads, in this order: LMS.LaunchData (cmi5 §10), learner preferences (§11), our State document. */
export function launchReads(client: XapiClient, params: Cmi5LaunchParams): [() => Promise<XapiAnswer>, () => Promise<XapiAnswer>, () => Promise<XapiAnswer>] {
  const state = (stateId: string) => stateParams(params, stateId);
  return [
    () => client.getState(state(LAUNCH_DATA_STATE_ID)),
    () => client.getAgentProfile(params.actor, LEARNER_PREFERENCES_PROFILE_ID),
    () => client.getState(state(AU_STATE_ID)),
  ];
}

/** The State API parameters of a document of this launch (cmi5 §10 LMS.LaunchData, our State document). */
export function stateParams(params: Cmi5LaunchParams, stateId: string): StateParams {
  return { activityId: params.activityId, agent: params.actor, registration: params.registration, stateId };
}
