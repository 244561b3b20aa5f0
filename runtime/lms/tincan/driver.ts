// TincanDriver: an xAPI (Tin Can) launch behind the LmsDriver interface (docs/xapi-target.md): the
// launch parameters, our State document for resume, statements through the durable cmi5 Outbox
// (same ids on retries, 401 → auth-lost, keepalive on page hide), no cmi5 session rules.
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import type { ReportingOptions } from "../../course/types";
import { OUTBOX_BACKOFF } from "../backoff";
import { Outbox } from "../cmi5/outbox";
import { MemorySessionStorage, type SessionStorageLike } from "../cmi5/session-store";
import type { DeliveryStatus, ExitResult, LmsDriver, LmsFacts } from "../driver";
import { browserTimers, consoleLogger, systemClock, type Clock, type Logger, type Timers } from "../ports";
import { XapiClient, type FetchLike, type XapiRequestOptions } from "../xapi/client";
import type { RandomBytes } from "../xapi/uuid";
import { parseTincanLaunchParams, type TincanLaunchParams } from "./launch-params";
import { readTincanState } from "./launch-read";
import { TincanRecordStore } from "./record-store";
import { TincanReporter } from "./reporter";
import { TINCAN_STATE_ID, type TincanStateDocument } from "./state-document";

/** As the cmi5 driver's: with our State document around it, a keepalive PUT stays under 64 KiB. */
export const TINCAN_STATE_BUDGET = 32_000;

export interface TincanTiming {
  requestTimeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  authRetryMs: number;
  stateIntervalMs: number;
  /** Extra tries of the State read at launch on network errors, timeouts, 408/429/5xx. */
  launchRetries: number;
}

export const DEFAULT_TINCAN_TIMING: TincanTiming = {
  requestTimeoutMs: 15_000,
  retryBaseMs: OUTBOX_BACKOFF.baseMs,
  retryMaxMs: OUTBOX_BACKOFF.maxMs,
  authRetryMs: 30_000,
  stateIntervalMs: 3_000,
  launchRetries: 3,
};

export interface TincanDriverOptions {
  /** The page URL carrying the launch parameters (location.href). */
  url: string;
  /** The package's own activity id (the course data's id): used when the launch has no activity_id. */
  courseId: string;
  reporting: Pick<ReportingOptions, "interactions">;
  fetch?: FetchLike;
  sessionStorage?: SessionStorageLike;
  clock?: Clock;
  timers?: Timers;
  random?: () => number;
  randomBytes?: RandomBytes;
  logger?: Logger;
  timing?: Partial<TincanTiming>;
}

export class TincanDriver implements LmsDriver {
  readonly standard = "xapi" as const;
  private readonly options_: TincanDriverOptions;
  private readonly timing_: TincanTiming;
  private readonly timers_: Timers;
  private readonly clock_: Clock;
  private readonly logger_: Logger;
  private outbox_: Outbox | null = null;
  private reporter_: TincanReporter | null = null;
  private starting_: Promise<LmsFacts> | null = null;
  private exiting_: Promise<ExitResult> | null = null;
  private ended_ = false;
  private readonly listeners_ = new Set<(status: DeliveryStatus) => void>();

  constructor(options: TincanDriverOptions) {
    this.options_ = options;
    this.timing_ = { ...DEFAULT_TINCAN_TIMING, ...options.timing };
    this.timers_ = options.timers ?? browserTimers;
    this.clock_ = options.clock ?? systemClock;
    this.logger_ = options.logger ?? consoleLogger();
  }

  start(): Promise<LmsFacts> {
    this.starting_ ??= this.start_();
    return this.starting_;
  }

  private async start_(): Promise<LmsFacts> {
    const params = parseTincanLaunchParams(this.options_.url, this.options_.courseId); // malformed → LaunchError, nothing sent
    const fetchImpl: FetchLike = this.options_.fetch ?? ((url, init) => fetch(url, init));
    const client = new XapiClient({
      endpoint: params.endpoint,
      authToken: params.authToken,
      fetch: fetchImpl,
      timeoutMs: this.timing_.requestTimeoutMs,
      timers: this.timers_,
    });
    const query = stateQuery(params);
    const warnings: string[] = [];
    const store = new TincanRecordStore(this.options_.sessionStorage ?? defaultSessionStorage(), params.activityId, params.registration);
    let record = store.load();
    if (record !== null && record.endpoint !== params.endpoint) {
      warnings.push(`${record.items.length} undelivered item(s) of an earlier page for another LRS endpoint are not sent to ${params.endpoint}`);
      record = null;
    }
    const read = await readTincanState(
      () => client.request("GET", "activities/state", { query }),
      this.timing_.launchRetries,
      (ms) => this.sleep_(ms),
    );
    warnings.push(...read.warnings);
    // An earlier page's State write still waiting is newer than what the LRS holds.
    const waiting = record?.items.filter((i) => i.kind === "state").pop();
    const document = waiting?.kind === "state" ? (waiting.document as TincanStateDocument) : read.document;
    const outbox = new Outbox({
      transport: {
        putStatement: (statement, options) => client.putStatement(statement, options),
        postStatements: (statements, options) => client.postStatements(statements, options),
        putState: (doc, options: XapiRequestOptions) => client.request("PUT", "activities/state", { ...options, query, body: doc }),
        // A read with the same credentials tells a refused statement (read allowed; 404 = no document yet) from refused credentials.
        probe: async () => {
          const answer = await client.request("GET", "activities/state", { query });
          return answer.status === 404 ? { ...answer, ok: true } : answer;
        },
      },
      items: record?.items ?? [],
      rejected: record?.rejected ?? [],
      persist: (items, rejected) => store.save({ format: 1, endpoint: params.endpoint, items: [...items], rejected: [...rejected] }),
      timers: this.timers_,
      random: this.options_.random ?? Math.random,
      logger: this.logger_,
      retry: { baseMs: this.timing_.retryBaseMs, maxMs: this.timing_.retryMaxMs, authRetryMs: this.timing_.authRetryMs },
    });
    outbox.onChange(() => this.notify_());
    const reporter = new TincanReporter({
      params,
      outbox,
      document,
      interactions: this.options_.reporting.interactions,
      now: () => this.clock_.now(),
      timers: this.timers_,
      randomBytes: this.options_.randomBytes,
      logger: this.logger_,
      stateIntervalMs: this.timing_.stateIntervalMs,
    });
    this.outbox_ = outbox;
    this.reporter_ = reporter;
    reporter.startSession();
    return factsOf(params, document, warnings);
  }

