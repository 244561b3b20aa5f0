// What the cmi5 driver takes from its environment (injected in tests, the browser's by default).

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface OutboxLogger {
  warn(message: string): void;
  error(message: string): void;
}
