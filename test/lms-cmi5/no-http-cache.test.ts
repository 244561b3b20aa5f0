// LMS.LaunchData, our State document and the learner preferences are read past the HTTP cache
// (`cache: "no-store"`): their URLs stay the same while their content changes (a new session's
// LaunchData under the same registration), and a cached copy named the wrong session id. The 403
// probe (a LaunchData read) must reach the LMS too, or a cached 200 would hide a closed session.
import { expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import type { FetchLike } from "../../runtime/lms/xapi/client";
import { launch, newDriver, newPage, outcome, useLocalLms } from "./helpers";

let lms: LocalLms;
const marks = useLocalLms((started) => (lms = started));

function recording(log: { method: string; path: string; stateId: string | null; cache: RequestCache | undefined }[]): FetchLike {
  return (url, init) => {
    const parsed = new URL(url);
    log.push({ method: init.method ?? "GET", path: parsed.pathname, stateId: parsed.searchParams.get("stateId"), cache: init.cache });
    return fetch(url, init);
  };
}

it("every GET of the launch (LaunchData, preferences, our State) and the 403 probe is sent with cache: no-store", async () => {
  const l = launch(lms);
  const log: Parameters<typeof recording>[0] = [];
  const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { fetch: recording(log) });
  await driver.start();
  await driver.checkpoint();
  // One 403 on a statement write: the driver probes LMS.LaunchData to learn what it means.
  lms.faults.set({ sequence: [403], match: (r) => r.path === "/xapi/statements" && r.method !== "GET" });
  driver.reportOutcome(outcome({ progress: 1, completed: true }));
  await driver.checkpoint();
  await driver.exit();

  const gets = log.filter((r) => r.method === "GET");
  expect(gets.map((r) => r.stateId ?? r.path)).toEqual([
    "LMS.LaunchData",
    "/xapi/agents/profile",
    "https://passmark.dev/xapi/state/au-state",
    "LMS.LaunchData",
  ]);
  expect(gets.map((r) => r.cache)).toEqual(["no-store", "no-store", "no-store", "no-store"]);
  // Writes leave the cache mode alone (they are never cached).
  expect(log.filter((r) => r.method !== "GET" && r.cache !== undefined)).toEqual([]);
  expect(marks.newViolations()).toEqual([]);
});
