// A Review launch with no saved work (Moodle gives this after an attempt ended with exit "normal":
// review mode and no stored data) shows "You have finished this course", never a course that looks
// unstarted at Welcome: no progress bar, no menu, no attempt button — for every launch kind.
import { describe, it } from "vitest";
import type { TargetId } from "../../runtime/course/types";
import { expectNoAxeViolations } from "../ui/browser";
import { useStarterJourneys } from "./support/starter-journeys";

const journeys = useStarterJourneys();

// Concurrent: a learner (browser context) per test, each with the test's own expect.
describe.concurrent("review launch, nothing saved", { timeout: 300_000 }, () => {
  it.for<TargetId>(["scorm2004-4", "scorm2004-3", "scorm12", "cmi5"])(
    "%s: 'You have finished this course', nothing that looks unstarted",
    async (target, test) => {
      const { expect } = test;
      const learner = await journeys.enrol(test, target);
      const ui = await learner.launch(target === "cmi5" ? { cmi5: { launchMode: "Review" } } : { scorm: { mode: "review" } });
      // Polled: launch() returns at the first heading, and a loaded machine may show the next a moment later.
      await expect.poll(() => learner.h1()).toBe("You have finished this course");
      const text = (await ui.locator(".pm-app").textContent()) ?? "";
      expect(text).toContain("There is nothing to review here");
      expect(text).toContain("Your result is kept in the LMS");
      expect(text).toContain("Review mode");
      expect(await ui.locator("progress").count()).toBe(0);
      expect(await ui.locator(".pm-menu").count()).toBe(0);
      expect(await ui.getByRole("button", { name: /^Start attempt/ }).count()).toBe(0);
      expect(text).not.toContain(journeys.starter().course.pages[0]!.title);
      if (target === "cmi5") await expectNoAxeViolations(learner.page!, "finished, nothing to review");
      await learner.exit();
    },
  );
});
