// xAPI Document Resources of the local LRS: activities/state (GET/PUT/POST/DELETE) and
// agents/profile (GET/PUT). An AU writing LMS.LaunchData is refused (cmi5 §10) and recorded.
import { LAUNCH_DATA_STATE_ID } from "../../runtime/lms/cmi5/vocabulary";
import type { Answer, Caller } from "./statements-resource";
import { agentProfileKey, stateKey, type LrsStore } from "./store";

export function stateResource(store: LrsStore, caller: Caller, method: string, query: URLSearchParams, body: string, contentType: string): Answer {
  const activityId = query.get("activityId");
  const agentText = query.get("agent");
  if (!activityId || !agentText) return { status: 400, body: { message: "activityId and agent are required" } };
  let agent: unknown;
  try {
    agent = JSON.parse(agentText);
  } catch {
    return { status: 400, body: { message: "agent is not JSON" } };
  }
  const registration = query.get("registration");
  const stateId = query.get("stateId");
  const prefix = stateKey(activityId, agent, registration, "");
  if (method !== "GET" && caller.session && stateId === LAUNCH_DATA_STATE_ID) {
    store.data.violations.push({
      kind: "lms",
      statementId: null,
      verb: null,
      sessionId: caller.session.info.sessionId,
      violations: [{ rule: "launchdata.write", cite: "cmi5 §10", message: `the AU tried to ${method} LMS.LaunchData` }],
      at: new Date().toISOString(),
    });
    store.changed();
    return { status: 403, body: { message: "LMS.LaunchData is written by the LMS only" } };
  }
  if (!stateId) {
    if (method === "GET") {
      const ids = Object.keys(store.data.documents)
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length));
      return { status: 200, body: ids };
    }
    if (method === "DELETE") {
      for (const key of Object.keys(store.data.documents)) if (key.startsWith(prefix)) delete store.data.documents[key];
      store.changed();
      return { status: 204 };
    }
    return { status: 400, body: { message: "stateId is required" } };
  }
  return documentAt(store, prefix + stateId, method, body, contentType);
}

export function agentProfileResource(store: LrsStore, method: string, query: URLSearchParams, body: string, contentType: string): Answer {
  const agentText = query.get("agent");
  const profileId = query.get("profileId");
  if (!agentText) return { status: 400, body: { message: "agent is required" } };
  let agent: unknown;
  try {
    agent = JSON.parse(agentText);
  } catch {
    return { status: 400, body: { message: "agent is not JSON" } };
  }
  if (!profileId) {
    const prefix = agentProfileKey(agent, "");
    return {
      status: 200,
      body: Object.keys(store.data.documents)
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length)),
    };
  }
  return documentAt(store, agentProfileKey(agent, profileId), method, body, contentType);
}

function documentAt(store: LrsStore, key: string, method: string, body: string, contentType: string): Answer {
  const existing = store.data.documents[key];
  const now = new Date().toISOString();
  switch (method) {
    case "GET":
      return existing ? { status: 200, body: existing.body, contentType: existing.contentType } : { status: 404, body: { message: "no such document" } };
    case "PUT":
      store.data.documents[key] = { contentType: contentType || "application/octet-stream", body, updated: now };
      store.changed();
      return { status: 204 };
    case "POST": {
      // xAPI 1.0.3 Part 3 §2.2: POST merges JSON objects; anything else is a 400.
      const incoming = parseObject(body);
      if (incoming === null) return { status: 400, body: { message: "POST needs a JSON object" } };
      const current = existing ? parseObject(existing.body) : {};
      if (current === null) return { status: 400, body: { message: "stored document is not a JSON object" } };
      store.data.documents[key] = { contentType: "application/json", body: JSON.stringify({ ...current, ...incoming }), updated: now };
      store.changed();
      return { status: 204 };
    }
    case "DELETE":
      delete store.data.documents[key];
      store.changed();
      return { status: 204 };
    default:
      return { status: 405, body: { message: `${method} not supported` } };
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
