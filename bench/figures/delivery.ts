// Figure 3 (issue 7): cmi5 delivery with 100 ms added per LMS request, through the learner UI of the
// built package. Time from the learner's click on "Submit answers" to the Passed statement stored by
// the LRS (target: one round trip), and the statements a whole session sends for a 20-question pass.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { startLocalLms } from "../../authoring/lrs";
import type { CourseData } from "../../runtime/course/types";
import { answerAll, readBuiltCourse } from "../../test/ui/answers";
import { launchChromium, readTiming, watchReadiness } from "../lib/browser";
import { generateCourse } from "../lib/course-generator";
import { startFrontServer, type FrontServer } from "../lib/front-server";
import { buildAndUnpack } from "../lib/package";
import { count, ms, row, type FigureResult } from "../lib/report";
import { median, spread } from "../lib/stats";
import { ADDED_LATENCY_MS, launchThrough } from "./launch";

const PASSED = "http://adlnet.gov/expapi/verbs/passed";
const TERMINATED = "http://adlnet.gov/expapi/verbs/terminated";
const QUESTIONS = 20;

function verbName(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

/** Records the epoch time (ms, sub-ms precision) of the learner's last click, in the page. */
async function watchClicks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __benchClickAt?: number };
    document.addEventListener("click", () => (w.__benchClickAt = performance.timeOrigin + performance.now()), true);
  });
}

/** Every page with Next, start the attempt, answer every question right (the UI tests' way). */
export async function learnAndAnswer(page: Page, course: CourseData): Promise<number> {
  for (let i = 0; i < course.pages.length; i++) await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByRole("button", { name: /^Start attempt/ }).click();
  await page.locator("fieldset.pm-question").first().waitFor();
  return (await answerAll(page, course, "right")).length;
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
    const course = await readBuiltCourse(content);
    front = await startFrontServer(lms.origin, { "/content/": content });
    lms.faults.set({ latencyMs: ADDED_LATENCY_MS });
    browser = await launchChromium();
    const delays: number[] = [];
    const perSession: number[] = [];
    let breakdown = "";
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await watchReadiness(page);
        await watchClicks(page);
        const url = launchThrough(front, lms, "/content/index.html");
        const registration = new URL(url).searchParams.get("registration")!;
        await page.goto(url, { waitUntil: "commit" });
        await readTiming(page, 20_000);
        const answered = await learnAndAnswer(page, course);
        if (answered !== QUESTIONS) throw new Error(`the attempt showed ${answered} questions, expected ${QUESTIONS}`);
        await front.whenIdle(500, 20_000); // the answers' saves are delivered: submit starts from a quiet outbox
        front.proxied.length = 0;
        await page.getByRole("button", { name: "Submit answers" }).click();
        const stored = await front.whenStored(PASSED, 15_000);
        const clickedAt = await page.evaluate(() => (window as unknown as { __benchClickAt: number }).__benchClickAt);
        const submittedAt = clickedAt - performance.timeOrigin; // the page's epoch time on this process's performance clock
        delays.push(stored.endedAt - submittedAt);
        if (process.env.BENCH_DEBUG) {
          const after = front.proxied.map(
            (r) =>
              `${r.method} ${r.path.replace(/^.*\/xapi\//, "")} [${r.verbs.map(verbName).join(",")}] ${(r.startedAt - submittedAt).toFixed(0)}–${(r.endedAt - submittedAt).toFixed(0)}`,
          );
          console.log(`   [debug] after submit: ${after.join("; ")}`);
        }
        await page.getByRole("button", { name: "Exit", exact: true }).click();
        await front.whenStored(TERMINATED, 15_000);
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
        row(
          "submit → Passed statement stored by the LRS",
          delay,
          "ms",
          ms,
          { text: `one round trip (< ${2 * ADDED_LATENCY_MS} ms)`, pass: delay < 2 * ADDED_LATENCY_MS },
          spread(delays),
        ),
        row(`statements per session, ${QUESTIONS}-question pass`, median(perSession), "statements", count, undefined, breakdown),
        row("cmi5 rule violations recorded by the LRS", violations, "violations", count, { text: "0", pass: violations === 0 }),
      ],
      method:
        `A generated course (4 pages, ${QUESTIONS} questions of every type, cmi5 package built and unpacked), launched from the local LMS (strict mode) through the same-origin front server, driven through the learner UI in Chromium: Next through every page, Start attempt, every question answered right (test/ui/answers.ts), wait until the LMS traffic is quiet, then a click on "Submit answers". ` +
        `Delay: from the click (the page's clock, captured in the capture phase) to the LRS's 2xx answer to the statements request carrying Passed, as seen by the proxy (same machine clock); median of ${runs} launches. Statements: everything stored for the registration after Exit (Terminated stored).`,
    };
  } finally {
    await browser?.close();
    await front?.close();
    await lms.close();
    await rm(dir, { recursive: true, force: true });
  }
}
