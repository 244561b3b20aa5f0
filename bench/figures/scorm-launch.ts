// Figure 10 (issue 14 item 2): a SCORM launch, navigation → Initialize called and → first page
// interactive, for the starter course's SCORM 1.2 and 2004 packages under scorm-again (the preview's
// SCORM host, authoring/preview) and the same package opened standalone.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";
import type { TargetId } from "../../runtime/course/types";
import { INTERACTIVE_MARK, launchChromium } from "../lib/browser";
import { ROOT } from "../lib/bundle";
import { ms, row, type FigureResult, type ResultRow } from "../lib/report";
import { median, spread } from "../lib/stats";

const INITIALIZE_MARK = "bench:initialize";

interface Sample {
  /** The SCO frame's navigation start → its first Initialize (null standalone). */
  initialize: number | null;
  /** The SCO frame's navigation start → "passmark:interactive". */
  interactive: number;
  /** The SCO frame's navigation start → the end of course.json's response (Resource Timing). */
  courseArrived: number;
}

/**
 * Installed in every frame before its scripts: in the package's frame (the SCO), the parent's SCORM
 * API (the host page sets it before it frames the SCO) marks its first Initialize call on the SCO's
 * clock; the interactive mark is copied to window.__benchReady.
 */
async function watchLaunch(page: Page): Promise<void> {
  await page.addInitScript(
    ({ initializeMark, interactiveMark }) => {
      if (!location.pathname.includes("/pkg/")) return;
      const w = window as unknown as { __benchReady?: { initialize: number | null; interactive: number; courseArrived: number } };
      let initializedAt: number | null = null;
      try {
        const host = window.parent === window ? null : (window.parent as unknown as Record<string, Record<string, unknown> | undefined>);
        for (const [name, method] of [
          ["API", "LMSInitialize"],
          ["API_1484_11", "Initialize"],
        ] as const) {
          const api = host?.[name];
          const original = api?.[method];
          if (!api || typeof original !== "function") continue;
          api[method] = (...args: unknown[]) => {
            if (initializedAt === null) initializedAt = performance.mark(initializeMark).startTime;
            return (original as (...a: unknown[]) => unknown).apply(api, args);
          };
        }
      } catch {
        // no parent API to watch: standalone
      }
      new PerformanceObserver((list, observer) => {
        const entry = list.getEntriesByName(interactiveMark)[0];
        if (!entry) return;
        const course = performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname.endsWith("/course/course.json")) as
          PerformanceResourceTiming | undefined;
        w.__benchReady = { initialize: initializedAt, interactive: entry.startTime, courseArrived: course?.responseEnd ?? Number.NaN };
        observer.disconnect();
      }).observe({ type: "mark" });
    },
    { initializeMark: INITIALIZE_MARK, interactiveMark: INTERACTIVE_MARK },
  );
}

async function measure(browser: Browser, url: string): Promise<Sample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await watchLaunch(page);
    await page.goto(url, { waitUntil: "commit" });
    const sco =
      page.frames().find((f) => f.url().includes("/pkg/")) ??
      (await page.waitForEvent("framenavigated", { predicate: (f) => f.url().includes("/pkg/"), timeout: 30_000 }));
    await sco.waitForFunction(() => (window as unknown as { __benchReady?: Sample }).__benchReady !== undefined, undefined, { timeout: 30_000, polling: 20 });
    return sco.evaluate(() => (window as unknown as { __benchReady: Sample }).__benchReady);
  } finally {
    await context.close();
  }
}

export async function scormLaunchFigure(runs: number): Promise<FigureResult> {
  const dir = await mkdtemp(join(tmpdir(), "passmark-bench-scorm-launch-"));
  let preview: PreviewServer | null = null;
  let browser: Browser | null = null;
  try {
    preview = await startPreview({ source: join(ROOT, "templates", "starter"), port: 0, workDir: join(dir, "lms") });
    browser = await launchChromium();
    const targets: TargetId[] = ["scorm12", "scorm2004-4"];
    const cases = targets.flatMap((target) => [
      { label: `${target} package under scorm-again`, target, lms: true },
      { label: `${target} package standalone`, target, lms: false },
    ]);
    const samples = new Map<string, Sample[]>(cases.map((c) => [c.label, []]));
    for (let i = 0; i <= runs; i++) {
      for (const c of cases) {
        const origin = preview.packageOrigin;
        const url = c.lms ? preview.launch({ target: c.target, learner: "new", scorm: {} }).frameUrl : `${origin}/pkg/${c.target}/index.html`;
        const value = await measure(browser, url);
        if (i > 0) samples.get(c.label)!.push(value); // round 0 warms Chromium up
      }
    }
    const rows: ResultRow[] = cases.flatMap((c) => {
      const all = samples.get(c.label)!;
      const interactive = all.map((s) => s.interactive);
      const initialize = all.map((s) => s.initialize).filter((v): v is number => v !== null);
      if (c.lms && initialize.length !== all.length) throw new Error(`${c.label}: Initialize was not seen in every launch`);
      const lead = all.map((s) => (s.initialize ?? Number.NaN) - s.courseArrived);
      return [
        ...(c.lms
          ? [
              row(`${c.label}: SCO navigation → Initialize called`, median(initialize), "ms", ms, undefined, spread(initialize)),
              row(`${c.label}: course.json arrived → Initialize called (negative: before)`, median(lead), "ms", ms, undefined, spread(lead)),
            ]
          : []),
        row(`${c.label}: SCO navigation → first page interactive`, median(interactive), "ms", ms, undefined, spread(interactive)),
      ];
    });
    return {
      id: "scorm-launch",
      title: "10. SCORM launch (issue 14)",
      rows,
      method:
        "The starter course's SCORM 1.2 and 2004 4th edition packages served by `passmark preview` (local, no added latency). Under scorm-again: a new learner's launch of the preview's SCORM host page, which frames the SCO; standalone: the same package's index.html opened directly (no API anywhere, the runtime runs standalone). " +
        `Debian Chromium, a fresh context per load, ${runs} interleaved loads after a warm-up round, medians. Times are on the SCO frame's clock from its navigation start: to the first LMSInitialize/Initialize call (the parent's API wrapped before any script of the SCO runs) and to the runtime's "passmark:interactive" mark; course.json's arrival is its Resource Timing responseEnd in the SCO frame.`,
    };
  } finally {
    await browser?.close();
    await preview?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
