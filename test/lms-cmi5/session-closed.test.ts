// The LMS ends a session (CATAPULT's Abandon button, an LMS timeout): from then on it answers 403
// to every request of that session, LMS.LaunchData reads included. docs/reporting.md "When the LMS
// ends the session": a 403 on a write AND 403 on the LaunchData probe, twice in a row → the session
// is over: no more requests, the learner is told, Exit finishes at once (to the returnURL), what
// never arrived stays in sessionStorage, a reload says so. A 401, or a single such answer, is not it.
import { describe, expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import { LaunchError } from "../../runtime/lms/launch-error";
import { MemorySessionStorage, type Cmi5SessionRecord } from "../../runtime/lms/cmi5/session-store";
import { launch, newDriver, newPage, outcome, until, verbs, useLocalLms } from "./helpers";

let lms: LocalLms;
const marks = useLocalLms((started) => (lms = started));

/**
 * A request timeout far above any answer of the local LMS, even on a busy machine: what these tests
 * count (requests, faults applied) must not depend on a slow answer being retried.
 */
const PATIENT = { timing: { requestTimeoutMs: 15_000 } };

const RETURN_URL = "https://lms.example.test/return?course=safety";
const abandon = () => lms.faults.set({ rate: 1, rateActions: [403] }); // every xAPI request of the session, reads too
const storedRecord = (storage: MemorySessionStorage, registration: string) =>
  JSON.parse(storage.getItem(`passmark.cmi5.session:${registration}`)!) as Cmi5SessionRecord;

describe("the LMS abandons a working session", () => {
  it("mid-session: session-closed, told once, nothing more sent, items kept; Exit resolves at once to the returnURL; a reload says so", async () => {
    const l = launch(lms);
    const storage = new MemorySessionStorage();
    const page = newPage();
    const driver = newDriver(l.url, storage, page, PATIENT);
    await driver.start();
    await driver.checkpoint();
    await until(() => driver.status().state === "delivered");

    abandon();
    driver.saveState("page-2", "p2");
    driver.reportOutcome(outcome({ progress: 1, completed: true, status: "failed", score: 40, final: false }));
    await until(() => driver.status().state === "session-closed");
    // Two rounds of (write 403, probe 403): the first is retried after the usual pause, the second believed.
    expect(lms.faults.applied.map((f) => `${f.method} ${f.action}`)).toEqual(["PUT 403", "GET 403", "PUT 403", "GET 403"]);
    const status = driver.status();
    expect(status).toMatchObject({ state: "session-closed", outcomeDelivered: false });
    expect(status.held).toBeUndefined(); // a Failed that can no longer be sent is not "held"
    expect(page.logs.error.filter((m) => /the LMS ended this session/.test(m))).toHaveLength(1);
    // Nothing the learner did is dropped silently: the undelivered items stay in the session record.
    const record = storedRecord(storage, l.registration);
    expect(record.closedByLms).toBe(true);
    expect(record.outbox.map((i) => (i.kind === "state" ? "state" : i.statement.verb.id.split("/").pop()))).toEqual(["state", "completed", "state"]);

    const requests = lms.requests.length;
    driver.saveState("page-3", "p3"); // the learner goes on: nothing is queued or sent any more
    await driver.checkpoint();
    const result = await driver.exit();
    expect(result).toEqual({ navigateTo: RETURN_URL, closeWindow: false });
    expect(lms.requests.length).toBe(requests);
    expect(driver.status().state).toBe("session-closed");

    // F5 on that page: same record → a readable LaunchError with the returnURL, no request.
    const again = newDriver(l.url, storage, newPage(), PATIENT);
    const error = await again.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error).toMatchObject({ reason: "cmi5-session-closed", returnUrl: RETURN_URL });
    expect(lms.requests.length).toBe(requests);
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized"]);
    expect(marks.newViolations()).toEqual([]);
  });

  it("Exit while the LMS refuses everything: no endless 'Finishing your session…' — exit() resolves once the 403s are confirmed", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), PATIENT);
    await driver.start();
    await driver.checkpoint();
    abandon();
    const result = await driver.exit();
    expect(result.navigateTo).toBe(RETURN_URL);
    expect(driver.status().state).toBe("session-closed");
    expect(driver.status().pending).toBeGreaterThan(0); // Terminated never arrived: kept, not claimed
  });

  it("a new launch in the same tab does not retry the ended session's leftovers with its refused token; it says how many were lost", async () => {
    const first = launch(lms);
    const storage = new MemorySessionStorage();
    const d1 = newDriver(first.url, storage, newPage(), PATIENT);
    await d1.start();
    await d1.checkpoint();
    abandon();
    d1.saveState("page-2", "p2");
    await until(() => d1.status().state === "session-closed");
    lms.faults.clear();
    const before = lms.requests.length;

    const second = launch(lms, { registration: first.registration });
    const d2 = newDriver(second.url, storage, newPage(), PATIENT);
    const facts = await d2.start();
    expect(facts.warnings).toContain("1 item(s) of an earlier session the LMS ended were never delivered");
    // No request with the old token: its session's record is not replayed (the first request is the new fetch).
    expect(lms.requests.slice(before).map((r) => `${r.method} ${r.path}`)[0]).toMatch(/^POST \/cmi5\/fetch\//);
    await d2.exit();
    expect(marks.newViolations()).toEqual([]);
  });
});

describe("what is not a session the LMS ended", () => {
  it("one round of 403 + 403 then the LMS answers again: retried and delivered, never session-closed", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), PATIENT);
    await driver.start();
    await driver.checkpoint();
    lms.faults.set({ sequence: [403, 403] });
    const states: string[] = [];
    driver.onStatus((s) => states.push(s.state));
    driver.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 90, final: true }));
    await until(() => driver.status().state === "delivered" && driver.status().pending === 0);
    expect(states).not.toContain("session-closed");
    expect(driver.status().outcomeDelivered).toBe(true);
    await driver.exit();
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "completed", "passed", "terminated"]);
    expect(marks.newViolations()).toEqual([]);
  });

  it("403 on the write, 401 on the probe (credentials not recognised): auth-lost, kept, delivered once the login is back", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), PATIENT);
    await driver.start();
    await driver.checkpoint();
    lms.faults.set({ sequence: [403, 401] });
    driver.reportOutcome(outcome({ progress: 1, completed: true }));
    await until(() => driver.status().state === "auth-lost");
    await driver.checkpoint(); // the login is back (no more faults): a flush delivers
    expect(driver.status()).toMatchObject({ state: "delivered", pending: 0 });
    await driver.exit();
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "completed", "terminated"]);
  });
});
