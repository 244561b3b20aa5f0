// A multi-unit package per target launched unit by unit in the preview (Chromium, at 375 px): the
// learner reads the content-only unit, then passes the two assessed ones. After each unit the LMS
// view shows that unit's own result and the course-level rollup changes — read from the page and from
// the preview's API (GET /api/course). cmi5: the LMS records Satisfied for the block and the course
// (cmi5 §9.3.9), valid xAPI, nothing refused. axe finds 0 violations on the launch page.
import AxeBuilder from "@axe-core/playwright";
import validateXapi from "@learninglocker/xapi-validation";
import { afterAll, beforeAll, describe, it, type ExpectStatic } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import { VERB_SATISFIED } from "../../authoring/lrs/satisfied";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";
import type { CourseView } from "../../authoring/preview/protocol";
import { launchChromium, watch } from "../e2e/support/chromium";
import { tempDir } from "./helpers";
import { manifestUnitId, multiUnitZip, type MultiTarget } from "./multi-unit-fixtures";

/** A deadline per step, not a wait: generous because the machine may be busy with other runs. */
const DEADLINE = { timeout: 60_000 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** What the LMS view shows after each step: [unit id, completion, success] of the unit just played, then [rollup id, status] of each rollup entry. */
interface Step {
  unit: "welcome" | "fire" | "first-aid";
  button: "finish" | "pass";
  shows: [string, string];
  rollup: Record<string, string>;
}

const COURSE = "https://example.test/multi";
const JOURNEYS: Record<MultiTarget, { course: string; block: string; steps: Step[] }> = {
  cmi5: {
    course: COURSE,
    block: `${COURSE}/blocks/hazards`,
    steps: [
      { unit: "welcome", button: "finish", shows: ["completed", "unknown"], rollup: { course: "not satisfied", block: "not satisfied" } },
      { unit: "fire", button: "pass", shows: ["completed", "passed"], rollup: { course: "not satisfied", block: "not satisfied" } },
      { unit: "first-aid", button: "pass", shows: ["completed", "passed"], rollup: { course: "satisfied", block: "satisfied" } },
    ],
  },
  scorm12: {
    course: "org",
    block: "hazards",
    steps: [
      { unit: "welcome", button: "finish", shows: ["completed", "completed"], rollup: { course: "not done", block: "not done" } },
      { unit: "fire", button: "pass", shows: ["passed", "passed"], rollup: { course: "not done", block: "not done" } },
      { unit: "first-aid", button: "pass", shows: ["passed", "passed"], rollup: { course: "done", block: "done" } },
    ],
  },
  "scorm2004-4": {
    course: "org",
    block: "hazards",
    steps: [
      // The content-only unit counts for completion only (rollupObjectiveSatisfied="false").
      { unit: "welcome", button: "finish", shows: ["completed", "unknown"], rollup: { course: "unknown, unknown", block: "unknown, unknown" } },
      { unit: "fire", button: "pass", shows: ["completed", "passed"], rollup: { course: "unknown, unknown", block: "unknown, unknown" } },
      { unit: "first-aid", button: "pass", shows: ["completed", "passed"], rollup: { course: "completed, satisfied", block: "completed, satisfied" } },
    ],
  },
};

/** The frame playing `unit` (each unit is launched once: its URL names it). */
async function unitFrame(expect: ExpectStatic, page: Page, target: MultiTarget, unit: string): Promise<Frame> {
  let found: Frame | undefined;
  await expect.poll(() => (found = page.frames().find((f) => f.url().includes(`/pkg/${target}/index.html?pmUnit=${unit}`))), DEADLINE).toBeTruthy();
  await expect.poll(() => found!.locator("#report").innerText(), DEADLINE).toBe(`ready ${unit}`);
  return found!;
}

const field = (page: Page, item: string, name: string) => page.locator(`#lms-view li[${item}] dd[data-field="${name}"]`).innerText();

async function courseApi(expect: ExpectStatic, preview: PreviewServer, target: MultiTarget): Promise<CourseView> {
  const response = await fetch(`${preview.origin}/api/course?target=${target}`);
  expect(response.status).toBe(200);
  return (await response.json()) as CourseView;
}

// The three targets run concurrently (vitest's maxConcurrency): each has its own preview and browser
// context, and the test's own expect (expect.poll needs it when tests run concurrently).
describe.concurrent.each(["cmi5", "scorm12", "scorm2004-4"] as const)("a multi-unit %s package, unit by unit", (target) => {
  let preview: PreviewServer;
  beforeAll(async () => {
    preview = await startPreview({ source: await multiUnitZip(tempDir(), target), port: 0 });
  });
  afterAll(async () => {
    await preview.close();
  });

  it("reports each unit on its own and rolls the course up as units finish", { timeout: 300_000 }, async ({ expect }) => {
    const journey = JOURNEYS[target];
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: "en-US" });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${preview.origin}/`);
    await page.waitForFunction(() => document.querySelector("#course-title")?.textContent === "Welcome");
    expect(await page.locator("#unit option").allTextContents()).toEqual(["1. Welcome", "2. Fire safety", "3. First aid"]);
    for (const step of journey.steps) {
      const id = manifestUnitId(target, step.unit);
      await page.selectOption("#unit", id);
      await page.click("#launch");
      const frame = await unitFrame(expect, page, target, step.unit);
      await frame.click(`#${step.button}`);
      await expect.poll(() => frame.locator("#report").innerText(), DEADLINE).toBe(`reported ${step.button}`);
      // The page: the unit's own result, then the rollup.
      const unitItem = `data-unit="${id}"`;
      await expect.poll(() => field(page, unitItem, "Completion"), DEADLINE).toBe(step.shows[0]);
      await expect.poll(() => field(page, unitItem, "Success"), DEADLINE).toBe(step.shows[1]);
      await expect.poll(() => field(page, `data-rollup="${journey.course}"`, "Status"), DEADLINE).toBe(step.rollup.course);
      await expect.poll(() => field(page, `data-rollup="${journey.block}"`, "Status"), DEADLINE).toBe(step.rollup.block);
      // The API says the same.
      const api = await courseApi(expect, preview, target);
      expect(api.units.find((u) => u.id === id)).toMatchObject({ completion: step.shows[0], success: step.shows[1], sessions: 1 });
      expect(Object.fromEntries(api.rollup.map((r) => [r.id === journey.course ? "course" : "block", r.status]))).toEqual(step.rollup);
    }
    // Each unit kept its own result: the content-only one was not touched by the assessed ones.
    const final = await courseApi(expect, preview, target);
    expect(final.units.map((u) => u.sessions)).toEqual([1, 1, 1]);
    expect(final.units[0]!.score).toBe("none");
    expect(final.units[1]!.score).not.toBe("none");
    expect(await page.locator("#course-rollup-heading").innerText()).toBe("Course rollup");
    expect(await page.locator(".rollup-rule").innerText()).toBe(final.rule);

    if (target === "cmi5") {
      const registration = preview.learners.current().registration;
      const satisfied = preview.lms.statements({ registration, verb: VERB_SATISFIED });
      expect(satisfied.map((s) => (s.object as { definition: { type: string } }).definition.type)).toEqual([
        "https://w3id.org/xapi/cmi5/activitytype/block",
        "https://w3id.org/xapi/cmi5/activitytype/course",
      ]);
      for (const statement of satisfied) expect(validateXapi(statement)).toEqual([]);
      expect(preview.lms.violations).toEqual([]);
      await expect.poll(() => preview.log.all({ target: "cmi5" }).filter((e) => e.summary.startsWith("LMS: Satisfied")).length).toBe(2);
    } else {
      expect(preview.scorm.sessions("learner-1", target).map((s) => s.unit)).toEqual(["welcome", "fire", "first-aid"]);
    }

    // Readable at 375 px and accessible.
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).exclude("#course").analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    // cmi5.js asks for the learner preferences document no one wrote: its 404 is the normal answer (xAPI 1.0.3 §2.7.6).
    expect(problems.filter((p) => !p.includes("/xapi/agents/profile?profileId=cmi5LearnerPreferences"))).toEqual([]);
    await context.close();
  });
});
