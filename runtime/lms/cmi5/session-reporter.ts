// Turns what the engine reports during one cmi5 session into statements in the Outbox, per
// reporting.md "cmi5". Holds the session record (sessionStorage) and keeps it saved on every change.
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import { uuidV4, type RandomBytes } from "../xapi/uuid";
import type { AuStateDocument } from "./au-state";
import type { Cmi5LaunchParams } from "./launch-params";
import type { Outbox, OutboxLogger, Timers } from "./outbox";
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
  logger: OutboxLogger;
  progressIntervalMs: number;
}

export class Cmi5SessionReporter {
  private pendingProgress: number | null = null;
  private lastProgressAt = Number.NEGATIVE_INFINITY;
  private progressTimer: unknown = null;

  constructor(private readonly deps: ReporterDeps) {}

  get record(): Cmi5SessionRecord {
    return this.deps.record;
  }

  private get normal(): boolean {
    return this.deps.record.launch?.launchMode === "Normal";
  }

  private get open(): boolean {
    return !this.deps.record.terminated && this.deps.record.initializedAt !== null;
  }

  /** cmi5 §9.3.2: Initialized once per session, never again on a reload. */
  initializeSession(): void {
    const record = this.deps.record;
    if (record.initializedAt !== null) return;
    const frame = this.frame();
    record.initializedAt = Date.parse(frame.timestamp);
    this.send("initialized", buildInitialized(frame));
  }

  saveState(state: string, location: string | null): void {
    if (!this.open) return;
    this.deps.record.resumeState = state;
    this.deps.record.location = location;
    this.save();
    // Browse/Review are look-around launches: they never overwrite the learner's saved attempts.
    if (this.normal) this.queueStateDocument();
  }

  reportProgress(progress: number): void {
    if (!this.open || !this.normal || !Number.isFinite(progress)) return;
    const percent = Math.max(0, Math.min(100, Math.round(progress * 100)));
    if (percent === this.deps.record.lastProgressPercent) {
      this.pendingProgress = null;
      return;
    }
    this.pendingProgress = progress;
    const wait = this.lastProgressAt + this.deps.progressIntervalMs - this.deps.now();
    if (wait <= 0) this.sendPendingProgress();
    else if (this.progressTimer === null) {
      this.progressTimer = this.deps.timers.setTimeout(() => {
        this.progressTimer = null;
        this.sendPendingProgress();
      }, wait);
    }
  }

  /** Throttled `progressed` (reporting.md); never on or after Completed (cmi5 §9.5.5.1). */
  sendPendingProgress(): void {
    const progress = this.pendingProgress;
    this.pendingProgress = null;
    if (progress === null || !this.open || !this.normal) return;
    if (!progressAllowed(this.deps.record.registrationRecord)) return;
    this.deps.record.lastProgressPercent = Math.max(0, Math.min(100, Math.round(progress * 100)));
    this.lastProgressAt = this.deps.now();
    this.send("progress", buildProgressed(this.frame(), progress));
  }

  reportInteraction(report: InteractionReport): void {
    if (!this.open || !this.normal || !this.deps.interactions) return;
    if (report.xapi === null) {
      this.deps.logger.warn(`passmark cmi5: question ${report.questionId} cannot be expressed as an xAPI interaction; not sent`);
      return;
    }
    this.send("interaction", buildAnswered(this.frame(), report, report.xapi));
  }

  reportOutcome(outcome: Outcome): void {
    if (!this.open) return;
    const record = this.deps.record;
    record.latestOutcome = outcome;
    if (!this.normal) return this.save();
    const kinds = statementsForOutcome(outcome, record.registrationRecord, record.judgement);
    for (const kind of kinds) {
      if (kind === "completed") {
        this.sendPendingProgress(); // a progress waiting for its slot goes before Completed, or never
        record.registrationRecord.completedSent = true;
        this.send("outcome", buildCompleted(this.frame(), this.sessionMs()));
      } else {
        this.sendJudgement(kind, outcome.score);
      }
    }
    if (kinds.includes("completed") || kinds.includes("passed")) this.queueStateDocument();
    this.save();
  }

  /** reporting.md: deferred Failed, state saved, Terminated last. Idempotent. */
  endSession(): void {
    const record = this.deps.record;
    if (record.terminated || record.initializedAt === null) return;
    if (this.progressTimer !== null) this.deps.timers.clearTimeout(this.progressTimer);
    this.progressTimer = null;
    if (this.normal) {
      this.sendPendingProgress();
      if (failedDueAtSessionEnd(record.latestOutcome, record.registrationRecord, record.judgement)) {
        this.sendJudgement("failed", record.latestOutcome!.score);
      }
      this.queueStateDocument(); // cmi5-au.md §5: save resume state BEFORE Terminated
    }
    // cmi5 §9.3.8 Terminated: the last statement, duration since Initialized of this session.
    this.send("terminated", buildTerminated(this.frame(), this.sessionMs()));
    record.terminated = true;
    this.save();
  }

  dispose(): void {
    if (this.progressTimer !== null) this.deps.timers.clearTimeout(this.progressTimer);
    this.progressTimer = null;
  }

  private sendJudgement(kind: "passed" | "failed", score: number | null): void {
    const record = this.deps.record;
    const frame = this.frame();
    const input = { score, masteryScore: record.launch?.masteryScore ?? null, sessionMs: this.sessionMs() };
    if (kind === "passed") {
      record.registrationRecord.passedSent = true;
      record.judgement.passedSent = true;
      this.send("outcome", buildPassed(frame, input));
    } else {
      record.judgement.failedSent = true;
      this.send("outcome", buildFailed(frame, input));
    }
  }

  private queueStateDocument(): void {
    const record = this.deps.record;
    const document: AuStateDocument = {
      format: 1,
      resumeState: record.resumeState,
      location: record.location,
      completedSent: record.registrationRecord.completedSent,
      passedSent: record.registrationRecord.passedSent,
    };
    this.deps.outbox.enqueueState(uuidV4(this.deps.randomBytes), document);
  }

  private send(role: StatementRole, statement: Cmi5Statement): void {
    // The Outbox persists the whole session record with the new item: the "sent" flags set by the
    // caller and the statement itself are saved in ONE sessionStorage write (no crash window).
    this.deps.outbox.enqueue({ kind: "statement", id: statement.id, role, statement });
  }

  /** Timestamps strictly increase within a session: cmi5 orders statements by timestamp (§9.3). */
  private frame(): StatementFrame {
    const record = this.deps.record;
    const at = Math.max(this.deps.now(), record.lastTimestamp + 1);
    record.lastTimestamp = at;
    return {
      id: uuidV4(this.deps.randomBytes),
      timestamp: new Date(at).toISOString(),
      actor: this.deps.params.actor,
      activityId: this.deps.params.activityId,
      registration: this.deps.params.registration,
      contextTemplate: record.launch!.contextTemplate,
    };
  }

  private sessionMs(): number {
    return Math.max(0, this.deps.record.lastTimestamp - (this.deps.record.initializedAt ?? this.deps.record.lastTimestamp));
  }

  private save(): void {
    this.deps.store.save(this.deps.record);
  }
}
