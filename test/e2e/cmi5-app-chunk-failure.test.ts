// A cmi5 launch whose app chunk cannot be loaded (the connection dropped: runtime/entry-cmi5.ts loads
// the engine and UI as a chunk beside the bundle), in Chromium through the preview LMS: the page says
// so in place of "Loading…" — the course's title, the failure, "Load again" focused — by keyboard, with
// no axe violation; a try that fails again says so again; once the chunk arrives (?retry=N, a URL of
// its own: runtime/lms/retry-import.ts) the same session goes on: the first page, an attempt, Exit,
// and the LMS holds one clean session (Initialized once, the result, Terminated). In the course's
// language (<html lang>): a French course says it in French.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectNoAxeViolations, focused } from "../ui/browser";
import { launchChromium } from "./support/chromium";
import { Learner } from "./support/learner";
import { cmi5Record, expectCleanCmi5 } from "./support/lms-side";
import { previewStarter, type CoursePreview } from "./support/preview-fixture";

const APP_CHUNK = /\/runtime\/passmark-main-[A-Z0-9]+\.js(\?retry=\d+)?$/;

let browser: Browser;
let starter: CoursePreview;
beforeAll(async () => {
  [browser, starter] = await Promise.all([launchChromium(), previewStarter(undefined, { target: "cmi5" })]);
});
afterAll(async () => {
  await browser?.close();
  await starter?.close();
});

describe("cmi5: the app chunk fails to load", { timeout: 300_000 }, () => {
  it("says so with 'Load again' (keyboard, axe), says so again while it fails, then the same session goes on and reports once", async ({ expect }) => {
    const learner = await Learner.enrol(browser, starter.preview, starter.course, "cmi5", expect);
    try {
      const requests: string[] = [];
      let failing = true;
      await learner.context.route(APP_CHUNK, (route) => {
        requests.push(route.request().url());
        void (failing ? route.abort("connectionreset") : route.continue());
      });
      const ui = await learner.launch(); // returns at the first h1: here the failure's
      const page = learner.page!;
      const alert = page.getByRole("alert").filter({ hasText: "The course could not be loaded. Check your connection, then load it again." });
      await alert.waitFor();
      expect(await learner.h1()).toBe(starter.course.title);
      expect(await ui.getByText("Loading…").count()).toBe(0);
      await expect.poll(() => focused(page)).toMatchObject({ tag: "button", text: "Load again" });
      await expectNoAxeViolations(page, "cmi5 app chunk failed");

      await page.keyboard.press("Enter"); // still failing: said again, the button focused again
      await expect.poll(() => requests.filter((url) => url.endsWith("?retry=1"))).toHaveLength(1);
      await alert.waitFor();
      await expect.poll(() => focused(page)).toMatchObject({ tag: "button", text: "Load again" });

      failing = false;
      await page.keyboard.press("Enter");
      await expect.poll(() => learner.h1()).toBe("Welcome");
      expect(requests.some((url) => url.endsWith("?retry=2"))).toBe(true);
      expect(await page.getByRole("alert").filter({ hasText: "could not be loaded" }).count()).toBe(0);

      await learner.readToAssessment();
      const result = await learner.attempt("right");
      expect(result.attemptScore).toBe(100);
      await learner.exit();
      expect(learner.problems.filter((p) => !/passmark-main-|ERR_CONNECTION_RESET|could not be loaded/.test(p))).toEqual([]);

      const record = cmi5Record(starter.preview, learner.registration!);
      expectCleanCmi5(starter.preview, record, [learner.sessionId]);
      expect(record.bySession.size).toBe(1);
      expect(record.count("initialized")).toBe(1);
      expect(record.count("passed")).toBe(1);
      expect(record.count("terminated")).toBe(1);
    } catch (error) {
      console.error(await learner.diagnose()); // what the page was doing (test/support/page-diagnosis.ts)
      throw error;
    } finally {
      await learner.dispose();
    }
  });

  it("in the course's language: a French course's page says it in French (fr-CA: the primary language decides)", async ({ expect }) => {
    const learner = await Learner.enrol(browser, starter.preview, starter.course, "cmi5", expect);
    try {
      // The package's index.html as a French course's build writes it (authoring/package/shell.ts: <html lang>).
      await learner.context.route(/\/index\.html(\?.*)?$/, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/<html\b([^>]*)\blang="en"/i, '<html$1lang="fr-CA"');
        await route.fulfill({ response, body: html });
      });
      await learner.context.route(APP_CHUNK, (route) => void route.abort("connectionreset"));
      await learner.launch();
      const page = learner.page!;
      await page.getByRole("alert").filter({ hasText: "Le cours n’a pas pu être chargé. Vérifiez votre connexion, puis chargez-le à nouveau." }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr-CA");
      await expect.poll(() => focused(page)).toMatchObject({ tag: "button", text: "Charger à nouveau" });
      await page.keyboard.press("Enter"); // "Chargement…" while it tries, then the failure again
      await page.getByRole("alert").filter({ hasText: "Le cours n’a pas pu être chargé" }).waitFor();
      await expect.poll(() => focused(page)).toMatchObject({ tag: "button", text: "Charger à nouveau" });
    } catch (error) {
      console.error(await learner.diagnose()); // what the page was doing (test/support/page-diagnosis.ts)
      throw error;
    } finally {
      await learner.dispose();
    }
  });
});
