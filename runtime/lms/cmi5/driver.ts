// Cmi5Driver: the cmi5 Assignable Unit behind the LmsDriver interface (cmi5 spec, docs/rules/lms.md §5, docs/rules/reporting.md "cmi5").
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import type { ReportingOptions } from "../../course/types";
import type { DeliveryStatus, ExitResult, LmsDriver, LmsFacts } from "../driver";
import { OUTBOX_BACKOFF } from "../backoff";
import { LaunchError } from "../launch-error";
import { browserTimers, consoleLogger, systemClock, type Clock, type Logger, type Timers } from "../ports";
import { XapiClient, type FetchLike } from "../xapi/client";
import type { RandomBytes } from "../xapi/uuid";
import { statusWhileLoading, type HeldWrite } from "./held-write";
import { fetchAuthToken, readLaunchDocuments } from "./launch-sequence";
import type { Cmi5LaunchData } from "./launch-data";
import { parseCmi5LaunchParams, type Cmi5LaunchParams } from "./launch-params";
import { Cmi5Session } from "./session";
import { CMI5_STATE_BUDGET, factsOf } from "./launch-facts";
import { Cmi5SessionStore, MemorySessionStorage, newSessionRecord, type Cmi5SessionRecord, type SessionStorageLike } from "./session-store";
import type { Cmi5Writer, WritePathDeps } from "./write-path";
import { WritePathLoader, type WritePathCode } from "./write-path-loader";
import { retryingImport } from "../retry-import";

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

/** What launch() found: the session (nothing queued by us yet), its LRS client and the launch warnings. */
interface Launched {
  params: Cmi5LaunchParams;
  session: Cmi5Session;
  client: XapiClient;
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
  /** Loads the write path (default: its chunk, `import("./write-path")`). */
  loadWritePath?: () => Promise<WritePathCode>;
}

