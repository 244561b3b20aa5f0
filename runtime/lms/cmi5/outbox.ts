// The durable Outbox (docs/rules/reporting.md "Delivery").
// - Creation order kept; ids from creation, so a retry never double-counts (PUT ?statementId= and
//   a re-POST are idempotent; 204/409 for an id the LRS already holds count as accepted).
// - Network errors, timeouts, 408/429/5xx: retried with exponential backoff and jitter.
// - 401: "auth-lost", everything kept, retried slowly and on flush().
// - A 403 about the session (the LMS forbids even reading LMS.LaunchData), twice in a row: "closed",
//   the LMS ended the session; no more requests, what is queued stays (persisted) for the record.
// - A 403 about THIS statement (a rule violation), or another 4xx: logged loudly, set aside in
//   `rejected` (kept, never retried forever). How the two 403s are told apart: delivery-verdict.ts.
//   A refused batch is re-sent item by item so only the guilty item is set aside.
import { backoffMs, withJitter } from "../backoff";
import type { Logger, Timers } from "../ports";
import type { XapiAnswer, XapiRequestOptions } from "../xapi/client";
import { classifyAnswer, type Verdict } from "./delivery-verdict";
import type { AuStateDocument } from "./au-state";
import type { OutboxItem } from "./outbox-item";
import { KEEPALIVE_BUDGET_BYTES, planKeepalive, planUnload, sendKeepalive, sizeOf } from "./keepalive";
import type { Cmi5Statement } from "./statements";

export interface OutboxTransport {
  putStatement(statement: Cmi5Statement, options: XapiRequestOptions): Promise<XapiAnswer>;
  postStatements(statements: Cmi5Statement[], options: XapiRequestOptions): Promise<XapiAnswer>;
  putState(document: AuStateDocument, options: XapiRequestOptions): Promise<XapiAnswer>;
  /** A read-only request with the same credentials (GET LMS.LaunchData). */
  probe(): Promise<XapiAnswer>;
}

/** baseMs/maxMs: the backoff between tries (lms/backoff.ts). */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** How often to try again on its own after a 401/403 (a flush() tries at once). */
  authRetryMs: number;
}

export type OutboxPhase = "idle" | "sending" | "retrying" | "auth-lost" | "closed";

export interface OutboxOptions {
  transport: OutboxTransport;
  items: OutboxItem[];
  rejected: OutboxItem[];
  persist(items: readonly OutboxItem[], rejected: readonly OutboxItem[]): void;
  timers: Timers;
  random: () => number;
  logger: Logger;
  retry: RetryPolicy;
  keepaliveBudgetBytes?: number; // default KEEPALIVE_BUDGET_BYTES (below the 64 KiB browser cap)
  maxBatchSize?: number;
}

type SendResult = "done" | "retry" | "auth-lost" | "closed";

export class Outbox {
  private readonly queue_: OutboxItem[];
  private readonly rejectedItems_: OutboxItem[];
  private running_: Promise<void> | null = null;
  private phaseValue_: OutboxPhase = "idle";
  private failures_ = 0;
  /** The previous try ended in a "closed" verdict: a second one in a row is believed. */
  private closedOnce_ = false;
  private lastFailure_ = "";
  private wake_: (() => void) | null = null;
  private authTimer_: unknown = null;
  private disposed_ = false;
  private readonly listeners_ = new Set<() => void>();

  private readonly options_: OutboxOptions;

  constructor(options: OutboxOptions) {
    this.options_ = options;
    this.queue_ = [...options.items];
    this.rejectedItems_ = [...options.rejected];
  }

  get phase(): OutboxPhase {
    return this.phaseValue_;
  }
  get pending(): readonly OutboxItem[] {
    return this.queue_;
  }
  get rejected(): readonly OutboxItem[] {
    return this.rejectedItems_;
  }
  get detail(): string {
    return this.lastFailure_;
  }

  onChange(listener: () => void): () => void {
    this.listeners_.add(listener);
    return () => this.listeners_.delete(listener);
  }

  /**
   * `soon`: sent before the next task instead of at once, with whatever else is queued by then
   * (writes that are ready together go in one request).
   */
  enqueue(item: OutboxItem, soon = false): void {
    this.queue_.push(item);
    this.persist_();
    if (soon) this.options_.timers.setTimeout(() => void this.flush(), 0);
    else void this.flush();
  }

