// templates/multi-unit in the preview, built for cmi5, SCORM 1.2 and SCORM 2004 4th edition and
// launched unit by unit from the launch page through the real learner UI: the learner reads the
// content-only "welcome", passes "fire", then passes "first-aid". After each unit the LMS view shows
// that unit's own result and the course rollup — read from the page and from GET /api/course —
// and the rollup turns once the last unit is done (cmi5: the LMS's Satisfied statements for the
// block and the course, valid xAPI, nothing refused).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import validateXapi from "@learninglocker/xapi-validation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { VERB_SATISFIED } from "../../authoring/lrs/satisfied";
import type { CourseView } from "../../authoring/preview/protocol";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";
import type { CourseData } from "../../runtime/course/types";
import { launchChromium, watch } from "../e2e/support/chromium";
import { answerQuestion, questionsById, shownQuestionIds } from "../ui/answers";
import { tempDir } from "./helpers";

const COURSE = "https://example.com/courses/workplace-safety";
type Target = "cmi5" | "scorm12" | "scorm2004-4";
type Unit = "welcome" | "fire" | "first-aid";
const DEADLINE = { timeout: 60_000 };

/** What the LMS view shows after each unit: the unit's [completion, success], the course's status. */
const EXPECTED: Record<Target, Record<Unit, { unit: [string, string]; course: string; block?: string }>> = {
  cmi5: {
    welcome: { unit: ["completed", "unknown"], course: "not satisfied", block: "not satisfied" },
    fire: { unit: ["completed", "passed"], course: "not satisfied", block: "not satisfied" },
    "first-aid": { unit: ["completed", "passed"], course: "satisfied", block: "satisfied" },
  },
  scorm12: {
    welcome: { unit: ["completed", "completed"], course: "not done" },
    fire: { unit: ["passed", "passed"], course: "not done" },
    "first-aid": { unit: ["passed", "passed"], course: "done" },
  },
  "scorm2004-4": {
    // The content-only unit counts for completion only (rollupObjectiveSatisfied="false").
    welcome: { unit: ["completed", "unknown"], course: "unknown, unknown" },
    fire: { unit: ["completed", "passed"], course: "unknown, unknown" },
    "first-aid": { unit: ["completed", "passed"], course: "completed, satisfied" },
  },
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

const unitId = (target: Target, unit: Unit) => (target === "cmi5" ? `${COURSE}/units/${unit}` : `ITEM-${unit}`);

function unitCourse(target: Target, unit: Unit): CourseData {
  return JSON.parse(readFileSync(join(preview.course.packages.get(target)!.root, "course", "units", unit, "course.json"), "utf8")) as CourseData;
}

/** The frame the learner UI of `unit` runs in (cmi5: the course frame; SCORM: the SCO inside the host page). */
async function learnerUi(target: Target, unit: Unit): Promise<Frame> {
  let found: Frame | undefined;
  await expect.poll(() => (found = page.frames().find((f) => f.url().includes(`/pkg/${target}/index.html?pmUnit=${unit}`))), DEADLINE).toBeTruthy();
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

/** Launch `unit` from the launch page and play it as a learner: read every page, pass the assessment, exit. */
async function play(target: Target, unit: Unit): Promise<void> {
  await page.selectOption("#target", target);
  await page.selectOption("#unit", unitId(target, unit));
  await page.click("#launch");
  const ui = await learnerUi(target, unit);
  const course = unitCourse(target, unit);
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
  if (target === "cmi5") await expect.poll(() => ui.url(), DEADLINE).toContain("/lms/return");
  else await expect.poll(() => h1(ui), DEADLINE).toBe("You have left the course");
}

const field = (item: string, name: string) => page.locator(`#lms-view li[${item}] dd[data-field="${name}"]`).innerText();

async function courseApi(target: Target): Promise<CourseView> {
  const response = await fetch(`${preview.origin}/api/course?target=${target}`);
  expect(response.status).toBe(200);
  return (await response.json()) as CourseView;
}

describe.each(["cmi5", "scorm12", "scorm2004-4"] as const)("templates/multi-unit as %s, unit by unit in the preview", (target) => {
  it("each unit's result on its own, the course rollup turning once every unit is done", { timeout: 300_000 }, async () => {
    const courseId = target === "cmi5" ? COURSE : "ORG-1";
    for (const unit of ["welcome", "fire", "first-aid"] as const) {
      await play(target, unit);
      const expected = EXPECTED[target][unit];
      const item = `data-unit="${unitId(target, unit)}"`;
      await expect.poll(() => field(item, "Completion"), DEADLINE).toBe(expected.unit[0]);
      await expect.poll(() => field(item, "Success"), DEADLINE).toBe(expected.unit[1]);
      await expect.poll(() => field(`data-rollup="${courseId}"`, "Status"), DEADLINE).toBe(expected.course);
      if (expected.block) await expect.poll(() => field(`data-rollup="${COURSE}/blocks/hazards"`, "Status"), DEADLINE).toBe(expected.block);
      const api = await courseApi(target);
      expect(api.units.find((u) => u.id === unitId(target, unit))).toMatchObject({ completion: expected.unit[0], success: expected.unit[1], sessions: 1 });
      expect(api.rollup.find((r) => r.id === courseId)?.status).toBe(expected.course);
    }
    const final = await courseApi(target);
    expect(final.units.map((u) => [u.title, u.sessions])).toEqual([
      ["Welcome", 1],
      ["Fire safety", 1],
      ["First aid", 1],
    ]);
    // The content-only unit has no score of its own; the assessed ones have theirs.
    expect(final.units.map((u) => u.score === "none")).toEqual([true, false, false]);
    if (target === "cmi5") {
      const registration = preview.learners.current().registration;
      const satisfied = preview.lms.statements({ registration, verb: VERB_SATISFIED });
      expect(satisfied.map((s) => (s.object as { definition: { type: string } }).definition.type)).toEqual([
        "https://w3id.org/xapi/cmi5/activitytype/block",
        "https://w3id.org/xapi/cmi5/activitytype/course",
      ]);
      for (const statement of satisfied) expect(validateXapi(statement)).toEqual([]);
      expect(preview.lms.violations).toEqual([]);
    }
    // docs/rules/lms.md §5: a 404 for learner preferences or a State document not written yet is normal.
    expect(problems.filter((p) => !/status of 404 .*\/xapi\/(agents\/profile|activities\/state)\?/.test(p))).toEqual([]);
  });
});
