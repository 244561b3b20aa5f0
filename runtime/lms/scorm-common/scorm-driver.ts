// The LmsDriver for a SCORM SCO (1.2 or 2004, the differences live in a ScormDataModel): start,
// translate engine outcomes into cmi.* writes, commit at checkpoints and on hide, finish once.
// reporting.md "SCORM 1.2" / "SCORM 2004" / "Delivery"; scorm-sco.md §2–§4.
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import type { DeliveryStatus, ExitResult, LmsDriver, LmsFacts } from "../driver";
import { LaunchError } from "../launch-error";
import type { ScormConnection } from "./connection";
import { isDone, type DataModelWrite, type ScormDataModel } from "./data-model";
import { watchPageLifecycle, type PageLifecycleTarget } from "./page-lifecycle";
import { RetrySchedule, defaultSchedule, type Schedule } from "./retry-schedule";
import { WriteLedger } from "./write-ledger";

export interface ScormDriverOptions {
  /** Send one interaction per submitted question (ReportingOptions.interactions). */
  interactions: boolean;
  /** Window to listen on for visibilitychange/pagehide; none in tests that do not need it. */
  page?: PageLifecycleTarget;
  /** Clock (epoch ms), injectable for tests. */
  now?: () => number;
  log?: (message: string) => void;
  /** Timer for retries with backoff (default setTimeout). */
  schedule?: Schedule;
  /**
   * Whether the API is still reachable from our window (e.g. re-run discovery and compare): an LMS
   * window that closed may leave a dead API object that does not throw.
   */
  apiReachable?: () => boolean;
}

const EXIT_RESULT: ExitResult = { navigateTo: null, closeWindow: true };

export class ScormDriver implements LmsDriver {
  readonly standard: "scorm12" | "scorm2004";
  private readonly model: ScormDataModel;
  private readonly connection: ScormConnection;
  private readonly ledger: WriteLedger;
  private readonly options: ScormDriverOptions;
  private readonly now: () => number;
  private readonly log: (message: string) => void;
  private readonly listeners = new Set<(status: DeliveryStatus) => void>();
  private readonly retry: RetrySchedule;
  private facts: LmsFacts | null = null;
  private sessionStart = 0;
  private lastOutcome: Outcome | null = null;
  private interactionChildren: ReadonlySet<string> | null = null;
  private nextInteraction = 0;
  private readonly interactionIds = new Set<string>();
  private stopWatching: (() => void) | null = null;
  private exited = false;
  private lastStatusKey = "";