  /**
   * Queue a State document write. Waiting (not in flight) older writes are dropped: the newest
   * document supersedes them and, queued last, is still written after every statement before it.
   */
  enqueueState(id: string, document: AuStateDocument): void {
    const inFlight = this.running_ !== null ? this.queue_[0] : undefined;
    for (let i = this.queue_.length - 1; i >= 0; i--) {
      const item = this.queue_[i]!;
      if (item.kind === "state" && item !== inFlight) this.queue_.splice(i, 1);
    }
    this.enqueue({ kind: "state", id, document });
  }

  /** Resolves once the queue is empty, or delivery paused (retrying / auth-lost) or ended (closed): "gave up for now". */
  whenSettled(): Promise<void> {
    const paused: readonly OutboxPhase[] = ["retrying", "auth-lost", "closed"];
    return this.waitFor_(() => this.queue_.length === 0 || paused.includes(this.phaseValue_));
  }

  /** Resolves once everything queued was accepted (or set aside as refused), or the LMS closed the session. */
  whenEmpty(): Promise<void> {
    return this.waitFor_(() => this.queue_.length === 0 || this.phaseValue_ === "closed");
  }

  private waitFor_(condition: () => boolean): Promise<void> {
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
    if (this.disposed_ || this.phaseValue_ === "closed") return Promise.resolve();
    if (this.wake_) {
      this.setPhase_("sending");
      this.wake_(); // cut a backoff wait short: the caller wants it now
    }
    if (this.phaseValue_ === "auth-lost") this.setPhase_("sending");
    if (!this.running_) {
      this.running_ = this.drain_().finally(() => {
        this.running_ = null;
        if (this.queue_.length === 0 && this.phaseValue_ !== "auth-lost") this.setPhase_("idle");
      });
    }
    const running = this.running_;
    // An item enqueued while the loop was finishing: start again once it has finished.
    return running.then(() => (this.queue_.length > 0 && this.phaseValue_ !== "auth-lost" && this.running_ === null ? this.flush() : undefined));
  }

  /**
   * Hidden tab: push what is waiting with fetch keepalive (fire and forget, 64 KiB budget). Items
   * stay queued: if the page lives on, the loop re-sends them, the LRS knows the ids (docs/rules/lms.md §5).
   */
  keepaliveFlush(): void {
    if (this.phaseValue_ === "closed") return;
    sendKeepalive(this.options_.transport, planKeepalive(this.queue_, this.options_.keepaliveBudgetBytes ?? KEEPALIVE_BUDGET_BYTES));
  }

  /** Page unloaded for good: the WHOLE queue (planUnload), or false and only what fits (planKeepalive). */
  keepaliveFlushAll(): boolean {
    if (this.phaseValue_ === "closed") return false; // the LMS refuses this session: nothing to hand over
    const budget = this.options_.keepaliveBudgetBytes ?? KEEPALIVE_BUDGET_BYTES;
    const requests = planUnload(this.queue_, budget);
    sendKeepalive(this.options_.transport, requests ?? planKeepalive(this.queue_, budget));
    return requests !== null;
  }

  private async drain_(): Promise<void> {
    // Let the caller's synchronous burst (a submit: answers, Completed, Passed, state) join one batch.
    await Promise.resolve();
    while (this.queue_.length > 0 && !this.disposed_) {
      this.setPhase_("sending");
      const result = await this.sendHead_();
      if (result === "done") {
        this.failures_ = 0;
        this.closedOnce_ = false;
        continue;
      }
      if (result === "closed" && this.closedOnce_) {
        this.setPhase_("closed"); // for good: no timer, flush() does nothing any more
        return;
      }
      this.closedOnce_ = result === "closed"; // a first one is retried after the usual pause
      if (result === "auth-lost") {
        this.setPhase_("auth-lost");
        this.scheduleAuthRetry_();
        return;
      }
      this.failures_ += 1;
      this.setPhase_("retrying");
      await this.sleep_(withJitter(backoffMs(this.options_.retry, this.failures_), this.options_.random)); // jitter: spread reconnecting clients
      if (this.disposed_) return;
      return this.drain_();
    }
  }

