// Cmi5Driver: the cmi5 Assignable Unit behind the LmsDriver interface (cmi5 spec, docs/rules/lms.md §5, docs/rules/reporting.md "cmi5").
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import type { ReportingOptions } from "../../course/types";
import type { DeliveryStatus, ExitResult, LmsDriver, LmsFacts } from "../driver";
import { OUTBOX_BACKOFF } from "../backoff";
import { LaunchError } from "../launch-error";
import { browserTimers, consoleLogger, systemClock, type Clock, type Logger, type Timers } from "../ports";
import { XapiClient, type FetchLike } from "../xapi/client";
import type { RandomBytes } from "../xapi/uuid";
import { fetchAuthToken, readLaunchDocuments, stateParams } from "./launch-sequence";
import type { Cmi5LaunchData } from "./launch-data";
import { parseCmi5LaunchParams, type Cmi5LaunchParams } from "./launch-params";
import { Outbox } from "./outbox";
import { failedDue } from "./reporting-policy";
import { Cmi5Session } from "./session";
import { Cmi5SessionReporter } from "./session-reporter";
import { CMI5_STATE_BUDGET, factsOf } from "./launch-facts";
import { Cmi5SessionStore, MemorySessionStorage, newSessionRecord, type Cmi5SessionRecord, type SessionStorageLike } from "./session-store";
import { AU_STATE_ID, LAUNCH_DATA_STATE_ID } from "./vocabulary";

export interface Cmi5Timing {
  requestTimeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  authRetryMs: number;
  progressIntervalMs: number;
  /** State document writes while the learner answers: at most one per this many ms (checkpoints write at once). */
  stateIntervalMs: number;
  /** Extra tries of the fetch POST and of each launch read on network errors, timeouts, 408/429/5xx. */
  launchRetries: number;
}

export const DEFAULT_CMI5_TIMING: Cmi5Timing = {
  requestTimeoutMs: 15_000,
  retryBaseMs: OUTBOX_BACKOFF.baseMs,
  retryMaxMs: OUTBOX_BACKOFF.maxMs,
  authRetryMs: 30_000,
  progressIntervalMs: 10_000,
  stateIntervalMs: 3_000,
  launchRetries: 3,
};

/** What launch() found: the session, its outbox (nothing queued by us yet) and the launch warnings. */
interface Launched {
  params: Cmi5LaunchParams;
  session: Cmi5Session;
  outbox: Outbox;
  warnings: string[];
}

export interface Cmi5DriverOptions {
  /** The page URL carrying the five launch parameters (location.href). */
  url: string;
  /** The course's reporting options; needed by open() (start()), not by launch(). May be given to open() instead. */
  reporting?: Pick<ReportingOptions, "interactions">;
  fetch?: FetchLike;
  sessionStorage?: SessionStorageLike;
  clock?: Clock;
  timers?: Timers;
  random?: () => number;
  randomBytes?: RandomBytes;
  /** Default consoleLogger() (boot hands its own, labelled "cmi5"). */
  logger?: Logger;
  timing?: Partial<Cmi5Timing>;
}

export class Cmi5Driver implements LmsDriver {
  readonly standard = "cmi5" as const;
  private readonly timing_: Cmi5Timing;
  private readonly timers_: Timers;
  private readonly now_: () => number;
  private readonly logger_: Logger;
  private outbox_: Outbox | null = null;
  private reporter_: Cmi5SessionReporter | null = null;
  private session_: Cmi5Session | null = null;
  private launching_: Promise<void> | null = null;
  private launched_: Launched | null = null;
  private opening_: Promise<LmsFacts> | null = null;
  private exiting_: Promise<ExitResult> | null = null;
  private ended_ = false;
  private readonly listeners_ = new Set<(status: DeliveryStatus) => void>();

  // Fields, not constructor parameter properties: esbuild keeps an unshortened declaration of those.
  private readonly options_: Cmi5DriverOptions;

  constructor(options: Cmi5DriverOptions) {
    this.options_ = options;
    this.timing_ = { ...DEFAULT_CMI5_TIMING, ...options.timing };
    this.timers_ = options.timers ?? browserTimers;
    const clock = options.clock ?? systemClock;
    this.now_ = () => clock.now();
    this.logger_ = options.logger ?? consoleLogger();
  }

