// The LmsDriver for a SCORM SCO (1.2 or 2004, the differences live in a ScormDataModel): start,
// translate engine outcomes into cmi.* writes, commit at checkpoints and on hide, finish once.
// docs/rules/reporting.md "SCORM 1.2" / "SCORM 2004" / "Delivery"; docs/rules/lms.md §2–§4.
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import type { ReportingOptions } from "../../course/types";
import type { DeliveryStatus, ExitResult, LmsDriver, LmsFacts } from "../driver";
import { LaunchError } from "../launch-error";
import { browserTimers, consoleLogger, systemClock, type Clock, type Logger, type Timers } from "../ports";
import type { ScormConnection } from "./connection";
import { isDone, type DataModelWrite, type ScormDataModel } from "./data-model";
import { RetrySchedule } from "./retry-schedule";
import { COUNTER_RESERVE, readSuspendData, writeSuspendData } from "./suspend-data";
import { WriteLedger } from "./write-ledger";

export interface ScormDriverOptions {
  /** Send one interaction per submitted question (ReportingOptions.interactions); or given later to withReporting(). */
  interactions?: boolean;
  /** Default systemClock. */
  clock?: Clock;
  /** Default consoleLogger() (boot hands its own, labelled with the standard). Everything here is a warning. */
  logger?: Logger;
  /** Timers for retries with backoff (default browserTimers). */
  timers?: Timers;
  /**
   * Whether the API is still reachable from our window (e.g. re-run discovery and compare): an LMS
   * window that closed may leave a dead API object that does not throw.
   */
  apiReachable?: () => boolean;
}

const EXIT_RESULT: ExitResult = { navigateTo: null, closeWindow: true };

export class ScormDriver implements LmsDriver {
  readonly standard: "scorm12" | "scorm2004";
  private readonly model_: ScormDataModel;
  private readonly connection_: ScormConnection;
  private readonly ledger_: WriteLedger;
  private readonly options_: ScormDriverOptions;
  private readonly clock_: Clock;
  private readonly log_: (message: string) => void;
  private readonly listeners_ = new Set<(status: DeliveryStatus) => void>();
  private readonly retry_: RetrySchedule;
  /** What launch() read, kept until start() (the driver's session starts there: runtime/lms/driver.ts). */
  private launched_: { facts: LmsFacts; initialWrites: DataModelWrite[] } | null = null;
  private launchError_: LaunchError | null = null;
  private interactions_: boolean;
  private facts_: LmsFacts | null = null;
  private sessionStart_ = 0;
  private lastOutcome_: Outcome | null = null;
  /** The latest outcome's score waits, on purpose, until the result is final. */
  private scoreHeld_ = false;
  private interactionChildren_: ReadonlySet<string> | null = null;
  private nextInteraction_ = 0;
  /** The interaction counter kept in suspend_data (suspend-data.ts); null when it held none. */
  private savedCounter_: number | null = null;
  /** cmi.interactions._count at start, and whether the first row past it was taken (confirmCounter_). */
  private lmsCount_ = 0;
  private counterConfirmed_ = false;
  /** The engine state last saved, re-written with the counter when interactions were added. */
  private lastState_: string | null = null;
  private readonly interactionIds_ = new Set<string>();
  private exited_ = false;
  private lastStatusKey_ = "";

  constructor(model: ScormDataModel, connection: ScormConnection, options: ScormDriverOptions) {
    this.model_ = model;
    this.standard = model.standard;
    this.connection_ = connection;
    this.options_ = options;
    this.interactions_ = options.interactions ?? false;
    this.clock_ = options.clock ?? systemClock;
    const logger = options.logger ?? consoleLogger();
    this.log_ = (message) => logger.warn(message);
    this.ledger_ = new WriteLedger(connection, model.version, this.log_);
    this.retry_ = new RetrySchedule(options.timers ?? browserTimers);
  }

  /**
   * Initialize and every read of the start (the data model, the interactions probe): no course data
   * is needed, so a bundle's entry calls it as soon as it runs (runtime/entry-scorm12.ts), while the
   * app and course.json load. Once; a failure is kept for start() to throw. Nothing is written here:
   * the first writes (status, exit) and the first Commit wait for start(), in the same order as when
   * start() runs all of it (SCORM 1.2 RTE 3.4, SCORM 2004 RTE §3.1: Initialize before anything else).
   */
  launch(): void {
    if (this.launched_ || this.launchError_) return;
    const init = this.connection_.initialize();
    // 2004 error 103 "already initialized": the session is open, carry on.
    if (!init.ok && !(this.model_.version === "2004" && init.errorCode === 103)) {
      this.launchError_ = new LaunchError("scorm-initialize", init.detail || `Initialize answered ${JSON.stringify(init.value)}`);
      return;
    }
    this.sessionStart_ = this.clock_.now();
    const read = (element: string): string => {
      const result = this.connection_.getValue(element);
      return result.ok ? result.value : "";
    };
    const start = this.model_.readStart(read);
    for (const [element, value] of Object.entries(start.current)) this.ledger_.seed(element, value);
    for (const warning of start.facts.warnings) this.log_(warning);
    // suspend_data carries our interaction counter in front of the engine's state (suspend-data.ts).
    const saved = readSuspendData(start.facts.resumeState ?? "");
    this.savedCounter_ = saved.interactionsWritten;
    this.lastState_ = saved.state;
    const facts = { ...start.facts, resumeState: saved.state, stateBudget: start.facts.stateBudget - COUNTER_RESERVE };
    // Browse/review writes nothing (writable_), so it needs no probe either.
    if (facts.launchMode === "normal") this.probeInteractions_(read);
    this.launched_ = { facts, initialWrites: start.initialWrites };
  }

