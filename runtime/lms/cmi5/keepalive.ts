// docs/rules/lms.md §5: on pagehide, fetch keepalive carries what is waiting; browsers cap keepalive bodies
// in flight at 64 KiB in total, so plan requests in queue order until the budget is used up.
import type { AuStateDocument } from "./au-state";
import type { OutboxTransport } from "./outbox";
import type { OutboxItem } from "./outbox-item";
import type { Cmi5Statement } from "./statements";

/** Below the 64 KiB browser limit, with headroom for headers. */
export const KEEPALIVE_BUDGET_BYTES = 60 * 1024;

export type KeepaliveRequest = { kind: "statements"; statements: Cmi5Statement[] } | { kind: "state"; document: AuStateDocument };

export function sizeOf(body: unknown): number {
  return new TextEncoder().encode(JSON.stringify(body)).length;
}

/**
 * Consecutive statements go in one POST (one PUT when alone); a State document write is its own
 * PUT. Stops at the first item that no longer fits: order is kept, nothing is skipped over.
 */
export function planKeepalive(queue: readonly OutboxItem[], budgetBytes: number): KeepaliveRequest[] {
  const requests: KeepaliveRequest[] = [];
  let used = 0;
  let run: Cmi5Statement[] = [];
  let runBytes = 2; // "[]"
  const closeRun = () => {
    if (run.length > 0) requests.push({ kind: "statements", statements: run });
    used += run.length > 0 ? runBytes : 0;
    run = [];
    runBytes = 2;
  };
  for (const item of queue) {
    if (item.kind === "statement") {
      const size = sizeOf(item.statement) + (run.length > 0 ? 1 : 0);
      if (used + runBytes + size > budgetBytes) break;
      run.push(item.statement);
      runBytes += size;
      continue;
    }
    closeRun();
    const size = sizeOf(item.document);
    if (used + size > budgetBytes) return requests;
    requests.push({ kind: "state", document: item.document });
    used += size;
  }
  closeRun();
  return requests;
}

/**
 * The page is gone for good (no request can wait for another, so concurrent keepalive requests may
 * reach the LRS in any order): the newest State document write (it supersedes the others) and then
 * EVERY statement in ONE batch, so Terminated, last in its batch, cannot overtake what it closes.
 * null when that does not fit the budget (the caller falls back to planKeepalive).
 */
export function planUnload(queue: readonly OutboxItem[], budgetBytes: number): KeepaliveRequest[] | null {
  const requests: KeepaliveRequest[] = [];
  const state = queue.filter((item) => item.kind === "state").pop();
  if (state) requests.push({ kind: "state", document: state.document });
  const statements = queue.flatMap((item) => (item.kind === "statement" ? [item.statement] : []));
  if (statements.length > 0) requests.push({ kind: "statements", statements });
  const bytes = requests.reduce((sum, r) => sum + sizeOf(r.kind === "state" ? r.document : r.statements), 0);
  return bytes <= budgetBytes ? requests : null;
}

/** Fire and forget: each request with fetch keepalive, started in plan order. */
export function sendKeepalive(transport: Pick<OutboxTransport, "putState" | "putStatement" | "postStatements">, requests: readonly KeepaliveRequest[]): void {
  for (const request of requests) {
    if (request.kind === "state") void transport.putState(request.document, { keepalive: true });
    else if (request.statements.length === 1) void transport.putStatement(request.statements[0]!, { keepalive: true });
    else void transport.postStatements(request.statements, { keepalive: true });
  }
}
