// The Tin Can launch parameters (Rustici's "Tin Can launch" document, docs/xapi-target.md): endpoint,
// auth, actor, registration (optional) and activity_id (optional: the package's own id otherwise).
// Malformed → LaunchError("cmi5-parameters": its message, "the link is incomplete or damaged", fits
// every launch link), nothing sent.
import { LaunchError } from "../launch-error";
import type { Agent } from "../xapi/types";
import { isUuid } from "../xapi/uuid";

export interface TincanLaunchParams {
  endpoint: string;
  /** The Basic credentials of `auth`, without the "Basic " scheme (what XapiClient sends back). */
  authToken: string;
  /** One Agent with exactly one identifier (the legacy array form normalised). */
  actor: Agent;
  /** null: the LMS gave none (optional in Tin Can); statements and State then carry none. */
  registration: string | null;
  activityId: string;
}

/** `fallbackActivityId`: the package's own activity id (the course data's id), used when activity_id is absent. */
export function parseTincanLaunchParams(url: string, fallbackActivityId: string): TincanLaunchParams {
  const query = new URL(url).searchParams;
  const missing = ["endpoint", "auth", "actor"].filter((name) => !query.get(name));
  if (missing.length > 0) fail(`missing Tin Can launch parameter(s): ${missing.join(", ")}`);
  const endpoint = query.get("endpoint")!;
  if (!isHttpUrl(endpoint)) fail("`endpoint` is not an absolute http(s) URL");
  const basic = /^\s*basic\s+(\S+)\s*$/i.exec(query.get("auth")!);
  if (!basic) fail('`auth` is not Basic credentials ("Basic <token>")');
  const registration = query.get("registration") || null;
  if (registration !== null && !isUuid(registration)) fail("`registration` is not a UUID");
  const activityId = query.get("activity_id") || fallbackActivityId;
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(activityId)) fail("`activity_id` is not an absolute IRI");
  return { endpoint, authToken: basic[1]!, actor: normaliseActor(query.get("actor")!), registration, activityId };
}

/** The first value of a legacy Tin Can array field (`"name": ["Ada"]`), or the value itself. */
function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function text(value: unknown): string | null {
  const v = first(value);
  return typeof v === "string" && v.trim() !== "" ? v : null;
}

/**
 * xAPI 1.0.3 §2.4.2.1: an Agent has exactly one inverse functional identifier. The legacy Tin Can
 * (0.9) actor lists each field as an array (`mbox: ["mailto:…"]`, `account: [{accountServiceHomePage,
 * accountName}]`); the first value is taken, and when several identifiers are given one is kept
 * (mbox, mbox_sha1sum, openid, account, in that order).
 */
export function normaliseActor(json: string): Agent {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    fail("`actor` is not JSON");
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) fail("`actor` is not a JSON object");
  const a = raw as Record<string, unknown>;
  const agent: Agent = { objectType: "Agent" } as Agent;
  const name = text(a.name);
  if (name !== null) agent.name = name;
  const mbox = text(a.mbox);
  const sha1 = text(a.mbox_sha1sum);
  const openid = text(a.openid);
  const account = first(a.account) as Record<string, unknown> | undefined;
  const homePage = account ? text(account.homePage ?? account.accountServiceHomePage) : null;
  const accountName = account ? text(account.name ?? account.accountName) : null;
  if (mbox !== null) agent.mbox = mbox.startsWith("mailto:") ? mbox : `mailto:${mbox}`;
  else if (sha1 !== null) agent.mbox_sha1sum = sha1;
  else if (openid !== null) agent.openid = openid;
  else if (homePage !== null && accountName !== null) agent.account = { homePage, name: accountName };
  else fail("`actor` has no identifier (mbox, mbox_sha1sum, openid or account with homePage and name)");
  return agent;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function fail(detail: string): never {
  throw new LaunchError("cmi5-parameters", detail);
}
