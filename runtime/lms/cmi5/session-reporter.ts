// Turns what the engine reports during one cmi5 session into statements in the Outbox, per
// docs/rules/reporting.md "cmi5". Every statement passes the session's guard (cmi5 §9.3 sequence
// rules, session.ts) before it is queued: an illegal one is logged with its rule id, never sent.
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import { uuidV4, type RandomBytes } from "../xapi/uuid";
import { xapiInteraction } from "../xapi/interaction";
import type { AuStateDocument } from "./au-state";
import type { Cmi5LaunchParams } from "./launch-params";
import type { Logger, Timers } from "../ports";
import type { Outbox } from "./outbox";
import type { StatementRole } from "./outbox-item";
import { failedDue, progressAllowed, statementsForOutcome } from "./reporting-policy";
import type { Cmi5OpenSession } from "./open-session";
import type { Cmi5SessionRecord } from "./session-store";
import {
  buildAnswered,
  buildCompleted,
  buildFailed,
  buildInitialized,
  buildPassed,
  buildProgressed,
  buildTerminated,
  type Cmi5Statement,
  type StatementFrame,
} from "./statements";

export interface ReporterDeps {
  params: Cmi5LaunchParams;
  session: Cmi5OpenSession;
  outbox: Outbox;
  interactions: boolean;
  now: () => number;
  timers: Timers;
  randomBytes: RandomBytes | undefined;
  logger: Logger;
  progressIntervalMs: number;
  /** State document writes while answering: at most one per this many ms (docs/reporting.md "Request timing"). */
  stateIntervalMs: number;
}

export class Cmi5SessionReporter {
  private pendingProgress_: number | null = null;
  private lastProgressAt_ = Number.NEGATIVE_INFINITY;
  private progressTimer_: unknown = null;
  /** The state kept since the last State document write is not written yet (coalesced). */
  private stateDue_ = false;
  private lastStateAt_: number;
  private stateTimer_: unknown = null;
  /** The last document queued, as JSON: an identical one is not written again. */
  private lastDocument_ = "";

  private readonly deps_: ReporterDeps;

  constructor(deps: ReporterDeps) {
    this.deps_ = deps;
    this.lastStateAt_ = deps.now();
  }

  get record(): Readonly<Cmi5SessionRecord> {
    return this.deps_.session.record;
  }

  private get normal_(): boolean {
    return this.record.launch?.launchMode === "Normal";
  }

  private get open_(): boolean {
    return this.deps_.session.phase === "initialized";
  }

  /** cmi5 §9.3.2: Initialized once per session, never again on a reload. */
  initializeSession(): void {
    if (this.deps_.session.phase !== "launched") return;
    this.send_("initialized", buildInitialized(this.frame_().frame), true); // with the first screen's reports
  }

  saveState(state: string, location: string | null): void {
    if (!this.open_) return;
    this.deps_.session.keepState(state, location); // kept in sessionStorage at once: a reload loses nothing
    // Browse/Review are look-around launches: they never overwrite the learner's saved attempts.
    if (!this.normal_) return;
    // Coalesced: at most one write per stateIntervalMs while the learner answers or pages on; the
    // checkpoints (submit, checkpoint(), exit, page hide) write what waits at once.
    this.stateDue_ = true;
    const wait = this.lastStateAt_ + this.deps_.stateIntervalMs - this.deps_.now();
    if (wait <= 0) this.sendPendingState();
    else this.stateTimer_ ??= this.deps_.timers.setTimeout(() => this.sendPendingState(), wait);
  }

  /** Writes the State document now if a kept state waits for its coalesced write (a checkpoint). */
  sendPendingState(): void {
    if (this.stateDue_ && this.open_) this.queueStateDocument_();
  }

  reportProgress(progress: number): void {
    if (!this.open_ || !this.normal_ || !Number.isFinite(progress)) return;
    const percent = Math.max(0, Math.min(100, Math.round(progress * 100)));
    if (percent === this.record.lastProgressPercent) {
      this.pendingProgress_ = null;
      return;
    }
    this.pendingProgress_ = progress;
    const wait = this.lastProgressAt_ + this.deps_.progressIntervalMs - this.deps_.now();
    if (wait <= 0) this.sendPendingProgress();
    else if (this.progressTimer_ === null) {
      this.progressTimer_ = this.deps_.timers.setTimeout(() => {
        this.progressTimer_ = null;
        this.sendPendingProgress();
      }, wait);
    }
  }

  /** Throttled `progressed` (docs/rules/reporting.md); never on or after Completed (cmi5 §9.5.5.1). */
  sendPendingProgress(): void {
    const progress = this.pendingProgress_;
    this.pendingProgress_ = null;
    if (progress === null || !this.open_ || !this.normal_) return;
    if (!progressAllowed(this.record.registrationRecord)) return;
    this.lastProgressAt_ = this.deps_.now();
    this.send_("progress", buildProgressed(this.frame_().frame, progress)); // the session notes its percent
  }

