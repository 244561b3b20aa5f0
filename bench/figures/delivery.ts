// Figure 3 (issue 7): cmi5 delivery with 100 ms added per LMS request. Time from the learner's
// submit to the Passed statement stored by the LRS (target: one round trip), and the statements a
// whole session sends for a 20-question pass.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { startLocalLms } from "../../authoring/lrs";
import { launchChromium } from "../lib/browser";
import { bundleForBrowser, ROOT } from "../lib/bundle";
import { generateCourse } from "../lib/course-generator";
import { startFrontServer, type FrontServer } from "../lib/front-server";
import { buildAndUnpack } from "../lib/package";
import { count, ms, row, type FigureResult } from "../lib/report";
import { median, spread } from "../lib/stats";
import { ADDED_LATENCY_MS, launchThrough } from "./launch";

const PASSED = "http://adlnet.gov/expapi/verbs/passed";
const QUESTIONS = 20;

async function writeSessionPage(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const code = await bundleForBrowser('import "./bench/pages/cmi5-session";', ROOT);
  await writeFile(join(dir, "cmi5-session.js"), code);
  await writeFile(join(dir, "cmi5-session.html"), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cmi5 session</title><script src="cmi5-session.js" defer></script></head><body></body></html>\n');
}

function verbName(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

export async function deliveryFigure(runs: number): Promise<FigureResult> {
  const dir = await mkdtemp(join(tmpdir(), "passmark-bench-delivery-"));
  const lms = await startLocalLms({ strict: true });
  let front: FrontServer | null = null;
  let browser: Browser | null = null;
  try {
    const courseDir = join(dir, "course");
    await generateCourse(courseDir, { name: "delivery", pages: 4, questions: QUESTIONS, mediaBytes: 0, mediaFiles: 0, attempts: 3 });
    const content = await buildAndUnpack(courseDir, "cmi5", dir);
    await writeSessionPage(join(dir, "pages"));
    front = await startFrontServer(lms.origin, { "/content/": content, "/bench/": join(dir, "pages") });
    lms.faults.set({ latencyMs: ADDED_LATENCY_MS });
    browser = await launchChromium();
    const delays: number[] = [];
    const perSession: number[] = [];
    let breakdown = "";
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const url = launchThrough(front, lms, "/bench/cmi5-session.html");
        const registration = new URL(url).searchParams.get("registration")!;
        await page.goto(url);
        await page.evaluate(() => (window as unknown as { bench: { start(u: string): Promise<void> } }).bench.start("/content/course/course.json"));
        const answered = await page.evaluate(() => (window as unknown as { bench: { learnAndAnswer(): number } }).bench.learnAndAnswer());
        if (answered !== QUESTIONS) throw new Error(`attempt drew ${answered} questions, expected ${QUESTIONS}`);
        await front.whenIdle(500, 20_000); // the answers' saves are delivered: submit starts from a quiet outbox
        front.proxied.length = 0;
        const submittedAt = performance.now();
        const status = await page.evaluate(() => (window as unknown as { bench: { submit(): string } }).bench.submit());
        if (status !== "passed") throw new Error(`the attempt was judged ${status}, expected passed`);
        const stored = await front.whenStored(PASSED, 15_000);
        delays.push(stored.endedAt - submittedAt);
        if (process.env.BENCH_DEBUG) {
          const after = front.proxied.map((r) => `${r.method} ${r.path.replace(/^.*\/xapi\//, "")} [${r.verbs.map(verbName).join(",")}] ${(r.startedAt - submittedAt).toFixed(0)}–${(r.endedAt - submittedAt).toFixed(0)}`);
          console.log(`   [debug] after submit: ${after.join("; ")}`);
        }
        await page.evaluate(() => (window as unknown as { bench: { exit(): Promise<void> } }).bench.exit());
        const statements = lms.statements({ registration });
        perSession.push(statements.length);
        const verbs = new Map<string, number>();
        for (const s of statements) verbs.set(verbName(s.verb.id), (verbs.get(verbName(s.verb.id)) ?? 0) + 1);
        breakdown = [...verbs.entries()].map(([v, n]) => `${v} ${n}`).join(", ");
      } finally {
        await context.close();
      }
    }
    const violations = lms.violations.length;
    const delay = median(delays);
    return {
      id: "delivery",
      title: `3. cmi5 delivery, ${ADDED_LATENCY_MS} ms added per LMS request`,
      rows: [
        row("submit → Passed statement stored by the LRS", delay, "ms", ms, { text: `one round trip (< ${2 * ADDED_LATENCY_MS} ms)`, pass: delay < 2 * ADDED_LATENCY_MS }, spread(delays)),
        row(`statements per session, ${QUESTIONS}-question pass`, median(perSession), "statements", count, undefined, breakdown),
        row("cmi5 rule violations recorded by the LRS", violations, "violations", count, { text: "0", pass: violations === 0 }),
      ],
      method:
        `A generated course (4 pages, ${QUESTIONS} questions of every type, cmi5 package built and unpacked), launched from the local LMS (strict mode) through the same-origin front server. ` +
        "The harness page runs the runtime's CourseSession over the real Cmi5Driver (the code the UI calls, without the screens): every page visited, every question answered correctly, then submit. " +
        `Delay: from just before the submit call (Node clock) to the LRS's 2xx answer to the statements request carrying Passed, as seen by the proxy; median of ${runs} launches. Statements: everything stored for the registration after exit().`,
    };
  } finally {
    await browser?.close();
    await front?.close();
    await lms.close();
    await rm(dir, { recursive: true, force: true });
  }
}
