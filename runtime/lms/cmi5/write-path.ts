// The cmi5 driver's write path, a chunk of its own (driver.ts loads it with import() at the first
// write, after the first screen): the session's statements (session-reporter.ts, statements.ts), the
// durable Outbox and the DeliveryStatus built from it. Nothing here runs before the first write.
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import type { DeliveryStatus, ExitResult } from "../driver";
import type { Logger, Timers } from "../ports";
import type { XapiClient } from "../xapi/client";
import type { RandomBytes } from "../xapi/uuid";
import type { Cmi5Timing } from "./driver";
import type { HeldWrite } from "./held-write";
import { stateParams } from "./launch-sequence";
import type { Cmi5LaunchParams } from "./launch-params";
import { Cmi5OpenSession } from "./open-session";
import { Outbox } from "./outbox";
import { failedDue } from "./reporting-policy";
import type { Cmi5Session } from "./session";
import { Cmi5SessionReporter } from "./session-reporter";
import { AU_STATE_ID, LAUNCH_DATA_STATE_ID } from "./launch-vocabulary";

export interface WritePathDeps {
  params: Cmi5LaunchParams;
  client: XapiClient;
  timers: Timers;
  random: () => number;
  randomBytes: RandomBytes | undefined;
  logger: Logger;
  timing: Cmi5Timing;
  /** The reporter's clock: the driver replays a held write at the time it was asked for. */
  now: () => number;
  /** The delivery status changed. */
  onChange: () => void;
}

/** The durable Outbox of `session`, delivering with `client` (also used at launch for what an earlier page left). */
export function createCmi5Outbox(session: Cmi5OpenSession, deps: WritePathDeps): Outbox {
  const { client, params, timing, logger } = deps;
  const outbox = new Outbox({
    transport: {
      putStatement: (statement, options) => client.putStatement(statement, options),
      postStatements: (statements, options) => client.postStatements(statements, options),
      putState: (document, options) => client.putState(stateParams(params, AU_STATE_ID), document, options),
      probe: () => client.getState(stateParams(params, LAUNCH_DATA_STATE_ID)),
    },
    items: session.record.outbox,
    rejected: session.record.rejected,
    persist: (items, rejected) => session.outboxChanged(items, rejected),
    timers: deps.timers,
    random: deps.random,
    logger,
    retry: { baseMs: timing.retryBaseMs, maxMs: timing.retryMaxMs, authRetryMs: timing.authRetryMs },
  });
  outbox.onChange(() => {
    if (outbox.phase === "closed" && session.phase !== "closed-by-lms") {
      session.closedByLms(); // a reload says so instead of trying again
      logger.error(`the LMS ended this session (${outbox.detail}); ${outbox.pending.length} item(s) not delivered, kept in sessionStorage`);
    }
    deps.onChange();
  });
  return outbox;
}

/** Delivers what `launch`'s record still holds (an earlier page's queue), until settled; returns what is left. */
export async function deliverRecordedOutbox(launch: Cmi5Session, deps: WritePathDeps): Promise<number> {
  const outbox = createCmi5Outbox(Cmi5OpenSession.from(launch), deps);
  void outbox.flush();
  await outbox.whenSettled();
  outbox.dispose();
  return outbox.pending.length;
}

/** The open session's writes: what Cmi5Driver does once start() resolved and this chunk arrived. */
export class Cmi5Writer {
  readonly session: Cmi5OpenSession;
  private readonly outbox_: Outbox;
  private readonly reporter_: Cmi5SessionReporter;
  private exiting_: Promise<ExitResult> | null = null;
  private ended_ = false;
  private readonly deps_: WritePathDeps;

  /** Takes the record over from the launch's session; `interactions`: the course's reporting.interactions. */
  constructor(launch: Cmi5Session, interactions: boolean, deps: WritePathDeps) {
    this.deps_ = deps;
    this.session = Cmi5OpenSession.from(launch);
    this.outbox_ = createCmi5Outbox(this.session, deps);
    this.reporter_ = new Cmi5SessionReporter({
      params: deps.params,
      session: this.session,
      outbox: this.outbox_,
      interactions,
      now: deps.now,
      timers: deps.timers,
      randomBytes: deps.randomBytes,
      logger: deps.logger,
      progressIntervalMs: deps.timing.progressIntervalMs,
      stateIntervalMs: deps.timing.stateIntervalMs,
    });
  }

  /** The writes held before this chunk arrived (a reload's first), oldest first; the record stops keeping them. */
  takeHeld(): HeldWrite[] {
    return this.session.takeHeld();
  }

  /**
   * Initialized, once per session (cmi5 §9.3.2; a reload continues the session and sends none), sent
   * in one request with what the first screen reported; on a reload, the queue an earlier page left.
   */
  open(): void {
    const reload = this.session.phase !== "launched";
    this.reporter_.initializeSession();
    if (reload) void this.outbox_.flush();
  }