  /** The LmsDriver start: the launch handshake, then the session opens (Initialized). */
  async start(): Promise<LmsFacts> {
    await this.launch();
    return this.open();
  }

  /**
   * The launch handshake, without the course: the launch parameters, then (unless this page
   * continues a session stored in sessionStorage) the fetch POST, then LaunchData ‖ preferences ‖
   * our State document (docs/rules/lms.md §5). Queues no statement (it only delivers what an earlier
   * page of this tab left undelivered). Called once: later calls return the same promise. Rejects
   * with a LaunchError (a session that ended, the LMS refusing…).
   */
  launch(): Promise<void> {
    this.launching_ ??= this.launch_().then((launched) => {
      this.launched_ = launched;
    });
    return this.launching_;
  }

  private async launch_(): Promise<Launched> {
    const params = parseCmi5LaunchParams(this.options_.url); // malformed → LaunchError, nothing sent
    const fetchImpl: FetchLike = this.options_.fetch ?? ((url, init) => fetch(url, init));
    const store = new Cmi5SessionStore(this.options_.sessionStorage ?? defaultSessionStorage(), params.registration);
    const warnings: string[] = [];
    let record = store.load();
    // A record bound to another endpoint (a launch URL rewritten, another LMS in the same tab) is
    // never reused, nor its leftovers delivered: its token must not reach a different endpoint. The
    // session starts fresh from this launch's fetch URL; an already used one fails there (cmi5 §8.2).
    if (record !== null && record.endpoint !== params.endpoint) {
      warnings.push(
        `a stored session for another LRS endpoint was discarded; ${record.outbox.length} undelivered item(s) of it are not sent to ${params.endpoint}`,
      );
      record = null;
    }
    // A reload of the same page continues the session: same fetch URL → no second fetch (cmi5 §8.2).
    if (record !== null && (record.fetchUrl !== params.fetchUrl || record.activityId !== params.activityId)) {
      warnings.push(...(await this.deliverLeftovers_(record, params, fetchImpl)));
      record = null;
    }
    // The LMS ended this session: its token is refused for good. Say so; the returnURL is in the record.
    if (record?.closedByLms === true) {
      throw new LaunchError("cmi5-session-closed", "the LMS ended this session (403 on writes and on LMS.LaunchData)", record.launch?.returnURL);
    }
    // Terminated went out with the unload (all handed to keepalive): Terminated is final, send nothing.
    if (record?.endedOnUnload === true) {
      throw new LaunchError("cmi5-session-ended", "session terminated when its page was unloaded", record.launch?.returnURL);
    }
    let session: Cmi5Session;
    if (record === null) {
      const sleep = (ms: number) => this.sleep_(ms);
      const authToken = await fetchAuthToken(params.fetchUrl, fetchImpl, this.timing_.requestTimeoutMs, this.timing_.launchRetries, sleep, this.timers_);
      session = new Cmi5Session(newSessionRecord(params.fetchUrl, params.endpoint, params.activityId, authToken), store);
      session.save();
    } else {
      session = new Cmi5Session(record, store);
    }
    const client = this.client_(params, session.record.authToken, fetchImpl);
    if (session.phase === "launching") {
      const documents = await readLaunchDocuments(client, params, this.timing_.launchRetries, (ms) => this.sleep_(ms));
      session.launched(documents);
      warnings.push(...documents.warnings);
    } else {
      warnings.push(...(session.record.launch?.warnings ?? []));
    }
    const outbox = this.createOutbox_(client, params, session);
    if (session.phase === "terminated") {
      void outbox.flush(); // a reload after exit: finish delivering, but never start again
      await outbox.whenSettled();
      throw new LaunchError("cmi5-fetch-used", "this session already ended; launch the course again from the LMS", session.record.launch?.returnURL);
    }
    return { params, session, outbox, warnings };
  }

  /**
   * Opens the session: Initialized is queued first (sent while the course renders), once per session
   * (a reload of the page continues it). Waits for launch(). `reporting` (the course's
   * `reporting.interactions`) is needed from here on, given here or to the constructor.
   */
  open(reporting: Pick<ReportingOptions, "interactions"> | undefined = this.options_.reporting): Promise<LmsFacts> {
    this.opening_ ??= this.open_(reporting);
    return this.opening_;
  }

