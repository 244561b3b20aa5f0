// Delivery of the Tin Can driver (the cmi5 Outbox reused): retries keep statement ids (the LRS stores
// each once), a 401 is reported as auth-lost with everything kept and delivered after recovery, and a
// reload delivers what an earlier page left in sessionStorage, with the same ids.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import { choiceReport, outcome, until } from "../lms-cmi5/helpers";
import { expectValidTincan, newTincanDriver, tincanLaunch, verbs } from "./helpers";

let lms: LocalLms;
beforeAll(async () => void (lms = await startLocalLms()));
afterAll(() => lms.close());
beforeEach(() => lms.faults.clear());

describe("transient faults", () => {
  it("retried with the same ids: every statement stored once, in order", async () => {
    const l = tincanLaunch(lms);
    const driver = newTincanDriver(l.url);
    await driver.start();
    await driver.checkpoint();
    lms.faults.set({ sequence: [503, "reset", 500, 429] });
    driver.reportInteraction(choiceReport("q1", true));
    driver.reportOutcome(outcome({ completed: true, status: "passed", score: 75, final: true }));
    await until(() => lms.faults.applied.length === 4);
    await driver.exit();
    const stored = lms.statements({ registration: l.registration! });
    expect(verbs(stored)).toEqual(["attempted", "initialized", "answered", "completed", "passed", "terminated"]);
    expect(new Set(stored.map((s) => s.id)).size).toBe(stored.length);
    expectValidTincan(stored);
    expect(driver.status()).toMatchObject({ state: "ended", pending: 0, outcomeDelivered: true });
  });
});

describe("credentials refused mid-session (401)", () => {
  it("says auth-lost, keeps the outcome undelivered in sessionStorage, delivers after recovery", async () => {
    const l = tincanLaunch(lms);
    const storage = new MemorySessionStorage();
    const driver = newTincanDriver(l.url, storage, undefined, { timing: { authRetryMs: 60_000 } });
    await driver.start();
    await driver.checkpoint();
    lms.revokeToken(l.sessionId);
    driver.reportOutcome(outcome({ completed: true, status: "passed", score: 95, final: true }));
    await driver.checkpoint();
    expect(driver.status()).toMatchObject({ state: "auth-lost", outcomeDelivered: false, pending: 3 });
    expect(lms.statements({ registration: l.registration! }).some((s) => s.verb.id.endsWith("/passed"))).toBe(false);
    const kept = JSON.parse(storage.getItem(`passmark.tincan:${l.activityId}|${l.registration}`)!);
    expect(kept.items.map((i: { kind: string }) => i.kind)).toEqual(["statement", "statement", "state"]);
    lms.restoreToken(l.sessionId);
    await driver.checkpoint();
    expect(driver.status()).toMatchObject({ state: "delivered", pending: 0, outcomeDelivered: true });
    await driver.exit();
    expect(verbs(lms.statements({ registration: l.registration! }))).toEqual(["attempted", "initialized", "completed", "passed", "terminated"]);
  });

  it("a launch whose credentials are refused fails with a readable launch error, sending nothing", async () => {
    const l = tincanLaunch(lms);
    lms.revokeToken(l.sessionId);
    const driver = newTincanDriver(l.url);
    await expect(driver.start()).rejects.toMatchObject({ name: "LaunchError", reason: "cmi5-fetch-security" });
    expect(lms.statements({ registration: l.registration! })).toEqual([]);
  });
});

describe("a reload of the page", () => {
  it("delivers what the earlier page could not, with the same statement ids, before its own", async () => {
    const l = tincanLaunch(lms);
    const storage = new MemorySessionStorage();
    const first = newTincanDriver(l.url, storage, undefined, { timing: { authRetryMs: 60_000 } });
    await first.start();
    await first.checkpoint();
    lms.revokeToken(l.sessionId); // the page is about to go: its last writes are refused
    first.saveState("v1|before-reload", "page-2");
    first.reportOutcome(outcome({ completed: true, status: "failed", score: 30 }));
    await first.checkpoint();
    const waiting = JSON.parse(storage.getItem(`passmark.tincan:${l.activityId}|${l.registration}`)!).items;
    const ids = waiting.filter((i: { kind: string }) => i.kind === "statement").map((i: { id: string }) => i.id);
    expect(ids).toHaveLength(2);
    lms.restoreToken(l.sessionId);

    const second = newTincanDriver(l.url, storage);
    const facts = await second.start();
    expect(facts.resumeState).toBe("v1|before-reload"); // the waiting State write is newer than the LRS's
    await second.exit();
    const stored = lms.statements({ registration: l.registration! });
    expect(verbs(stored)).toEqual(["attempted", "initialized", "completed", "failed", "initialized", "terminated"]);
    expect(stored.slice(2, 4).map((s) => s.id)).toEqual(ids);
    expectValidTincan(stored);
  });
});

describe("malformed launches", () => {
  it.each([
    ["no auth", (u: URL) => u.searchParams.delete("auth")],
    ["auth not Basic", (u: URL) => u.searchParams.set("auth", "Bearer abc")],
    ["actor without identifier", (u: URL) => u.searchParams.set("actor", JSON.stringify({ name: "X" }))],
    ["registration not a UUID", (u: URL) => u.searchParams.set("registration", "not-a-uuid")],
    ["endpoint not http(s)", (u: URL) => u.searchParams.set("endpoint", "javascript:alert(1)")],
  ])("%s: LaunchError, nothing sent", async (_name, spoil) => {
    const l = tincanLaunch(lms);
    const url = new URL(l.url);
    spoil(url);
    const before = lms.requests.length;
    await expect(newTincanDriver(url.toString()).start()).rejects.toMatchObject({ name: "LaunchError", reason: "cmi5-parameters" });
    expect(lms.requests.length).toBe(before);
  });
});
