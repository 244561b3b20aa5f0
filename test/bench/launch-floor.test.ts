// Figure 2's floor page and timeline (bench/pages/floor-page.ts, bench/lib/launch-timeline.ts): the
// floor page makes the requests passmark's runtime makes before its first screen, in the same order,
// and starts the first one the moment its script runs; the timeline takes each step's median.
import { describe, expect, it } from "vitest";
import { medianSteps, timelineNote, type LaunchSteps } from "../../bench/lib/launch-timeline";
import { FLOOR_DOCUMENTS, FLOOR_SCRIPT, floorPageHtml } from "../../bench/pages/floor-page";
import { AU_STATE_ID, LAUNCH_DATA_STATE_ID, LEARNER_PREFERENCES_PROFILE_ID } from "../../runtime/lms/cmi5/launch-vocabulary";

interface Call {
  url: URL;
  method: string;
  headers: Record<string, string>;
}

const ACTOR = JSON.stringify({ objectType: "Agent", account: { homePage: "https://lms.test", name: "learner-1" } });
const LAUNCH =
  "https://au.test/floor.html?" +
  new URLSearchParams({
    endpoint: "https://lms.test/xapi",
    fetch: "https://lms.test/cmi5/fetch/abc",
    actor: ACTOR,
    registration: "r-1",
    activityId: "https://au.test/a",
  }).toString();

/** Runs the floor script against a recording fetch: the POST answers a token, LMS.LaunchData a document, the rest 404. */
function runFloorScript() {
  const calls: Call[] = [];
  const answers: (() => void)[] = [];
  const window: Record<string, unknown> = {};
  const body = { children: [] as { textContent: string }[], append: (node: { textContent: string }) => body.children.push(node) };
  const document = { body, createElement: () => ({ textContent: "" }), addEventListener: () => undefined };
  const fetch = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) => {
    const call = { url: new URL(url), method: init.method ?? "GET", headers: init.headers ?? {} };
    calls.push(call);
    const text =
      call.method === "POST"
        ? JSON.stringify({ "auth-token": "dG9rZW4=" })
        : call.url.searchParams.get("stateId") === LAUNCH_DATA_STATE_ID
          ? '{"launchMode":"Normal"}'
          : "";
    const status = call.method === "POST" || text !== "" ? 200 : 404;
    return new Promise((resolve) =>
      answers.push(() => resolve({ status, ok: status === 200, text: async () => text, json: async () => JSON.parse(text) as unknown })),
    );
  };
  new Function("window", "location", "fetch", "document", "performance", FLOOR_SCRIPT)(window, new URL(LAUNCH), fetch, document, { now: () => 42 });
  const answerAll = async () => {
    for (const answer of answers.splice(0)) answer();
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return { calls, window, body, answerAll };
}

describe("floor page", () => {
  it("is one HTML file whose first script is inline and classic, with nothing else to load", () => {
    const html = floorPageHtml();
    expect(html.indexOf("<script>")).toBeLessThan(html.indexOf("</head>"));
    expect(html).not.toMatch(/<script[^>]*\bsrc=|type="module"|<link\b|http-equiv/i);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it("reads the documents passmark's runtime reads", () => {
    expect(FLOOR_DOCUMENTS).toEqual({ launchData: LAUNCH_DATA_STATE_ID, preferences: LEARNER_PREFERENCES_PROFILE_ID, auState: AU_STATE_ID });
  });

  it("POSTs the fetch URL as its script runs, then reads LaunchData ‖ preferences ‖ State in one round trip, then shows a heading", async () => {
    const page = runFloorScript();
    expect(page.window.__benchFirstScriptAt).toBe(42);
    expect(page.calls.map((c) => `${c.method} ${c.url.href}`)).toEqual(["POST https://lms.test/cmi5/fetch/abc"]);

    await page.answerAll();
    const reads = page.calls.slice(1);
    expect(reads.map((c) => `${c.method} ${c.url.pathname}`)).toEqual(["GET /xapi/activities/state", "GET /xapi/agents/profile", "GET /xapi/activities/state"]);
    for (const read of reads) expect(read.headers).toEqual({ Authorization: "Basic dG9rZW4=", "X-Experience-API-Version": "1.0.3" });
    expect(reads.map((c) => Object.fromEntries(c.url.searchParams))).toEqual([
      { stateId: LAUNCH_DATA_STATE_ID, activityId: "https://au.test/a", agent: ACTOR, registration: "r-1" },
      { agent: ACTOR, profileId: LEARNER_PREFERENCES_PROFILE_ID },
      { stateId: AU_STATE_ID, activityId: "https://au.test/a", agent: ACTOR, registration: "r-1" },
    ]);
    expect(page.window.__benchReadyAt).toBeUndefined();

    await page.answerAll();
    expect(page.window.__benchError).toBeUndefined();
    expect(page.body.children.map((h) => h.textContent)).toEqual(["Launched (Normal)"]);
    expect(page.window.__benchReadyAt).toBe(42);
  });
});

describe("launch timeline", () => {
  const run = (firstByte: number, firstLmsRequest: number | null, ready: number): LaunchSteps => ({
    firstByte,
    firstFile: null,
    firstScript: null,
    firstLmsRequest,
    ready,
  });

  it("takes each step's median over the runs that have it, and leaves out a step no run has", () => {
    const runs = [run(10, 50, 300), run(30, null, 320), run(20, 70, 310)];
    expect(medianSteps(runs)).toEqual({ firstByte: 20, firstFile: null, firstScript: null, firstLmsRequest: 60, ready: 310 });
    expect(timelineNote(runs)).toBe("HTML first byte 20, first LMS request 60, ready 310 (ms from navigation, medians of 3)");
  });
});