  reportInteraction(report: InteractionReport): void {
    if (!this.open_ || !this.normal_ || !this.deps_.interactions) return;
    const xapi = xapiInteraction(report);
    if (xapi === null) {
      this.deps_.logger.warn(`question ${report.questionId} cannot be expressed as an xAPI interaction; not sent`);
      return;
    }
    this.send_("interaction", buildAnswered(this.frame_().frame, report, xapi));
  }

  reportOutcome(outcome: Outcome): void {
    if (!this.open_) return;
    this.deps_.session.noteOutcome(outcome);
    if (!this.normal_) return;
    const kinds = statementsForOutcome(outcome, this.deps_.session.mayGo);
    for (const kind of kinds) {
      if (kind === "completed") {
        this.sendPendingProgress(); // a progress waiting for its slot goes before Completed, or never
        const { frame, sessionMs } = this.frame_();
        this.send_("outcome", buildCompleted(frame, sessionMs));
      } else {
        this.sendJudgement_(kind, outcome);
      }
    }
    if (kinds.includes("completed") || kinds.includes("passed")) this.queueStateDocument_();
  }

  /** docs/rules/reporting.md: deferred Failed, state saved, Terminated last. Idempotent. */
  endSession(): void {
    if (!this.open_) return; // not started, already ended, or ended by the LMS: nothing to close
    if (this.progressTimer_ !== null) this.deps_.timers.clearTimeout(this.progressTimer_);
    this.progressTimer_ = null;
    if (this.normal_) {
      this.sendPendingProgress();
      const { latestOutcome } = this.record;
      if (latestOutcome !== null && failedDue(latestOutcome, this.deps_.session.mayGo)) this.sendJudgement_("failed", latestOutcome);
      this.queueStateDocument_(); // docs/rules/lms.md §5: save resume state BEFORE Terminated
    }
    // cmi5 §9.3.8 Terminated: the last statement, duration since Initialized of this session.
    const { frame, sessionMs } = this.frame_();
    this.send_("terminated", buildTerminated(frame, sessionMs)); // the session is terminated from here on
  }

  dispose(): void {
    if (this.progressTimer_ !== null) this.deps_.timers.clearTimeout(this.progressTimer_);
    this.progressTimer_ = null;
    this.clearStateTimer_();
  }

  private clearStateTimer_(): void {
    if (this.stateTimer_ !== null) this.deps_.timers.clearTimeout(this.stateTimer_);
    this.stateTimer_ = null;
  }

  /** Passed/Failed for `outcome`, with the assessor of the attempt that gave it (docs/reporting.md "Rated tasks"). */
  private sendJudgement_(kind: "passed" | "failed", outcome: Outcome): void {
    const { frame, sessionMs } = this.frame_();
    const input = { score: outcome.score, masteryScore: this.record.launch?.masteryScore ?? null, sessionMs, assessor: outcome.assessor ?? null };
    this.send_("outcome", kind === "passed" ? buildPassed(frame, input) : buildFailed(frame, input));
  }

  private queueStateDocument_(): void {
    const record = this.record;
    const document: AuStateDocument = {
      format: 1,
      resumeState: record.resumeState,
      location: record.location,
      completedSent: record.registrationRecord.completedSent,
      passedSent: record.registrationRecord.passedSent,
    };
    this.stateDue_ = false;
    this.clearStateTimer_();
    this.lastStateAt_ = this.deps_.now();
    const json = JSON.stringify(document);
    if (json === this.lastDocument_) return; // the LMS has (or is sent) this very document
    this.lastDocument_ = json;
    this.deps_.outbox.enqueueState(uuidV4(this.deps_.randomBytes), document);
  }

  /**
   * The send point: the session admits the statement (cmi5 §9.3 sequence rules; it notes what was
   * sent) or refuses it, logged with the requirement id and never sent. The Outbox then persists
   * the record with the new item: flags and statement in ONE sessionStorage write (no crash window).
   */
  private send_(role: StatementRole, statement: Cmi5Statement, soon = false): void {
    const refused = this.deps_.session.admit(statement);
    if (refused !== null) {
      const why = refused.kind === "sequence" ? `cmi5 ${refused.violations.join(", ")}` : `session ${refused.phase}`;
      this.deps_.logger.error(`${statement.verb.display?.["en-US"] ?? statement.verb.id} not sent: ${why}`);
      return;
    }
    this.deps_.outbox.enqueue({ kind: "statement", id: statement.id, role, statement }, soon);
  }

  /**
   * The next statement's frame. Timestamps strictly increase within a session: cmi5 orders
   * statements by timestamp (§9.3). `sessionMs`: time since this session's Initialized (§9.5.4.1).
   */
  private frame_(): { frame: StatementFrame; sessionMs: number } {
    const record = this.record;
    const at = Math.max(this.deps_.now(), record.lastTimestamp + 1);
    const frame: StatementFrame = {
      id: uuidV4(this.deps_.randomBytes),
      timestamp: new Date(at).toISOString(),
      actor: this.deps_.params.actor,
      activityId: this.deps_.params.activityId,
      registration: this.deps_.params.registration,
      contextTemplate: record.launch!.contextTemplate,
    };
    return { frame, sessionMs: Math.max(0, at - (record.initializedAt ?? at)) };
  }
}
