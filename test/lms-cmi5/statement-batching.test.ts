// Statements that are ready together go in ONE request (issue 14): Initialized with the first
// screen's progressed, a submit's answers with Completed and Passed. The local LRS (strict: the xAPI
// validator and the cmi5 rules) accepts the arrays and stores them in order.
import { describe, expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import type { FetchLike } from "../../runtime/lms/xapi/client";
import { choiceReport, launch, newDriver, newPage, outcome, until, useLocalLms, verbs } from "./helpers";

let lms: LocalLms;
const { newViolations } = useLocalLms((started) => (lms = started));

interface StatementRequest {
  method: string;
  count: number;
  status?: number;
}

function recordStatements(): { fetch: FetchLike; requests: StatementRequest[] } {
  const requests: StatementRequest[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    const isWrite = new URL(url).pathname.endsWith("/statements") && init.method !== "GET";
    const body: unknown = isWrite && typeof init.body === "string" ? JSON.parse(init.body) : null;
    const entry: StatementRequest = { method: init.method ?? "GET", count: Array.isArray(body) ? body.length : 1 };
    if (isWrite) requests.push(entry);
    const response = await fetch(url, init);
    entry.status = response.status;
    return response;
  };
  return { fetch: fetchImpl, requests };
}

describe("statements ready together go as one POST", () => {
  it("Initialized and the first screen's progressed: one request, accepted", async () => {
    const l = launch(lms);
    const { fetch, requests } = recordStatements();
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { fetch });
    await driver.start();
    driver.reportProgress(0.25); // what the first screen reports right after it is rendered (boot → session.begin)
    await until(() => requests[0]?.status !== undefined);
    expect(requests).toEqual([{ method: "POST", count: 2, status: 200 }]);
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "progressed"]);
    expect(newViolations()).toEqual([]);
    await driver.exit();
  });

  it("Initialized alone still goes without any report (before the next task)", async () => {
    const l = launch(lms);
    const { fetch, requests } = recordStatements();
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { fetch });
    await driver.start();
    await until(() => requests[0]?.status !== undefined);
    expect(requests).toEqual([{ method: "PUT", count: 1, status: 204 }]);
    await driver.exit();
  });

  it("a submit's answers, Completed and Passed: one POST of 5 statements, stored in order", async () => {
    const l = launch(lms);
    const { fetch, requests } = recordStatements();
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { fetch });
    await driver.start();
    await until(() => lms.statements({ registration: l.registration }).length === 1);
    requests.length = 0;
    for (const id of ["q1", "q2", "q3"]) driver.reportInteraction(choiceReport(id, true));
    driver.reportOutcome(outcome({ progress: 1, completed: true, status: "passed", score: 100, final: true }));
    await driver.checkpoint();
    expect(requests.filter((r) => r.count > 0)).toEqual([{ method: "POST", count: 5, status: 200 }]);
    expect(verbs(lms.statements({ registration: l.registration }))).toEqual(["initialized", "answered", "answered", "answered", "completed", "passed"]);
    expect(newViolations()).toEqual([]);
    await driver.exit();
  });
});
