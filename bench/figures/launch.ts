// Figure 2 (issue 7, issue 4): a cmi5 launch against the local LRS with 100 ms added to every LMS
// request. passmark: sequential round trips and navigation → learner can interact; references: the
// time until @xapi/cmi5's initialize() and @rusticisoftware/cmi5's start() resolve, same server,
// same browser, interleaved runs. Target: passmark ≤ 0.5× each reference, and ≤ 1.3× the same cmi5
// package opened standalone (no launch parameters, so no LMS request: the page load alone; issue 14).
// The floor page (bench/pages/floor-page.ts) is the best any AU could do here: its ratios show which
// of those targets any AU can meet in this harness.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";
import { medianSteps, timelineNote, type LaunchSteps } from "../lib/launch-timeline";
import { launchChromium, readTiming, sequentialRoundTrips, watchReadiness } from "../lib/browser";
import { ROOT } from "../lib/bundle";
import { startFrontServer, type FrontServer } from "../lib/front-server";
import { buildAndUnpack } from "../lib/package";
import { count, ms, ratio, row, type FigureResult, type ResultRow } from "../lib/report";
import { median, spread } from "../lib/stats";
import { writeFloorPage } from "../pages/floor-page";
import { writeReferencePages } from "../pages/reference-pages";

export const ADDED_LATENCY_MS = 100;
const STARTER = join(ROOT, "templates", "starter");

interface Subject {
  label: string;
  /** Path on the front server. */
  path: string;
  /** "standalone": the cmi5 package opened as it is, without the LMS's launch parameters (the runtime runs standalone). */
  kind: "passmark" | "library" | "floor" | "standalone";
}

/** passmark's runtime signals readiness with a performance mark; the other pages set window.__benchReadyAt. */
const runsRuntime = (s: Subject): boolean => s.kind === "passmark" || s.kind === "standalone";

interface Sample {
  readyAt: number;
  /** From the start of the first LMS request (the fetch URL POST) to ready: the part the page load does not explain. */
  lmsPhase: number;
  roundTrips: number;
  requests: number;
  /** Runtime files the page asked for before it was interactive (file names, content hash left out). */
  runtimeFiles: string[];
  steps: LaunchSteps;
}

/** "passmark-chunk-4SUTD6IG.js" → "passmark-chunk.js": esbuild's content hash is not part of what a file is. */
const withoutHash = (name: string): string => name.replace(/-[A-Z0-9]{8}\.js$/, ".js");

/** ["a.js", "b.js", "b.js"] → "a.js, 2× b.js" (in first-seen order). */
function fileList(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n > 1 ? `${n}× ${name}` : name)).join(", ");
}

/** The LMS's launch URL, with the endpoint and fetch URL pointing at the front server's origin. */
export function launchThrough(front: FrontServer, lms: LocalLms, path: string): string {
  const launch = lms.launch({
    auUrl: `${front.origin}${path}`,
    activityId: "https://bench.passmark.test/au/launch",
    publisherId: "https://example.com/courses/fire-safety-basics/au",
    moveOn: "Passed",
    masteryScore: 0.8,
    returnURL: `${front.origin}/lms/return`,
  });
  const url = new URL(launch.url);
  for (const name of ["endpoint", "fetch"]) {
    const value = new URL(url.searchParams.get(name)!);
    url.searchParams.set(name, `${front.origin}${value.pathname}`);
  }
  return url.toString();
}

async function measure(browser: Browser, front: FrontServer, lms: LocalLms, subject: Subject): Promise<Sample> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (runsRuntime(subject)) await watchReadiness(page);
    front.proxied.length = 0;
    await page.goto(subject.kind === "standalone" ? `${front.origin}${subject.path}` : launchThrough(front, lms, subject.path), { waitUntil: "commit" });
    const timing = await readTiming(page, 20_000).catch((error: unknown) => {
      const failures = front.proxied.filter((r) => r.status >= 400).map((r) => `${r.method} ${r.path} → ${r.status} ${r.error ?? ""}`);
      throw new Error(
        `${subject.label}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}${failures.length ? ` (LMS answered ${failures.join(", ")})` : ""}`,
      );
    });
    if (process.env.BENCH_DEBUG) {
      const requests = timing.lmsRequests.map((r) => `${r.name.replace(/^.*\/(xapi|cmi5)\//, "")} ${r.start.toFixed(0)}–${r.end.toFixed(0)}`);
      const files = timing.runtimeFiles.map((f) => `${withoutHash(f.name)} ${f.start.toFixed(0)}–${f.end.toFixed(0)}`);
      console.log(
        `   [debug] ${subject.label}: index.html first byte ${timing.responseStartAt.toFixed(0)}, DCL ${timing.domContentLoadedAt.toFixed(0)}, ready ${timing.readyAt.toFixed(0)}; ${requests.join("; ")}${files.length ? `\n     runtime files: ${files.join("; ")}` : ""}`,
      );
    }
    const firstLms = timing.lmsRequests.length > 0 ? Math.min(...timing.lmsRequests.map((r) => r.start)) : null;
    const firstRequest = firstLms ?? timing.readyAt;
    return {
      steps: {
        firstByte: timing.responseStartAt,
        firstFile: timing.firstFileAt,
        firstScript: timing.firstScriptAt,
        firstLmsRequest: firstLms,
        ready: timing.readyAt,
      },
      readyAt: timing.readyAt,
      lmsPhase: timing.readyAt - firstRequest,
      roundTrips: sequentialRoundTrips(timing.lmsRequests),
      requests: timing.lmsRequests.length,
      runtimeFiles: timing.runtimeFiles.map((f) => withoutHash(f.name)),
    };
  } finally {
    await context.close();
  }
}