  private async open_(reporting: Pick<ReportingOptions, "interactions"> | undefined): Promise<LmsFacts> {
    await this.launch();
    const { params, session, outbox, warnings } = this.launched_!;
    if (!reporting) throw new Error("Cmi5Driver.open needs the course's reporting options");
    const reporter = new Cmi5SessionReporter({
      params,
      session,
      outbox,
      interactions: reporting.interactions,
      now: this.now_,
      timers: this.timers_,
      randomBytes: this.options_.randomBytes,
      logger: this.logger_,
      progressIntervalMs: this.timing_.progressIntervalMs,
      stateIntervalMs: this.timing_.stateIntervalMs,
    });
    this.outbox_ = outbox;
    this.reporter_ = reporter;
    this.session_ = session;
    const reload = session.phase !== "launched";
    // Queued first; sent once the first screen is up, in one request with what the first screen
    // reports (its progressed): nothing the learner sees waits for a write.
    reporter.initializeSession();
    if (reload) void outbox.flush();
    return factsOf(params, session.record, warnings, reload);
  }

  /** cmi5-specific launch facts beyond LmsFacts (moveOn, launchParameters, returnURL…); null before start(). */
  get launchData(): Cmi5LaunchData | null {
    return this.reporter_?.record.launch ?? null;
  }

  saveState(state: string, location: string | null): void {
    if (state.length > CMI5_STATE_BUDGET) {
      this.logger_.error(`resume state of ${state.length} characters exceeds ${CMI5_STATE_BUDGET}; not saved`);
      return;
    }
    this.reporter_?.saveState(state, location);
  }

  reportProgress(progress: number): void {
    this.reporter_?.reportProgress(progress);
  }

  reportInteraction(report: InteractionReport): void {
    this.reporter_?.reportInteraction(report);
  }

  reportOutcome(outcome: Outcome): void {
    this.reporter_?.reportOutcome(outcome);
    // A Failed held for the session end queues nothing, yet changes the status (held): say so now.
    if (this.reporter_) this.notify_();
  }

  async checkpoint(): Promise<void> {
    // Before start or after the end (exit, page unloaded for good) there is nothing more to send.
    if (!this.outbox_ || this.ended_) return;
    this.reporter_?.sendPendingState(); // a checkpoint writes the coalesced state at once
    void this.outbox_.flush();
    await this.outbox_.whenSettled();
  }

  exit(): Promise<ExitResult> {
    const { reporter_: reporter, outbox_: outbox } = this;
    // Before start() resolved there is no session to end; a later start() and exit() still work (runtime/lms/driver.ts contract).
    if (!reporter || !outbox) return Promise.resolve({ navigateTo: null, closeWindow: true });
    if (!this.exiting_) this.exiting_ = this.finish_(reporter, outbox);
    return this.exiting_;
  }

  /** On hide push what waits (fetch keepalive); a page unloaded for good ends the session. */
  pageHidden(unloading: boolean): void {
    const { reporter_: reporter, outbox_: outbox, session_: session } = this;
    if (!reporter || !outbox || !session || this.ended_) return;
    reporter.sendPendingProgress();
    reporter.sendPendingState(); // the coalesced state goes with the rest (no answer lost on close)
    if (unloading && !this.exiting_) return this.endOnUnload_(reporter, outbox, session);
    outbox.keepaliveFlush(); // hidden, or kept in the back/forward cache: no Terminated, the learner may come back (docs/rules/lms.md §5)
  }

  /**
   * pagehide with persisted === false: the page is gone for good (docs/rules/reporting.md "cmi5": exit, or the
   * page is closed for good → Terminated). Same end as exit() — deferred Failed, state document,
   * Terminated last — all handed to fetch keepalive in queue order within the 64 KiB budget.
   */
  private endOnUnload_(reporter: Cmi5SessionReporter, outbox: Outbox, session: Cmi5Session): void {
    reporter.endSession();
    // If the backlog exceeded the keepalive budget, Terminated did not go: the record keeps the
    // queue and a reload delivers it (then stops, as after exit()). (Nothing to note when the LMS had ended the session.)
    session.unloaded(outbox.keepaliveFlushAll());
    outbox.dispose(); // no normal-loop copies of what keepalive carries
    this.exiting_ = Promise.resolve(this.end_(reporter, outbox));
  }

