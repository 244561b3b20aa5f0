// The durable Outbox (reporting.md "Delivery: nothing lost, nothing doubled").
// - Creation order kept; ids from creation, so a retry never double-counts (PUT ?statementId= and
//   a re-POST are idempotent; 204/409 for an id the LRS already holds count as accepted).
// - Network errors, timeouts, 408/429/5xx: retried with exponential backoff and jitter.
// - 401, or a 403 about the session: "auth-lost", everything kept, retried slowly and on flush().
// - A 403 about THIS statement (a rule violation), or another 4xx: logged loudly, set aside in
//   `rejected` (kept, never retried forever). How the two 403s are told apart: delivery-verdict.ts.
//   A refused batch is re-sent item by item so only the guilty item is set aside.
import type { XapiAnswer, XapiRequestOptions } from "../xapi/client";
import { classifyAnswer, type Verdict } from "./delivery-verdict";
import type { AuStateDocument } from "./au-state";
import type { OutboxItem } from "./outbox-item";
import { KEEPALIVE_BUDGET_BYTES, planKeepalive, sizeOf } from "./keepalive";
import type { OutboxLogger, Timers } from "./ports";
import type { Cmi5Statement } from "./statements";

export type { OutboxLogger, Timers } from "./ports";

export interface OutboxTransport {
  putStatement(statement: Cmi5Statement, options: XapiRequestOptions): Promise<XapiAnswer>;
  postStatements(statements: Cmi5Statement[], options: XapiRequestOptions): Promise<XapiAnswer>;
  putState(document: AuStateDocument, options: XapiRequestOptions): Promise<XapiAnswer>;
  /** A read-only request with the same credentials (GET LMS.LaunchData). */
  probe(): Promise<XapiAnswer>;
}

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** How often to try again on its own after a 401/403 (a flush() tries at once). */
  authRetryMs: number;
}

export type OutboxPhase = "idle" | "sending" | "retrying" | "auth-lost";

export interface OutboxOptions {
  transport: OutboxTransport;
  items: OutboxItem[];
  rejected: OutboxItem[];
  persist(items: readonly OutboxItem[], rejected: readonly OutboxItem[]): void;
  timers: Timers;
  random: () => number;
  logger: OutboxLogger;
  retry: RetryPolicy;
  keepaliveBudgetBytes?: number; // default KEEPALIVE_BUDGET_BYTES (below the 64 KiB browser cap)
  maxBatchSize?: number;
}

type SendResult = "done" | "retry" | "auth-lost";

