// The LMS side of a cmi5 launch (cmi5 §8, §10): a session, its single-use fetch URL and token,
// LMS.LaunchData, and the launch URL with the five query parameters.
import { randomBytes, randomUUID } from "node:crypto";
import type { Agent, Context } from "@xapi/xapi";
import { EXT_SESSION_ID, LAUNCH_DATA_STATE_ID, LEARNER_PREFERENCES_PROFILE_ID } from "../../runtime/lms/cmi5/vocabulary";
import type { Cmi5MoveOn } from "../../runtime/course/types";
import { recordSatisfied, type Cmi5GroupEntry } from "./satisfied";
import { agentProfileKey, stateKey, type LmsSession, type LrsStore } from "./store";

export interface LaunchOptions {
  /** The AU's URL (absolute); the five parameters are added to its query. */
  auUrl: string;
  /** Activity id the LMS gives the AU (cmi5 §8.1: NOT the au id of cmi5.xml, but may derive from it). */
  activityId: string;
  /** The publisher's AU id (cmi5.xml `au id`): the grouping activity of the context template. */
  publisherId?: string;
  actor?: Agent;
  /** Reuse a registration for a second session of the same enrolment. */
  registration?: string;
  launchMode?: "Normal" | "Browse" | "Review";
  moveOn?: Cmi5MoveOn;
  /** 0..1; any value is written as given (tests may want a nonsense one); undefined = none. */
  masteryScore?: unknown;
  returnURL?: string | null;
  launchParameters?: string;
  learnerPreferences?: { languagePreference?: string; audioPreference?: "on" | "off" };
  /** The course structure as the LMS imported it: the LMS records Satisfied for its blocks and itself (satisfied.ts). */
  course?: Cmi5GroupEntry;
}

export interface Cmi5Launch {
  url: string;
  registration: string;
  sessionId: string;
  fetchUrl: string;
  actor: Agent;
  activityId: string;
}

export const DEFAULT_ACTOR: Agent = { objectType: "Agent", name: "Ada Learner", account: { homePage: "https://lms.example.test", name: "ada" } };

export function createLaunch(store: LrsStore, origin: string, options: LaunchOptions): Cmi5Launch {
  const sessionId = randomUUID();
  const registration = options.registration ?? randomUUID();
  const actor = options.actor ?? DEFAULT_ACTOR;
  const fetchKey = randomBytes(16).toString("hex");
  const authToken = Buffer.from(`session-${sessionId}:${randomBytes(18).toString("hex")}`).toString("base64");
  const contextTemplate: Context = {
    contextActivities: { grouping: [{ objectType: "Activity", id: options.publisherId ?? options.activityId }] },
    extensions: { [EXT_SESSION_ID]: sessionId },
  };
  const masteryGiven = options.masteryScore !== undefined && options.masteryScore !== null;
  const masteryNumber = typeof options.masteryScore === "number" ? options.masteryScore : null;
  const session: LmsSession = {
    info: {
      sessionId,
      registration,
      activityId: options.activityId,
      actor,
      contextTemplate,
      launchMode: options.launchMode ?? "Normal",
      masteryScore: masteryNumber !== null && masteryNumber >= 0 && masteryNumber <= 1 ? masteryNumber : null,
    },
    authToken,
    fetchKey,
    fetchUsed: false,
    fetchErrorCode: null,
    revoked: false,
    fetchCount: 0,
    ...(options.course ? { course: options.course } : {}),
  };
  store.data.sessions[sessionId] = session;
  // cmi5 §10: LMS.LaunchData, written by the LMS before the launch.
  const launchData: Record<string, unknown> = {
    contextTemplate,
    launchMode: session.info.launchMode,
    moveOn: options.moveOn ?? "CompletedAndPassed",
  };
  if (masteryGiven) launchData.masteryScore = options.masteryScore;
  if (options.returnURL) launchData.returnURL = options.returnURL;
  if (options.launchParameters !== undefined) launchData.launchParameters = options.launchParameters;
  const now = new Date().toISOString();
  store.data.documents[stateKey(options.activityId, actor, registration, LAUNCH_DATA_STATE_ID)] = {
    contentType: "application/json",
    body: JSON.stringify(launchData),
    updated: now,
  };
  if (options.learnerPreferences) {
    store.data.documents[agentProfileKey(actor, LEARNER_PREFERENCES_PROFILE_ID)] = {
      contentType: "application/json",
      body: JSON.stringify(options.learnerPreferences),
      updated: now,
    };
  }
  store.changed();
  recordSatisfied(store, session, []); // cmi5 §9.6.1: moveOn evaluated at registration (NotApplicable AUs)
  const fetchUrl = `${origin}/cmi5/fetch/${fetchKey}`;
  const url = new URL(options.auUrl);
  url.searchParams.set("endpoint", `${origin}/xapi/`);
  url.searchParams.set("fetch", fetchUrl);
  url.searchParams.set("actor", JSON.stringify(actor));
  url.searchParams.set("registration", registration);
  url.searchParams.set("activityId", options.activityId);
  return { url: url.toString(), registration, sessionId, fetchUrl, actor, activityId: options.activityId };
}

/** cmi5 §8.2: POST only; one token per session; errors as HTTP 200 with an error-code. */
export function answerFetch(session: LmsSession | undefined): Record<string, string> {
  if (!session) return { "error-code": "3", "error-text": "unknown fetch URL" };
  session.fetchCount += 1;
  if (session.fetchErrorCode) return { "error-code": session.fetchErrorCode, "error-text": `configured error ${session.fetchErrorCode}` };
  if (session.fetchUsed) return { "error-code": "1", "error-text": "the fetch URL was already used" };
  session.fetchUsed = true;
  return { "auth-token": session.authToken };
}
