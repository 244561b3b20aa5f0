// The early start of the cmi5 handshake in Chromium (runtime/early-launch.ts → runtime/passmark-launch.js,
// first in a cmi5 package's <head>): through the preview LMS, a launch POSTs its fetch URL exactly once
// (cmi5 §8.2: single-use) from the early script, under the shell's CSP (script-src 'self'); a reload
// never POSTs again; the session works (resume, pass, exit); a transient failure of the early POST is
// retried by the driver; a refused fetch shows the same error as without the early script; a launch of
// another kind never gets a request from it.
import type { Browser, BrowserContext, Request } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { launchChromium, watch } from "./support/chromium";
import { Learner } from "./support/learner";
import { cmi5Record, expectCleanCmi5 } from "./support/lms-side";
import { previewStarter, type CoursePreview } from "./support/preview-fixture";

let browser: Browser;
let starter: CoursePreview;
let scorm: CoursePreview;

beforeAll(async () => {
  [browser, starter, scorm] = await Promise.all([
    launchChromium(),
    previewStarter(undefined, { target: "cmi5" }),
    previewStarter(undefined, { target: "scorm12" }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await starter?.close();
  await scorm?.close();
});

const isFetchPost = (r: Request) => r.method() === "POST" && new URL(r.url()).pathname.startsWith("/cmi5/fetch/");
const isEarlyScript = (r: Request) => new URL(r.url()).pathname.endsWith("/runtime/passmark-launch.js");

/** Every request of the context, as it is sent. */
function requestsOf(context: BrowserContext): Request[] {
  const requests: Request[] = [];
  context.on("request", (r) => requests.push(r));
  return requests;
}

/** The package's index.html served with the strict policy the shell is written for (no inline script). */
async function withStrictCsp(context: BrowserContext): Promise<void> {
  await context.route(/\/index\.html(\?|$)/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), "content-security-policy": "default-src 'self'; script-src 'self'; connect-src 'self'" },
    });
  });
}

const startedBy = (learner: Learner) => learner.page!.evaluate(() => window.passmarkEarlyLaunch?.startedBy ?? null);