export class Cmi5Driver implements LmsDriver {
  readonly standard = "cmi5" as const;
  private readonly timing_: Cmi5Timing;
  private readonly timers_: Timers;
  private readonly now_: () => number;
  private readonly logger_: Logger;
  private launching_: Promise<void> | null = null;
  private launched_: Launched | null = null;
  private opening_: Promise<LmsFacts> | null = null;
  /** open() resolved: writes are taken from here on (held until the write path arrives). */
  private opened_ = false;
  private openedAt_ = 0;
  private interactions_ = true;
  /** The write path, once its chunk arrived and took the held writes over. */
  private path_: Cmi5Writer | null = null;
  private arriving_: Promise<Cmi5Writer | null> | null = null;
  private readonly loader_: WritePathLoader;
  /** The page was unloaded for good before the write path arrived: this page sends nothing more. */
  private gone_ = false;
  /** A held write being replayed: the reporter's clock reads the time it was asked for. */
  private replayAt_: number | null = null;
  private exiting_: Promise<ExitResult> | null = null;
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
    this.loader_ = new WritePathLoader(options.loadWritePath ?? retryingImport(() => import("./write-path")), this.logger_, () => this.notify_());
  }

  /** The LmsDriver start: the launch handshake, then the session opens. */
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
    if (session.phase === "terminated") {
      // A reload after exit: finish delivering (the write path's Outbox), but never start again.
      if (session.record.outbox.length > 0) {
        const code = await this.loader_.once();
        if (code) await code.deliverRecordedOutbox(session, this.writeDeps_(params, client));
      }
      throw new LaunchError("cmi5-fetch-used", "this session already ended; launch the course again from the LMS", session.record.launch?.returnURL);
    }
    return { params, session, client, warnings };
  }

  /**
   * Opens the session and resolves with the facts, sending nothing: Initialized goes when the write
   * path arrives, in one request with what the first screen reports (its progressed), so nothing the
   * learner sees waits for a write or for the write path's code. Once per session (a reload of the
   * page continues it). Waits for launch(). `reporting` (the course's `reporting.interactions`) is
   * needed from here on, given here or to the constructor.
   */
  open(reporting: Pick<ReportingOptions, "interactions"> | undefined = this.options_.reporting): Promise<LmsFacts> {
    this.opening_ ??= this.open_(reporting);
    return this.opening_;
  }

  private async open_(reporting: Pick<ReportingOptions, "interactions"> | undefined): Promise<LmsFacts> {
    await this.launch();
    const { params, session, warnings } = this.launched_!;
    if (!reporting) throw new Error("Cmi5Driver.open needs the course's reporting options");
    this.interactions_ = reporting.interactions;
    this.openedAt_ = this.now_(); // Initialized's time, whenever the write path arrives
    this.opened_ = true;
    // Asked for in the next task: the app renders the first screen in this one (runtime/app/boot.ts).
    this.timers_.setTimeout(() => void this.writePath_(), 0);
    return factsOf(params, session.record, warnings, session.phase !== "launched");
  }

  /**
   * Resolves true once the write path has arrived and took the held writes over (asked for now if
   * it was not), false if the page was unloaded for good first. Before start() resolved: false.
   */
  async writePathReady(): Promise<boolean> {
    return this.opened_ && (await this.writePath_()) !== null;
  }

  /** cmi5-specific launch facts beyond LmsFacts (moveOn, launchParameters, returnURL…); null before start(). */
  get launchData(): Cmi5LaunchData | null {
    return this.opened_ ? this.launched_!.session.record.launch : null;
  }

  saveState(state: string, location: string | null): void {
    if (state.length > CMI5_STATE_BUDGET) {
      this.logger_.error(`resume state of ${state.length} characters exceeds ${CMI5_STATE_BUDGET}; not saved`);
      return;
    }
    this.write_({ at: this.now_(), kind: "state", state, location });
  }

  reportProgress(progress: number): void {
    this.write_({ at: this.now_(), kind: "progress", progress });
  }

  reportInteraction(report: InteractionReport): void {
    this.write_({ at: this.now_(), kind: "interaction", report });
  }

  reportOutcome(outcome: Outcome): void {
    this.write_({ at: this.now_(), kind: "outcome", outcome });
  }

  /**
   * A write goes to the write path, or, until its chunk has arrived, is held in the session record
   * (sessionStorage: a reload replays it) and the chunk is asked for. Before start(), after exit()
   * or after the page was unloaded for good, nothing (runtime/lms/driver.ts).
   */
  private write_(write: HeldWrite): void {
    if (!this.opened_ || this.gone_ || (this.exiting_ && !this.path_)) return;
    if (this.path_) return this.path_.replay(write);
    const refused = this.launched_!.session.hold(write);
    if (refused) this.logger_.error(`${write.kind} not kept: session ${refused.kind === "phase" ? refused.phase : "refused"}`);
    this.notify_();
    void this.writePath_();
  }

  async checkpoint(): Promise<void> {
    // Before start or after the end (exit, page unloaded for good) there is nothing more to send.
    if (!this.opened_ || this.gone_) return;
    const writer = this.path_ ?? (this.loader_.error !== "" ? null : await Promise.race([this.writePath_(), this.loader_.nextFailure()]));
    await writer?.checkpoint(); // a failed load is a pause in delivery: resolve (errors show in status())
  }

  exit(): Promise<ExitResult> {
    // Before start() resolved there is no session to end; a later start() and exit() still work (runtime/lms/driver.ts contract).
    if (!this.opened_) return Promise.resolve({ navigateTo: null, closeWindow: true });
    this.exiting_ ??= this.writePath_().then((writer) => (writer ? writer.exit() : this.goneResult_()));
    return this.exiting_;
  }

  /** On hide push what waits (fetch keepalive); a page unloaded for good ends the session. */
  pageHidden(unloading: boolean): void {
    if (!this.opened_ || this.gone_) return;
    if (this.path_) return this.path_.pageHidden(unloading);
    // The write path has not arrived: no statement can be built. What was asked for is held in
    // sessionStorage (a reload of this page replays it); gone for good, this page sends nothing more.
    if (unloading) {
      this.gone_ = true;
      this.notify_();
    }
  }

  private goneResult_(): ExitResult {
    const returnURL = this.launched_?.session.record.launch?.returnURL ?? null;
    return { navigateTo: returnURL, closeWindow: returnURL === null };
  }

  status(): DeliveryStatus {
    if (!this.opened_) return { state: "idle", pending: 0, outcomeDelivered: true };
    if (this.path_) return this.path_.status();
    return statusWhileLoading(this.launched_!.session.record, this.loader_.error);
  }

  onStatus(listener: (status: DeliveryStatus) => void): () => void {
    this.listeners_.add(listener);
    return () => this.listeners_.delete(listener);
  }

  private notify_(): void {
    const status = this.status();
    for (const listener of this.listeners_) listener(status);
  }

  /**
   * The write path, loaded on the first call: the first write (the first screen's reports, right
   * after it is interactive: runtime/app/boot.ts), a checkpoint or exit. Asked for in a microtask,
   * so never before the current task (boot's "interactive" mark) ends. A failed load is tried again
   * with the Outbox's backoff (lms/backoff.ts) while the writes stay held. On arrival it opens the
   * session (Initialized, at open()'s time) and replays the held writes in order, each at its time.
   * Resolves null if the page was unloaded for good first.
   */
  private writePath_(): Promise<Cmi5Writer | null> {
    this.arriving_ ??= Promise.resolve().then(async () => {
      let code: WritePathCode | null = null;
      while (!code && !this.gone_) {
        code = await this.loader_.once();
        if (!code) await this.sleep_(this.loader_.nextWaitMs({ baseMs: this.timing_.retryBaseMs, maxMs: this.timing_.retryMaxMs }, this.random_));
      }
      return code && !this.gone_ ? this.arrive_(code) : null;
    });
    return this.arriving_;
  }

  private arrive_(code: WritePathCode): Cmi5Writer {
    const launched = this.launched_!;
    const writer = new code.Cmi5Writer(launched.session, this.interactions_, this.writeDeps_(launched.params, launched.client));
    launched.session = writer.session; // the record's one writer from here on
    const held = writer.takeHeld();
    this.path_ = writer;
    this.at_(this.openedAt_, () => writer.open());
    for (const write of held) this.at_(write.at, () => writer.replay(write));
    this.notify_();
    return writer;
  }

  private at_(at: number, call: () => void): void {
    this.replayAt_ = at;
    try {
      call();
    } finally {
      this.replayAt_ = null;
    }
  }

  private get random_(): () => number {
    return this.options_.random ?? Math.random;
  }

  private writeDeps_(params: Cmi5LaunchParams, client: XapiClient): WritePathDeps {
    return {
      params,
      client,
      timers: this.timers_,
      random: this.random_,
      randomBytes: this.options_.randomBytes,
      logger: this.logger_,
      timing: this.timing_,
      now: () => this.replayAt_ ?? this.now_(),
      onChange: () => this.notify_(),
    };
  }

  /**
   * A new launch in a tab that still holds undelivered items of an earlier session (its exit never
   * got through): one attempt with that session's token, then the new session starts regardless.
   * Writes that session held before its write path arrived were never made statements: not sent.
   */
  private async deliverLeftovers_(old: Cmi5SessionRecord, params: Cmi5LaunchParams, fetchImpl: FetchLike): Promise<string[]> {
    const unbuilt = old.held?.length
      ? [`${old.held.length} write(s) of an earlier session were never sent (its page closed before its reporting code arrived)`]
      : [];
    if (old.outbox.length === 0 || old.endedOnUnload === true) return unbuilt; // handed to keepalive at unload
    if (old.closedByLms === true) return [`${old.outbox.length} item(s) of an earlier session the LMS ended were never delivered`];
    const code = await this.loader_.once();
    if (!code) return [...unbuilt, `${old.outbox.length} item(s) of an earlier session were not delivered: the reporting code did not load`];
    const throwaway = new Cmi5Session(old, new Cmi5SessionStore(new MemorySessionStorage(), params.registration));
    const left = await code.deliverRecordedOutbox(throwaway, this.writeDeps_(params, this.client_(params, old.authToken, fetchImpl)));
    return [...unbuilt, ...(left === 0 ? [] : [`${left} item(s) of an earlier session could not be delivered and were dropped`])];
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
