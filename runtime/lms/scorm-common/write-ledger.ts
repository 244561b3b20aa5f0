// Delivery for SCORM (docs/rules/reporting.md "Delivery"): every cmi.* write is kept, in order, until the LMS
// accepted it AND a later Commit/Finish succeeded. A write the LMS fails (non-zero error code) blocks
// the writes after it (so "score before status" holds on retry too) and is retried at the next
// checkpoint; a write the LMS refuses for its element or value (data-model error) is dropped and
// logged, because asking again cannot change the answer.
import type { DeliveryState, DeliveryStatus } from "../driver";
import type { ScormConnection } from "./connection";
import { isDataModelRefusal, type ScormVersion } from "./error-codes";

/** Checkpoints failed in a row before the learner is told the connection is lost. */
export const FAILED_CHECKPOINTS_BEFORE_LOST = 3;

/**
 * `outcome`: the judgement itself (status, score) — what `outcomeDelivered` is about.
 * `detail`: goes with the outcome but an LMS may lack it (score.min/max): refusing it is no alarm.
 */
export type WriteKind = "outcome" | "detail" | "state" | "interaction" | "session";

interface Write {
  seq: number;
  element: string;
  value: string;
  kind: WriteKind;
}

export class WriteLedger {
  private readonly connection_: ScormConnection;
  private readonly version_: ScormVersion;
  private readonly log_: (message: string) => void;
  private seq_ = 0;
  /** Writes not yet accepted by SetValue, in order. */
  private unsent_: Write[] = [];
  /** Accepted by SetValue, not yet covered by a successful Commit/Finish. */
  private uncommitted_: Write[] = [];
  /** Last value accepted per element, to skip writes that change nothing. */
  private readonly accepted_ = new Map<string, string>();
  private lastOutcomeSeq_ = 0;
  private committedSeq_ = 0;
  private outcomeRefused_ = false;
  private failedCheckpoints_ = 0;
  private everCommitted_ = false;
  private ended_ = false;
  private lastDetail_: string | undefined;
  private refusedSeq_ = 0;
  private refusalDetail_ = "";
  /** A write failed (not refused) and waits, blocking the writes after it. */
  private blocked_ = false;

  constructor(connection: ScormConnection, version: ScormVersion, log: (message: string) => void) {
    this.connection_ = connection;
    this.version_ = version;
    this.log_ = log;
  }

  /** What the LMS already holds (read at start): writing the same value again is skipped. */
  seed(element: string, value: string): void {
    this.accepted_.set(element, value);
  }

  /** Sequence number of the latest write queued (to tell whether a call changed anything). */
  get sequence(): number {
    return this.seq_;
  }

  /**
   * Queue a write and try it now (after any earlier write still waiting). "unchanged" when the LMS
   * already holds that value, "queued" when it waits for the next checkpoint, "refused" when the LMS
   * rejected the element or value for good.
   */
  write(element: string, value: string, kind: WriteKind): "accepted" | "unchanged" | "queued" | "refused" {
    const queued = [...this.unsent_].reverse().find((w) => w.element === element);
    const current = queued ? queued.value : this.accepted_.get(element);
    if (current === value) return "unchanged";
    const write: Write = { seq: ++this.seq_, element, value, kind };
    if (kind === "outcome") {
      this.lastOutcomeSeq_ = write.seq;
      this.outcomeRefused_ = false;
    }
    this.unsent_.push(write);
    this.refusedSeq_ = 0;
    this.flushWrites();
    if (this.unsent_.includes(write)) return "queued";
    return this.refusedSeq_ === write.seq ? "refused" : "accepted";
  }

  /** Retry the unsent writes in order; stop at the first that fails (it blocks the rest). */
  flushWrites(): boolean {
    while (this.unsent_.length > 0) {
      const write = this.unsent_[0]!;
      const result = this.connection_.setValue(write.element, write.value);
      if (!result.ok && result.errorCode > 0 && isDataModelRefusal(this.version_, result.errorCode)) {
        this.log_(`LMS refused ${write.element}=${JSON.stringify(write.value)}: ${result.detail}; left out`);
        if (write.kind === "outcome") {
          this.outcomeRefused_ = true;
          this.refusalDetail_ = `the LMS refused ${write.element}=${JSON.stringify(write.value)}: ${result.detail}`;
        }
        this.refusedSeq_ = write.seq;
        this.unsent_.shift();
        continue;
      }
      if (!result.ok) {
        this.lastDetail_ = result.detail;
        this.blocked_ = true;
        return false;
      }
      this.unsent_.shift();
      this.accepted_.set(write.element, write.value);
      this.uncommitted_.push(write);
    }
    this.blocked_ = false;
    return true;
  }

  /** A write or a commit failed and waits for a retry. */
  get failing(): boolean {
    return !this.ended_ && (this.blocked_ || this.failedCheckpoints_ > 0);
  }

  /** True when something was written since the last successful Commit/Finish. */
  get dirty(): boolean {
    return this.unsent_.length > 0 || this.uncommitted_.length > 0;
  }

  /** A checkpoint: retry unsent writes, then Commit if anything changed. */
  checkpoint(): void {
    if (this.connection_.isFinished) return;
    if (!this.dirty) return;
    if (!this.flushWrites()) return this.checkpointFailed_();
    const result = this.connection_.commit();
    if (!result.ok) {
      this.lastDetail_ = result.detail;
      return this.checkpointFailed_();
    }
    this.committed_();
  }

  /** Finish/Terminate (which persists): the last call of the session. */
  finish(commitFirst: boolean): void {
    if (this.connection_.isFinished) return;
    this.flushWrites();
    if (commitFirst && this.dirty && this.unsent_.length === 0) {
      const commit = this.connection_.commit();
      if (commit.ok) this.committed_();
      else this.lastDetail_ = commit.detail;
    }
    const result = this.connection_.finish();
    this.ended_ = true;
    if (result.ok && this.unsent_.length === 0) this.committed_();
    else this.lastDetail_ = result.detail || this.lastDetail_ || "finished with unsaved writes";
  }

  status(): DeliveryStatus {
    const pending = this.unsent_.length + this.uncommitted_.length;
    const outcomeDelivered = !this.outcomeRefused_ && this.lastOutcomeSeq_ <= this.committedSeq_;
    const state = this.state_(pending);
    const status: DeliveryStatus = { state, pending, outcomeDelivered };
    if (state !== "delivered" && state !== "idle" && this.lastDetail_) status.detail = this.lastDetail_;
    else if (this.outcomeRefused_) status.detail = this.refusalDetail_;
    return status;
  }

  private state_(pending: number): DeliveryState {
    if (this.connection_.apiGone) return "auth-lost";
    if (this.ended_) return pending === 0 ? "ended" : "auth-lost";
    if (this.failedCheckpoints_ >= FAILED_CHECKPOINTS_BEFORE_LOST) return "auth-lost";
    if (this.failedCheckpoints_ > 0 || this.blocked_) return "retrying";
    if (pending > 0) return "sending";
    return this.everCommitted_ ? "delivered" : "idle";
  }

  private committed_(): void {
    // Only called with nothing unsent: every write so far is now either persisted or refused.
    this.committedSeq_ = this.seq_;
    this.uncommitted_ = [];
    this.failedCheckpoints_ = 0;
    this.everCommitted_ = true;
    this.lastDetail_ = undefined;
  }

  private checkpointFailed_(): void {
    this.failedCheckpoints_++;
    this.log_(`checkpoint failed (${this.failedCheckpoints_} in a row): ${this.lastDetail_ ?? "unknown error"}`);
  }
}
