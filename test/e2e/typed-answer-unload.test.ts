// A typed answer is saved when the tab is closed, even one typed a moment before (its delayed save
// has not run yet): the page's one lifecycle owner (runtime/app/page-hide.ts) saves the session's
// pending answer first, then lets the driver end the session with it. Per launch kind: cmi5 (State
// document in the LRS) and SCORM 1.2 / 2004 (suspend_data), in Chromium through the preview LMS.
import { describe, it } from "vitest";
import type { TargetId } from "../../runtime/course/types";
import { TYPING_SAVE_DELAY_MS } from "../../runtime/app/session";
import { questionsById, shownQuestionIds } from "../ui/answers";
import { cmi5Record, scormSessions } from "./support/lms-side";
import { useStarterJourneys } from "./support/starter-journeys";

const journeys = useStarterJourneys();

const TYPED = "meet at the assembly point";

// Concurrent: a learner (browser context) per test; each polls with its own expect.
describe.concurrent("a typed answer survives closing the tab 50 ms later", { timeout: 300_000 }, () => {
  it.for<TargetId>(["cmi5", "scorm12", "scorm2004-4"])("%s: type, close the tab, relaunch: the text is there", async (target, test) => {
    const { expect } = test;
    const learner = await journeys.enrol(test, target);
    const starter = journeys.starter();
    await learner.launch();
    await learner.readToAssessment();
    const ui = await learner.ui();
    await ui.getByRole("button", { name: "Start attempt 1" }).click();
    await expect.poll(() => learner.h1()).toMatch(/: attempt 1$/);
    const questions = questionsById(starter.course);
    const textId = (await shownQuestionIds(ui as never)).find((id) => questions.get(id)?.type === "text-entry");
    expect(textId, "the starter's attempt shows a text-entry question").toBeDefined();
    const field = ui.locator(`#pm-q-${textId}-input`);
    await field.pressSequentially(TYPED);
    expect(await field.inputValue()).toBe(TYPED);
    // Well inside the delayed save (TYPING_SAVE_DELAY_MS): only the unload can save it now.
    expect(TYPING_SAVE_DELAY_MS).toBeGreaterThan(200);
    await learner.page!.waitForTimeout(50);
    await learner.closeTab();
    // The closing page ends its session on the way out (keepalive requests): the relaunch comes after.
    const first = learner.sessionId;
    if (target === "cmi5") await expect.poll(() => cmi5Record(starter.preview, learner.registration!).bySession.get(first)?.at(-1)).toBe("terminated");
    else await expect.poll(() => scormSessions(starter.preview, learner.learnerId, target)[0]?.finished).toBe(true);

    await learner.launch();
    await expect.poll(() => learner.h1()).toMatch(/: attempt 1$/);
    const resumed = await learner.ui();
    await expect.poll(() => resumed.locator(`#pm-q-${textId}-input`).inputValue()).toBe(TYPED);
  });
});