export class Outbox {
  private readonly queue: OutboxItem[];
  private readonly rejectedItems: OutboxItem[];
  private running: Promise<void> | null = null;
  private phaseValue: OutboxPhase = "idle";
  private failures = 0;
  private lastFailure = "";
  private wake: (() => void) | null = null;
  private authTimer: unknown = null;
  private disposed = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: OutboxOptions) {
    this.queue = [...options.items];
    this.rejectedItems = [...options.rejected];
  }

  get phase(): OutboxPhase {
    return this.phaseValue;
  }
  get pending(): readonly OutboxItem[] {
    return this.queue;
  }
  get rejected(): readonly OutboxItem[] {
    return this.rejectedItems;
  }
  get detail(): string {
    return this.lastFailure;
  }


  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  enqueue(item: OutboxItem): void {
    this.queue.push(item);
    this.persist();
    void this.flush();
  }

  /**
   * Queue a State document write. Waiting (not in flight) older writes are dropped: the newest
   * document supersedes them and, queued last, is still written after every statement before it.
   */
  enqueueState(id: string, document: AuStateDocument): void {
    const inFlight = this.running !== null ? this.queue[0] : undefined;
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const item = this.queue[i]!;
      if (item.kind === "state" && item !== inFlight) this.queue.splice(i, 1);
    }
    this.enqueue({ kind: "state", id, document });
  }

  /** Resolves once the queue is empty, or delivery paused (retrying / auth-lost): "gave up for now". */
  whenSettled(): Promise<void> {
    return this.waitFor(() => this.queue.length === 0 || this.phaseValue === "retrying" || this.phaseValue === "auth-lost");
  }

  /** Resolves once everything queued was accepted (or set aside as refused). */
  whenEmpty(): Promise<void> {
    return this.waitFor(() => this.queue.length === 0);
  }

  private waitFor(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.onChange(() => {
        if (!condition()) return;
        stop();
        resolve();
      });
    });
  }

  /** Send what is queued (now, even during a backoff). Resolves when the queue is empty or auth-lost. */
  flush(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.wake) {
      this.setPhase("sending");
      this.wake(); // cut a backoff wait short: the caller wants it now
    }
    if (this.phaseValue === "auth-lost") this.setPhase("sending");
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = null;
        if (this.queue.length === 0 && this.phaseValue !== "auth-lost") this.setPhase("idle");
      });
    }
    const running = this.running;
    // An item enqueued while the loop was finishing: start again once it has finished.
    return running.then(() => (this.queue.length > 0 && this.phaseValue !== "auth-lost" && this.running === null ? this.flush() : undefined));
  }

  /**
   * pagehide / hidden tab: push what is waiting with fetch keepalive, fire and forget, within the
   * 64 KiB in-flight budget. Items stay queued: if the page lives on, the normal loop re-sends them
   * and the LRS recognises the ids (cmi5-au.md §5).
   */
  keepaliveFlush(): void {
    const transport = this.options.transport;
    for (const request of planKeepalive(this.queue, this.options.keepaliveBudgetBytes ?? KEEPALIVE_BUDGET_BYTES)) {
      if (request.kind === "state") void transport.putState(request.document, { keepalive: true });
      else if (request.statements.length === 1) void transport.putStatement(request.statements[0]!, { keepalive: true });
      else void transport.postStatements(request.statements, { keepalive: true });
    }
  }

  private async drain(): Promise<void> {
    // Let the caller's synchronous burst (a submit: answers, Completed, Passed, state) join one batch.
    await Promise.resolve();
    while (this.queue.length > 0 && !this.disposed) {
      this.setPhase("sending");
      const result = await this.sendHead();
      if (result === "done") {
        this.failures = 0;
        continue;
      }
      if (result === "auth-lost") {
        this.setPhase("auth-lost");
        this.scheduleAuthRetry();
        return;
      }
      this.failures += 1;
      this.setPhase("retrying");
      const backoff = Math.min(this.options.retry.maxMs, this.options.retry.baseMs * 2 ** (this.failures - 1));
      await this.sleep(backoff * (0.5 + this.options.random() * 0.5)); // jitter: spread reconnecting clients
      if (this.disposed) return;
      return this.drain();
    }
  }

  private async sendHead(): Promise<SendResult> {
    const head = this.queue[0]!;
    if (head.kind === "state") return this.sendSingle(head);
    const batch: Extract<OutboxItem, { kind: "statement" }>[] = [];
    let bytes = 0;
    for (const item of this.queue) {
      if (item.kind !== "statement" || batch.length >= (this.options.maxBatchSize ?? 50)) break;
      bytes += sizeOf(item.statement);
      if (batch.length > 0 && bytes > KEEPALIVE_BUDGET_BYTES) break;
      batch.push(item);
    }
    if (batch.length === 1) return this.sendSingle(head);
    const answer = await this.options.transport.postStatements(batch.map((item) => item.statement), {});
    if (answer.ok) {
      for (const item of batch) this.accept(item);
      return "done";
    }
    const verdict = await this.classify(answer);
    if (verdict === "retry" || verdict === "auth-lost") return verdict;
    // 409 (some ids already stored) or a refusal: isolate item by item with idempotent PUTs.
    for (const item of batch) {
      const result = await this.sendSingle(item);
      if (result !== "done") return result;
    }
    return "done";
  }

  private async sendSingle(item: OutboxItem): Promise<SendResult> {
    const answer =
      item.kind === "state"
        ? await this.options.transport.putState(item.document, {})
        : await this.options.transport.putStatement(item.statement, {});
    // xAPI 1.0.3: a PUT of an id the LRS already holds answers 204 (same) or 409: it is stored.
    if (answer.ok || (item.kind === "statement" && answer.status === 409)) {
      this.accept(item);
      return "done";
    }
    const verdict = await this.classify(answer);
    if (verdict === "retry" || verdict === "auth-lost") return verdict;
    this.reject(item, answer);
    return "done";
  }

  private async classify(answer: XapiAnswer): Promise<Verdict> {
    const { verdict, detail } = await classifyAnswer(answer, () => this.options.transport.probe());
    if (detail !== null) this.lastFailure = detail;
    return verdict;
  }

  private accept(item: OutboxItem): void {
    const index = this.queue.indexOf(item);
    if (index >= 0) this.queue.splice(index, 1);
    this.persist();
  }

  private reject(item: OutboxItem, answer: XapiAnswer): void {
    const what = item.kind === "state" ? "State document write" : `statement ${item.id} (${item.statement.verb.id})`;
    // cmi5-au.md §6: a refused statement is a bug in the AU, not a network fault. Say it loudly.
    this.options.logger.error(`passmark cmi5: the LMS refused ${what} with HTTP ${answer.status}: ${answer.text.slice(0, 500)}`);
    const index = this.queue.indexOf(item);
    if (index >= 0) this.queue.splice(index, 1);
    this.rejectedItems.push(item);
    this.lastFailure = `refused by the LMS (HTTP ${answer.status})`;
    this.persist();
    this.notify();
  }

  private scheduleAuthRetry(): void {
    if (this.authTimer !== null) this.options.timers.clearTimeout(this.authTimer);
    this.authTimer = this.options.timers.setTimeout(() => {
      this.authTimer = null;
      if (this.phaseValue === "auth-lost") void this.flush();
    }, this.options.retry.authRetryMs);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const handle = this.options.timers.setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        this.options.timers.clearTimeout(handle);
        this.wake = null;
        resolve();
      };
    });
  }

  private setPhase(phase: OutboxPhase): void {
    if (this.phaseValue === phase) return;
    this.phaseValue = phase;
    this.notify();
  }

  private persist(): void {
    this.options.persist(this.queue, this.rejectedItems);
    // Everything accepted: idle at once, so a waiter woken by this change reads an honest phase.
    if (this.queue.length === 0 && (this.phaseValue === "sending" || this.phaseValue === "retrying")) {
      this.phaseValue = "idle";
      this.failures = 0;
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Stop for good: no more requests, no timers. What is queued stays in `pending`. */
  dispose(): void {
    this.disposed = true;
    if (this.authTimer !== null) this.options.timers.clearTimeout(this.authTimer);
    if (this.wake) this.wake();
  }
}
