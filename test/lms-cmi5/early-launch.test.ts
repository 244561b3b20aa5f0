// The early start of the cmi5 handshake (runtime/lms/cmi5/early-launch.ts): the page's first script
// POSTs the fetch URL and sends the three launch reads; the driver takes them over instead of sending
// them again. Exactly one fetch POST per page whatever runs first (cmi5 §8.2: single-use), every rule
// of the launch sequence kept (retries only for transient failures, the same LaunchErrors, the
// driver's timeout), and nothing sent for any other launch. Against the real local LMS in strict mode.
import { expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import { earlyLaunchFetch, startEarlyLaunch, type EarlyLaunchWindow } from "../../runtime/lms/cmi5/early-launch";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import type { FetchLike } from "../../runtime/lms/xapi/client";
import { launch, newDriver, newPage, until, useLocalLms, verbs } from "./helpers";

let lms: LocalLms;
const marks = useLocalLms((started) => (lms = started));

const TIMING = { requestTimeoutMs: 2_500, launchRetries: 3 };
const isFetch = (r: { path: string }) => r.path.startsWith("/cmi5/fetch/");
const fetchPosts = () => marks.newRequests().filter((r) => r.method === "POST" && isFetch(r));
const reads = () => marks.newRequests().filter((r) => r.method === "GET");

/** Node's fetch, with every call it makes written down. */
function network(): { fetch: FetchLike; calls: string[] } {
  const calls: string[] = [];
  return { calls, fetch: (url, init) => (calls.push(`${init.method ?? "GET"} ${new URL(url).pathname}`), fetch(url, init)) };
}

function page(url: string, storage = new MemorySessionStorage()): EarlyLaunchWindow & { sessionStorage: MemorySessionStorage } {
  return { location: { href: url }, sessionStorage: storage };
}

/** The driver of the page, wired as runtime/entry-cmi5.ts wires it. */
function driverOf(win: ReturnType<typeof page>, net: FetchLike, timing: Partial<typeof TIMING> = TIMING) {
  return newDriver(win.location.href, win.sessionStorage, newPage(), { fetch: earlyLaunchFetch(win, net), timing });
}

it("early script first: one fetch POST and three reads in all, the driver sends neither again; the session works", async () => {
  const l = launch(lms);
  const win = page(l.url);
  const early = network();
  startEarlyLaunch(win, early.fetch);
  expect(win.passmarkEarlyLaunch?.startedBy).toBe("early-script");
  await until(() => early.calls.length === 4); // the POST, then the three reads with its token
  const late = network();
  const driver = driverOf(win, late.fetch);
  const facts = await driver.start();
  expect(facts.launchMode).toBe("normal");
  expect(late.calls.filter((c) => c.startsWith("GET") || c.includes("/cmi5/fetch/"))).toEqual([]);
  expect(win.passmarkEarlyLaunch?.requests.size).toBe(0); // each handed over once
  expect(fetchPosts().length).toBe(1);
  expect(reads().length).toBe(3);
  await driver.exit();
  expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "terminated"]);
  expect(lms.session(l.sessionId)!.fetchCount).toBe(1);
  expect(marks.newViolations()).toEqual([]);
});

it("the driver started before the early script: the early script sends nothing", async () => {
  const l = launch(lms);
  const win = page(l.url);
  const driver = driverOf(win, network().fetch);
  const early = network();
  startEarlyLaunch(win, early.fetch);
  expect(win.passmarkEarlyLaunch?.startedBy).toBe("driver");
  await driver.start();
  expect(early.calls).toEqual([]);
  expect(fetchPosts().length).toBe(1);
  await driver.exit();
});

it("the early POST answered 503 (transient): the driver tries again and starts; one token", async () => {
  const l = launch(lms);
  lms.faults.set({ sequence: [503], match: isFetch });
  const win = page(l.url);
  startEarlyLaunch(win, network().fetch);
  const driver = driverOf(win, network().fetch);
  await driver.start();
  expect(fetchPosts().map((r) => r.fault)).toEqual([503, "pass"]);
  expect(lms.session(l.sessionId)!.fetchCount).toBe(1);
  await driver.exit();
  expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "terminated"]);
});

it("the early POST got no answer (network error): the driver tries again and starts", async () => {
  const l = launch(lms);
  const win = page(l.url);
  startEarlyLaunch(win, () => Promise.reject(new TypeError("Failed to fetch")));
  const driver = driverOf(win, network().fetch);
  await driver.start();
  expect(fetchPosts().length).toBe(1); // the early try never reached the LMS
  expect(lms.session(l.sessionId)!.fetchCount).toBe(1);
  await driver.exit();
});

