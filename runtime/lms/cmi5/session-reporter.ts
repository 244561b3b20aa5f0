// Turns what the engine reports during one cmi5 session into statements in the Outbox, per
// docs/rules/reporting.md "cmi5". Holds the session record (sessionStorage) and keeps it saved on every change.
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import { uuidV4, type RandomBytes } from "../xapi/uuid";
import { xapiInteraction } from "../xapi/interaction";
import type { AuStateDocument } from "./au-state";
import type { Cmi5LaunchParams } from "./launch-params";
import type { Logger, Timers } from "../ports";
import type { Outbox } from "./outbox";
import type { StatementRole } from "./outbox-item";
import { failedDueAtSessionEnd, progressAllowed, statementsForOutcome } from "./reporting-policy";
import type { Cmi5SessionRecord, Cmi5SessionStore } from "./session-store";
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
  record: Cmi5SessionRecord;
  store: Cmi5SessionStore;
  outbox: Outbox;
  interactions: boolean;
  now: () => number;
  timers: Timers;
  randomBytes: RandomBytes | undefined;
  logger: Logger;
  progressIntervalMs: number;
}

export class Cmi5SessionReporter {
  private pendingProgress_: number | null = null;
  private lastProgressAt_ = Number.NEGATIVE_INFINITY;
  private progressTimer_: unknown = null;

  constructor(private readonly deps_: ReporterDeps) {}

  get record(): Cmi5SessionRecord {
    return this.deps_.record;
  }

  private get normal_(): boolean {
    return this.deps_.record.launch?.launchMode === "Normal";
  }

  private get open_(): boolean {
    const record = this.deps_.record;
    return !record.terminated && record.closedByLms !== true && record.initializedAt !== null;
  }

  /** cmi5 §9.3.2: Initialized once per session, never again on a reload. */
  initializeSession(): void {
    const record = this.deps_.record;
    if (record.initializedAt !== null) return;
    const frame = this.frame_();
    record.initializedAt = Date.parse(frame.timestamp);
    this.send_("initialized", buildInitialized(frame));
  }

  saveState(state: string, location: string | null): void {
    if (!this.open_) return;
    this.deps_.record.resumeState = state;
    this.deps_.record.location = location;
    this.save_();
    // Browse/Review are look-around launches: they never overwrite the learner's saved attempts.
    if (this.normal_) this.queueStateDocument_();
  }

  reportProgress(progress: number): void {
    if (!this.open_ || !this.normal_ || !Number.isFinite(progress)) return;
    const percent = Math.max(0, Math.min(100, Math.round(progress * 100)));
    if (percent === this.deps_.record.lastProgressPercent) {
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
    if (!progressAllowed(this.deps_.record.registrationRecord)) return;
    this.deps_.record.lastProgressPercent = Math.max(0, Math.min(100, Math.round(progress * 100)));
    this.lastProgressAt_ = this.deps_.now();
    this.send_("progress", buildProgressed(this.frame_(), progress));
  }

  reportInteraction(report: InteractionReport): void {
    if (!this.open_ || !this.normal_ || !this.deps_.interactions) return;
    const xapi = xapiInteraction(report);
    if (xapi === null) {
      this.deps_.logger.warn(`question ${report.questionId} cannot be expressed as an xAPI interaction; not sent`);
      return;
    }
    this.send_("interaction", buildAnswered(this.frame_(), report, xapi));
  }

  reportOutcome(outcome: Outcome): void {
    if (!this.open_) return;
    const record = this.deps_.record;
    record.latestOutcome = outcome;
    if (!this.normal_) return this.save_();
    const kinds = statementsForOutcome(outcome, record.registrationRecord, record.judgement);
    for (const kind of kinds) {
      if (kind === "completed") {
        this.sendPendingProgress(); // a progress waiting for its slot goes before Completed, or never
        record.registrationRecord.completedSent = true;
        this.send_("outcome", buildCompleted(this.frame_(), this.sessionMs_()));
      } else {
        this.sendJudgement_(kind, outcome);
      }
    }
    if (kinds.includes("completed") || kinds.includes("passed")) this.queueStateDocument_();
    this.save_();
  }

  /** docs/rules/reporting.md: deferred Failed, state saved, Terminated last. Idempotent. */
  endSession(): void {
    const record = this.deps_.record;
    if (!this.open_) return; // not started, already ended, or ended by the LMS: nothing to close
    if (this.progressTimer_ !== null) this.deps_.timers.clearTimeout(this.progressTimer_);
    this.progressTimer_ = null;
    if (this.normal_) {
      this.sendPendingProgress();
      if (failedDueAtSessionEnd(record.latestOutcome, record.registrationRecord, record.judgement)) {
        this.sendJudgement_("failed", record.latestOutcome!);
      }
      this.queueStateDocument_(); // docs/rules/lms.md §5: save resume state BEFORE Terminated
    }
    // cmi5 §9.3.8 Terminated: the last statement, duration since Initialized of this session.
    this.send_("terminated", buildTerminated(this.frame_(), this.sessionMs_()));
    record.terminated = true;
    this.save_();
  }

  dispose(): void {
    if (this.progressTimer_ !== null) this.deps_.timers.clearTimeout(this.progressTimer_);
    this.progressTimer_ = null;
  }

  /** Passed/Failed for `outcome`, with the assessor of the attempt that gave it (docs/reporting.md "Rated tasks"). */
  private sendJudgement_(kind: "passed" | "failed", outcome: Outcome): void {
    const record = this.deps_.record;
    const frame = this.frame_();
    const input = { score: outcome.score, masteryScore: record.launch?.masteryScore ?? null, sessionMs: this.sessionMs_(), assessor: outcome.assessor ?? null };
    if (kind === "passed") {
      record.registrationRecord.passedSent = true;
      record.judgement.passedSent = true;
      this.send_("outcome", buildPassed(frame, input));
    } else {
      record.judgement.failedSent = true;
      this.send_("outcome", buildFailed(frame, input));
    }
  }

  private queueStateDocument_(): void {
    const record = this.deps_.record;
    const document: AuStateDocument = {
      format: 1,
      resumeState: record.resumeState,
      location: record.location,
      completedSent: record.registrationRecord.completedSent,
      passedSent: record.registrationRecord.passedSent,
    };
    this.deps_.outbox.enqueueState(uuidV4(this.deps_.randomBytes), document);
  }

  private send_(role: StatementRole, statement: Cmi5Statement): void {
    // The Outbox persists the whole session record with the new item: the "sent" flags set by the
    // caller and the statement itself are saved in ONE sessionStorage write (no crash window).
    this.deps_.outbox.enqueue({ kind: "statement", id: statement.id, role, statement });
  }

  /** Timestamps strictly increase within a session: cmi5 orders statements by timestamp (§9.3). */
  private frame_(): StatementFrame {
    const record = this.deps_.record;
    const at = Math.max(this.deps_.now(), record.lastTimestamp + 1);
    record.lastTimestamp = at;
    return {
      id: uuidV4(this.deps_.randomBytes),
      timestamp: new Date(at).toISOString(),
      actor: this.deps_.params.actor,
      activityId: this.deps_.params.activityId,
      registration: this.deps_.params.registration,
      contextTemplate: record.launch!.contextTemplate,
    };
  }

  private sessionMs_(): number {
    return Math.max(0, this.deps_.record.lastTimestamp - (this.deps_.record.initializedAt ?? this.deps_.record.lastTimestamp));
  }

  private save_(): void {
    this.deps_.store.save(this.deps_.record);
  }
}
