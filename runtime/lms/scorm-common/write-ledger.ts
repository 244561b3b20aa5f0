// Delivery for SCORM (reporting.md "Delivery"): every cmi.* write is kept, in order, until the LMS
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
  private readonly connection: ScormConnection;
  private readonly version: ScormVersion;
  private readonly log: (message: string) => void;
  private seq = 0;
  /** Writes not yet accepted by SetValue, in order. */
  private unsent: Write[] = [];
  /** Accepted by SetValue, not yet covered by a successful Commit/Finish. */
  private uncommitted: Write[] = [];
  /** Last value accepted per element, to skip writes that change nothing. */
  private readonly accepted = new Map<string, string>();
  private lastOutcomeSeq = 0;
  private committedSeq = 0;
  private outcomeRefused = false;
  private failedCheckpoints = 0;
  private everCommitted = false;
  private ended = false;
  private lastDetail: string | undefined;
  private refusedSeq = 0;
  private refusalDetail = "";
  /** A write failed (not refused) and waits, blocking the writes after it. */
  private blocked = false;

  constructor(connection: ScormConnection, version: ScormVersion, log: (message: string) => void) {
    this.connection = connection;
    this.version = version;
    this.log = log;
  }

  /** What the LMS already holds (read at start): writing the same value again is skipped. */
  seed(element: string, value: string): void {
    this.accepted.set(element, value);
  }

  /** Sequence number of the latest write queued (to tell whether a call changed anything). */
  get sequence(): number {
    return this.seq;
  }

  /**
   * Queue a write and try it now (after any earlier write still waiting). "unchanged" when the LMS
   * already holds that value, "queued" when it waits for the next checkpoint, "refused" when the LMS
   * rejected the element or value for good.
   */
  write(element: string, value: string, kind: WriteKind): "accepted" | "unchanged" | "queued" | "refused" {
    const queued = [...this.unsent].reverse().find((w) => w.element === element);
    const current = queued ? queued.value : this.accepted.get(element);
    if (current === value) return "unchanged";
    const write: Write = { seq: ++this.seq, element, value, kind };
    if (kind === "outcome") {
      this.lastOutcomeSeq = write.seq;
      this.outcomeRefused = false;
    }
    this.unsent.push(write);
    this.refusedSeq = 0;
    this.flushWrites();
    if (this.unsent.includes(write)) return "queued";
    return this.refusedSeq === write.seq ? "refused" : "accepted";
  }

  /** Retry the unsent writes in order; stop at the first that fails (it blocks the rest). */
  flushWrites(): boolean {
    while (this.unsent.length > 0) {
      const write = this.unsent[0]!;
      const result = this.connection.setValue(write.element, write.value);
      if (!result.ok && result.errorCode > 0 && isDataModelRefusal(this.version, result.errorCode)) {
        this.log(`LMS refused ${write.element}=${JSON.stringify(write.value)}: ${result.detail}; left out`);
        if (write.kind === "outcome") {
          this.outcomeRefused = true;
          this.refusalDetail = `the LMS refused ${write.element}=${JSON.stringify(write.value)}: ${result.detail}`;
        }
        this.refusedSeq = write.seq;
        this.unsent.shift();
        continue;
      }
      if (!result.ok) {
        this.lastDetail = result.detail;
        this.blocked = true;
        return false;
      }
      this.unsent.shift();
      this.accepted.set(write.element, write.value);
      this.uncommitted.push(write);
    }
    this.blocked = false;
    return true;
  }

  /** A write or a commit failed and waits for a retry. */
  get failing(): boolean {
    return !this.ended && (this.blocked || this.failedCheckpoints > 0);
  }

  /** True when something was written since the last successful Commit/Finish. */
  get dirty(): boolean {
    return this.unsent.length > 0 || this.uncommitted.length > 0;
  }

  /** A checkpoint: retry unsent writes, then Commit if anything changed. */
  checkpoint(): void {
    if (this.connection.isFinished) return;
    if (!this.dirty) return;
    if (!this.flushWrites()) return this.checkpointFailed();
    const result = this.connection.commit();
    if (!result.ok) {
      this.lastDetail = result.detail;
      return this.checkpointFailed();
    }
    this.committed();
  }

  /** Finish/Terminate (which persists): the last call of the session. */
  finish(commitFirst: boolean): void {
    if (this.connection.isFinished) return;
    this.flushWrites();
    if (commitFirst && this.dirty && this.unsent.length === 0) {
      const commit = this.connection.commit();
      if (commit.ok) this.committed();
      else this.lastDetail = commit.detail;
    }
    const result = this.connection.finish();
    this.ended = true;
    if (result.ok && this.unsent.length === 0) this.committed();
    else this.lastDetail = result.detail || this.lastDetail || "finished with unsaved writes";
  }

  status(): DeliveryStatus {
    const pending = this.unsent.length + this.uncommitted.length;
    const outcomeDelivered = !this.outcomeRefused && this.lastOutcomeSeq <= this.committedSeq;
    const state = this.state(pending);
    const status: DeliveryStatus = { state, pending, outcomeDelivered };
    if (state !== "delivered" && state !== "idle" && this.lastDetail) status.detail = this.lastDetail;
    else if (this.outcomeRefused) status.detail = this.refusalDetail;
    return status;
  }

  private state(pending: number): DeliveryState {
    if (this.connection.apiGone) return "auth-lost";
    if (this.ended) return pending === 0 ? "ended" : "auth-lost";
    if (this.failedCheckpoints >= FAILED_CHECKPOINTS_BEFORE_LOST) return "auth-lost";
    if (this.failedCheckpoints > 0 || this.blocked) return "retrying";
    if (pending > 0) return "sending";
    return this.everCommitted ? "delivered" : "idle";
  }

  private committed(): void {
    // Only called with nothing unsent: every write so far is now either persisted or refused.
    this.committedSeq = this.seq;
    this.uncommitted = [];
    this.failedCheckpoints = 0;
    this.everCommitted = true;
    this.lastDetail = undefined;
  }

  private checkpointFailed(): void {
    this.failedCheckpoints++;
    this.log(`checkpoint failed (${this.failedCheckpoints} in a row): ${this.lastDetail ?? "unknown error"}`);
  }
}