  /**
   * The course's reporting options, once the course is loaded (runtime/app/driver-factory.ts): whether
   * interactions are sent, the SCORM 1.2 status mode. Before start(). Returns this driver.
   */
  withReporting(reporting: ReportingOptions): this {
    this.interactions_ = reporting.interactions;
    this.model_.useReporting?.(reporting);
    return this;
  }

  /** launch() unless the entry already did, then what needs the course: the first writes and Commit. */
  async start(): Promise<LmsFacts> {
    if (this.facts_) return this.facts_;
    this.launch();
    const failed = this.launchError_;
    if (failed) {
      this.launchError_ = null; // a later start() tries Initialize again, as before
      throw failed;
    }
    const launched = this.launched_!;
    this.facts_ = launched.facts;
    if (this.writable_) {
      this.writeAll_(launched.initialWrites);
      this.ledger_.checkpoint();
    }
    if (this.lastOutcome_) this.reportOutcome(this.lastOutcome_); // reported before start()
    this.afterDelivery_();
    return this.facts_;
  }

  /** Browse/review (docs/rules/lms.md §3) is read-only: no status, score, state or interaction writes. */
  private get writable_(): boolean {
    return this.facts_ !== null && this.facts_.launchMode === "normal" && !this.exited_;
  }

  saveState(state: string, location: string | null): void {
    const facts = this.facts_;
    if (!facts) return; // before start(): no session to write to (runtime/lms/driver.ts contract)
    // docs/rules/reporting.md: resume state ≤ the LMS's budget, ALWAYS; refuse rather than let an LMS truncate.
    if (state.length > facts.stateBudget) {
      this.log_(`saveState: resume state is ${state.length} characters, the LMS accepts at most ${facts.stateBudget}; nothing was written`);
      return;
    }
    if (!this.writable_) return;
    this.lastState_ = state;
    this.ledger_.write(this.model_.suspendDataElement, writeSuspendData(state, this.nextInteraction_), "state");
    if (location !== null) {
      if (location.length <= this.model_.locationLimit) this.ledger_.write(this.model_.locationElement, location, "state");
      else this.log_(`location of ${location.length} characters exceeds ${this.model_.locationLimit}; not written`);
    }
    this.afterDelivery_();
  }

  reportProgress(progress: number): void {
    if (!this.writable_) return;
    this.writeAll_(this.model_.progressWrites(progress));
    this.afterDelivery_();
  }

  /**
   * One interaction per submitted question (unless the course turned them off or the LMS has none);
   * a rated task also leaves its rater and feedback in the LMS's comments, interactions on or off
   * (docs/reporting.md "Rated tasks").
   */
  reportInteraction(report: InteractionReport): void {
    if (!this.writable_) return;
    if (this.interactions_ && this.interactionChildren_ !== null) this.writeInteraction_(report);
    this.writeAll_(this.model_.commentWrites(report, this.log_));
    this.afterDelivery_();
  }

  private writeInteraction_(report: InteractionReport): void {
    let id = this.model_.interactionId(report);
    for (let n = 2; this.interactionIds_.has(id); n++) id = `${this.model_.interactionId(report)}-${n}`;
    let writes = this.model_.interactionWrites(report, this.nextInteraction_, id, this.interactionChildren_!);
    if (writes === null) {
      this.log_(`question ${report.questionId} cannot be expressed as a ${this.standard} interaction; left out`);
      return;
    }
    if (this.nextInteraction_ > this.lmsCount_ && !this.counterConfirmed_) writes = this.confirmCounter_(report, id, writes);
    const [idWrite, ...rest] = writes;
    if (!idWrite || this.ledger_.write(idWrite.element, idWrite.value, idWrite.kind) === "refused") return;
    this.interactionIds_.add(id);
    this.nextInteraction_++;
    this.writeAll_(rest);
    // The counter travels in suspend_data: the next saveState carries it (the session saves right
    // after reporting an attempt's interactions); a state saved before goes again with it now.
    if (this.lastState_ !== null) this.ledger_.write(this.model_.suspendDataElement, writeSuspendData(this.lastState_, this.nextInteraction_), "state");
  }

  reportOutcome(outcome: Outcome): void {
    this.lastOutcome_ = outcome;
    if (!this.writable_) return;
    const before = this.ledger_.sequence;
    const { writes, heldUntilFinal } = this.model_.outcomeWrites(outcome, this.facts_!, this.log_);
    this.scoreHeld_ = heldUntilFinal;
    this.writeAll_(writes);
    // Checkpoint on an outcome change (status, score, completion: attempt end included).
    if (this.ledger_.sequence !== before) this.commitNow_();
    else this.afterDelivery_();
  }

