// CourseSession: the glue between the learner's actions, the pure engine and the LmsDriver.
// After every change it saves the encoded resume state (within facts.stateBudget), reports progress
// and the outcome (the driver decides what is new), and at the end of an attempt it reports the
// interactions and checkpoints. An attempt with assessor tasks still unrated is handed in first
// (handIn), rated (rateTask), then completeRating submits it. The UI reads `view()` (the read model
// of session-view.ts) and calls the action methods through its port (ui/session-port.ts); it never
// talks to the driver or the engine itself. What an attempt needs is the assessment half, a chunk
// (assessment-half-loader.ts); the engine files a launch needs are named (esbuild chunks whole files).
import type { LearnerState, Outcome, RatingInput, Response, StartOptions, SubmittedAttempt } from "../assessment/index";
import { recordMediaWatched, setLocation, visitPage } from "../assessment/learner-visits";
import { outcomeBeforeAttempts, progressOf } from "../assessment/progress";
import { questionIndex } from "../assessment/question-index";
import type { CourseData, QuestionData, TaskQuestion } from "../course/types";
import type { ExitResult, LmsDriver, LmsFacts } from "../lms/driver";
import { browserTimers, type Clock, type Logger, type Timers } from "../lms/ports";
import type { SessionPort } from "../ui/session-port";
import { needsHalf, type AssessmentHalf, type HalfSlot } from "./assessment-half-loader";
import type { CodecSlot } from "./state-codec-loader";
import { passingScoreFor, viewBeforeAttempts, type SessionView } from "./session-view";

export type { SessionView } from "./session-view";

export interface SessionDeps {
  clock: Clock;
  /** The typing-save delay's timer (the browser's by default). */
  timers?: Timers;
  /** A fresh 32-bit seed for an attempt's draw (crypto.getRandomValues in the browser). */
  seed(): number;
  /** boot's logger (runtime/lms/ports.ts): what the session could not save or send. */
  logger: Logger;
  /** The resume state codec (state-codec-loader.ts): a chunk that may arrive after the first change. */
  codec: CodecSlot;
  /** The assessment half (assessment-half-loader.ts): at hand before a state with an attempt is given to the session. */
  half: HalfSlot;
}

/** How long a typed answer waits before it is saved (every keystroke is kept in the engine state at once). */
export const TYPING_SAVE_DELAY_MS = 400;

export class CourseSession implements SessionPort {
  readonly passingScore: number;
  readonly questions: ReadonlyMap<string, QuestionData>;
  private current_: SessionView;
  /** The assessment view before any attempt (null: no assessment), then the half's viewer. */
  private readonly viewBefore_: ((outcome: Outcome) => SessionView["assessment"]) | null;
  private viewer_: ((state: LearnerState, outcome: Outcome) => SessionView["assessment"]) | null = null;
  private readonly listeners_ = new Set<(view: SessionView) => void>();
  private saveTimer_: unknown = null;
  /** A change is waiting for the codec to be written (state-codec-loader.ts). */
  private unsaved_ = false;
  private awaitingCodec_ = false;

  log(message: string): void {
    this.deps_.logger.warn(message);
  }
  private lastProgress_ = -1;
  private lastOutcomeKey_ = "";

  constructor(
    readonly course: CourseData,
    readonly driver: LmsDriver,
    readonly facts: LmsFacts,
    initial: LearnerState,
    private readonly deps_: SessionDeps,
  ) {
    // docs/rules/assessment.md §4: the LMS mastery score, when it gave one, replaces the rubric's passing score.
    this.passingScore = passingScoreFor(course, facts);
    this.questions = course.assessment ? questionIndex(course.assessment) : new Map();
    this.viewBefore_ = viewBeforeAttempts(course, facts);
    if (needsHalf(initial) && !deps_.half.loaded()) throw new Error("CourseSession: a state with an attempt needs the assessment half loaded first (boot.ts)");
    this.current_ = { ...this.derive_(initial), delivery: driver.status(), exiting: false, exited: null, starting: null };
    driver.onStatus((delivery) => this.update_({ delivery }));
  }

  /** Normal launch mode: the learner is judged. Browse/Review are read-only for attempts. */
  get judged(): boolean {
    return this.facts.launchMode === "normal";
  }

  view(): SessionView {
    return this.current_;
  }

  subscribe(listener: (view: SessionView) => void): () => void {
    this.listeners_.add(listener);
    return () => this.listeners_.delete(listener);
  }

