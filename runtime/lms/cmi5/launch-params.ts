// cmi5 §8.1: the five launch parameters. Malformed → LaunchError("cmi5-parameters"), nothing sent.
import { LaunchError } from "../launch-error";
import type { Agent } from "../xapi/types";
import { isUuid } from "../xapi/uuid";

export interface Cmi5LaunchParams {
  endpoint: string;
  fetchUrl: string;
  /** Used exactly as received wherever xAPI asks for an actor or agent (cmi5 §8.1). */
  actor: Agent;
  registration: string;
  activityId: string;
}

export const CMI5_PARAMETER_NAMES = ["endpoint", "fetch", "actor", "registration", "activityId"] as const;

export function parseCmi5LaunchParams(url: string): Cmi5LaunchParams {
  const query = new URL(url).searchParams;
  const missing = CMI5_PARAMETER_NAMES.filter((name) => !query.get(name));
  if (missing.length > 0) fail(`missing launch parameter(s): ${missing.join(", ")}`);
  const endpoint = query.get("endpoint")!;
  const fetchUrl = query.get("fetch")!;
  const registration = query.get("registration")!;
  const activityId = query.get("activityId")!;
  if (!isHttpUrl(endpoint)) fail("`endpoint` is not an absolute http(s) URL");
  if (!isHttpUrl(fetchUrl)) fail("`fetch` is not an absolute http(s) URL");
  if (!isUuid(registration)) fail("`registration` is not a UUID");
  if (!isAbsoluteIri(activityId)) fail("`activityId` is not an absolute IRI");
  return { endpoint, fetchUrl, actor: parseActor(query.get("actor")!), registration, activityId };
}

function parseActor(text: string): Agent {
  let actor: unknown;
  try {
    actor = JSON.parse(text);
  } catch {
    fail("`actor` is not JSON");
  }
  // cmi5 §8.1, §9.2: an Agent identified by an account (homePage + name).
  if (typeof actor !== "object" || actor === null || Array.isArray(actor)) fail("`actor` is not a JSON object");
  const account = (actor as { account?: unknown }).account;
  if (
    typeof account !== "object" ||
    account === null ||
    typeof (account as { homePage?: unknown }).homePage !== "string" ||
    typeof (account as { name?: unknown }).name !== "string"
  ) {
    fail("`actor` has no account with homePage and name");
  }
  return actor as Agent;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function isAbsoluteIri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);
}

function fail(detail: string): never {
  throw new LaunchError("cmi5-parameters", detail);
}
