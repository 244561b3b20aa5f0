// The local LMS/LRS itself: the cmi5 launch, the xAPI resources, validation, auth, persistence.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";
import { buildInitialized } from "../../runtime/lms/cmi5/statements";
import { launch } from "./helpers";

let lms: LocalLms;
beforeAll(async () => {
  lms = await startLocalLms();
});
afterAll(async () => {
  await lms.close();
});

async function fetchToken(fetchUrl: string): Promise<string> {
  const body = (await (await fetch(fetchUrl, { method: "POST" })).json()) as Record<string, string>;
  return body["auth-token"]!;
}
function xapi(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(lms.endpoint + path, {
    ...init,
    headers: { Authorization: `Basic ${token}`, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json", ...init.headers },
  });
}
function launchQuery(l: ReturnType<typeof launch>, stateId: string): string {
  return new URLSearchParams({ stateId, activityId: l.activityId, agent: JSON.stringify(l.actor), registration: l.registration }).toString();
}

describe("local LMS: cmi5 launch", () => {
  it("builds the five launch parameters and a single-use fetch URL (second use: error-code 1 in a 200)", async () => {
    const l = launch(lms);
    const query = new URL(l.url).searchParams;
    expect(query.get("lang")).toBe("en");
    expect(query.get("endpoint")).toBe(lms.endpoint);
    expect(JSON.parse(query.get("actor")!)).toEqual(l.actor);
    expect((await fetch(l.fetchUrl)).status).toBe(405); // POST only
    const first = await fetch(l.fetchUrl, { method: "POST" });
    expect(first.status).toBe(200);
    expect(Object.keys(await first.json())).toEqual(["auth-token"]);
    const second = await fetch(l.fetchUrl, { method: "POST" });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ "error-code": "1" });
  });

  it("writes LMS.LaunchData with the context template (session id + publisher grouping) and refuses AU writes to it", async () => {
    const l = launch(lms, { launchMode: "Review", moveOn: "Passed", masteryScore: 0.75 });
    const token = await fetchToken(l.fetchUrl);
    const response = await xapi(token, `activities/state?${launchQuery(l, "LMS.LaunchData")}`);
    const data = await response.json();
    expect(data).toMatchObject({
      launchMode: "Review",
      moveOn: "Passed",
      masteryScore: 0.75,
      returnURL: "https://lms.example.test/return?course=safety",
      contextTemplate: {
        contextActivities: { grouping: [{ id: "https://courses.example.test/safety/au-publisher-1" }] },
        extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": l.sessionId },
      },
    });
    const put = await xapi(token, `activities/state?${launchQuery(l, "LMS.LaunchData")}`, { method: "PUT", body: "{}" });
    expect(put.status).toBe(403);
    expect(lms.violations.at(-1)?.violations[0]?.rule).toBe("launchdata.write");
  });

  it("checks credentials and the version header", async () => {
    const l = launch(lms);
    expect((await xapi("bm9wZTpub3Bl", "statements")).status).toBe(401);
    const token = await fetchToken(l.fetchUrl);
    const noVersion = await fetch(`${lms.endpoint}statements`, { headers: { Authorization: `Basic ${token}` } });
    expect(noVersion.status).toBe(400);
  });
});