export async function launchFigure(runs: number): Promise<FigureResult> {
  const dir = await mkdtemp(join(tmpdir(), "passmark-bench-launch-"));
  const lms = await startLocalLms({ strict: false });
  let front: FrontServer | null = null;
  let browser: Browser | null = null;
  try {
    const content = await buildAndUnpack(STARTER, "cmi5", dir);
    const references = await writeReferencePages(join(dir, "reference"));
    const floor = await writeFloorPage(join(dir, "reference"));
    front = await startFrontServer(lms.origin, { "/content/": content, "/bench/": join(dir, "reference") });
    lms.faults.set({ latencyMs: ADDED_LATENCY_MS });
    browser = await launchChromium();
    const subjects: Subject[] = [
      { label: "passmark (starter course, cmi5 package)", path: "/content/index.html", kind: "passmark" },
      ...references.map((r): Subject => ({ label: r.label, path: `/bench/${r.page}`, kind: "library" })),
      { label: floor.label, path: `/bench/${floor.page}`, kind: "floor" },
      { label: "passmark standalone (the same cmi5 package, no launch parameters)", path: "/content/index.html", kind: "standalone" },
    ];
    const libraries = subjects.filter((s) => s.kind === "library");
    const floorSubject = subjects.find((s) => s.kind === "floor")!;
    const samples = new Map<string, Sample[]>(subjects.map((s) => [s.label, []]));
    for (let i = 0; i <= runs; i++) {
      for (const subject of subjects) {
        const sample = await measure(browser, front, lms, subject);
        if (i > 0) samples.get(subject.label)!.push(sample); // run 0 warms Chromium up
      }
    }
    const rows: ResultRow[] = [];
    const med = (label: string) => median(samples.get(label)!.map((s) => s.readyAt));
    const passmark = subjects[0]!;
    for (const subject of subjects) {
      const list = samples.get(subject.label)!;
      const what = runsRuntime(subject)
        ? "navigation → learner can interact"
        : subject.kind === "floor"
          ? "navigation → heading written"
          : "navigation → promise resolved";
      if (subject.kind === "standalone") {
        rows.push(row(`${subject.label}: ${what}`, med(subject.label), "ms", ms, undefined, spread(list.map((s) => s.readyAt))));
        continue;
      }
      rows.push(row(`${subject.label}: ${what}`, med(subject.label), "ms", ms, undefined, spread(list.map((s) => s.readyAt))));
      rows.push(
        row(
          `${subject.label}: sequential LMS round trips before that`,
          median(list.map((s) => s.roundTrips)),
          "round trips",
          count,
          subject.kind === "passmark" ? { text: "2 (issue 4)", pass: median(list.map((s) => s.roundTrips)) <= 2 } : undefined,
          `${median(list.map((s) => s.requests))} LMS requests in all`,
        ),
      );
    }
    const standalone = subjects[subjects.length - 1]!;
    const overStandalone = med(passmark.label) / med(standalone.label);
    rows.push(row(`passmark cmi5 launch ÷ ${standalone.label}`, overStandalone, "ratio", ratio, { text: "≤ 1.30× (issue 14)", pass: overStandalone <= 1.3 }));
    for (const reference of libraries) {
      const r = med(passmark.label) / med(reference.label);
      rows.push(row(`passmark interactive ÷ ${reference.label}`, r, "ratio", ratio, { text: "≤ 0.50×", pass: r <= 0.5 }));
    }
    // The floor against the same targets: what any AU can reach here (reported, not a target of ours).
    const floorMedian = med(floorSubject.label);
    rows.push(row(`floor page ÷ passmark standalone`, floorMedian / med(standalone.label), "ratio", ratio, undefined, "best possible AU vs the 1.30× target"));
    rows.push(
      row(`passmark cmi5 launch ÷ floor page`, med(passmark.label) / floorMedian, "ratio", ratio, undefined, "how far passmark is from the best possible AU"),
    );
    for (const reference of libraries) {
      rows.push(row(`floor page ÷ ${reference.label}`, floorMedian / med(reference.label), "ratio", ratio, undefined, "best possible AU vs the 0.50× target"));
    }
    // Issue 14 item 1, checked where it matters: which runtime files the cmi5 launch fetched before the
    // learner could interact (a chunk made lazy must not be among them). Every run's list, merged.
    {
      const lists = samples.get(passmark.label)!.map((s) => fileList(s.runtimeFiles));
      const distinct = [...new Set(lists)];
      rows.push(
        row(
          `${passmark.label}: runtime files fetched before interactive`,
          median(samples.get(passmark.label)!.map((s) => s.runtimeFiles.length)),
          "files",
          count,
          undefined,
          distinct.length === 1 ? `every run: ${distinct[0]}` : distinct.map((l) => `${lists.filter((x) => x === l).length} run(s): ${l}`).join(" | "),
        ),
      );
    }
    const phase = (label: string) => median(samples.get(label)!.map((s) => s.lmsPhase));
    for (const subject of subjects.filter((s) => s.kind !== "standalone")) {
      rows.push(
        row(
          `${subject.label}: first LMS request → ${subject.kind === "passmark" ? "interactive" : "ready"}`,
          phase(subject.label),
          "ms",
          ms,
          undefined,
          spread(samples.get(subject.label)!.map((s) => s.lmsPhase)),
        ),
      );
    }
    for (const reference of libraries) {
      rows.push(
        row(`LMS phase, passmark ÷ ${reference.label}`, phase(passmark.label) / phase(reference.label), "ratio", ratio, undefined, "page load left out"),
      );
    }
    // Where each launch spends its time: when its first file, first script and first LMS request started.
    for (const subject of subjects) {
      const steps = samples.get(subject.label)!.map((s) => s.steps);
      const first = medianSteps(steps).firstLmsRequest;
      rows.push(row(`${subject.label}: first LMS request starts`, first, "ms", ms, undefined, timelineNote(steps)));
    }
    return {
      id: "launch",
      title: `2. cmi5 launch, ${ADDED_LATENCY_MS} ms added per LMS request`,
      rows,
      method:
        `The local LMS+LRS (authoring/lrs) with latencyMs=${ADDED_LATENCY_MS} on every request; the browser reaches it through a same-origin front server that serves the unpacked cmi5 package and the reference pages at once (no latency, no CORS preflight) and proxies /cmi5/ and /xapi/. ` +
        `Debian Chromium, a fresh browser context per launch (no cache, no sessionStorage), ${runs} interleaved runs per subject after one warm-up round. ` +
        "Times are the page's performance.now() (from navigation start). passmark is interactive at the runtime's performance mark \"passmark:interactive\" (set by runtime/app/boot.ts right after the first screen is rendered, never on the error screen). " +
        "The standalone subject is the same unpacked cmi5 package opened without launch parameters (no LMS request at all): the page load the cmi5 launch is compared with. " +
        "Runtime files fetched before interactive: the page's Resource Timing entries under runtime/ whose request started before the mark (content hashes left out of the names). " +
        "Floor page: one HTML file whose inline classic script, first in <head>, POSTs the fetch URL at once, then reads LMS.LaunchData, the learner preferences and passmark's State document in parallel (the requests passmark makes before its first screen) and writes one heading; ready when the heading is in the DOM. " +
        "Timeline: HTML first byte is the navigation's responseStart; first file requested is the earliest Resource Timing startTime of a non-LMS request; first script ran is the floor page's own performance.now() probe; first LMS request is the earliest LMS request's startTime. " +
        "References: a page loading only the library (bundled with esbuild like the runtime) that calls initialize() / start() at once. Round trips: longest chain of LMS requests completed before that moment (the page's Resource Timing) where each starts after the previous ended. " +
        'The target compares whole times from navigation, so the page load both sides pay is inside both; the "LMS phase" rows leave it out (first LMS request → ready).',
    };
  } finally {
    await browser?.close();
    await front?.close();
    await lms.close();
    await rm(dir, { recursive: true, force: true });
  }
}