  constructor(model: ScormDataModel, connection: ScormConnection, options: ScormDriverOptions) {
    this.model = model;
    this.standard = model.standard;
    this.connection = connection;
    this.options = options;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message) => console.warn(`[passmark ${model.standard}] ${message}`));
    this.ledger = new WriteLedger(connection, model.version, this.log);
    this.retry = new RetrySchedule(options.schedule ?? defaultSchedule);
  }

  async start(): Promise<LmsFacts> {
    if (this.facts) return this.facts;
    const init = this.connection.initialize();
    // 2004 error 103 "already initialized": the session is open, carry on.
    if (!init.ok && !(this.model.version === "2004" && init.errorCode === 103)) {
      throw new LaunchError("scorm-initialize", init.detail || `Initialize answered ${JSON.stringify(init.value)}`);
    }
    this.sessionStart = this.now();
    const read = (element: string): string => {
      const result = this.connection.getValue(element);
      return result.ok ? result.value : "";
    };
    const start = this.model.readStart(read);
    for (const [element, value] of Object.entries(start.current)) this.ledger.seed(element, value);
    for (const warning of start.facts.warnings) this.log(warning);
    this.facts = start.facts;
    if (this.writable) {
      this.probeInteractions(read);
      this.writeAll(start.initialWrites);
      this.ledger.checkpoint();
    }
    if (this.options.page) {
      this.stopWatching = watchPageLifecycle(this.options.page, {
        hidden: () => this.commitNow(),
        leaving: (persisted) => (persisted ? this.commitNow() : this.finish(false)),
      });
    }
    if (this.lastOutcome) this.reportOutcome(this.lastOutcome); // reported before start()
    this.afterDelivery();
    return start.facts;
  }

  /** Browse/review (scorm-sco.md §3) is read-only: no status, score, state or interaction writes. */
  private get writable(): boolean {
    return this.facts !== null && this.facts.launchMode === "normal" && !this.exited;
  }

  saveState(state: string, location: string | null): void {
    const facts = this.requireFacts("saveState");
    // reporting.md: resume state ≤ the LMS's budget, ALWAYS; refuse rather than let an LMS truncate.
    if (state.length > facts.stateBudget) {
      throw new RangeError(`${this.standard} saveState: resume state is ${state.length} characters, the LMS accepts at most ${facts.stateBudget}; nothing was written`);
    }
    if (!this.writable) return;
    this.ledger.write(this.model.suspendDataElement, state, "state");
    if (location !== null) {
      if (location.length <= this.model.locationLimit) this.ledger.write(this.model.locationElement, location, "state");
      else this.log(`location of ${location.length} characters exceeds ${this.model.locationLimit}; not written`);
    }
    this.afterDelivery();
  }

  reportProgress(progress: number): void {
    if (!this.writable) return;
    this.writeAll(this.model.progressWrites(progress));
    this.afterDelivery();
  }

  reportInteraction(report: InteractionReport): void {
    if (!this.writable || !this.options.interactions || this.interactionChildren === null) return;
    let id = this.model.interactionId(report);
    for (let n = 2; this.interactionIds.has(id); n++) id = `${this.model.interactionId(report)}-${n}`;
    const writes = this.model.interactionWrites(report, this.nextInteraction, id, this.interactionChildren);
    if (writes === null) {
      this.log(`question ${report.questionId} cannot be expressed as a ${this.standard} interaction; left out`);
      return;
    }
    const [idWrite, ...rest] = writes;
    if (!idWrite || this.ledger.write(idWrite.element, idWrite.value, idWrite.kind) === "refused") return;
    this.interactionIds.add(id);
    this.nextInteraction++;
    this.writeAll(rest);
    this.afterDelivery();
  }

  reportOutcome(outcome: Outcome): void {
    this.lastOutcome = outcome;
    if (!this.writable) return;
    const before = this.ledger.sequence;
    const writes = this.model.outcomeWrites(outcome, this.facts!, this.log);
    this.writeAll(writes);
    // Checkpoint on an outcome change (status, score, completion: attempt end included).
    if (this.ledger.sequence !== before) this.commitNow();
    else this.afterDelivery();
  }

  async checkpoint(): Promise<void> {
    this.commitNow();
  }

  async exit(): Promise<ExitResult> {
    this.requireFacts("exit");
    this.finish(true);
    return EXIT_RESULT;
  }

  /**
   * Finish/Terminate once. The navigation request (2004) only on an explicit exit: when the page is
   * being left, the LMS is navigating itself and an exitAll of ours could end the whole course.
   */
  private finish(explicit: boolean): void {
    if (this.exited || this.connection.isFinished || !this.facts) return;
    const done = this.lastOutcome !== null && isDone(this.lastOutcome);
    if (this.writable) this.writeAll([this.model.sessionTimeWrite(this.now() - this.sessionStart)]);
    if (explicit) this.writeAll(this.model.exitNavigation(done));
    this.exited = true;
    this.stopWatching?.();
    this.stopWatching = null;
    this.ledger.finish(this.model.commitBeforeFinish);
    this.retry.reset();
    this.notify();
  }

  status(): DeliveryStatus {
    const status = this.ledger.status();
    // Browse/review report nothing: an outcome seen there has not reached the LMS, by design.
    if (this.facts && this.facts.launchMode !== "normal" && this.lastOutcome !== null) status.outcomeDelivered = false;
    return status;
  }

  onStatus(listener: (status: DeliveryStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private commitNow(): void {
    if (!this.facts || this.connection.isFinished) return;
    if (this.options.apiReachable && !this.options.apiReachable()) this.connection.markGone();
    if (this.writable && this.ledger.dirty) this.writeAll([this.model.sessionTimeWrite(this.now() - this.sessionStart)]);
    this.ledger.checkpoint();
    this.afterDelivery();
  }

  /** Arm a retry with backoff while something failed; tell listeners what changed. */
  private afterDelivery(): void {
    if (this.ledger.failing && !this.connection.apiGone && !this.connection.isFinished) this.retry.arm(() => this.commitNow());
    else this.retry.reset();
    this.notify();
  }

  private writeAll(writes: readonly DataModelWrite[]): void {
    for (const write of writes) this.ledger.write(write.element, write.value, write.kind);
  }

  private probeInteractions(read: (element: string) => string): void {
    // interactions.md "Always": probe support first; an LMS without interactions gets none.
    const children = read(this.model.interactionsChildrenElement);
    const count = Number(read(this.model.interactionsCountElement));
    if (children.trim() === "" || !Number.isInteger(count) || count < 0) return;
    this.interactionChildren = new Set(children.split(",").map((child) => child.trim()));
    this.nextInteraction = count;
    if (this.model.interactionIdsReadable) {
      for (let n = 0; n < count; n++) this.interactionIds.add(read(`cmi.interactions.${n}.id`));
    }
  }

  private requireFacts(what: string): LmsFacts {
    if (!this.facts) throw new Error(`${this.standard} driver: ${what} called before start()`);
    return this.facts;
  }

  private notify(): void {
    const status = this.ledger.status();
    const key = JSON.stringify(status);
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    for (const listener of this.listeners) listener(status);
  }
}
