// Page hide with a long backlog: keepalive requests stay within the 64 KiB in-flight budget, keep
// queue order, and what did not fit is delivered by the normal loop if the page lives on.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";
import { planKeepalive, planUnload, KEEPALIVE_BUDGET_BYTES } from "../../runtime/lms/cmi5/keepalive";
import type { OutboxItem } from "../../runtime/lms/cmi5/outbox-item";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import type { FetchLike } from "../../runtime/lms/xapi/client";
import { launch, longPromptReport, newDriver, newPage, until, verbs } from "./helpers";

let lms: LocalLms;
beforeAll(async () => {
  lms = await startLocalLms();
});
afterAll(async () => {
  await lms.close();
});

it("a 150 KB backlog is flushed on pagehide within the keepalive budget, in order, nothing doubled", async () => {
  const l = launch(lms);
  const page = newPage();
  const keepaliveBodies: number[] = [];
  const online = { value: true };
  const fetchImpl: FetchLike = (url, init) => {
    if (init.keepalive) keepaliveBodies.push(new TextEncoder().encode(String(init.body ?? "")).length);
    else if (!online.value && !url.includes("/cmi5/fetch/")) return Promise.reject(new TypeError("offline"));
    return fetch(url, init);
  };
  const driver = newDriver(l.url, new MemorySessionStorage(), page, { fetch: fetchImpl, timing: { retryBaseMs: 60_000, retryMaxMs: 60_000 } });
  await driver.start();
  await until(() => lms.statements({ registration: l.registration }).length === 1);
  online.value = false; // the normal loop cannot deliver: everything piles up
  for (let i = 1; i <= 80; i++) driver.reportInteraction(longPromptReport(`q${i}`));
  await until(() => driver.status().state === "retrying");
  page.window.dispatchEvent(new Event("pagehide"));
  await until(() => lms.statements({ registration: l.registration }).length > 1);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const total = keepaliveBodies.reduce((a, b) => a + b, 0);
  expect(total).toBeLessThanOrEqual(KEEPALIVE_BUDGET_BYTES);
  const afterHide = lms.statements({ registration: l.registration });
  expect(afterHide.length).toBeGreaterThan(10);
  expect(afterHide.length).toBeLessThan(81);
  // The page lives on (a hidden tab came back): the rest goes out, already stored ids are accepted.
  online.value = true;
  await driver.checkpoint();
  await driver.exit();
  const all = lms.statements({ registration: l.registration });
  expect(verbs(all)).toEqual(["initialized", ...Array(80).fill("answered"), "terminated"]);
  expect(all.slice(1, 81).map((s) => (s.object as { id: string }).id.split("/q/")[1])).toEqual(Array.from({ length: 80 }, (_, i) => `q${i + 1}`));
  expect(lms.violations.filter((v) => v.sessionId === l.sessionId)).toEqual([]);
});

it("planKeepalive keeps order and stops at the first item that does not fit", () => {
  const statement = (n: number) => ({ id: `id-${n}`, timestamp: "t", actor: {}, verb: { id: "v" }, object: { id: "o" }, pad: "y".repeat(n) }) as never;
  const queue: OutboxItem[] = [
    { kind: "statement", id: "a", role: "interaction", statement: statement(100) },
    { kind: "statement", id: "b", role: "interaction", statement: statement(100) },
    { kind: "state", id: "s", document: { format: 1, resumeState: "z".repeat(300), location: null, completedSent: false, passedSent: false } },
    { kind: "statement", id: "c", role: "interaction", statement: statement(100) },
  ];
  expect(planKeepalive(queue, 10_000).map((r) => (r.kind === "state" ? "state" : r.statements.length))).toEqual([2, "state", 1]);
  expect(planKeepalive(queue, 400).map((r) => (r.kind === "state" ? "state" : r.statements.length))).toEqual([2]);
  expect(planKeepalive(queue, 100)).toEqual([]);
});

it("planUnload: the newest State write, then every statement in one batch (Terminated last in it); null over the budget", () => {
  const statement = (id: string) => ({ id, timestamp: "t", actor: {}, verb: { id: "v" }, object: { id: "o" } }) as never;
  const state = (resumeState: string) => ({ format: 1, resumeState, location: null, completedSent: true, passedSent: true }) as const;
  const queue: OutboxItem[] = [
    { kind: "statement", id: "a", role: "interaction", statement: statement("a") },
    { kind: "state", id: "s1", document: state("older") },
    { kind: "statement", id: "p", role: "outcome", statement: statement("p") },
    { kind: "state", id: "s2", document: state("newest") },
    { kind: "statement", id: "t", role: "terminated", statement: statement("t") },
  ];
  const plan = planUnload(queue, 10_000)!;
  expect(plan.map((r) => (r.kind === "state" ? r.document.resumeState : r.statements.map((s) => s.id).join("")))).toEqual(["newest", "apt"]);
  expect(planUnload(queue, 200)).toBeNull();
});
