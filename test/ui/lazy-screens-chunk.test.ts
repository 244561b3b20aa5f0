// The attempt, result and review screens are a chunk of their own (runtime/ui/screens-loader.ts), in
// Chromium: a fresh launch makes its first page interactive (the "passmark:interactive" mark) before
// that chunk is even requested (Resource Timing), then loads it and the assessment works; a resume
// into an attempt in progress waits for the chunk and renders the attempt at once; a learner who
// reaches the assessment before the chunk arrived sees "Loading…" (focused), then the screen; a chunk
// that cannot be loaded says so with "Load again" (by keyboard), and nothing the learner did is lost.
// The same for the state codec and the session's assessment half (fetched before the first screen
// only by a resume whose state holds an attempt; a Start pressed while it fails loads it again).
import type { Browser, BrowserContext, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, it, type ExpectStatic, type TestContext } from "vitest";
import type { CourseData, TargetId } from "../../runtime/course/types";
import { buildPackageFolder, type PackageFolder } from "../support/package-fixture";
import { startStaticServer, type StaticServer } from "../support/static-server";
import { answerAll, readBuiltCourse, shownQuestionIds } from "./answers";
import { expectNoAxeViolations, focused, launchChromium } from "./browser";

const CHUNK = /passmark-screens-chunk-[A-Z0-9]+\.js(\?retry=\d+)?$/; // a retry asks for ?retry=N (runtime/lms/retry-import.ts)
// The resume state codec (runtime/app/state-codec-loader.ts): a chunk of its own too.
const CODEC = /passmark-state-codec-[A-Z0-9]+\.js(\?retry=\d+)?$/;
// The session's assessment half (runtime/app/assessment-half-loader.ts): a chunk of its own too.
const HALF = /passmark-assessment-half-[A-Z0-9]+\.js(\?retry=\d+)?$/;
const TARGETS: TargetId[] = ["cmi5", "scorm2004-4"]; // the cmi5 bundle (its app a lazy chunk) and the SCORM one

let browser: Browser;
const packages = new Map<TargetId, { pkg: PackageFolder; server: StaticServer; course: CourseData }>();

beforeAll(async () => {
  browser = await launchChromium();
  for (const target of TARGETS) {
    const pkg = await buildPackageFolder({ target });
    packages.set(target, { pkg, server: await startStaticServer({ root: pkg.dir }), course: await readBuiltCourse(pkg.dir) });
  }
});

afterAll(async () => {
  await browser?.close();
  for (const { pkg, server } of packages.values()) {
    await server.close();
    await pkg.remove();
  }
});

/** What the page showed, and which runtime files it had fetched, the moment boot set the interactive mark. */
interface AtInteractive {
  at: number;
  h1: string | null;
  text: string;
}