  async checkpoint(): Promise<void> {
    this.commitNow_();
  }

  /** Before start() there is no session to finish: nothing is called (runtime/lms/driver.ts contract). */
  async exit(): Promise<ExitResult> {
    this.finish_(true);
    return EXIT_RESULT;
  }

  /** docs/rules/lms.md §4: commit when the page is hidden; finish when it is unloaded for good (an LMS often gets no other chance). */
  pageHidden(unloading: boolean): void {
    if (unloading) this.finish_(false);
    else this.commitNow_();
  }

  /**
   * Finish/Terminate once. The navigation request (2004) only on an explicit exit: when the page is
   * being left, the LMS is navigating itself and an exitAll of ours could end the whole course.
   */
  private finish_(explicit: boolean): void {
    if (this.exited_ || this.connection_.isFinished || !this.facts_) return;
    const done = this.lastOutcome_ !== null && isDone(this.lastOutcome_);
    if (this.writable_) this.writeAll_([this.model_.sessionTimeWrite(this.clock_.now() - this.sessionStart_)]);
    if (explicit) this.writeAll_(this.model_.exitNavigation(done));
    this.exited_ = true;
    this.ledger_.finish(this.model_.commitBeforeFinish);
    this.retry_.reset();
    this.notify_();
  }

  status(): DeliveryStatus {
    const status = this.ledger_.status();
    // Browse/review report nothing: an outcome seen there has not reached the LMS, by design.
    if (this.facts_ && this.facts_.launchMode !== "normal" && this.lastOutcome_ !== null) status.outcomeDelivered = false;
    else if (this.scoreHeld_) status.held = "until-final";
    return status;
  }

  onStatus(listener: (status: DeliveryStatus) => void): () => void {
    this.listeners_.add(listener);
    return () => this.listeners_.delete(listener);
  }

  private commitNow_(): void {
    if (!this.facts_ || this.connection_.isFinished) return;
    if (this.options_.apiReachable && !this.options_.apiReachable()) this.connection_.markGone();
    if (this.writable_ && this.ledger_.dirty) this.writeAll_([this.model_.sessionTimeWrite(this.clock_.now() - this.sessionStart_)]);
    this.ledger_.checkpoint();
    this.afterDelivery_();
  }

  /** Arm a retry with backoff while something failed; tell listeners what changed. */
  private afterDelivery_(): void {
    if (this.ledger_.failing && !this.connection_.apiGone && !this.connection_.isFinished) this.retry_.arm(() => this.commitNow_());
    else this.retry_.reset();
    this.notify_();
  }

  private writeAll_(writes: readonly DataModelWrite[]): void {
    for (const write of writes) this.ledger_.write(write.element, write.value, write.kind);
  }

  /**
   * The first row past the LMS's own _count (numbered from our counter in suspend_data): an LMS that
   * keeps rows but hands none back (ILIAS) takes it; a strict LMS that numbers rows without gaps
   * refuses it, and then rows are numbered from its _count from now on. The id is tried directly,
   * not queued: a refused row must not hold up the writes behind it. Returns the writes to make.
   */
  private confirmCounter_(report: InteractionReport, id: string, writes: DataModelWrite[]): DataModelWrite[] {
    this.counterConfirmed_ = true;
    const [idWrite] = writes;
    if (!idWrite) return writes;
    const tried = this.connection_.setValue(idWrite.element, idWrite.value);
    if (tried.ok) {
      this.ledger_.seed(idWrite.element, idWrite.value);
      return writes;
    }
    this.log_(`interaction ${this.nextInteraction_} refused (${tried.detail}); numbering from the LMS's cmi.interactions._count ${this.lmsCount_} instead`);
    this.nextInteraction_ = this.lmsCount_;
    return this.model_.interactionWrites(report, this.nextInteraction_, id, this.interactionChildren_!) ?? [];
  }

  private probeInteractions_(read: (element: string) => string): void {
    // docs/rules/interactions.md §1: probe support first; an LMS without interactions gets none.
    const children = read(this.model_.interactionsChildrenElement);
    const count = Number(read(this.model_.interactionsCountElement));
    if (children.trim() === "" || !Number.isInteger(count) || count < 0) return;
    this.interactionChildren_ = new Set(children.split(",").map((child) => child.trim()));
    // Our own counter first: an LMS may answer _count = 0 on every launch (ILIAS), and numbering
    // from it would overwrite an earlier session's rows; _count only when it is the larger.
    this.lmsCount_ = count;
    this.nextInteraction_ = Math.max(count, this.savedCounter_ ?? 0);
    if (this.model_.interactionIdsReadable) {
      for (let n = 0; n < count; n++) this.interactionIds_.add(read(`cmi.interactions.${n}.id`));
    }
  }

  private notify_(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastStatusKey_) return;
    this.lastStatusKey_ = key;
    for (const listener of this.listeners_) listener(status);
  }
}