  /** Report where the learner starts (progress, outcome) without changing anything. */
  begin(): void {
    this.report_();
  }

  visitPage(pageId: string): void {
    this.change_(visitPage(this.current_.state, this.course, pageId));
  }

  showAssessment(): void {
    const assessment = this.course.assessment;
    if (assessment) this.change_(setLocation(this.current_.state, this.course, assessment.id));
  }

  mediaWatched(mediaId: string): void {
    this.change_(recordMediaWatched(this.current_.state, this.course, mediaId));
  }

  /** Start (or, if one is in progress, keep) an attempt; false when none may start. */
  startAttempt(): boolean {
    if (!this.judged || !this.course.assessment) return false;
    if (this.current_.state.current) return true;
    const options = { seed: this.deps_.seed(), now: this.deps_.clock.now(), passingScore: this.passingScore };
    const half = this.deps_.half.loaded();
    if (half) return this.start_(half, options);
    if (this.current_.assessment?.next.kind !== "start") return false;
    this.change_(setLocation(this.current_.state, this.course, this.course.assessment.id));
    this.startWhenHalfArrives_(options);
    return true;
  }

  private start_(half: AssessmentHalf, options: StartOptions): boolean {
    const next = half.startAttempt(setLocation(this.current_.state, this.course, this.course.assessment!.id), this.course, options);
    if (!next.current) return false;
    this.change_(next);
    return true;
  }

  /** The attempt starts when the half arrives (seeded and dated at the press) unless the session ended; the view says so meanwhile (`starting`), and a failed load is logged and shown (Start loads again). */
  private startWhenHalfArrives_(options: StartOptions): void {
    if (this.current_.starting === "loading") return; // pressed again meanwhile: one load, one attempt
    this.update_({ starting: "loading" });
    this.deps_.half.load().then(
      (half) => {
        this.current_ = { ...this.current_, starting: null }; // emitted with the attempt, or here
        const { state, exiting, exited } = this.current_;
        if (state.current || exiting || exited || !this.start_(half, options)) this.emit_();
      },
      (error: unknown) => {
        this.deps_.logger.warn(`the assessment could not be loaded (Start loads it again): ${String(error)}`);
        this.update_({ starting: "failed" });
      },
    );
  }

  /** Record an answer (null = the learner emptied it). `typing` delays the save a little. */
  answer(questionId: string, response: Response | null, typing = false): void {
    const half = this.deps_.half.loaded();
    if (!half) return; // no attempt in progress without it
    const state = this.current_.state;
    const next =
      response === null ? half.clearAnswer(state, questionId) : half.answerQuestion(state, this.course, questionId, response, this.deps_.clock.now());
    if (next === state) return;
    if (!typing) return this.change_(next);
    this.update_(this.derive_(next));
    if (this.saveTimer_ === null) this.saveTimer_ = (this.deps_.timers ?? browserTimers).setTimeout(() => this.flush(), TYPING_SAVE_DELAY_MS);
  }

  /**
   * Check an answer (feedback timing "after-answer"): it is locked and its feedback shown. An ordering
   * question left as shown is answered with the order shown first, as at submit.
   */
  check(questionId: string): void {
    const half = this.deps_.half.loaded();
    if (!half) return; // no attempt in progress without it
    this.cancelPendingSave_(); // saved below, locked
    const state = this.withShownOrders_(half, this.current_.state, questionId);
    const next = half.checkAnswer(state, this.course, questionId);
    if (next !== this.current_.state) this.change_(next);
  }

  /** Save now what is waiting (a typed answer); called on blur, before submit/exit and on page hide. */
  flush(): void {
    if (this.cancelPendingSave_()) this.persist_();
  }

  /** Drop the pending delayed save; true when there was one. */
  private cancelPendingSave_(): boolean {
    if (this.saveTimer_ === null) return false;
    (this.deps_.timers ?? browserTimers).clearTimeout(this.saveTimer_);
    this.saveTimer_ = null;
    return true;
  }

  /**
   * The page was hidden or is being unloaded (runtime/app/page-hide.ts, the one lifecycle owner):
   * save the typed answer still waiting for its delayed save FIRST, then let the driver commit or
   * end the session with it included.
   */
  pageHidden(unloading: boolean): void {
    this.flush();
    if (this.unsaved_ && unloading) this.deps_.logger.warn("the page was unloaded before the resume state codec arrived: the last change is not saved");
    this.guard_("pageHidden", () => this.driver.pageHidden(unloading));
  }