  private async sendHead_(): Promise<SendResult> {
    const head = this.queue_[0]!;
    if (head.kind === "state") return this.sendSingle_(head);
    const batch: Extract<OutboxItem, { kind: "statement" }>[] = [];
    let bytes = 0;
    for (const item of this.queue_) {
      if (item.kind !== "statement" || batch.length >= (this.options_.maxBatchSize ?? 50)) break;
      bytes += sizeOf(item.statement);
      if (batch.length > 0 && bytes > KEEPALIVE_BUDGET_BYTES) break;
      batch.push(item);
    }
    if (batch.length === 1) return this.sendSingle_(head);
    const answer = await this.options_.transport.postStatements(
      batch.map((item) => item.statement),
      {},
    );
    if (answer.ok) {
      for (const item of batch) this.accept_(item);
      return "done";
    }
    const verdict = await this.classify_(answer);
    if (verdict !== "refused") return verdict;
    // 409 (some ids already stored) or a refusal: isolate item by item with idempotent PUTs.
    for (const item of batch) {
      const result = await this.sendSingle_(item);
      if (result !== "done") return result;
    }
    return "done";
  }

  private async sendSingle_(item: OutboxItem): Promise<SendResult> {
    const answer =
      item.kind === "state" ? await this.options_.transport.putState(item.document, {}) : await this.options_.transport.putStatement(item.statement, {});
    // xAPI 1.0.3: a PUT of an id the LRS already holds answers 204 (same) or 409: it is stored.
    if (answer.ok || (item.kind === "statement" && answer.status === 409)) {
      this.accept_(item);
      return "done";
    }
    const verdict = await this.classify_(answer);
    if (verdict !== "refused") return verdict;
    this.reject_(item, answer);
    return "done";
  }

  private async classify_(answer: XapiAnswer): Promise<Verdict> {
    const { verdict, detail } = await classifyAnswer(answer, () => this.options_.transport.probe());
    if (detail !== null) this.lastFailure_ = detail;
    return verdict;
  }

  private accept_(item: OutboxItem): void {
    const index = this.queue_.indexOf(item);
    if (index >= 0) this.queue_.splice(index, 1);
    this.persist_();
  }

  private reject_(item: OutboxItem, answer: XapiAnswer): void {
    const what = item.kind === "state" ? "State document write" : `statement ${item.id} (${item.statement.verb.id})`;
    // docs/rules/lms.md §5: a refused statement is a bug in the AU, not a network fault. Say it loudly.
    this.options_.logger.error(`the LMS refused ${what} with HTTP ${answer.status}: ${answer.text.slice(0, 500)}`);
    const index = this.queue_.indexOf(item);
    if (index >= 0) this.queue_.splice(index, 1);
    this.rejectedItems_.push(item);
    this.lastFailure_ = `refused by the LMS (HTTP ${answer.status})`;
    this.persist_();
    this.notify_();
  }

  private scheduleAuthRetry_(): void {
    if (this.authTimer_ !== null) this.options_.timers.clearTimeout(this.authTimer_);
    this.authTimer_ = this.options_.timers.setTimeout(() => {
      this.authTimer_ = null;
      if (this.phaseValue_ === "auth-lost") void this.flush();
    }, this.options_.retry.authRetryMs);
  }

  private sleep_(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const handle = this.options_.timers.setTimeout(() => {
        this.wake_ = null;
        resolve();
      }, ms);
      this.wake_ = () => {
        this.options_.timers.clearTimeout(handle);
        this.wake_ = null;
        resolve();
      };
    });
  }

  private setPhase_(phase: OutboxPhase): void {
    if (this.phaseValue_ === phase) return;
    this.phaseValue_ = phase;
    this.notify_();
  }

  private persist_(): void {
    this.options_.persist(this.queue_, this.rejectedItems_);
    // Everything accepted: idle at once, so a waiter woken by this change reads an honest phase.
    if (this.queue_.length === 0 && (this.phaseValue_ === "sending" || this.phaseValue_ === "retrying")) {
      this.phaseValue_ = "idle";
      this.failures_ = 0;
    }
    this.notify_();
  }

  private notify_(): void {
    for (const listener of this.listeners_) listener();
  }

  /** Stop for good: no more requests, no timers. What is queued stays in `pending`. */
  dispose(): void {
    this.disposed_ = true;
    if (this.authTimer_ !== null) this.options_.timers.clearTimeout(this.authTimer_);
    if (this.wake_) this.wake_();
  }
}