  private async finish_(reporter: Cmi5SessionReporter, outbox: Outbox): Promise<ExitResult> {
    reporter.endSession(); // nothing when the LMS already ended the session
    void outbox.flush();
    // returnURL only once Terminated is acknowledged (cmi5 §10, docs/rules/lms.md §5), or at once when the LMS ended the session.
    await outbox.whenEmpty();
    return this.end_(reporter, outbox);
  }

  private end_(reporter: Cmi5SessionReporter, outbox: Outbox): ExitResult {
    this.ended_ = true;
    reporter.dispose();
    outbox.dispose();
    this.notify_();
    const returnURL = reporter.record.launch?.returnURL ?? null;
    return { navigateTo: returnURL, closeWindow: returnURL === null };
  }

  status(): DeliveryStatus {
    const outbox = this.outbox_;
    const session = this.session_;
    if (!outbox || !session) return { state: "idle", pending: 0, outcomeDelivered: true };
    const record = session.record;
    const outcomeItems = [...outbox.pending, ...outbox.rejected].some((item) => item.kind === "statement" && item.role === "outcome");
    const closed = record.closedByLms === true;
    const owed = failedDue(record.latestOutcome, session.mayGo); // a Failed not told to the LMS yet (never in Browse/Review: the rules)
    const deferred = owed && !closed; // held on purpose, unless it can no longer be sent
    const rejected = outbox.rejected.length;
    const phase = outbox.phase;
    // After start() the Initialized was queued: an idle outbox means everything so far was accepted.
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

  onStatus(listener: (status: DeliveryStatus) => void): () => void {
    this.listeners_.add(listener);
    return () => this.listeners_.delete(listener);
  }

  private notify_(): void {
    const status = this.status();
    for (const listener of this.listeners_) listener(status);
  }

  private createOutbox_(client: XapiClient, params: Cmi5LaunchParams, session: Cmi5Session): Outbox {
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
      timers: this.timers_,
      random: this.options_.random ?? Math.random,
      logger: this.logger_,
      retry: { baseMs: this.timing_.retryBaseMs, maxMs: this.timing_.retryMaxMs, authRetryMs: this.timing_.authRetryMs },
    });
    outbox.onChange(() => {
      if (outbox.phase === "closed" && session.phase !== "closed-by-lms") {
        session.closedByLms(); // a reload says so instead of trying again
        this.logger_.error(`the LMS ended this session (${outbox.detail}); ${outbox.pending.length} item(s) not delivered, kept in sessionStorage`);
      }
      this.notify_();
    });
    return outbox;
  }

  /**
   * A new launch in a tab that still holds undelivered items of an earlier session (its exit never
   * got through): one attempt with that session's token, then the new session starts regardless.
   */
  private async deliverLeftovers_(old: Cmi5SessionRecord, params: Cmi5LaunchParams, fetchImpl: FetchLike): Promise<string[]> {
    if (old.outbox.length === 0 || old.endedOnUnload === true) return []; // handed to keepalive at unload
    if (old.closedByLms === true) return [`${old.outbox.length} item(s) of an earlier session the LMS ended were never delivered`];
    const throwaway = new Cmi5SessionStore(new MemorySessionStorage(), params.registration);
    const outbox = this.createOutbox_(this.client_(params, old.authToken, fetchImpl), params, new Cmi5Session(old, throwaway));
    void outbox.flush();
    await outbox.whenSettled();
    outbox.dispose();
    const left = outbox.pending.length;
    return left === 0 ? [] : [`${left} item(s) of an earlier session could not be delivered and were dropped`];
  }

  private client_(params: Cmi5LaunchParams, authToken: string, fetchImpl: FetchLike): XapiClient {
    return new XapiClient({ endpoint: params.endpoint, authToken, fetch: fetchImpl, timeoutMs: this.timing_.requestTimeoutMs, timers: this.timers_ });
  }

  private sleep_(ms: number): Promise<void> {
    return new Promise((resolve) => this.timers_.setTimeout(resolve, ms));
  }
}

function defaultSessionStorage(): SessionStorageLike {
  try {
    return globalThis.sessionStorage ?? new MemorySessionStorage();
  } catch {
    return new MemorySessionStorage(); // sandboxed frames throw on access
  }
}
