// No LMS found (docs/rules/reporting.md "Standalone"): the course runs and keeps its state in the browser
// only; status() says "standalone" so the learner is told plainly that nothing is recorded.
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import type { DeliveryStatus, ExitResult, LmsDriver, LmsFacts } from "../driver";
import { consoleLogger, type Logger } from "../ports";

/** The little of Storage we use (localStorage in the browser). */
export interface StateStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface StandaloneOptions {
  /** Course id (CourseData.id): one saved state per course. */
  courseId: string;
  /** localStorage; null when the browser gives none (private mode, disabled storage). */
  storage: StateStorage | null;
  /** navigator.languages. */
  languages?: readonly string[];
  /** Default consoleLogger() (boot hands its own, labelled "standalone"). */
  logger?: Logger;
}

/** Same budget as SCORM 2004, so a course behaves the same when later put on an LMS. */
export const STANDALONE_STATE_BUDGET = 64000;

const STATUS: DeliveryStatus = { state: "standalone", pending: 0, outcomeDelivered: false, detail: "nothing is recorded" };

export function standaloneStateKey(courseId: string): string {
  return `passmark:${courseId}:state`;
}

export class StandaloneDriver implements LmsDriver {
  readonly standard = "standalone";
  private readonly options_: StandaloneOptions;
  private readonly warnings_: string[] = [];
  private readonly logger_: Logger;
  /** Between start() and exit() (or the page unloaded for good): the only time state is kept. */
  private open_ = false;

  constructor(options: StandaloneOptions) {
    this.options_ = options;
    this.logger_ = options.logger ?? consoleLogger();
  }

  async start(): Promise<LmsFacts> {
    const saved = this.load_();
    this.open_ = true;
    return {
      standard: "standalone",
      launchMode: "normal",
      credit: true,
      masteryScore: null,
      warnings: [...this.warnings_],
      learner: { id: null, name: null },
      languagePreference: [...(this.options_.languages ?? [])],
      audioPreference: null,
      resumeState: saved,
      stateBudget: STANDALONE_STATE_BUDGET,
      resumed: saved !== null,
    };
  }

  /** Outside start()..exit() nothing is kept; over the budget nothing is written (runtime/lms/driver.ts contract). */
  saveState(state: string, location: string | null): void {
    if (!this.open_) return;
    if (state.length > STANDALONE_STATE_BUDGET) {
      this.logger_.warn(`saveState: resume state is ${state.length} characters, at most ${STANDALONE_STATE_BUDGET} are kept; nothing was written`);
      return;
    }
    try {
      this.options_.storage?.setItem(standaloneStateKey(this.options_.courseId), JSON.stringify({ state, location }));
    } catch (error) {
      // Quota or disabled storage: the course still runs, it just will not resume.
      this.logger_.warn(`could not keep the state in this browser: ${String(error)}`);
    }
  }

  reportProgress(_progress: number): void {}
  reportInteraction(_report: InteractionReport): void {}
  reportOutcome(_outcome: Outcome): void {}
  async checkpoint(): Promise<void> {}

  /** Every save already went to the browser's storage synchronously: nothing waits for a hide. A page unloaded for good ends the session. */
  pageHidden(unloading: boolean): void {
    if (unloading) this.open_ = false;
  }

  async exit(): Promise<ExitResult> {
    this.open_ = false;
    return { navigateTo: null, closeWindow: true };
  }

  status(): DeliveryStatus {
    return { ...STATUS };
  }

  onStatus(_listener: (status: DeliveryStatus) => void): () => void {
    return () => undefined; // the status never changes
  }

  private load_(): string | null {
    if (this.options_.storage === null) {
      this.warnings_.push("no browser storage: progress will not be kept after this page is closed");
      return null;
    }
    try {
      const raw = this.options_.storage.getItem(standaloneStateKey(this.options_.courseId));
      if (raw === null) return null;
      const parsed: unknown = JSON.parse(raw);
      const state = (parsed as { state?: unknown } | null)?.state;
      return typeof state === "string" && state !== "" ? state : null;
    } catch (error) {
      this.warnings_.push(`saved state unreadable, starting afresh: ${String(error)}`);
      return null;
    }
  }
}
