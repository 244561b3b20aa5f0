// Debian Chromium through playwright-core, launched as the test suites launch it.
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.PASSMARK_CHROMIUM ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/**
 * When "the learner can interact": the runtime's boot (runtime/app/boot.ts) sets the performance
 * mark "passmark:interactive" right after the first screen is rendered (Preact renders
 * synchronously, so its controls are in the DOM), and never on the error screen. Reference pages
 * set window.__benchReadyAt themselves when the library's promise resolves.
 */
export const INTERACTIVE_MARK = "passmark:interactive";

/** Installed before any page script: copies the mark's time (ms from navigation start) to window.__benchReadyAt. */
export async function watchReadiness(page: Page): Promise<void> {
  await page.addInitScript((mark: string) => {
    const w = window as unknown as { __benchReadyAt?: number };
    new PerformanceObserver((list, observer) => {
      const entry = list.getEntriesByName(mark)[0];
      if (!entry || w.__benchReadyAt !== undefined) return;
      w.__benchReadyAt = entry.startTime;
      observer.disconnect();
    }).observe({ type: "mark" });
  }, INTERACTIVE_MARK);
}

export interface PageTiming {
  /** ms from navigation start (performance.timeOrigin) until ready. */
  readyAt: number;
  domContentLoadedAt: number;
  /**
   * LMS requests (fetch URL and xAPI) completed before ready, i.e. waited for: [start, end] in page
   * ms (10 ms of slack: Resource Timing may stamp responseEnd after the page's code already resumed).
   */
  lmsRequests: { name: string; start: number; end: number }[];
  /** The navigation's responseStart (first byte of index.html), page ms. */
  responseStartAt: number;
  /** When the page's own probe (window.__benchFirstScriptAt, set by the floor page's inline script) ran, page ms; null without one. */
  firstScriptAt: number | null;
  /** Start of the first request for anything but the LMS (the parser reached the head's first file), page ms; null when there is none. */
  firstFileAt: number | null;
  /**
   * Runtime files (…/runtime/…: bundles, chunks, stylesheet, catalogues) the page had asked for
   * before ready (Resource Timing startTime ≤ ready), file name only, in start order.
   */
  runtimeFiles: { name: string; start: number; end: number }[];
}

/** Waits for readiness (or the page's own __benchError) and reads the page's timings. */
export async function readTiming(page: Page, timeoutMs: number): Promise<PageTiming> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __benchReadyAt?: number; __benchError?: string };
      if (w.__benchError) throw new Error(w.__benchError);
      return w.__benchReadyAt !== undefined;
    },
    undefined,
    { timeout: timeoutMs, polling: 20 },
  );
  return page.evaluate(() => {
    const w = window as unknown as { __benchReadyAt: number; __benchFirstScriptAt?: number };
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const lmsRequests = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((e) => /\/(xapi|cmi5)\//.test(new URL(e.name).pathname) && e.responseEnd <= w.__benchReadyAt + 10)
      .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }));
    const runtimeFiles = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((e) => /\/runtime\/[^/]+$/.test(new URL(e.name).pathname) && e.startTime <= w.__benchReadyAt)
      .sort((a, b) => a.startTime - b.startTime)
      .map((e) => ({ name: new URL(e.name).pathname.split("/").pop()!, start: e.startTime, end: e.responseEnd }));
    const files = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) => !/\/(xapi|cmi5)\//.test(new URL(e.name).pathname));
    return {
      firstScriptAt: w.__benchFirstScriptAt ?? null,
      firstFileAt: files.length > 0 ? Math.min(...files.map((e) => e.startTime)) : null,
      readyAt: w.__benchReadyAt,
      domContentLoadedAt: nav?.domContentLoadedEventEnd ?? 0,
      lmsRequests,
      responseStartAt: nav?.responseStart ?? 0,
      runtimeFiles,
    };
  });
}

/**
 * Longest chain of requests where each starts after the previous one ended: sequential round trips.
 * A request counts as "after" when it starts no earlier than 10 ms before the previous one's
 * responseEnd: Resource Timing may stamp responseEnd a little after the page's code already went on,
 * while requests that really run in parallel overlap by about the whole added latency.
 */
const SEQUENTIAL_SLACK_MS = 10;

export function sequentialRoundTrips(requests: { start: number; end: number }[]): number {
  const sorted = [...requests].sort((a, b) => a.end - b.end);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= r.start + SEQUENTIAL_SLACK_MS) best = Math.max(best, depth[j]!);
    depth.push(best + 1);
  });
  return Math.max(0, ...depth);
}