it("the early POST held past the driver's timeout: aborted by the driver's timer, retried, one token", async () => {
  const l = launch(lms);
  lms.faults.set({ sequence: ["timeout"], timeoutHoldMs: 4_000, match: isFetch });
  const win = page(l.url);
  startEarlyLaunch(win, network().fetch);
  const driver = driverOf(win, network().fetch, { requestTimeoutMs: 500, launchRetries: 3 });
  await driver.start();
  expect(fetchPosts().map((r) => r.fault)).toEqual(["timeout", "pass"]);
  expect(lms.session(l.sessionId)!.fetchCount).toBe(1);
  await driver.exit();
});

it("early reads failing transiently (503, 500): the driver retries them itself, one Initialized", async () => {
  const l = launch(lms);
  lms.faults.set({ sequence: [503, 500], match: (r) => r.method === "GET" });
  const win = page(l.url);
  startEarlyLaunch(win, network().fetch);
  const driver = driverOf(win, network().fetch);
  await driver.start();
  expect(reads().length).toBe(5);
  expect(fetchPosts().length).toBe(1);
  await driver.exit();
  expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "terminated"]);
});

// The same non-transient failures with and without the early script: the same LaunchError, one POST.
it.each([
  ["HTTP 401", (l: ReturnType<typeof launch>) => lms.faults.set({ sequence: [401], match: isFetch }), "cmi5-fetch-failed"],
  ["error-code 1 (used)", (l: ReturnType<typeof launch>) => lms.setFetchError(l.sessionId, "1"), "cmi5-fetch-used"],
  ["error-code 2 (security)", (l: ReturnType<typeof launch>) => lms.setFetchError(l.sessionId, "2"), "cmi5-fetch-security"],
] as const)("a fetch answering %s: the same LaunchError as without the early script, never retried", async (_name, fault, reason) => {
  for (const withEarly of [false, true]) {
    const l = launch(lms);
    fault(l);
    const before = fetchPosts().length;
    const win = page(l.url);
    if (withEarly) startEarlyLaunch(win, network().fetch);
    const driver = withEarly ? driverOf(win, network().fetch) : newDriver(l.url, win.sessionStorage, newPage(), { timing: TIMING });
    await expect(driver.start(), withEarly ? "with the early script" : "without").rejects.toMatchObject({ name: "LaunchError", reason });
    expect(fetchPosts().length - before).toBe(1);
    expect(lms.statements({ registration: l.registration })).toEqual([]);
  }
});

it("a reload of the page (its session stored in this tab): the early script sends nothing, the session continues", async () => {
  const l = launch(lms);
  const storage = new MemorySessionStorage();
  const first = page(l.url, storage);
  startEarlyLaunch(first, network().fetch);
  const driver = driverOf(first, network().fetch);
  await driver.start();
  const reloaded = page(l.url, storage);
  const early = network();
  startEarlyLaunch(reloaded, early.fetch);
  expect(early.calls).toEqual([]);
  expect(reloaded.passmarkEarlyLaunch).toBeUndefined();
  const again = driverOf(reloaded, network().fetch);
  const facts = await again.start();
  expect(facts.resumed).toBe(true);
  expect(lms.session(l.sessionId)!.fetchCount).toBe(1);
  await again.exit();
});

it.each([
  ["standalone (no parameters)", "https://content.example.test/au/index.html"],
  ["SCORM (the SCO's own query only)", "https://content.example.test/au/index.html?lang=en"],
  [
    "Tin Can (endpoint + auth, no fetch)",
    "https://content.example.test/au/index.html?endpoint=https%3A%2F%2Flrs.example.test%2Fxapi%2F&auth=Basic%20abc&actor=%7B%22mbox%22%3A%22mailto%3Aa%40example.test%22%7D&registration=6f2a1b8c-1d2e-4f3a-8b4c-5d6e7f8a9b0c&activity_id=https%3A%2F%2Fx.test%2Fa",
  ],
  [
    "cmi5 with a malformed registration",
    "https://content.example.test/au/index.html?endpoint=https%3A%2F%2Flrs.example.test%2Fxapi%2F&fetch=https%3A%2F%2Flms.example.test%2Ff&actor=%7B%7D&registration=nope&activityId=https%3A%2F%2Fx.test%2Fa",
  ],
])("%s: the early script sends nothing and leaves no global", (_name, url) => {
  const win = page(url);
  const early = network();
  startEarlyLaunch(win, early.fetch);
  expect(early.calls).toEqual([]);
  expect(win.passmarkEarlyLaunch).toBeUndefined();
});

it("sessionStorage that throws (sandboxed frame): the early script still begins, and the driver takes over", async () => {
  const l = launch(lms);
  const win: EarlyLaunchWindow = {
    location: { href: l.url },
    get sessionStorage(): never {
      throw new DOMException("denied", "SecurityError");
    },
  };
  startEarlyLaunch(win, network().fetch);
  expect(win.passmarkEarlyLaunch?.startedBy).toBe("early-script");
  const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { fetch: earlyLaunchFetch(win, network().fetch), timing: TIMING });
  await driver.start();
  expect(fetchPosts().length).toBe(1);
  await driver.exit();
});
