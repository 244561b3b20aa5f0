// End to end, xAPI Tin Can (issue 16): the starter course built fresh for every target, its xapi
// package launched by the preview LMS with Tin Can parameters (endpoint, auth, actor, registration,
// activity_id) in Debian Chromium, driven through the learner UI. Afterwards the LRS's stored
// statements are read on the LMS side: valid per the xAPI validator, no cmi5 category or extension,
// the verbs, score and status right; a reload resumes from our State document.
import validateXapi from "@learninglocker/xapi-validation";
import type { Statement } from "@xapi/xapi";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it, type ExpectStatic, type TestContext } from "vitest";
import { launchChromium } from "./support/chromium";
import type { Learner } from "./support/learner";
import { previewStarter, type CoursePreview } from "./support/preview-fixture";
import { enrolForTest } from "./support/test-learner";

let browser: Browser;
let starter: CoursePreview;

beforeAll(async () => {
  [browser, starter] = await Promise.all([launchChromium(), previewStarter()]);
});
afterAll(async () => {
  await browser?.close();
  await starter?.close();
});

const enrol = (test: TestContext) => enrolForTest(test, browser, starter, "xapi");
const verb = (s: Statement) => s.verb.id.split("/").pop()!;
const judgementVerbs = (statements: Statement[]) => statements.map(verb).filter((v) => v !== "answered");

/** What the LRS holds for this learner's registration, checked: valid, unique ids, no cmi5 vocabulary, nothing refused. */
function lrsRecord(expect: ExpectStatic, learner: Learner): Statement[] {
  const statements = starter.preview.lms.statements({ registration: learner.registration! });
  expect(statements.length).toBeGreaterThan(0);
  for (const s of statements) {
    expect(validateXapi(s), `xAPI validation of ${s.id}`).toEqual([]);
    expect(JSON.stringify(s), "no cmi5 category, extension or session id").not.toContain("w3id.org/xapi/cmi5");
    expect(s.context?.registration).toBe(learner.registration);
  }
  expect(new Set(statements.map((s) => s.id)).size, "every statement stored once").toBe(statements.length);
  const sessions = new Set(learner.launches.map((l) => l.sessionId));
  expect(starter.preview.lms.violations.filter((v) => v.sessionId !== null && sessions.has(v.sessionId))).toEqual([]);
  return statements;
}

describe.concurrent("xAPI Tin Can end to end (starter course, preview LMS)", { timeout: 300_000 }, () => {
  it("a learner who passes: attempted, initialized, answered per question, completed, passed with the score, terminated", async (test) => {
    const { expect } = test; // the test's own: the journeys run concurrently
    const learner = await enrol(test);
    await learner.launch();
    const launched = new URL(learner.launches[0]!.frameUrl);
    for (const name of ["endpoint", "auth", "actor", "registration", "activity_id"]) expect(launched.searchParams.has(name), name).toBe(true);
    expect(launched.searchParams.has("fetch")).toBe(false);
    await learner.readToAssessment({ playMedia: true });
    const result = await learner.attempt("right");
    expect(result.assessmentScore).toBe(100);
    await expect.poll(() => learner.statusLine()).toBe("Your result has been sent to the LMS.");
    await learner.exit();

    const statements = lrsRecord(expect, learner);
    expect(judgementVerbs(statements)).toEqual(["attempted", "initialized", "completed", "passed", "terminated"]);
    expect(statements.filter((s) => verb(s) === "answered")).toHaveLength(result.questionIds.length);
    const passed = statements.find((s) => verb(s) === "passed")!;
    expect(passed.object).toMatchObject({ id: starter.course.id });
    expect(passed.result).toMatchObject({ success: true, completion: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } });
    // The preview's LMS view of this learner (selected and read in one synchronous step: the journeys run concurrently).
    starter.preview.learners.select(learner.learnerId);
    expect(starter.preview.view("xapi")).toMatchObject({ target: "xapi", completion: "completed", success: "passed", score: "100 (scaled 1)" });
  });

  it("a reload (F5) part way resumes from the State document: same questions and answers, then passed in the new session", async (test) => {
    const { expect } = test; // the test's own: the journeys run concurrently
    const learner = await enrol(test);
    await learner.launch();
    await learner.readToAssessment();
    const ui = await learner.ui();
    await ui.getByRole("button", { name: "Start attempt 1" }).click();
    await expect.poll(() => learner.h1()).toMatch(/: attempt 1$/);
    const ids = await learner.answer("right");
    const checked = await ui.locator("fieldset.pm-question input:checked").evaluateAll((els) => els.map((e) => e.id));

    await learner.page!.reload(); // the same launch URL: a new session of the same registration
    await expect.poll(() => learner.h1()).toMatch(/: attempt 1$/);
    const resumed = await learner.ui();
    expect(await resumed.locator("fieldset.pm-question").evaluateAll((sets) => sets.map((s) => s.id.replace(/^pm-q-/, "")))).toEqual(ids);
    expect(await resumed.locator("fieldset.pm-question input:checked").evaluateAll((els) => els.map((e) => e.id))).toEqual(checked);
    const result = await learner.submit(ids);
    expect(result.assessmentScore).toBe(100);
    await learner.exit();

    const statements = lrsRecord(expect, learner);
    // The unload ended the first session (terminated via keepalive); the reload is a second one (no second attempted).
    expect(judgementVerbs(statements)).toEqual(["attempted", "initialized", "terminated", "initialized", "passed", "terminated"]);
    expect(statements.find((s) => verb(s) === "passed")!.result?.score).toEqual({ scaled: 1, raw: 100, min: 0, max: 100 });
  });
});
