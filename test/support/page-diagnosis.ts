// What a test's page was doing when the test failed, printed with the failure: whether its main
// thread still runs scripts and timers, whether animation frames still come (Playwright's "stable"
// check waits for two), whether the page is visible; whether a new page of the same browser context
// gets animation frames (a stall of this page's renderer, or of the whole browser's frame production);
// and, for a preview session, its last log events (a SCORM host page posts its API calls every 50 ms;
// a commit is a synchronous request that holds the page's main thread until the LMS answers). Every
// probe has a deadline: a page that no longer answers is what this is for. Probed twice, 5 s apart,
// to tell a stall from a slow machine.
import type { Frame, Page } from "playwright-core";
import type { LogEvent } from "../../authoring/preview/protocol";

const PROBE_DEADLINE_MS = 2_000;

async function within(promise: Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((done) => (timer = setTimeout(() => done(`no answer within ${PROBE_DEADLINE_MS} ms`), PROBE_DEADLINE_MS)));
  try {
    return String(await Promise.race([promise.catch((error: unknown) => `failed: ${String(error).split("\n")[0]}`), deadline]));
  } finally {
    clearTimeout(timer);
  }
}

const twoFrames = () => new Promise<string>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done("two frames"))));

async function probeFrame(frame: Frame): Promise<string> {
  const [state, timer, animation] = await Promise.all([
    within(frame.evaluate(() => `${document.visibilityState}, focus ${document.hasFocus()}, ${innerWidth}×${innerHeight}`)),
    within(frame.evaluate(() => new Promise<string>((done) => setTimeout(() => done("fired"), 10)))),
    within(frame.evaluate(twoFrames)),
  ]);
  return `script: ${state}; timer: ${timer}; animation frames: ${animation}`;
}

/** A blank page of the same browser context: do animation frames come to a page that is not this one? */
async function probeNewPage(page: Page): Promise<string> {
  let fresh: Page | undefined;
  const answer = within(
    (async () => {
      fresh = await page.context().newPage();
      return fresh.evaluate(twoFrames);
    })(),
  );
  const text = await answer;
  await fresh?.close().catch(() => undefined);
  return `a new page of the same context: animation frames: ${text}`;
}

async function probe(page: Page, ui: Frame | null): Promise<string[]> {
  const lines = [`page (${page.url()}): ${await probeFrame(page.mainFrame())}`];
  if (ui && ui !== page.mainFrame()) lines.push(`course frame (${ui.url()}): ${await probeFrame(ui)}`);
  lines.push(await probeNewPage(page));
  return lines;
}

/** A report of the page's state (and the session's last logged events, if any), for a failed test's output. */
export async function diagnosePage(page: Page | null, ui: Frame | null, events: readonly LogEvent[] | null): Promise<string> {
  const started = Date.now();
  const lines = [`page diagnosis at ${new Date(started).toISOString()}:`];
  if (!page || page.isClosed()) lines.push("no open page");
  else {
    lines.push(...(await probe(page, ui)));
    await new Promise((done) => setTimeout(done, 5_000));
    lines.push("5 s later:", ...(await probe(page, ui)));
  }
  if (events) {
    lines.push(`the session's last ${Math.min(events.length, 8)} of ${events.length} preview log events:`);
    for (const event of events.slice(-8)) lines.push(`  ${event.at} ${event.kind}: ${event.summary.slice(0, 160)}`);
  }
  return lines.join("\n");
}
