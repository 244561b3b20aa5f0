// The LMS side of a Tin Can launch (docs/xapi-target.md "Launch parameters"): a session whose Basic
// credentials go in the launch URL itself (`auth`), with `endpoint`, `actor`, `registration` and
// `activity_id`. No fetch URL, no LMS.LaunchData, and none of the cmi5 rules: the local LRS checks
// its statements with the xAPI validator and that they are about the launched actor.
import { randomBytes, randomUUID } from "node:crypto";
import type { Agent } from "@xapi/xapi";
import { DEFAULT_ACTOR } from "./launch";
import type { LmsSession, LrsStore } from "./store";

export interface TincanLaunchOptions {
  /** The package's launch URL (absolute; may carry the unit's query); the parameters are added to it. */
  launchUrl: string;
  /** `activity_id`: the activity the LMS launches (tincan.xml activity id). */
  activityId: string;
  actor?: Agent;
  /** Reuse a registration for a later session of the same attempt; null: launch without one. */
  registration?: string | null;
  /** The endpoint handed to the content (default: this LRS's own /xapi/). */
  endpoint?: string;
}

export interface TincanLaunch {
  url: string;
  registration: string | null;
  sessionId: string;
  /** The `auth` parameter: "Basic <token>". */
  auth: string;
  actor: Agent;
  activityId: string;
}

export function createTincanLaunch(store: LrsStore, origin: string, options: TincanLaunchOptions): TincanLaunch {
  const sessionId = randomUUID();
  const registration = options.registration === undefined ? randomUUID() : options.registration;
  const actor = options.actor ?? DEFAULT_ACTOR;
  const token = Buffer.from(`tincan-${sessionId}:${randomBytes(18).toString("hex")}`).toString("base64");
  const session: LmsSession = {
    kind: "tincan",
    info: {
      sessionId,
      registration: registration ?? "",
      activityId: options.activityId,
      actor,
      contextTemplate: {},
      launchMode: "Normal",
      masteryScore: null,
    },
    authToken: token,
    fetchKey: randomBytes(16).toString("hex"),
    fetchUsed: true, // no fetch URL: the credentials are in the launch URL
    fetchErrorCode: null,
    revoked: false,
    fetchCount: 0,
  };
  store.data.sessions[sessionId] = session;
  store.changed();
  const url = new URL(options.launchUrl);
  url.searchParams.set("endpoint", options.endpoint ?? `${origin}/xapi/`);
  url.searchParams.set("auth", `Basic ${token}`);
  url.searchParams.set("actor", JSON.stringify(actor));
  if (registration !== null) url.searchParams.set("registration", registration);
  url.searchParams.set("activity_id", options.activityId);
  return { url: url.toString(), registration, sessionId, auth: `Basic ${token}`, actor, activityId: options.activityId };
}
