// Launch robustness: the fetch POST and the three launch reads (LaunchData ‖ preferences ‖ our State)
// survive transient faults (network error, timeout, 408/429/5xx) with a few tries and backoff; the
// fetch URL is never POSTed again once it answered 200 (the token is single-use, cmi5 §8.2), and
// error-codes and 401/403 are not retried. Against the real local LMS in strict mode.
// test-order: long, about 9 s of real request timeouts and backoff (vitest.config.ts)
import { expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import { LAUNCH_BACKOFF, backoffMs } from "../../runtime/lms/backoff";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import type { FetchLike } from "../../runtime/lms/xapi/client";
import { launch, newDriver, newPage, until, verbs, useLocalLms } from "./helpers";

let lms: LocalLms;
const marks = useLocalLms((started) => (lms = started));

// Four tries in all; a "timeout" fault holds its answer past the request timeout.
// The request timeout is generous (a loaded machine must not make an ordinary answer late), and the
// "timeout" fault holds its answer well past it.
const TIMING = { requestTimeoutMs: 2_500, launchRetries: 3 };
const HOLD_MS = 4_000;
const isFetch = (r: { path: string }) => r.path.startsWith("/cmi5/fetch/");
const fetchPosts = () => marks.newRequests().filter((r) => r.method === "POST" && isFetch(r));

it("backoff: 250 ms, 500 ms, 1 s, at most 2 s", () => {
  expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(LAUNCH_BACKOFF, attempt))).toEqual([250, 500, 1_000, 2_000, 2_000]);
});

it("the three launch reads under 500/503/timeouts on their first tries: start() succeeds, exactly one Initialized", async () => {
  const l = launch(lms);
  // The first wave is the three reads (in parallel): each gets one fault; the next waves too.
  lms.faults.set({ sequence: [503, "timeout", 500, 500, 503, "reset"], timeoutHoldMs: HOLD_MS, match: (r) => r.method === "GET" });
  const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { timing: TIMING });
  const facts = await driver.start();
  expect(facts.launchMode).toBe("normal");
  expect(lms.faults.applied.length).toBe(6);
  await driver.exit();
  expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "terminated"]);
  expect(lms.session(l.sessionId)!.fetchCount).toBe(1);
  expect(marks.newViolations()).toEqual([]);
});

it("the fetch POST under 429, a timeout and 408: retried, one token, one Initialized", async () => {
  const l = launch(lms);
  lms.faults.set({ sequence: [429, "timeout", 408], timeoutHoldMs: HOLD_MS, match: isFetch });
  const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { timing: TIMING });
  await driver.start();
  expect(fetchPosts().map((r) => r.fault)).toEqual([429, "timeout", 408, "pass"]);
  expect(lms.session(l.sessionId)!.fetchCount).toBe(1);
  await driver.exit();
  expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "terminated"]);
  expect(marks.newViolations()).toEqual([]);
});

it("a fetch URL failing on every try: LaunchError cmi5-fetch-failed after four tries, nothing sent", async () => {
  const l = launch(lms);
  lms.faults.set({ sequence: [500, 502, 503, 500, 503], match: isFetch });
  const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { timing: TIMING });
  await expect(driver.start()).rejects.toMatchObject({ name: "LaunchError", reason: "cmi5-fetch-failed" });
  expect(fetchPosts().length).toBe(4);
  expect(lms.statements({ registration: l.registration })).toEqual([]);
});

it.each([401, 403] as const)("fetch answering %i: not retried", async (status) => {
  const l = launch(lms);
  lms.faults.set({ sequence: [status], match: isFetch });
  const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { timing: TIMING });
  await expect(driver.start()).rejects.toMatchObject({ name: "LaunchError", reason: "cmi5-fetch-failed" });
  expect(fetchPosts().length).toBe(1);
  expect(lms.statements({ registration: l.registration })).toEqual([]);
});

it("fetch error-code 1 (already used): not retried", async () => {
  const l = launch(lms);
  lms.setFetchError(l.sessionId, "1");
  const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { timing: TIMING });
  await expect(driver.start()).rejects.toMatchObject({ name: "LaunchError", reason: "cmi5-fetch-used" });
  expect(fetchPosts().length).toBe(1);
});

it("a 200 from the fetch URL whose body is lost on the way: never POSTed again (the token is single-use)", async () => {
  const l = launch(lms);
  const lossyBody: FetchLike = async (url, init) => {
    const response = await fetch(url, init);
    if (!url.includes("/cmi5/fetch/")) return response;
    return { status: response.status, ok: response.ok, text: () => Promise.reject(new TypeError("connection reset")) } as unknown as Response;
  };
  const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { fetch: lossyBody, timing: TIMING });
  await expect(driver.start()).rejects.toMatchObject({ name: "LaunchError", reason: "cmi5-fetch-failed" });
  await until(() => fetchPosts().length === 1);
  expect(fetchPosts().map((r) => r.status)).toEqual([200]);
  expect(lms.session(l.sessionId)!.fetchCount).toBe(1);
});
