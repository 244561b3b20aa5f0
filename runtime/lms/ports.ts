// What the drivers (and boot) take from their environment: a clock, timers and a logger. One set of
// ports for every driver; tests inject their own, the browser's are the defaults below. The page
// lifecycle is not a port a driver listens to: runtime/app/page-hide.ts is its one owner and reaches
// the driver through CourseSession.pageHidden → LmsDriver.pageHidden.

/** Epoch milliseconds. */
export interface Clock {
  now(): number;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Where drivers and boot say what went wrong. `error`: something the LMS will not get (a refused
 * statement, a session the LMS ended); `warn`: everything else worth a line in the console.
 */
export interface Logger {
  warn(message: string): void;
  error(message: string): void;
}

export const systemClock: Clock = { now: () => Date.now() };

export const browserTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The browser console, each line marked `[passmark]`: boot makes one and hands it to the driver and the session. */
export function consoleLogger(): Logger {
  return {
    warn: (message) => console.warn(`[passmark] ${message}`),
    error: (message) => console.error(`[passmark] ${message}`),
  };
}

/** The same logger, each line led by `label` (the driver's standard: "cmi5: …", "scorm12: …"). */
export function labelledLogger(logger: Logger, label: string): Logger {
  return {
    warn: (message) => logger.warn(`${label}: ${message}`),
    error: (message) => logger.error(`${label}: ${message}`),
  };
}
