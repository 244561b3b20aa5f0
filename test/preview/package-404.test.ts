// A package asking for something that is not there is shown in red in the log: a file of its own
// missing (404 under /pkg/), or an xAPI resource the LRS does not have; a GET of an xAPI document not
// written yet stays an ordinary line (xAPI 1.0.3 §2.7: 404 is its normal answer).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";
import { launchChromium, newWatchedPage } from "../e2e/support/chromium";
import { brokenScorm12Zip } from "./any-package-fixtures";
import { blankCmi5Zip } from "./fixture-packages";
import { raw, tempDir } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe("404s of the package's own requests", () => {
  it("a missing image and script of the SCO are red lines of the log", async () => {
    const preview = await startPreview({ source: await brokenScorm12Zip(tempDir()), port: 0 });
    try {
      const { page, context } = await newWatchedPage(browser);
      await page.goto(`${preview.origin}/`);
      await page.waitForFunction(() => document.querySelector("#course-title")?.textContent === "Broken course");
      await page.click("#launch");
      const red = page.locator("#log li.level-error");
      await expect.poll(() => red.count(), { timeout: 10_000 }).toBe(2);
      const lines = (await red.allInnerTexts()).join("\n");
      expect(lines).toContain("GET /pkg/scorm12/images/missing-logo.png → 404: the package asks for a file it does not hold");
      expect(lines).toContain("GET /pkg/scorm12/lib/missing.js → 404");
      // Red as the refusals are: the same colour rule.
      const colour = await red.first().evaluate((li) => getComputedStyle(li).color);
      expect(colour).toBe("rgb(176, 0, 32)");
      // The files the package holds are not flagged.
      expect(preview.log.all().filter((e) => e.level === "error")).toHaveLength(2);
      await context.close();
    } finally {
      await preview.close();
    }
  });

  it("cmi5: an xAPI resource the LRS does not have is red; a document not written yet is not", async () => {
    const preview = await startPreview({ source: await blankCmi5Zip(tempDir()), port: 0 });
    try {
      const auth = { authorization: preview.lms.adminAuth, "x-experience-api-version": "1.0.3" };
      const agent = JSON.stringify({ objectType: "Agent", account: { homePage: "https://example.test", name: "x" } });
      const unknown = await raw(preview.packageOrigin, "/xapi/activities/states?stateId=x", { headers: auth });
      const document = await raw(
        preview.packageOrigin,
        `/xapi/activities/state?${new URLSearchParams({ stateId: "x", activityId: "https://example.test/a", agent })}`,
        {
          headers: auth,
        },
      );
      expect([unknown.status, document.status]).toEqual([404, 404]);
      await expect.poll(() => preview.log.all({ target: "cmi5" }).length).toBe(2);
      const [first, second] = preview.log.all({ target: "cmi5" });
      expect(first).toMatchObject({ level: "error", summary: "GET activities/states x → 404" });
      expect(second).toMatchObject({ level: "info", summary: "GET activities/state x → 404" });
    } finally {
      await preview.close();
    }
  });
});