  replay(write: HeldWrite): void {
    if (write.kind === "state") this.saveState(write.state, write.location);
    else if (write.kind === "progress") this.reportProgress(write.progress);
    else if (write.kind === "interaction") this.reportInteraction(write.report);
    else this.reportOutcome(write.outcome);
  }

  saveState(state: string, location: string | null): void {
    this.reporter_.saveState(state, location);
  }

  reportProgress(progress: number): void {
    this.reporter_.reportProgress(progress);
  }

  reportInteraction(report: InteractionReport): void {
    this.reporter_.reportInteraction(report);
  }

  reportOutcome(outcome: Outcome): void {
    this.reporter_.reportOutcome(outcome);
    this.deps_.onChange(); // a Failed held for the session end queues nothing, yet changes the status (held): say so now
  }

  get ended(): boolean {
    return this.ended_;
  }

  async checkpoint(): Promise<void> {
    if (this.ended_) return; // after the end (exit, page unloaded for good) there is nothing more to send
    this.reporter_.sendPendingState(); // a checkpoint writes the coalesced state at once
    void this.outbox_.flush();
    await this.outbox_.whenSettled();
  }

  exit(): Promise<ExitResult> {
    this.exiting_ ??= this.finish_();
    return this.exiting_;
  }

  /** On hide push what waits (fetch keepalive); a page unloaded for good ends the session. */
  pageHidden(unloading: boolean): void {
    if (this.ended_) return;
    this.reporter_.sendPendingProgress();
    this.reporter_.sendPendingState(); // the coalesced state goes with the rest (no answer lost on close)
    if (unloading && !this.exiting_) return this.endOnUnload_();
    this.outbox_.keepaliveFlush(); // hidden, or kept in the back/forward cache: no Terminated, the learner may come back (docs/rules/lms.md §5)
  }

  /**
   * pagehide with persisted === false: the page is gone for good (docs/rules/reporting.md "cmi5": exit, or the
   * page is closed for good → Terminated). Same end as exit() — deferred Failed, state document,
   * Terminated last — all handed to fetch keepalive in queue order within the 64 KiB budget.
   */
  private endOnUnload_(): void {
    this.reporter_.endSession();
    // If the backlog exceeded the keepalive budget, Terminated did not go: the record keeps the
    // queue and a reload delivers it (then stops, as after exit()). (Nothing to note when the LMS had ended the session.)
    this.session.unloaded(this.outbox_.keepaliveFlushAll());
    this.outbox_.dispose(); // no normal-loop copies of what keepalive carries
    this.exiting_ = Promise.resolve(this.end_());
  }

  private async finish_(): Promise<ExitResult> {
    this.reporter_.endSession(); // nothing when the LMS already ended the session
    void this.outbox_.flush();
    // returnURL only once Terminated is acknowledged (cmi5 §10, docs/rules/lms.md §5), or at once when the LMS ended the session.
    await this.outbox_.whenEmpty();
    return this.end_();
  }

  private end_(): ExitResult {
    this.ended_ = true;
    this.reporter_.dispose();
    this.outbox_.dispose();
    this.deps_.onChange();
    const returnURL = this.session.record.launch?.returnURL ?? null;
    return { navigateTo: returnURL, closeWindow: returnURL === null };
  }

  status(): DeliveryStatus {
    const outbox = this.outbox_;
    const session = this.session;
    const record = session.record;
    const outcomeItems = [...outbox.pending, ...outbox.rejected].some((item) => item.kind === "statement" && item.role === "outcome");
    const closed = record.closedByLms === true;
    const owed = failedDue(record.latestOutcome, session.mayGo); // a Failed not told to the LMS yet (never in Browse/Review: the rules)
    const deferred = owed && !closed; // held on purpose, unless it can no longer be sent
    const rejected = outbox.rejected.length;
    const phase = outbox.phase;
    // Initialized was queued when this chunk arrived: an idle outbox means everything so far was accepted.
    const state = closed || phase === "closed" ? "session-closed" : this.ended_ ? "ended" : phase === "idle" ? "delivered" : phase;
    const detail = [outbox.detail, rejected > 0 ? `${rejected} item(s) refused by the LMS` : ""].filter((s) => s !== "").join("; ");
    return {
      state,
      pending: outbox.pending.length,
      outcomeDelivered: !outcomeItems && !owed,
      // A deferred Failed is held on purpose (one judgement per session, docs/rules/reporting.md "cmi5"): not at risk.
      ...(deferred ? { held: "until-session-end" as const } : {}),
      ...(detail ? { detail } : {}),
    };
  }
}
