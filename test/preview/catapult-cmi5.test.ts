// A CATAPULT-style cmi5 example (Rustici's cmi5.js inside) previewed as anyone's package: launched
// with the endpoint ending in "/", its statements arrive, nothing is answered 404 and the log has no
// error. The local LRS takes "//" in a path as "/" (as AUs joining "endpoint/" + "/resource" need).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";
import { launchChromium, newWatchedPage } from "../e2e/support/chromium";
import { catapultCmi5Zip } from "./any-package-fixtures";
import { raw, tempDir } from "./helpers";

const VERBS = ["initialized", "completed", "passed", "terminated"].map((v) => `http://adlnet.gov/expapi/verbs/${v}`);

let browser: Browser;
let preview: PreviewServer;
beforeAll(async () => {
  browser = await launchChromium();
  preview = await startPreview({ source: await catapultCmi5Zip(tempDir()), port: 0 });
});
afterAll(async () => {
  await preview.close();
  await browser.close();
});

describe("a CATAPULT-style cmi5 example AU (Rustici cmi5.js)", () => {
  it("runs in the preview with the trailing-slash endpoint: statements stored, no 404, no error in the log", async () => {
    const { page, context, problems } = await newWatchedPage(browser);
    await page.goto(`${preview.origin}/`);
    await page.waitForFunction(() => document.querySelector("#course-title")?.textContent === "Catapult example AU");
    await page.click("#launch");
    let frameUrl = "";
    await expect
      .poll(
        () =>
          (frameUrl =
            page
              .frames()
              .find((f) => f.url().includes("/pkg/cmi5/index.html"))
              ?.url() ?? ""),
      )
      .not.toBe("");
    expect(new URL(frameUrl).searchParams.get("endpoint")).toBe(`${preview.packageOrigin}/xapi/`);
    const au = page.frames().find((f) => f.url().includes("/pkg/cmi5/index.html"))!;
    await expect
      .poll(() => au.evaluate(() => (window as unknown as { auReport: { done: boolean; error: string | null } }).auReport), { timeout: 15_000 })
      .toEqual({ done: true, error: null });

    const learner = preview.learners.current();
    expect(preview.lms.statements({ registration: learner.registration }).map((s) => s.verb.id)).toEqual(VERBS);
    expect(preview.lms.violations).toEqual([]);
    // The one 404 allowed: cmi5.js asks for the learner preferences document, which no one wrote yet (xAPI 1.0.3 §2.7.6).
    const notFound = preview.lms.requests.filter((r) => r.status === 404 || r.status >= 500);
    expect(notFound.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /xapi/agents/profile"]);
    await expect.poll(() => preview.log.all({ target: "cmi5" }).filter((e) => e.kind === "statement").length).toBe(4);
    expect(preview.log.all().filter((e) => e.level !== "info")).toEqual([]);
    await expect.poll(() => page.locator('#lms-view dd[data-field="Success"]').innerText()).toBe("passed");
    // Chromium reports every 404 on the console, that same document's too; nothing else.
    expect(problems.filter((p) => !p.includes("/xapi/agents/profile?profileId=cmi5LearnerPreferences"))).toEqual([]);
    await context.close();
  });

  it("takes '//' in an xAPI path as '/', on the LRS and through the package origin", async () => {
    const auth = { authorization: preview.lms.adminAuth, "x-experience-api-version": "1.0.3" };
    const direct = await raw(preview.lms.origin, "/xapi//statements?limit=1", { headers: auth });
    expect(direct.status).toBe(200);
    const leading = await raw(preview.lms.origin, "//xapi/statements?limit=1", { headers: auth });
    expect(leading.status).toBe(200);
    const proxied = await raw(
      preview.packageOrigin,
      "/xapi//activities/state?" +
        new URLSearchParams({
          stateId: "no-such-document",
          activityId: "https://example.test/a",
          agent: JSON.stringify({ objectType: "Agent", account: { homePage: "https://example.test", name: "x" } }),
        }),
      { headers: auth },
    );
    expect(proxied.status).toBe(404); // the document is not there; the resource is found (not "unknown resource")
    expect(JSON.parse(proxied.body).message).not.toMatch(/unknown resource/);
    // A query value keeps its "//".
    const query = await raw(preview.lms.origin, `/xapi//statements?activity=${encodeURIComponent("https://example.test//x")}&limit=1`, { headers: auth });
    expect(query.status).toBe(200);
  });
});
