// The first script of a cmi5 package's page (dist/runtime/passmark-launch.js: classic, `async`, first in
// <head>, nothing imported at run time; build.mjs): begins the cmi5 handshake — the fetch POST (cmi5
// §8.2), then LMS.LaunchData ‖ learner preferences ‖ our State document (docs/rules/lms.md §5) —
// while the module bundle is still being fetched. It only makes each request's first try, exactly as
// the driver would make it (runtime/lms/xapi/client.ts), and leaves the answers in
// window.passmarkLaunch; the driver takes them over (runtime/lms/cmi5/early-handover.ts), so each
// request is sent once and every rule — retries, timeouts, error codes, what boot shows — stays the
// driver's. It sends nothing where the driver's first request would not be the fetch POST: launch
// parameters the driver refuses (nothing is sent then), or a session of this registration already
// stored in this tab (a reload: the driver decides, runtime/lms/cmi5/driver.ts).
import { earlyLaunchParams } from "./lms/cmi5/early-params";
import { AU_STATE_ID, LAUNCH_DATA_STATE_ID, LEARNER_PREFERENCES_PROFILE_ID } from "./lms/cmi5/launch-vocabulary";
import { requestKey, type EarlyRequests } from "./lms/cmi5/early-requests";
import { SESSION_KEY_PREFIX } from "./lms/cmi5/session-store";
import { XAPI_VERSION } from "./lms/xapi/types";

try {
  const params = earlyLaunchParams(location.href); // throws where the driver sends nothing
  if (!window.passmarkLaunch && sessionStorage.getItem(SESSION_KEY_PREFIX + params.registration) === null) {
    const sent: EarlyRequests = (window.passmarkLaunch = {});
    const send = (url: string, init: RequestInit, then?: (response: Response) => Promise<Response>): void => {
      const controller = new AbortController();
      const response = fetch(url, { ...init, signal: controller.signal, credentials: "omit" });
      const answer = then ? response.then(then) : response;
      answer.catch(() => undefined); // the driver's to see
      sent[requestKey(init.method, url, (init.headers as Record<string, string> | undefined)?.Authorization)] = [answer, controller];
    };
    send(params.fetchUrl, { method: "POST" }, async (response) => {
      const text = await response.text().catch(() => ""); // as the driver reads it (launch-sequence.ts)
      let token: unknown;
      try {
        token = response.status === 200 && (JSON.parse(text) as Record<string, unknown>)["auth-token"];
      } catch {
        // the driver reads the same text and says what is wrong with it
      }
      if (typeof token === "string" && token !== "") {
        const base = params.endpoint.endsWith("/") ? params.endpoint : `${params.endpoint}/`;
        const agent = JSON.stringify(params.actor);
        const headers = { Authorization: `Basic ${token}`, "X-Experience-API-Version": XAPI_VERSION };
        // The query in the order XapiClient sets it (getState: stateId, activityId, agent, registration).
        const read = (resource: string, query: Record<string, string>): void => {
          const url = new URL(resource, base);
          for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
          send(url.toString(), { method: "GET", headers, cache: "no-store" });
        };
        const state = (stateId: string) => read("activities/state", { stateId, activityId: params.activityId, agent, registration: params.registration });
        state(LAUNCH_DATA_STATE_ID);
        read("agents/profile", { agent, profileId: LEARNER_PREFERENCES_PROFILE_ID });
        state(AU_STATE_ID);
      }
      // Registered before the driver sees the answer, so its reads find them.
      return new Response([101, 204, 205, 304].includes(response.status) ? null : text, { status: response.status, statusText: response.statusText });
    });
  }
} catch {
  // not a cmi5 launch the driver would begin with the fetch POST
}