describe.concurrent("cmi5 launch begun by the page's first script (Chromium, preview LMS)", { timeout: 240_000 }, () => {
  it("one fetch POST a launch, from the early script, under script-src 'self'; a reload never POSTs again; resume, pass, exit", async ({ expect }) => {
    const learner = await Learner.enrol(browser, starter.preview, starter.course, "cmi5", expect);
    try {
      await withStrictCsp(learner.context);
      const requests = requestsOf(learner.context);
      await learner.launch();
      expect(await startedBy(learner)).toBe("early-script");
      expect(requests.filter(isEarlyScript)).toHaveLength(1);
      expect(requests.filter(isFetchPost)).toHaveLength(1);
      await learner.readToAssessment();
      // A reload of the page: its session is in this tab's sessionStorage (here ended with the unload,
      // docs/rules/lms.md §5); the early script leaves it to the driver and the fetch URL is not POSTed again.
      await learner.page!.reload();
      await expect.poll(() => learner.h1(), { timeout: 60_000 }).toBe("This session has ended");
      expect(await startedBy(learner)).toBe("driver");
      expect(requests.filter(isFetchPost)).toHaveLength(1);
      await learner.closeTab();
      // A new launch from the LMS (a new tab, a new fetch URL) resumes from the State document.
      await learner.launch();
      expect(await startedBy(learner)).toBe("early-script");
      expect(requests.filter(isFetchPost)).toHaveLength(2);
      await learner.openAssessment();
      await learner.attempt("right");
      await expect.poll(() => learner.statusLine(), { timeout: 60_000 }).toBe("Your result has been sent to the LMS.");
      await learner.exit();
      const record = cmi5Record(starter.preview, learner.registration!);
      expectCleanCmi5(
        starter.preview,
        record,
        learner.launches.map((l) => l.sessionId),
      );
      const [first, second] = learner.launches.map((l) => record.bySession.get(l.sessionId) ?? []);
      expect(first?.[0]).toBe("initialized");
      expect(first?.at(-1)).toBe("terminated");
      expect(second?.filter((v) => v !== "answered" && v !== "progressed")).toEqual(["initialized", "passed", "terminated"]);
      for (const launch of learner.launches) expect(starter.preview.lms.session(launch.sessionId)?.fetchCount).toBe(1);
      const expected = /LaunchError: cmi5-session-ended/; // the reload's error screen, logged (not a fault of this change)
      expect(
        learner.problems.filter((p) => !expected.test(p)),
        "console errors / page errors / CSP violations",
      ).toEqual([]);
    } finally {
      await learner.dispose();
    }
  });

  it("the early POST answered 503: the driver tries again and the course starts (one token)", async ({ expect }) => {
    const own = await previewStarter(undefined, { target: "cmi5" }); // faults are per LMS
    const learner = await Learner.enrol(browser, own.preview, own.course, "cmi5", expect);
    try {
      const requests = requestsOf(learner.context);
      own.preview.lms.faults.set({ sequence: [503], match: (r) => r.path.startsWith("/cmi5/fetch/") });
      await learner.launch();
      expect(await startedBy(learner)).toBe("early-script");
      const posts = requests.filter(isFetchPost);
      expect(posts).toHaveLength(2);
      expect(await posts[0]!.response().then((r) => r?.status())).toBe(503);
      expect(own.preview.lms.session(learner.sessionId)?.fetchCount).toBe(1);
      expect(learner.problems.filter((p) => !/status of 503/.test(p))).toEqual([]);
    } finally {
      await learner.dispose();
      await own.close();
    }
  });

  it("a fetch URL already used (error-code 1): the same error screen as without the early script, one POST each", async ({ expect }) => {
    const screens: string[] = [];
    for (const early of [true, false]) {
      const answer = starter.preview.launch({ target: "cmi5", learner: "new", cmi5: {}, scorm: {} });
      starter.preview.lms.setFetchError(answer.sessionId, "1");
      const context = await browser.newContext({ locale: "en-US" });
      try {
        if (!early) await context.route(/\/runtime\/passmark-launch\.js$/, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
        const requests = requestsOf(context);
        const page = await context.newPage();
        watch(page);
        await page.goto(answer.frameUrl);
        const error = page.getByText("This launch link has already been used or has expired.");
        await error.waitFor({ timeout: 60_000 });
        expect(await page.evaluate(() => window.passmarkEarlyLaunch?.startedBy ?? null)).toBe(early ? "early-script" : "driver");
        expect(requests.filter(isFetchPost)).toHaveLength(1);
        screens.push(((await page.locator("#passmark").textContent()) ?? "").trim());
      } finally {
        await context.close();
      }
    }
    expect(screens[0]).toBe(screens[1]);
  });

  it("standalone, Tin Can and SCORM launches: the early script sends nothing", async ({ expect }) => {
    const answer = starter.preview.launch({ target: "cmi5", learner: "new", cmi5: {}, scorm: {} });
    const cmi5Url = new URL(answer.frameUrl);
    const standalone = new URL(cmi5Url.pathname, cmi5Url.origin);
    const tincan = new URL(standalone);
    for (const name of ["endpoint", "actor", "registration"]) tincan.searchParams.set(name, cmi5Url.searchParams.get(name)!);
    tincan.searchParams.set("auth", "Basic bm90OnZhbGlk");
    tincan.searchParams.set("activity_id", cmi5Url.searchParams.get("activityId")!);
    for (const url of [standalone, tincan]) {
      const context = await browser.newContext({ locale: "en-US" });
      try {
        const requests = requestsOf(context);
        const page = await context.newPage();
        await page.goto(url.toString());
        await page.locator("#passmark h1, #passmark [role=alert]").first().waitFor({ timeout: 60_000 });
        expect(requests.filter(isEarlyScript), url.search).toHaveLength(1); // it ran…
        // …and began nothing: it sets the global before any request, and only a cmi5 driver sets it otherwise.
        expect(await page.evaluate(() => window.passmarkEarlyLaunch ?? null), url.search).toBeNull();
        expect(
          requests.filter((r) => r.method() === "POST" && /\/cmi5\//.test(r.url())),
          url.search,
        ).toEqual([]);
      } finally {
        await context.close();
      }
    }
    // A SCORM package's page does not run the early script at all.
    const learner = await Learner.enrol(browser, scorm.preview, scorm.course, "scorm12", expect);
    try {
      const requests = requestsOf(learner.context);
      await learner.launch();
      expect(requests.filter(isEarlyScript)).toEqual([]);
      expect(requests.filter((r) => r.method() === "POST" && /\/cmi5\//.test(r.url()))).toEqual([]);
    } finally {
      await learner.dispose();
    }
  });
});
