// One rebuild at a time: a request while a run is going is remembered, and any number of them make
// ONE more run once the current one ends (a save storm coalesces). Each request's promise settles
// when a run that started after the request has ended, so the caller sees its change built.
export class SerialRunner {
  private running: Promise<void> | null = null;
  /** Callers waiting for the next run; null when none is wanted. */
  private next: { promise: Promise<void>; resolve: () => void } | null = null;

  /** `job` never throws on purpose: a rejection is passed to `onError` and the runner goes on. */
  constructor(
    private readonly job: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Asks for a run; resolves when a run that started after this call has ended. */
  request(): Promise<void> {
    if (!this.next) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      this.next = { promise, resolve };
    }
    const { promise } = this.next;
    if (!this.running) this.running = this.loop();
    return promise;
  }

  /** Resolves once nothing runs and nothing is wanted. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    while (this.next) {
      const waiting = this.next;
      this.next = null;
      try {
        await this.job();
      } catch (error) {
        this.onError(error);
      }
      waiting.resolve();
    }
    this.running = null;
  }
}
