// The early start of the cmi5 handshake in Chromium (runtime/early-launch.ts → runtime/passmark-launch.js,
// first in a cmi5 package's <head>, `async`): through the preview LMS, a launch POSTs its fetch URL once
// (cmi5 §8.2: single-use) and reads LaunchData, the preferences and our State once each, all sent by the
// early script and taken over by the driver, under the shell's CSP (script-src 'self'); a reload never
// POSTs again; a transient failure of the early POST is retried by the driver; a refused fetch URL and a
// failed LaunchData read show the same error screen as without the early script; a launch of another
// kind never gets a request from it.
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { launchChromium, watch } from "./support/chromium";
import { Learner } from "./support/learner";
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
/** The handshake's three reads (cmi5 §10 LaunchData, §11 preferences, our State document). */
const isLaunchRead = (r: Request) => r.method() === "GET" && /\/xapi\/(activities\/state|agents\/profile)$/.test(new URL(r.url()).pathname);

/** Every request of the context, as it is sent. */
function requestsOf(context: BrowserContext): Request[] {
  const requests: Request[] = [];
  context.on("request", (r) => requests.push(r));
  return requests;
}

/**
 * The early script served as built, followed by a line that records how many requests it had begun
 * when it ran (window.__earlySent; it runs synchronously to its end): 0 when it sent nothing. With
 * `run: false`, served empty: the page as it is without the early script.
 */
async function observeEarlyScript(context: BrowserContext, run = true): Promise<void> {
  await context.route(/\/runtime\/passmark-launch\.js$/, async (route) => {
    const response = await route.fetch();
    const body = run ? `${await response.text()}\nwindow.__earlySent = Object.keys(window.passmarkLaunch ?? {}).length;` : "";
    await route.fulfill({ response, body });
  });
}

const earlySent = (page: Page) => page.evaluate(() => (window as unknown as { __earlySent?: number }).__earlySent ?? null);

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

/** The error screen of a launch whose LMS refuses it (`refuse` sets the fault up), with and without the early script: one POST each. */
async function errorScreens(
  preview: CoursePreview,
  refuse: (sessionId: string) => void,
  expected: string,
  expect: typeof import("vitest").expect,
): Promise<string[]> {
  const screens: string[] = [];
  for (const early of [true, false]) {
    const answer = preview.preview.launch({ target: "cmi5", learner: "new", cmi5: {}, scorm: {} });
    refuse(answer.sessionId);
    const context = await browser.newContext({ locale: "en-US" });
    try {
      await observeEarlyScript(context, early);
      const requests = requestsOf(context);
      const page = await context.newPage();
      watch(page);
      await page.goto(answer.frameUrl);
      await page.getByText(expected).waitFor({ timeout: 60_000 });
      expect(await earlySent(page)).toBe(early ? 1 : null);
      expect(requests.filter(isFetchPost)).toHaveLength(1);
      screens.push(((await page.locator("#passmark").textContent()) ?? "").trim());
    } finally {
      await context.close();
    }
  }
  return screens;
}

describe.concurrent("cmi5 launch begun by the page's early script (Chromium, preview LMS)", { timeout: 240_000 }, () => {
  it("one fetch POST and one of each read, sent by the early script, under script-src 'self'; a reload never POSTs again", async ({ expect }) => {
    const learner = await Learner.enrol(browser, starter.preview, starter.course, "cmi5", expect);
    try {
      await withStrictCsp(learner.context);
      await observeEarlyScript(learner.context);
      const requests = requestsOf(learner.context);
      await learner.launch();
      expect(await earlySent(learner.page!)).toBe(1); // the POST; its reads follow its answer
      expect(requests.filter(isEarlyScript)).toHaveLength(1);
      expect(requests.filter(isFetchPost)).toHaveLength(1);
      // Taken over, not sent again: LaunchData, preferences, our State, once each (then the write path's own).
      const reads = requests.filter(isLaunchRead).map((r) => {
        const url = new URL(r.url());
        return url.searchParams.get("stateId") ?? url.searchParams.get("profileId");
      });
      expect(reads.slice(0, 3).sort()).toEqual(["LMS.LaunchData", "cmi5LearnerPreferences", "https://passmark.dev/xapi/state/au-state"]);
      expect(reads.filter((id) => id === "LMS.LaunchData")).toHaveLength(1);
      expect(reads.filter((id) => id === "cmi5LearnerPreferences")).toHaveLength(1);
      // The fetch POST came first; every read after its answer (docs/rules/lms.md §5 start-up order).
      expect(requests.findIndex(isFetchPost)).toBeLessThan(requests.findIndex(isLaunchRead));
      await learner.readToAssessment();
      // A reload: its session is in this tab's sessionStorage; the early script leaves it to the driver
      // and the fetch URL is not POSTed again.
      await learner.page!.reload();
      await expect.poll(() => learner.h1(), { timeout: 60_000 }).toBe("This session has ended");
      expect(await earlySent(learner.page!)).toBe(0);
      expect(requests.filter(isFetchPost)).toHaveLength(1);
      expect(starter.preview.lms.session(learner.sessionId)?.fetchCount).toBe(1);
      const expected = /LaunchError: cmi5-session-ended/; // the reload's error screen, logged
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
      await observeEarlyScript(learner.context);
      const requests = requestsOf(learner.context);
      own.preview.lms.faults.set({ sequence: [503], match: (r) => r.path.startsWith("/cmi5/fetch/") });
      await learner.launch();
      expect(await earlySent(learner.page!)).toBe(1);
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

  it("a fetch URL already used (error-code 1): the same error screen as without the early script", async ({ expect }) => {
    const screens = await errorScreens(
      starter,
      (id) => starter.preview.lms.setFetchError(id, "1"),
      "This launch link has already been used or has expired.",
      expect,
    );
    expect(screens[0]).toBe(screens[1]);
  });

  it("LaunchData refused (403): the same error screen as without the early script", async ({ expect }) => {
    const own = await previewStarter(undefined, { target: "cmi5" }); // faults are per LMS
    try {
      const refuse = () => own.preview.lms.faults.set({ sequence: [403, 403], match: (r) => r.method === "GET" && r.path.endsWith("/activities/state") });
      const screens = await errorScreens(own, refuse, "The LMS sent launch information the course cannot read.", expect);
      expect(screens[0]).toBe(screens[1]);
    } finally {
      await own.close();
    }
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
        await observeEarlyScript(context);
        const requests = requestsOf(context);
        const page = await context.newPage();
        await page.goto(url.toString());
        await page.locator("#passmark h1, #passmark [role=alert]").first().waitFor({ timeout: 60_000 });
        expect(requests.filter(isEarlyScript), url.search).toHaveLength(1); // it ran…
        expect(await earlySent(page), url.search).toBe(0); // …and began nothing
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