  /**
   * Submit the attempt in progress. An ordering question the learner left as shown is answered with
   * the order shown (what the learner sees is what is submitted). Reports the interactions, then the
   * outcome, then saves the resume state and checkpoints (docs/rules/reporting.md: commit at attempt end).
   * Reports go before the state write so that a cmi5 Passed is not queued behind it: the result
   * reaches the LMS in one round trip.
   */
  submit(): SubmittedAttempt | null {
    const half = this.deps_.half.loaded();
    if (!half) return null; // no attempt in progress without it
    this.cancelPendingSave_(); // the state is saved below, with the submitted attempt
    const state = this.withShownOrders_(half, this.current_.state);
    if (!state.current) return null;
    const submitted = half.submitAttempt(state, this.course, { passingScore: this.passingScore, now: this.deps_.clock.now() });
    if (!submitted) return null;
    this.current_ = { ...this.current_, ...this.derive_(submitted.state) };
    for (const report of submitted.interactionReports) this.guard_("reportInteraction", () => this.driver.reportInteraction(report));
    this.report_();
    this.save_();
    this.driver.checkpoint().catch((error: unknown) => this.deps_.logger.warn(`checkpoint failed: ${String(error)}`));
    this.emit_();
    return submitted;
  }

  /** An ordering question the learner left as shown is answered with the order shown. */
  private withShownOrders_(half: AssessmentHalf, start: LearnerState, only?: string): LearnerState {
    let state = start;
    const attempt = state.current;
    for (const drawn of attempt?.draw.questions ?? []) {
      if (only !== undefined && drawn.questionId !== only) continue;
      const question = this.questions.get(drawn.questionId);
      if (question?.type === "ordering" && !attempt!.answers[drawn.questionId] && drawn.presentedOrder) {
        state = half.answerQuestion(state, this.course, drawn.questionId, { type: "ordering", order: drawn.presentedOrder }, this.deps_.clock.now());
      }
    }
    return state;
  }

  /** Assessor tasks of the attempt in progress that are not rated yet, in the order shown (docs/grading-forms.md). */
  pendingRatings(): TaskQuestion[] {
    return this.deps_.half.loaded()?.pendingRatings(this.current_.state, this.course) ?? [];
  }

  /**
   * The learner submits while assessor tasks are unrated: the attempt is handed in ("awaiting
   * rating", answers locked, nothing scored), saved and checkpointed. An ordering question left as
   * shown is answered first, as submit() does. false when nothing waits for an assessor.
   */
  handIn(): boolean {
    const half = this.deps_.half.loaded();
    if (!half) return false; // no attempt in progress without it
    this.flush();
    const state = this.withShownOrders_(half, this.current_.state);
    const next = half.handIn(state, this.course, this.deps_.clock.now());
    if (next === state) return false;
    this.change_(next);
    this.driver.checkpoint().catch((error: unknown) => this.deps_.logger.warn(`checkpoint failed: ${String(error)}`));
    return true;
  }

  /** The assessor's filling of one task, kept at once; `typing` (a remark, the feedback) delays the save a little. */
  rateTask(taskId: string, input: RatingInput, typing = false): void {
    const half = this.deps_.half.loaded();
    if (!half) return; // no attempt in progress without it
    const state = this.current_.state;
    const next = half.rateTask(state, this.course, taskId, input, this.deps_.clock.now());
    if (next === state) return;
    if (!typing) return this.change_(next);
    this.update_(this.derive_(next));
    if (this.saveTimer_ === null) this.saveTimer_ = (this.deps_.timers ?? browserTimers).setTimeout(() => this.flush(), TYPING_SAVE_DELAY_MS);
  }

  /**
   * The assessor submits the rating: every pending form complete, stamped with `rater` and now;
   * then the attempt is submitted (reported, result shown). null, and nothing changed, when a form
   * is incomplete or the rater has no name or identifier.
   */
  completeRating(rater: { name: string; id: string }): SubmittedAttempt | null {
    const half = this.deps_.half.loaded();
    if (!half) return null; // no attempt in progress without it
    this.flush();
    const rated = half.completeRating(this.current_.state, this.course, rater, this.deps_.clock.now());
    if (!rated) return null;
    this.current_ = { ...this.current_, ...this.derive_(rated) };
    const submitted = this.submit();
    if (!submitted) {
      this.persist_(); // never expected (nothing pends once rated), but the rating is kept
      this.emit_();
    }
    return submitted;
  }