describe("local LRS: statements and documents", () => {
  it("answers 400 to an invalid xAPI statement (xapi-validation) and 403 to a cmi5 rule violation", async () => {
    const l = launch(lms);
    const token = await fetchToken(l.fetchUrl);
    const before = lms.violations.length;
    const invalid = await xapi(token, "statements", {
      method: "POST",
      body: JSON.stringify({ actor: l.actor, verb: { id: "not an iri" }, object: { id: l.activityId } }),
    });
    expect(invalid.status).toBe(400);
    expect(lms.violations[before]?.kind).toBe("xapi");
    const template = {
      extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": l.sessionId },
      contextActivities: { grouping: [{ objectType: "Activity" as const, id: "https://courses.example.test/safety/au-publisher-1" }] },
    };
    const init = buildInitialized({
      id: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
      actor: l.actor,
      activityId: l.activityId,
      registration: l.registration,
      contextTemplate: template,
    });
    const wrongObject = { ...init, object: { objectType: "Activity", id: "https://elsewhere.example.test" } };
    const refused = await xapi(token, `statements?statementId=${init.id}`, { method: "PUT", body: JSON.stringify(wrongObject) });
    expect(refused.status).toBe(403);
    expect(lms.violations.at(-1)?.violations.map((v) => v.rule)).toContain("object.id");
    // The correct one is stored; re-sending it is accepted (idempotent); changed content is a 409.
    expect((await xapi(token, `statements?statementId=${init.id}`, { method: "PUT", body: JSON.stringify(init) })).status).toBe(204);
    expect((await xapi(token, `statements?statementId=${init.id}`, { method: "PUT", body: JSON.stringify(init) })).status).toBe(204);
    expect((await xapi(token, "statements", { method: "POST", body: JSON.stringify([init]) })).status).toBe(200);
    expect(
      (await xapi(token, `statements?statementId=${init.id}`, { method: "PUT", body: JSON.stringify({ ...init, timestamp: new Date(0).toISOString() }) }))
        .status,
    ).toBe(409);
    expect(lms.statements({ registration: l.registration })).toHaveLength(1);
    const byId = await (await xapi(token, `statements?statementId=${init.id}`)).json();
    expect(byId).toMatchObject({ id: init.id, stored: expect.any(String) });
    const byVerb = await (
      await xapi(token, `statements?registration=${l.registration}&verb=${encodeURIComponent("http://adlnet.gov/expapi/verbs/passed")}`)
    ).json();
    expect(byVerb.statements).toEqual([]);
  });

  it("state documents: PUT, POST merges JSON, GET ids, DELETE", async () => {
    const l = launch(lms);
    const token = await fetchToken(l.fetchUrl);
    const q = launchQuery(l, "mine");
    expect((await xapi(token, `activities/state?${q}`, { method: "PUT", body: JSON.stringify({ a: 1 }) })).status).toBe(204);
    expect((await xapi(token, `activities/state?${q}`, { method: "POST", body: JSON.stringify({ b: 2 }) })).status).toBe(204);
    expect(await (await xapi(token, `activities/state?${q}`)).json()).toEqual({ a: 1, b: 2 });
    const all = new URLSearchParams(q);
    all.delete("stateId");
    expect(await (await xapi(token, `activities/state?${all}`)).json()).toEqual(expect.arrayContaining(["LMS.LaunchData", "mine"]));
    expect((await xapi(token, `activities/state?${q}`, { method: "DELETE" })).status).toBe(204);
    expect((await xapi(token, `activities/state?${q}`)).status).toBe(404);
  });

  it("agent profile: 404 without preferences", async () => {
    const l = launch(lms, { actor: { objectType: "Agent", account: { homePage: "https://lms.example.test", name: "no-prefs" } } });
    const token = await fetchToken(l.fetchUrl);
    const q = new URLSearchParams({ profileId: "cmi5LearnerPreferences", agent: JSON.stringify(l.actor) });
    expect((await xapi(token, `agents/profile?${q}`)).status).toBe(404);
  });
});

describe("local LMS: file persistence and faults", () => {
  it("keeps sessions, documents and statements in a JSON file across restarts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "passmark-lrs-"));
    const file = join(dir, "lrs.json");
    try {
      const first = await startLocalLms({ persistFile: file });
      const l = launch(first);
      await first.close();
      const second = await startLocalLms({ persistFile: file });
      expect(second.session(l.sessionId)?.info.registration).toBe(l.registration);
      const fetchUrl = l.fetchUrl.replace(new URL(l.fetchUrl).origin, second.origin);
      const body = await (await fetch(fetchUrl, { method: "POST" })).json();
      expect(body).toHaveProperty("auth-token");
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("applies a fault sequence, then passes; latency applies to every request", async () => {
    lms.faults.set({ sequence: [503, 401], latencyMs: 30 });
    const started = Date.now();
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`${lms.endpoint}statements`, { headers: { Authorization: lms.adminAuth, "X-Experience-API-Version": "1.0.3" } })).status);
    expect(statuses).toEqual([503, 401, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(lms.faults.applied.map((f) => f.action)).toEqual([503, 401]);
    lms.faults.clear();
  });
});
