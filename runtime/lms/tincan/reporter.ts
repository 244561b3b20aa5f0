// Turns what the engine reports during one Tin Can session into statements and State writes in the
// Outbox (docs/xapi-target.md "Statements"): attempted (first session) and initialized, answered per
// submitted question, completed once per registration, passed once, failed for each new failing score
// (never after passed), terminated last. Nothing about a status that is not true.
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import type { Outbox } from "../cmi5/outbox";
import type { StatementRole } from "../cmi5/outbox-item";
import type { Logger, Timers } from "../ports";
import { xapiInteraction } from "../xapi/interaction";
import { uuidV4, type RandomBytes } from "../xapi/uuid";
import type { TincanLaunchParams } from "./launch-params";
import type { TincanStateDocument } from "./state-document";
import {
  buildAnswered,
  buildAttempted,
  buildCompleted,
  buildInitialized,
  buildJudgement,
  buildTerminated,
  type TincanFrame,
  type TincanStatement,
} from "./statements";

export interface TincanReporterDeps {
  params: TincanLaunchParams;
  outbox: Outbox;
  /** What the LRS held at launch (null: first session of the attempt). */
  document: TincanStateDocument | null;
  interactions: boolean;
  now: () => number;
  timers: Timers;
  randomBytes: RandomBytes | undefined;
  logger: Logger;
  /** State writes while the learner answers: at most one per this many ms (checkpoints write at once). */
  stateIntervalMs: number;
}

export class TincanReporter {
  private readonly deps_: TincanReporterDeps;
  private readonly document_: TincanStateDocument;
  private readonly startedAt_: number;
  private lastTimestamp_ = 0;
  private open_ = true;
  private stateDue_ = false;
  private stateTimer_: unknown = null;
  private lastWritten_ = "";

  constructor(deps: TincanReporterDeps) {
    this.deps_ = deps;
    this.document_ = deps.document ?? { format: 1, resumeState: null, location: null, completedSent: false, passedSent: false, judged: null };
    this.lastWritten_ = deps.document ? JSON.stringify(deps.document) : "";
    this.startedAt_ = deps.now();
  }

  get resumeState(): string | null {
    return this.document_.resumeState;
  }

  /** Queued first, sent with the first screen's reports. */
  startSession(): void {
    if (this.deps_.document === null) this.send_("initialized", buildAttempted(this.frame_()), true);
    this.send_("initialized", buildInitialized(this.frame_()), true);
  }

  saveState(state: string, location: string | null): void {
    if (!this.open_) return;
    this.document_.resumeState = state;
    this.document_.location = location;
    this.stateDue_ = true;
    this.stateTimer_ ??= this.deps_.timers.setTimeout(() => this.sendPendingState(), this.deps_.stateIntervalMs);
  }

  /** Writes the kept state now if it waits for its coalesced write (a checkpoint). */
  sendPendingState(): void {
    if (this.stateDue_ && this.open_) this.queueState_();
  }

  reportInteraction(report: InteractionReport): void {
    if (!this.open_ || !this.deps_.interactions) return;
    const xapi = xapiInteraction(report);
    if (xapi === null) {
      this.deps_.logger.warn(`question ${report.questionId} cannot be expressed as an xAPI interaction; not sent`);
      return;
    }
    this.send_("interaction", buildAnswered(this.frame_(), report, xapi));
  }

  reportOutcome(outcome: Outcome): void {
    if (!this.open_) return;
    const doc = this.document_;
    let changed = false;
    if (outcome.completed && !doc.completedSent) {
      this.send_("outcome", buildCompleted(this.frame_(), this.sessionMs_()));
      doc.completedSent = changed = true;
    }
    const failing = (outcome.status === "failed" || outcome.status === "unableToPass") && outcome.score !== null;
    const verb = outcome.status === "passed" ? "passed" : failing ? "failed" : null;
    const key = verb === null ? null : `${verb}:${outcome.score ?? ""}`;
    // Passed once per registration; a Failed for each new failing score, never after a Passed.
    if (verb !== null && !doc.passedSent && key !== doc.judged) {
      const input = { score: outcome.score, completed: outcome.completed, sessionMs: this.sessionMs_(), assessor: outcome.assessor ?? null };
      this.send_("outcome", buildJudgement(this.frame_(), verb, input));
      doc.passedSent = verb === "passed";
      doc.judged = key;
      changed = true;
    }
    if (changed) this.queueState_(); // what was sent is on record before anything later
  }

  /** The resume state written, then terminated with the session's duration. Once. */
  endSession(): void {
    if (!this.open_) return;
    this.queueState_();
    this.send_("terminated", buildTerminated(this.frame_(), this.sessionMs_()));
    this.open_ = false;
    this.dispose();
  }

  dispose(): void {
    if (this.stateTimer_ !== null) this.deps_.timers.clearTimeout(this.stateTimer_);
    this.stateTimer_ = null;
  }

  private queueState_(): void {
    this.stateDue_ = false;
    this.dispose();
    const json = JSON.stringify(this.document_);
    if (json === this.lastWritten_) return; // the LRS has (or is sent) this very document
    this.lastWritten_ = json;
    this.deps_.outbox.enqueueState(uuidV4(this.deps_.randomBytes), { ...this.document_ });
  }

  private send_(role: StatementRole, statement: TincanStatement, soon = false): void {
    this.deps_.outbox.enqueue({ kind: "statement", id: statement.id, role, statement }, soon);
  }

  private sessionMs_(): number {
    return Math.max(0, this.deps_.now() - this.startedAt_);
  }

  /** Timestamps strictly increase within a session (LRS reports order by them). */
  private frame_(): TincanFrame {
    const at = Math.max(this.deps_.now(), this.lastTimestamp_ + 1);
    this.lastTimestamp_ = at;
    const { actor, activityId, registration } = this.deps_.params;
    return { id: uuidV4(this.deps_.randomBytes), timestamp: new Date(at).toISOString(), actor, activityId, registration };
  }
}