  /** Finish the session properly (cmi5 Terminated, SCORM Finish); resolves with where to go next. */
  async exit(): Promise<ExitResult> {
    if (this.current_.exited) return this.current_.exited;
    this.flush();
    this.update_({ exiting: true });
    try {
      await this.codecArrived_(); // a change still waiting for the codec is written before the session ends
      const result = await this.driver.exit();
      this.update_({ exiting: false, exited: result, delivery: this.driver.status() });
      return result;
    } catch (error) {
      this.update_({ exiting: false }); // back to the course: the learner can try again
      throw error;
    }
  }

  private change_(next: LearnerState): void {
    if (next === this.current_.state) return;
    this.current_ = { ...this.current_, ...this.derive_(next) };
    this.persist_();
    this.emit_();
  }

  /** The view's parts that follow from the learner state: the outcome and the assessment read model. */
  private derive_(state: LearnerState): Pick<SessionView, "state" | "outcome" | "assessment"> {
    const half = this.deps_.half.loaded();
    if (half) {
      const outcome = half.computeOutcome(state, this.course, this.passingScore);
      this.viewer_ ??= half.assessmentViewer(this.course, this.facts, this.questions);
      return { state, outcome, assessment: this.viewer_(state, outcome) };
    }
    // No attempt started (only the half starts one, and boot loads it for a state that holds one).
    const outcome = outcomeBeforeAttempts(state, this.course)!;
    return { state, outcome, assessment: this.viewBefore_?.(outcome) ?? null };
  }

  private persist_(): void {
    this.save_();
    this.report_();
  }

  /** Writes the change that waited for the codec (once it is there); a failed load is logged, tried again at the next change. */
  private async codecArrived_(): Promise<void> {
    if (!this.unsaved_) return;
    this.awaitingCodec_ = true;
    try {
      await this.deps_.codec.load();
    } catch (error) {
      this.deps_.logger.warn(`the resume state codec could not be loaded: ${String(error)}`);
      return;
    } finally {
      this.awaitingCodec_ = false;
    }
    if (this.unsaved_ && !this.current_.exited) this.write_();
  }

  private save_(): void {
    if (this.current_.exited || this.current_.exiting) return;
    this.write_();
  }

  /** The state's write, or (codec not there yet) a note that it waits for it. */
  private write_(): void {
    const codec = this.deps_.codec.loaded();
    if (!codec) {
      this.unsaved_ = true;
      if (!this.awaitingCodec_) void this.codecArrived_();
      return;
    }
    this.unsaved_ = false;
    const state = this.current_.state;
    const encoded = codec.encodeState(state, this.course, this.facts.stateBudget);
    if (encoded.dropped.length > 0) this.deps_.logger.warn(`resume state trimmed to fit ${this.facts.stateBudget} characters: ${encoded.dropped.join(", ")}`);
    if (!encoded.fits) {
      this.deps_.logger.warn(`resume state of ${encoded.encoded.length} characters does not fit the LMS's ${this.facts.stateBudget}; not saved`);
      return;
    }
    this.guard_("saveState", () => this.driver.saveState(encoded.encoded, state.location));
  }

  private report_(): void {
    if (this.current_.exited || this.current_.exiting) return;
    const progress = progressOf(this.current_.state, this.course);
    if (progress !== this.lastProgress_) {
      this.lastProgress_ = progress;
      this.guard_("reportProgress", () => this.driver.reportProgress(progress));
    }
    const outcome = this.current_.outcome;
    const key = JSON.stringify(outcome);
    if (key !== this.lastOutcomeKey_) {
      this.lastOutcomeKey_ = key;
      this.guard_("reportOutcome", () => this.driver.reportOutcome(outcome));
    }
  }

  /** A driver refusing one call must not take the learner's page down with it. */
  private guard_(what: string, call: () => void): void {
    try {
      call();
    } catch (error) {
      this.deps_.logger.warn(`${what} failed: ${String(error)}`);
    }
  }

  private update_(patch: Partial<SessionView>): void {
    this.current_ = { ...this.current_, ...patch };
    this.emit_();
  }

  private emit_(): void {
    for (const listener of this.listeners_) listener(this.current_);
  }
}
