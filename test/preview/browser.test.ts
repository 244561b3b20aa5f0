// The preview's pages in real Chromium under their CSP: the launch page launches, the SCORM host
// page plays the LMS with scorm-again (every call logged, flags in red, commits refused then kept,
// relaunch resumes), the cmi5 LMS refuses a rule-breaking statement in red, the log downloads.
// The course's part is played by the test inside a blank package, so these tests need no UI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";
import { launchChromium, newWatchedPage } from "../e2e/support/chromium";
import { blankCmi5Zip, blankScorm12Zip } from "./fixture-packages";
import { tempDir } from "./helpers";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function courseFrame(page: Page, path: string, after: readonly Frame[] = []): Promise<Frame> {
  let found: Frame | undefined;
  await expect.poll(() => (found = page.frames().find((f) => f.url().includes(path) && !after.includes(f))), { timeout: 10_000 }).toBeTruthy();
  await found!.waitForLoadState("load");
  return found!;
}

describe("SCORM host page", () => {
  let preview: PreviewServer;
  beforeAll(async () => {
    const dir = tempDir();
    preview = await startPreview({ source: await blankScorm12Zip(dir), port: 0 });
  });
  afterAll(async () => {
    await preview.close();
  });

  it("logs every call, flags what real LMSs refuse, refuses then keeps commits, and resumes on relaunch", async () => {
    const { page, context, problems } = await newWatchedPage(browser, { acceptDownloads: true });
    await page.goto(`${preview.origin}/`);
    await page.waitForFunction(() => document.querySelector("#course-title")?.textContent === "Blank course");
    expect(await page.locator("#target option").allTextContents()).toEqual(["SCORM 1.2"]);
    expect(await page.inputValue("#mastery")).toBe("75");
    await page.fill("#commit-failures", "1");
    await page.click("#launch");
    const sco = await courseFrame(page, "/pkg/scorm12/sco.html");
    const results = await sco.evaluate(() => {
      const api = (window.parent as unknown as { API: Record<string, (...a: string[]) => string> }).API;
      return {
        init: api.LMSInitialize!(""),
        entry: api.LMSGetValue!("cmi.core.entry"),
        mastery: api.LMSGetValue!("cmi.student_data.mastery_score"),
        big: api.LMSSetValue!("cmi.suspend_data", "x".repeat(5000)),
        exit: api.LMSSetValue!("cmi.core.exit", "suspend"),
        status: api.LMSSetValue!("cmi.core.lesson_status", "incomplete"),
        refused: api.LMSCommit!(""),
        refusedCode: api.LMSGetLastError!(),
        kept: api.LMSCommit!(""),
        finish: api.LMSFinish!(""),
        late: api.LMSGetValue!("cmi.core.lesson_status"),
      };
    });
    expect(results).toMatchObject({ init: "true", entry: "ab-initio", mastery: "75", refused: "false", refusedCode: "391", kept: "true", finish: "true" });

    const session = () => preview.scorm.latest("learner-1", "scorm12")!;
    await expect.poll(() => session().flags.length).toBe(2);
    expect(session().flags[0]).toMatch(/suspend_data of 5000 characters/);
    expect(session().flags[1]).toMatch(/LMSGetValue\("cmi.core.lesson_status"\) after LMSFinish/);
    await expect.poll(() => session().finished).toBe(true);
    expect(session().committed).toMatchObject({ "cmi.core.exit": "suspend", "cmi.core.lesson_status": "incomplete" });
    expect(session().committed!["cmi.suspend_data"]).toHaveLength(5000);

    // The live log shows the calls, the refused commit and the flags (in red), and the LMS view.
    await page.waitForFunction(() => document.querySelectorAll("#log li.level-error").length === 2);
    // The host page's own lines (the calls, the refusal) come in batches, after the commits' (scorm-host.ts).
    await expect.poll(() => page.locator("#log").innerText()).toContain("LMS refused the commit");
    const logText = await page.locator("#log").innerText();
    expect(logText).toContain('LMSInitialize("") → "true"');
    expect(await page.locator('#lms-view dd[data-field="suspend_data"]').innerText()).toBe("5000 characters");

    // Relaunch: a new session that resumes from what the LMS kept.
    await page.click("#relaunch");
    const again = await courseFrame(page, "/pkg/scorm12/sco.html", [sco]);
    const resumed = await again.evaluate(() => {
      const api = (window.parent as unknown as { API: Record<string, (...a: string[]) => string> }).API;
      api.LMSInitialize!("");
      return { entry: api.LMSGetValue!("cmi.core.entry"), size: api.LMSGetValue!("cmi.suspend_data").length };
    });
    expect(resumed).toEqual({ entry: "resume", size: 5000 });

    const download = page.waitForEvent("download");
    await page.click("#download-log");
    // saveAs, not path(): the browser may be the run's shared one, on the other end of a connection.
    const file = join(tempDir(), "preview-log.json");
    await (await download).saveAs(file);
    const log = JSON.parse(await readFile(file, "utf8")) as { events: { kind: string; level: string }[] };
    expect(log.events.filter((e) => e.kind === "scorm-flag" && e.level === "error")).toHaveLength(2);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("cmi5 through the launch page", () => {
  let preview: PreviewServer;
  beforeAll(async () => {
    const dir = tempDir();
    preview = await startPreview({ source: await blankCmi5Zip(dir), port: 0 });
  });
  afterAll(async () => {
    await preview.close();
  });

  it("launches with the chosen facts; a stored statement is logged, a rule-breaking one refused in red", async () => {
    const { page, context, problems } = await newWatchedPage(browser);
    await page.goto(`${preview.origin}/`);
    await page.waitForFunction(() => document.querySelector("#course-title")?.textContent === "Blank cmi5");
    expect(await page.inputValue("#mastery")).toBe("60");
    expect(await page.inputValue("#move-on")).toBe("CompletedAndPassed");
    await page.selectOption("#move-on", "Completed");
    await page.click("#launch");
    const au = await courseFrame(page, "/pkg/cmi5/au.html");
    const outcome = await au.evaluate(async () => {
      const params = new URLSearchParams(location.search);
      const token = ((await (await fetch(params.get("fetch")!, { method: "POST" })).json()) as Record<string, string>)["auth-token"];
      const headers = { Authorization: `Basic ${token}`, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" };
      const query = new URLSearchParams({
        stateId: "LMS.LaunchData",
        activityId: params.get("activityId")!,
        agent: params.get("actor")!,
        registration: params.get("registration")!,
      });
      const launchData = (await (await fetch(`${params.get("endpoint")}activities/state?${query}`, { headers })).json()) as {
        contextTemplate: { contextActivities: unknown; extensions: unknown };
        moveOn: string;
        masteryScore: number;
      };
      const base = {
        actor: JSON.parse(params.get("actor")!),
        object: { objectType: "Activity", id: params.get("activityId") },
        context: {
          registration: params.get("registration"),
          contextActivities: {
            ...(launchData.contextTemplate.contextActivities as object),
            category: [{ id: "https://w3id.org/xapi/cmi5/context/categories/cmi5" }],
          },
          extensions: launchData.contextTemplate.extensions,
        },
      };
      const initialized = { ...base, id: crypto.randomUUID(), timestamp: new Date().toISOString(), verb: { id: "http://adlnet.gov/expapi/verbs/initialized" } };
      const good = await fetch(`${params.get("endpoint")}statements`, { method: "POST", headers, body: JSON.stringify([initialized]) });
      // Passed without the moveon category nor a duration: cmi5 §9.6.2.2 / §9.5.4.1.
      const passed = {
        ...base,
        id: crypto.randomUUID(),
        timestamp: new Date(Date.now() + 10).toISOString(),
        verb: { id: "http://adlnet.gov/expapi/verbs/passed" },
        result: { success: true },
      };
      const bad = await fetch(`${params.get("endpoint")}statements`, { method: "POST", headers, body: JSON.stringify([passed]) });
      return { moveOn: launchData.moveOn, masteryScore: launchData.masteryScore, good: good.status, bad: bad.status };
    });
    expect(outcome).toEqual({ moveOn: "Completed", masteryScore: 0.6, good: 200, bad: 403 });
    await page.waitForFunction(() => document.querySelectorAll("#log li.level-error").length === 1);
    expect(await page.locator("#log li.level-error").innerText()).toContain("category.moveon-missing");
    expect(await page.locator("#log li.kind-statement").first().innerText()).toContain("initialized");
    await page.waitForFunction(() => document.querySelector('#lms-view dd[data-field="Statements"]')?.textContent === "1");
    expect(await page.locator('#lms-view dd[data-field="Refused (rule violations)"]').innerText()).toBe("1");
    expect(problems.filter((p) => !p.includes("403"))).toEqual([]);
    await context.close();
  });
});
