// cmi5-au.md §5: on pagehide, fetch keepalive carries what is waiting; browsers cap keepalive bodies
// in flight at 64 KiB in total, so plan requests in queue order until the budget is used up.
import type { AuStateDocument } from "./au-state";
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
