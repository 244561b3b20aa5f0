// templates/multi-unit built for xAPI (Tin Can) in the preview, launched unit by unit from the launch
// page through the real learner UI: the learner reads the content-only "welcome", passes "fire", then
// passes "first-aid". After each unit the LMS view shows that activity's own result and the course
// rollup under the preview's Tin Can rule (Tin Can has none) — read from the page and from
// GET /api/course?target=xapi. Each launch carries its unit's activity_id, every statement is valid
// xAPI about the launched unit, nothing is refused, and each unit has its own State document.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import validateXapi from "@learninglocker/xapi-validation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { TINCAN_RULE } from "../../authoring/preview/course-rollup";
import type { CourseView } from "../../authoring/preview/protocol";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";
import type { CourseData } from "../../runtime/course/types";
import { TINCAN_STATE_ID } from "../../runtime/lms/tincan/state-document";
import { launchChromium, watch } from "../e2e/support/chromium";
import { answerQuestion, questionsById, shownQuestionIds } from "../ui/answers";
import { tempDir } from "./helpers";

const COURSE = "https://example.com/courses/workplace-safety";
const UNITS = ["welcome", "fire", "first-aid"] as const;
type Unit = (typeof UNITS)[number];
const DEADLINE = { timeout: 60_000 };

/** What the LMS view shows after each unit: the unit's [completion, success], the course's status. */
const EXPECTED: Record<Unit, { unit: [string, string]; course: string; detail: string }> = {
  welcome: { unit: ["completed", "unknown"], course: "not done", detail: "1 of 3 activities done (completed, and passed when assessed)" },
  fire: { unit: ["completed", "passed"], course: "not done", detail: "2 of 3 activities done (completed, and passed when assessed)" },
  "first-aid": { unit: ["completed", "passed"], course: "done", detail: "3 of 3 activities done (completed, and passed when assessed)" },
};

let browser: Browser;
let preview: PreviewServer;
let context: BrowserContext;
let page: Page;
let problems: string[];
beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview({ source: resolve("templates/multi-unit"), port: 0, workDir: tempDir() });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  page = await context.newPage();
  problems = watch(page);
  await page.goto(`${preview.origin}/`);
  await page.waitForFunction(() => document.querySelector("#course-title")?.textContent === "Workplace safety");
}, 240_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await preview?.close();
});

const activityOf = (unit: Unit) => `${COURSE}/units/${unit}`;

function unitCourse(unit: Unit): CourseData {
  return JSON.parse(readFileSync(join(preview.course.packages.get("xapi")!.root, "course", "units", unit, "course.json"), "utf8")) as CourseData;
}

async function learnerUi(unit: Unit): Promise<Frame> {
  let found: Frame | undefined;
  await expect.poll(() => (found = page.frames().find((f) => f.url().includes(`/pkg/xapi/index.html?pmUnit=${unit}`))), DEADLINE).toBeTruthy();
  await found!.locator("h1").first().waitFor(DEADLINE);
  return found!;
}

const h1 = (ui: Frame) =>
  ui
    .locator("h1")
    .first()
    .textContent({ timeout: 1_000 })
    .then((t) => (t ?? "").trim())
    .catch(() => "");

/** Launch `unit` from the launch page and play it as a learner: read every page, pass the assessment, exit. Answers the launch URL. */
async function play(unit: Unit): Promise<URL> {
  await page.selectOption("#target", "xapi");
  await page.selectOption("#unit", activityOf(unit));
  await page.click("#launch");
  const ui = await learnerUi(unit);
  const launched = new URL(ui.url());
  const course = unitCourse(unit);
  for (let i = 1; i < course.pages.length; i++) {
    await ui.getByRole("button", { name: "Next", exact: true }).click();
    await expect.poll(() => h1(ui), DEADLINE).toBe(course.pages[i]!.title);
  }
  if (course.assessment) {
    await ui.getByRole("button", { name: "Next", exact: true }).click();
    await expect.poll(() => h1(ui), DEADLINE).toBe(course.assessment.title);
    await ui.getByRole("button", { name: /^Start attempt/ }).click();
    await expect.poll(() => h1(ui), DEADLINE).toMatch(/: attempt 1$/);
    const byId = questionsById(course);
    for (const id of await shownQuestionIds(ui as unknown as Page)) await answerQuestion(ui as unknown as Page, byId.get(id)!, "right");
    await ui.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => h1(ui), DEADLINE).toBe("Result of attempt 1");
  }
  await ui.getByRole("button", { name: "Exit", exact: true }).click();
  await expect.poll(() => h1(ui), DEADLINE).toBe("You have left the course");
  return launched;
}

const field = (item: string, name: string) => page.locator(`#lms-view li[${item}] dd[data-field="${name}"]`).innerText();

async function courseApi(): Promise<CourseView> {
  const response = await fetch(`${preview.origin}/api/course?target=xapi`);
  expect(response.status).toBe(200);
  return (await response.json()) as CourseView;
}

