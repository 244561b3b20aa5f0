// cmi5 launch cost: two sequential round trips before the course can render (POST fetch, then the
// three reads in parallel); Initialized follows in the background, first in the outbox.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import { choiceReport, launch, newDriver, newPage, outcome, until, verbs } from "./helpers";

const LATENCY_MS = 100;
let lms: LocalLms;
beforeAll(async () => {
  lms = await startLocalLms();
  const warmUp = newDriver(launch(lms).url, new MemorySessionStorage(), newPage());
  await warmUp.start();
  await warmUp.exit();
});
afterAll(async () => {
  await lms.close();
});

it(`with ${LATENCY_MS} ms added latency per request, start() resolves after two sequential round trips`, async () => {
  const l = launch(lms);
  lms.faults.set({ latencyMs: LATENCY_MS });
  const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
  const before = lms.requests.length;
  const started = performance.now();
  await driver.start();
  const interactiveMs = performance.now() - started;
  const duringStart = lms.requests.slice(before);
  // Round trip 1: the fetch URL. Round trip 2: LaunchData, preferences and our State, overlapping.
  expect(duringStart.map((r) => `${r.method} ${r.path.replace(/fetch\/.*/, "fetch")}`).sort()).toEqual(
    ["POST /cmi5/fetch", "GET /xapi/activities/state", "GET /xapi/activities/state", "GET /xapi/agents/profile"].sort(),
  );
  const fetchRequest = duringStart.find((r) => r.method === "POST")!;
  const reads = duringStart.filter((r) => r.method === "GET");
  expect(reads.every((r) => r.receivedAt >= fetchRequest.at)).toBe(true);
  expect(Math.max(...reads.map((r) => r.receivedAt))).toBeLessThan(Math.min(...reads.map((r) => r.at)));
  expect(interactiveMs).toBeGreaterThanOrEqual(2 * LATENCY_MS - 5);
  await driver.exit();
  lms.faults.clear();
  expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "terminated"]);
  expect(lms.violations).toEqual([]);
  console.info(`cmi5 launch: 2 sequential round trips; interactive after ${interactiveMs.toFixed(0)} ms with ${LATENCY_MS} ms added latency`);
});

it(`a submit (answers, state, Completed, Passed) reaches the LRS in one request: Passed stored after one round trip`, async () => {
  const l = launch(lms);
  const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
  await driver.start();
  await driver.checkpoint();
  lms.faults.set({ latencyMs: LATENCY_MS });
  const before = lms.requests.length;
  const submitted = performance.now();
  for (let i = 1; i <= 20; i++) driver.reportInteraction(choiceReport(`q${i}`, true));
  driver.saveState("after-submit", "result");
  driver.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 100, final: true }));
  await until(() => lms.statements({ registration: l.registration, verb: "http://adlnet.gov/expapi/verbs/passed" }).length === 1);
  const passedMs = performance.now() - submitted;
  expect(lms.requests.slice(before).filter((r) => r.path === "/xapi/statements").length).toBe(1);
  await driver.exit();
  lms.faults.clear();
  expect(lms.violations).toEqual([]);
  console.info(`cmi5 submit → Passed stored after ${passedMs.toFixed(0)} ms with ${LATENCY_MS} ms added latency (1 request)`);
});