/** A context of the test's own whose pages record the interactive moment; `gate` sees every request for the chunk. */
async function open(
  test: TestContext,
  target: TargetId,
  gate?: (route: Route) => void,
  gated: RegExp = CHUNK,
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: "en-US" });
  const errors: string[] = [];
  test.onTestFinished(async () => {
    await context.close();
    test.expect(errors, "uncaught page errors").toEqual([]);
  });
  await context.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
      if (name === "passmark:interactive") {
        const h1 = document.querySelector("h1");
        (window as unknown as { pmInteractive: AtInteractive }).pmInteractive = {
          at: performance.now(),
          h1: h1?.textContent ?? null,
          text: document.querySelector("#pm-content")?.textContent ?? "",
        };
      }
      return mark(name, options);
    }) as typeof performance.mark;
  });
  if (gate) await context.route(gated, gate);
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${packages.get(target)!.server.url}/index.html`);
  return { page, context };
}

const h1 = (page: Page) => page.locator("h1").first().textContent();
const atInteractive = (page: Page) => page.evaluate(() => (window as unknown as { pmInteractive?: AtInteractive }).pmInteractive ?? null);
/** When the page started fetching the screens chunk (Resource Timing), or null if it has not fetched it. */
const chunkFetchStarts = (page: Page, chunk: RegExp = CHUNK) =>
  page.evaluate((source) => {
    const pattern = new RegExp(source);
    return performance
      .getEntriesByType("resource")
      .filter((e) => pattern.test(e.name))
      .map((e) => e.startTime);
  }, chunk.source);

/** A fresh launch: the first page ("Welcome") is interactive before `chunk` is requested, which is not preloaded; it is fetched once, after. */
async function expectFetchedAfterInteractive(expect: ExpectStatic, page: Page, chunk: RegExp): Promise<void> {
  await expect.poll(() => atInteractive(page)).not.toBeNull();
  const first = (await atInteractive(page))!;
  expect(first.h1).toBe("Welcome");
  await expect.poll(() => chunkFetchStarts(page, chunk)).toHaveLength(1);
  expect((await chunkFetchStarts(page, chunk))[0]).toBeGreaterThanOrEqual(first.at);
  expect(await page.locator("link[rel=modulepreload]").evaluateAll((links) => links.map((l) => l.getAttribute("href")))).not.toContainEqual(
    expect.stringMatching(chunk),
  );
}

async function goToAssessment(expect: ExpectStatic, page: Page): Promise<void> {
  await page.locator(".pm-menu summary").click();
  await page.getByRole("button", { name: /^Final check/ }).click();
  await expect.poll(() => h1(page)).toBe("Final check");
}

describe.concurrent("the assessment screens' own chunk", { timeout: 180_000 }, () => {
  for (const target of TARGETS) {
    it(`${target} package, fresh launch: the first page is interactive before the chunk is requested; it loads then, and the assessment works`, async (test) => {
      const { expect } = test; // the test's own: the tests run concurrently
      const { course } = packages.get(target)!;
      const { page } = await open(test, target);
      await expect.poll(() => atInteractive(page)).not.toBeNull();
      const first = (await atInteractive(page))!;
      expect(first.h1).toBe("Welcome");
      expect(first.text).not.toContain("Loading");
      // Fetched on its own once the first page is interactive, before the learner goes anywhere.
      await expect.poll(() => chunkFetchStarts(page)).toHaveLength(1);
      expect((await chunkFetchStarts(page))[0]).toBeGreaterThanOrEqual(first.at);
      expect(await page.locator("link[rel=modulepreload]").evaluateAll((links) => links.map((l) => l.getAttribute("href")))).not.toContainEqual(
        expect.stringMatching(CHUNK),
      );

      await goToAssessment(expect, page);
      await page.getByRole("button", { name: "Start attempt 1" }).click();
      await expect.poll(() => h1(page)).toBe("Final check: attempt 1");
      expect(await focused(page)).toMatchObject({ tag: "h1", id: "pm-attempt-title" });
      await answerAll(page, course, "right");
      await page.getByRole("button", { name: "Submit answers" }).click();
      await expect.poll(() => h1(page)).toBe("Result of attempt 1");
      expect(await page.locator("#pm-content").textContent()).toContain("Score for this attempt: 100%");
      await page.getByRole("button", { name: "Review your answers" }).click();
      await expect.poll(() => h1(page)).toBe("Review of attempt 1");
      expect(await chunkFetchStarts(page)).toHaveLength(1); // loaded once
    });
  }

  it("resume into an attempt in progress: boot waits for the chunk and the first screen is the attempt, answers kept", async (test) => {
    const { expect } = test;
    const { course } = packages.get("scorm2004-4")!;
    const { page } = await open(test, "scorm2004-4");
    await goToAssessment(expect, page);
    await page.getByRole("button", { name: "Start attempt 1" }).click();
    const ids = await shownQuestionIds(page);
    await answerAll(page, course, "right");
    const checked = () => page.locator("fieldset.pm-question input:checked").evaluateAll((els) => els.map((e) => e.id));
    const checkedBefore = await checked();

    await page.reload();
    await expect.poll(() => atInteractive(page)).not.toBeNull();
    const first = (await atInteractive(page))!;
    expect(first.h1).toBe("Final check: attempt 1"); // never "Loading…" first
    expect(first.text).not.toContain("Loading");
    const starts = await chunkFetchStarts(page);
    expect(starts).toHaveLength(1);
    expect(starts[0]).toBeLessThan(first.at);
    expect(await shownQuestionIds(page)).toEqual(ids);
    expect(await checked()).toEqual(checkedBefore);
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => h1(page)).toBe("Result of attempt 1");
  });

  it("reached before the chunk arrived: 'Loading…' takes the focus, then the screen and its heading", async (test) => {
    const { expect } = test;
    const held: Route[] = [];
    const { page } = await open(test, "scorm2004-4", (route) => void held.push(route));
    await goToAssessment(expect, page);
    await page.getByRole("button", { name: "Start attempt 1" }).click();
    // The screen's heading and "Loading…", focused together; no other screen meanwhile.
    await expect.poll(() => page.locator("#pm-content").textContent()).toBe("Final check: attempt 1Loading…");
    expect(await page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent])).toEqual([
      "SECTION",
      "Final check: attempt 1Loading…",
    ]);
    expect(await page.title()).toBe("Final check: attempt 1 – Fire safety basics");
    await expectNoAxeViolations(page, "screens chunk loading");
    expect(held.length).toBeGreaterThan(0);
    for (const route of held) await route.continue();
    await expect.poll(() => h1(page)).toBe("Final check: attempt 1");
    await expect.poll(() => focused(page)).toMatchObject({ tag: "h1", id: "pm-attempt-title" });
  });

  it("a failed load says so with 'Load again' (keyboard), loses nothing, and a resume that cannot load it does too", async (test) => {
    const { expect } = test;
    const { course } = packages.get("scorm2004-4")!;
    let blocked = true;
    const { page } = await open(test, "scorm2004-4", (route) => void (blocked ? route.abort("connectionreset") : route.continue()));
    expect(await h1(page)).toBe("Welcome"); // the first page never needed it
    await goToAssessment(expect, page);
    await page.getByRole("button", { name: "Start attempt 1" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "This part of the course could not be loaded" });
    await alert.waitFor();
    expect(await h1(page)).toBe("Final check: attempt 1"); // where the learner is
    expect(await page.locator("fieldset.pm-question").count()).toBe(0); // not an empty attempt
    expect(await page.getByRole("button", { name: /^Start attempt/ }).count()).toBe(0); // not the intro
    await expectNoAxeViolations(page, "screens chunk failed");
    // By keyboard alone: the focus is where the screen will be, "Load again" the next stop.
    await page.keyboard.press("Tab");
    await expect.poll(() => focused(page)).toMatchObject({ tag: "button", text: "Load again" });
    await page.keyboard.press("Enter"); // still failing: said again, never "Loading…" for ever
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("SECTION");
    await alert.waitFor();
    // The attempt was started all the same (the session holds it): a reload resumes it, and a resume
    // that cannot load the chunk says so too.
    await page.reload();
    await alert.waitFor();
    expect(await page.title()).toBe("Final check: attempt 1 – Fire safety basics");
    blocked = false;
    await alert.getByRole("button", { name: "Load again" }).click();
    await expect.poll(() => h1(page)).toBe("Final check: attempt 1");
    await expect.poll(() => focused(page)).toMatchObject({ tag: "h1", id: "pm-attempt-title" });
    expect(await page.getByRole("alert").filter({ hasText: "could not be loaded" }).count()).toBe(0);
    await answerAll(page, course, "right");
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => h1(page)).toBe("Result of attempt 1");
    expect(await page.locator("#pm-content").textContent()).toContain("Attempts used: 1");
  });
});

describe.concurrent("the resume state codec's own chunk", { timeout: 180_000 }, () => {
  /** The standalone driver's saved record of this page's course (localStorage), or null. */
  const saved = (page: Page) =>
    page.evaluate(() => {
      const values = Object.keys(localStorage).map((key) => localStorage.getItem(key) ?? "");
      return values.find((value) => value.includes('"state"')) ?? null;
    });

  for (const target of TARGETS) {
    it(`${target} package: a fresh launch is interactive before the codec is requested; a resume fetches it before its first screen`, async (test) => {
      const { expect } = test;
      const { page } = await open(test, target);
      await expectFetchedAfterInteractive(expect, page, CODEC);
      await goToAssessment(expect, page);
      await expect.poll(() => saved(page)).not.toBeNull(); // the change is written with the codec

      await page.reload();
      await expect.poll(() => atInteractive(page)).not.toBeNull();
      const resumed = (await atInteractive(page))!;
      expect(resumed.h1).toBe("Final check"); // where the learner was
      const starts = await chunkFetchStarts(page, CODEC);
      expect(starts).toHaveLength(1);
      expect(starts[0]).toBeLessThan(resumed.at);
    });
  }

  it("a change made before the codec arrived waits for it and is written then; a failed load is tried again at the next change", async (test) => {
    const { expect } = test;
    const held: Route[] = [];
    let failing = true;
    let holding = true;
    const { page } = await open(
      test,
      "scorm2004-4",
      (route) => void (failing ? route.abort("connectionreset") : holding ? held.push(route) : route.continue()),
      CODEC,
    );
    await expect.poll(() => atInteractive(page)).not.toBeNull();
    expect(await h1(page)).toBe("Welcome");
    // The first page's own visit found no codec (its load failed): nothing is written, and a
    // relaunch makes the same visit again. The learner moves on meanwhile: shown at once.
    failing = false;
    await goToAssessment(expect, page); // this change tries the codec again (?retry=1): held
    await expect.poll(() => held.length).toBe(1);
    expect(held[0]!.request().url()).toMatch(/\?retry=1$/);
    expect(await saved(page)).toBeNull();
    holding = false;
    await held[0]!.continue();
    await expect.poll(() => saved(page)).not.toBeNull(); // written once it arrived
    await page.reload();
    await expect.poll(() => h1(page)).toBe("Final check");
  });
});

describe.concurrent("the session's assessment half's own chunk", { timeout: 180_000 }, () => {
  for (const target of TARGETS) {
    it(`${target} package: a fresh launch is interactive before the half is requested; a resume with an attempt fetches it before its first screen`, async (test) => {
      const { expect } = test;
      const { course } = packages.get(target)!;
      const { page } = await open(test, target);
      await expectFetchedAfterInteractive(expect, page, HALF);
      await goToAssessment(expect, page);
      await page.getByRole("button", { name: "Start attempt 1" }).click();
      await expect.poll(() => h1(page)).toBe("Final check: attempt 1");
      const ids = await shownQuestionIds(page);
      await answerAll(page, course, "right");

      await page.reload();
      await expect.poll(() => atInteractive(page)).not.toBeNull();
      const resumed = (await atInteractive(page))!;
      expect(resumed.h1).toBe("Final check: attempt 1");
      const starts = await chunkFetchStarts(page, HALF);
      expect(starts).toHaveLength(1);
      expect(starts[0]).toBeLessThan(resumed.at);
      expect(await shownQuestionIds(page)).toEqual(ids);
      await page.getByRole("button", { name: "Submit answers" }).click();
      await expect.poll(() => h1(page)).toBe("Result of attempt 1");
      expect(await page.locator("#pm-content").textContent()).toContain("Score for this attempt: 100%");
    });
  }

  it("a failed load is tried again (?retry=N) when the learner presses Start, which says so ('Loading…', a failure with 'Load again' by keyboard); the attempt starts when it arrives, nothing lost", async (test) => {
    const { expect } = test;
    const { course } = packages.get("scorm2004-4")!;
    const requests: string[] = [];
    const held: Route[] = [];
    let mode: "fail" | "hold" | "pass" = "fail";
    const { page } = await open(
      test,
      "scorm2004-4",
      (route) => {
        requests.push(route.request().url());
        if (mode === "fail") void route.abort("connectionreset");
        else if (mode === "hold") held.push(route);
        else void route.continue();
      },
      HALF,
    );
    await expect.poll(() => atInteractive(page)).not.toBeNull();
    await expect.poll(() => requests.length).toBe(1); // boot's load after interactive: failed
    await goToAssessment(expect, page); // the learner goes on meanwhile
    await page.getByRole("button", { name: "Start attempt 1" }).click();
    await expect.poll(() => requests.length).toBe(2); // ?retry=1: failed too
    expect(requests[1]).toMatch(/\?retry=1$/);
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("could not be loaded");
    expect(await page.locator("fieldset.pm-question").count()).toBe(0); // no attempt without it, never an empty one
    mode = "hold";
    await alert.getByRole("button", { name: "Load again" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => held.length).toBe(1);
    expect(held[0]!.request().url()).toMatch(/\?retry=2$/);
    await expect.poll(() => page.locator(".pm-loading").textContent()).toBe("Loading…"); // the press is not lost in silence
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await page.locator("fieldset.pm-question").count()).toBe(0);
    mode = "pass";
    await held[0]!.continue();
    await expect.poll(() => h1(page)).toBe("Final check: attempt 1");
    await answerAll(page, course, "right");
    await page.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => h1(page)).toBe("Result of attempt 1");
    expect(await page.locator("#pm-content").textContent()).toContain("Attempts used: 1");
  });
});