  saveState(state: string, location: string | null): void {
    if (this.ended_) return;
    if (state.length > TINCAN_STATE_BUDGET) {
      this.logger_.error(`resume state of ${state.length} characters exceeds ${TINCAN_STATE_BUDGET}; not saved`);
      return;
    }
    this.reporter_?.saveState(state, location);
  }

  /** Tin Can has no progress statement of its own: progress is not reported (docs/xapi-target.md). */
  reportProgress(): void {}

  reportInteraction(report: InteractionReport): void {
    if (!this.ended_) this.reporter_?.reportInteraction(report);
  }

  reportOutcome(outcome: Outcome): void {
    if (this.ended_) return;
    this.reporter_?.reportOutcome(outcome);
  }

  async checkpoint(): Promise<void> {
    if (!this.outbox_ || this.ended_) return;
    this.reporter_?.sendPendingState();
    void this.outbox_.flush();
    await this.outbox_.whenSettled();
  }

  exit(): Promise<ExitResult> {
    const { reporter_: reporter, outbox_: outbox } = this;
    if (!reporter || !outbox) return Promise.resolve({ navigateTo: null, closeWindow: true });
    this.exiting_ ??= (async () => {
      reporter.endSession();
      void outbox.flush();
      await outbox.whenEmpty();
      return this.end_(outbox);
    })();
    return this.exiting_;
  }

  pageHidden(unloading: boolean): void {
    const { reporter_: reporter, outbox_: outbox } = this;
    if (!reporter || !outbox || this.ended_) return;
    reporter.sendPendingState();
    if (!unloading || this.exiting_) return outbox.keepaliveFlush(); // the learner may come back: nothing ends
    // Gone for good: state, then terminated, all handed to fetch keepalive (what does not fit stays in sessionStorage).
    reporter.endSession();
    outbox.keepaliveFlushAll();
    outbox.dispose();
    this.exiting_ = Promise.resolve(this.end_(outbox));
  }

  private end_(outbox: Outbox): ExitResult {
    this.ended_ = true;
    this.reporter_?.dispose();
    outbox.dispose();
    this.notify_();
    return { navigateTo: null, closeWindow: true };
  }

  status(): DeliveryStatus {
    const outbox = this.outbox_;
    if (!outbox) return { state: "idle", pending: 0, outcomeDelivered: true };
    const outcomeItems = [...outbox.pending, ...outbox.rejected].some((item) => item.kind === "statement" && item.role === "outcome");
    const phase = outbox.phase;
    const state = phase === "closed" ? "session-closed" : this.ended_ ? "ended" : phase === "idle" ? "delivered" : phase;
    const rejected = outbox.rejected.length;
    const detail = [outbox.detail, rejected > 0 ? `${rejected} item(s) refused by the LRS` : ""].filter((s) => s !== "").join("; ");
    return { state, pending: outbox.pending.length, outcomeDelivered: !outcomeItems, ...(detail ? { detail } : {}) };
  }

  onStatus(listener: (status: DeliveryStatus) => void): () => void {
    this.listeners_.add(listener);
    return () => this.listeners_.delete(listener);
  }

  private notify_(): void {
    const status = this.status();
    for (const listener of this.listeners_) listener(status);
  }

  private sleep_(ms: number): Promise<void> {
    return new Promise((resolve) => this.timers_.setTimeout(resolve, ms));
  }
}

/** xAPI State API parameters of our document: activity, agent and (when the launch gave one) registration. */
function stateQuery(params: TincanLaunchParams): Record<string, string> {
  return {
    stateId: TINCAN_STATE_ID,
    activityId: params.activityId,
    agent: JSON.stringify(params.actor),
    ...(params.registration !== null ? { registration: params.registration } : {}),
  };
}

function factsOf(params: TincanLaunchParams, document: TincanStateDocument | null, warnings: string[]): LmsFacts {
  const actor = params.actor;
  return {
    standard: "xapi",
    launchMode: "normal", // Tin Can launches have no mode: every launch counts
    credit: true,
    masteryScore: null, // no LMS mastery score in a Tin Can launch: the course's own applies
    warnings,
    learner: { id: actor.account?.name ?? actor.mbox?.replace(/^mailto:/, "") ?? null, name: actor.name ?? null },
    languagePreference: [],
    audioPreference: null,
    resumeState: document?.resumeState ?? null,
    stateBudget: TINCAN_STATE_BUDGET,
    resumed: document !== null,
  };
}

function defaultSessionStorage(): SessionStorageLike {
  try {
    return globalThis.sessionStorage ?? new MemorySessionStorage();
  } catch {
    return new MemorySessionStorage(); // sandboxed frames throw on access
  }
}
