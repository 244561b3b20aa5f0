// The cmi5 write path (runtime/lms/cmi5/write-path.ts) is a chunk of its own, loaded after the first
// screen (docs/rules/lms.md §5). In Chromium a module fetch that failed is kept failed for the page's
// life, so a retry of the same URL never reaches the network: the loader tries again under the
// chunk's URL with ?retry=N (runtime/lms/retry-import.ts). Here the first two fetches of the chunk
// are reset: the writes stay held, the third fetch (?retry=2) loads it, and the whole session
// reaches the LRS once, in order, clean.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { launchChromium } from "../e2e/support/chromium";
import { cmi5Record, expectCleanCmi5, expectJudgement } from "../e2e/support/lms-side";
import { previewStarter, type CoursePreview } from "../e2e/support/preview-fixture";
import { Learner } from "../e2e/support/learner";

const WRITE_PATH = /\/passmark-write-path-[A-Z0-9]+\.js(\?retry=\d+)?$/;

let browser: Browser;
let starter: CoursePreview;

beforeAll(async () => {
  [browser, starter] = await Promise.all([launchChromium(), previewStarter(undefined, { target: "cmi5" })]);
});
afterAll(async () => {
  await browser?.close();
  await starter?.close();
});

describe("the cmi5 write path's chunk, when its first loads fail", { timeout: 180_000 }, () => {
  it("is fetched again under ?retry=1, ?retry=2; held writes are delivered once, in order, and the pass arrives", async (test) => {
    const { expect } = test;
    const learner = await Learner.enrol(browser, starter.preview, starter.course, "cmi5", expect);
    test.onTestFinished(() => learner.dispose());
    const asked: string[] = [];
    await learner.context.route(WRITE_PATH, (route) => {
      asked.push(new URL(route.request().url()).search);
      return asked.length <= 2 ? route.abort("connectionreset") : route.continue();
    });
    await learner.launch();
    await learner.readToAssessment();
    const result = await learner.attempt("right");
    expect(result.assessmentScore).toBe(100);
    await expect.poll(() => learner.statusLine()).toBe("Your result has been sent to the LMS.");
    await learner.exit();

    expect(asked).toEqual(["", "?retry=1", "?retry=2"]);
    // The two failed loads are logged (and the browser reports the reset requests); nothing else.
    const failedLoads = learner.problems.filter((p) => /the cmi5 reporting code did not load/.test(p));
    expect(failedLoads.map((p) => /\(try (\d)\)/.exec(p)?.[1])).toEqual(["1", "2"]);
    expect(failedLoads[1]).toContain(".js?retry=1;");
    expect(learner.problems.filter((p) => !failedLoads.includes(p) && !/Failed to load resource|net::ERR_CONNECTION_RESET/.test(p))).toEqual([]);
    const record = cmi5Record(starter.preview, learner.registration!);
    expectCleanCmi5(
      starter.preview,
      record,
      learner.launches.map((l) => l.sessionId),
    );
    expect(record.verbs.filter((v) => v !== "answered" && v !== "progressed")).toEqual(["initialized", "passed", "terminated"]);
    expect(record.count("answered")).toBe(result.questionIds.length);
    expectJudgement(record.one("passed"), "passed", 100, 80);
  });
});
