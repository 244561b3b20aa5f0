// The cmi5 launch parameters as the page's early script reads them (runtime/early-launch.ts): the
// driver's checks (launch-params.ts, cmi5 §8.1) without their messages, so that the early script stays
// small. Never laxer than the driver: where it refuses a launch nothing may be sent.
import { isUuid } from "../xapi/uuid";

/**
 * The launch parameters, when the driver would accept them (lms/cmi5/launch-params.ts, cmi5 §8.1; this
 * check is never laxer: test/lms-cmi5/early-launch.test.ts), else a throw (of no
 * message: the driver gives the messages).
 */
export function earlyLaunchParams(href: string) {
  const query = new URL(href).searchParams;
  const get = (name: string): string => query.get(name) || fail();
  const http = (name: string): string => (/^https?:$/.test(new URL(get(name)).protocol) ? get(name) : fail());
  const actor = JSON.parse(get("actor")) as { account?: { homePage?: unknown; name?: unknown } } | null;
  const account = actor?.account;
  if (Array.isArray(actor) || typeof account?.homePage !== "string" || typeof account.name !== "string") fail();
  const registration = get("registration");
  const activityId = get("activityId");
  if (!isUuid(registration) || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(activityId)) fail();
  return { endpoint: http("endpoint"), fetchUrl: http("fetch"), actor, registration, activityId };
}

function fail(): never {
  throw 0;
}