/** The State document the LRS holds for a launch (its own credentials, activity, agent and registration). */
async function stateOf(launch: URL): Promise<{ status: number; body: unknown }> {
  const query = new URLSearchParams({
    stateId: TINCAN_STATE_ID,
    activityId: launch.searchParams.get("activity_id")!,
    agent: launch.searchParams.get("actor")!,
    registration: launch.searchParams.get("registration")!,
  });
  const response = await fetch(`${preview.lms.origin}/xapi/activities/state?${query}`, {
    headers: { Authorization: launch.searchParams.get("auth")!, "X-Experience-API-Version": "1.0.3" },
  });
  return { status: response.status, body: response.status === 200 ? await response.json() : null };
}

describe("templates/multi-unit as xapi (Tin Can), unit by unit in the preview", () => {
  it("each activity's result on its own, the course rollup done once every unit is; own activity_id and State per unit", { timeout: 300_000 }, async () => {
    const launches = new Map<Unit, URL>();
    for (const unit of UNITS) {
      const launched = await play(unit);
      launches.set(unit, launched);
      expect(launched.searchParams.get("activity_id")).toBe(activityOf(unit));
      const expected = EXPECTED[unit];
      const item = `data-unit="${activityOf(unit)}"`;
      await expect.poll(() => field(item, "Completion"), DEADLINE).toBe(expected.unit[0]);
      await expect.poll(() => field(item, "Success"), DEADLINE).toBe(expected.unit[1]);
      await expect.poll(() => field(`data-rollup="${COURSE}"`, "Status"), DEADLINE).toBe(expected.course);
      await expect.poll(() => field(`data-rollup="${COURSE}"`, "How"), DEADLINE).toBe(expected.detail);
      const api = await courseApi();
      expect(api).toMatchObject({ target: "xapi", rule: TINCAN_RULE });
      expect(api.units.find((u) => u.id === activityOf(unit))).toMatchObject({ completion: expected.unit[0], success: expected.unit[1], sessions: 1 });
      expect(api.rollup.map((r) => [r.id, r.kind, r.status])).toEqual([[COURSE, "course", expected.course]]);
    }
    await expect.poll(() => page.locator("#lms-view .rollup-rule").innerText(), DEADLINE).toBe(TINCAN_RULE);
    const final = await courseApi();
    expect(final.units.map((u) => [u.title, u.sessions, u.counts])).toEqual([
      ["Welcome", 1, "counts when completed: done"],
      ["Fire safety", 1, "counts when completed and passed: done"],
      ["First aid", 1, "counts when completed and passed: done"],
    ]);
    expect(final.units.map((u) => u.score === "none")).toEqual([true, false, false]);

    // One registration for the learner; each launch names its own unit's activity; every statement is valid and about it.
    const registration = preview.learners.current().registration;
    expect(new Set([...launches.values()].map((l) => l.searchParams.get("registration")))).toEqual(new Set([registration]));
    const statements = preview.lms.statements({ registration });
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(validateXapi(s), `xAPI validation of ${s.id}`).toEqual([]);
      const object = (s.object as { id: string }).id;
      expect(
        UNITS.some((u) => object === activityOf(u) || object.startsWith(`${activityOf(u)}/`)),
        object,
      ).toBe(true);
    }
    const verbs = (unit: Unit) => statements.filter((s) => (s.object as { id: string }).id === activityOf(unit)).map((s) => s.verb.id.split("/").pop());
    expect(verbs("welcome")).toEqual(["attempted", "initialized", "completed", "terminated"]);
    for (const unit of ["fire", "first-aid"] as const) expect(verbs(unit)).toEqual(["attempted", "initialized", "completed", "passed", "terminated"]);
    expect(preview.lms.violations).toEqual([]);

    // Resume per unit: each unit's State document under its own activity id, telling its own story.
    const states = new Map<Unit, { status: number; body: unknown }>();
    for (const unit of UNITS) states.set(unit, await stateOf(launches.get(unit)!));
    for (const unit of UNITS) expect(states.get(unit)!.status, unit).toBe(200);
    expect(states.get("welcome")!.body).toMatchObject({ completedSent: true, passedSent: false });
    expect(states.get("fire")!.body).toMatchObject({ completedSent: true, passedSent: true });
    expect(states.get("first-aid")!.body).toMatchObject({ completedSent: true, passedSent: true });
    expect(new Set(UNITS.map((u) => JSON.stringify((states.get(u)!.body as { resumeState: unknown }).resumeState))).size).toBe(3);
    // None under the course activity: no unit ran under the course's id.
    const course = new URL(launches.get("welcome")!);
    course.searchParams.set("activity_id", COURSE);
    expect((await stateOf(course)).status).toBe(404);

    // docs/rules/lms.md §5: a 404 for learner preferences or a State document not written yet is normal.
    expect(problems.filter((p) => !/status of 404 .*\/xapi\/(agents\/profile|activities\/state)\?/.test(p))).toEqual([]);
  });
});
