// One SCORM bundle per version (build.mjs: passmark.scorm12.js, passmark.scorm2004.js), and every package
// holds every bundle: a launch of another kind is handed over to that kind's bundle (runtime/main.ts).
// In Chromium with the preview LMS: a SCORM 1.2 package framed by the SCORM 2004 host (scorm-again) and
// the reverse, a cmi5 or xapi package framed by a SCORM host, and a cmi5 launch of a SCORM package. Read
// on the LMS side: the session opened and committed in the standard the launch meant.
import type { Browser, Frame } from "playwright-core";
import { afterAll, beforeAll, describe, it, type ExpectStatic } from "vitest";
import type { TargetId } from "../../runtime/course/types";
import { launchChromium, newWatchedPage } from "./support/chromium";
import { scormSessions } from "./support/lms-side";
import { previewStarter, type CoursePreview } from "./support/preview-fixture";

let browser: Browser;
let starter: CoursePreview;

beforeAll(async () => {
  [browser, starter] = await Promise.all([launchChromium(), previewStarter()]);
});
afterAll(async () => {
  await browser?.close();
  await starter?.close();
});

const STEP_MS = 60_000;

/** The runtime scripts a frame loaded (file names). */
const scriptsOf = (frame: Frame): Promise<string[]> =>
  frame.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname.split("/").pop()!)
      .filter((name) => name.endsWith(".js")),
  );

/**
 * A SCORM launch of `host` (the host page runs scorm-again for that version) whose SCO is `framed`'s
 * package: the host's session answer is rewritten on its way to the page. Returns the scripts the SCO
 * loaded once its course showed, and the data model the LMS session committed.
 */
async function scormLaunchOf(expect: ExpectStatic, host: TargetId, framed: TargetId): Promise<{ scripts: string[]; data: Record<string, string> }> {
  const { page, context, problems } = await newWatchedPage(browser);
  try {
    await context.route("**/api/scorm/session/*", async (route) => {
      const response = await route.fetch();
      const config = (await response.json()) as { scoUrl: string };
      expect(config.scoUrl).toContain(`/pkg/${host}/`);
      await route.fulfill({ response, json: { ...config, scoUrl: config.scoUrl.replace(`/pkg/${host}/`, `/pkg/${framed}/`) } });
    });
    const launched = starter.preview.launch({ target: host, learner: "new", scorm: {} });
    await page.goto(launched.frameUrl);
    let sco: Frame | undefined;
    await expect.poll(() => (sco = page.frames().find((f) => f.url().includes(`/pkg/${framed}/`))), { timeout: STEP_MS }).toBeTruthy();
    await sco!.locator("h1").first().waitFor({ timeout: STEP_MS });
    // start() committed its first writes (status incomplete, exit suspend) to the host's LMS session.
    await expect.poll(() => scormSessions(starter.preview, launched.learnerId, host).at(-1)?.committed ?? null, { timeout: STEP_MS }).not.toBeNull();
    expect(problems).toEqual([]);
    return { scripts: await scriptsOf(sco!), data: scormSessions(starter.preview, launched.learnerId, host).at(-1)!.committed! };
  } finally {
    await context.close();
  }
}

describe.concurrent("a SCORM launch of another package is handed over to its bundle", { timeout: 300_000 }, () => {
  it.for([
    ["scorm12", "scorm2004-4", "passmark.scorm12.js", "passmark.scorm2004.js"],
    ["scorm2004-3", "scorm12", "passmark.scorm2004.js", "passmark.scorm12.js"],
    ["cmi5", "scorm12", "passmark.cmi5.js", "passmark.scorm12.js"],
    ["xapi", "scorm2004-4", "passmark.xapi.js", "passmark.scorm2004.js"],
  ] as const)("the %s package under a %s API loads %s, which hands over to %s", async ([framed, host, own, runs], { expect }) => {
    const { scripts, data } = await scormLaunchOf(expect, host, framed);
    expect(scripts).toContain(own);
    expect(scripts).toContain(runs);
    // The first writes of start(), in the host's version: status incomplete, exit suspend.
    if (host === "scorm12") expect([data["cmi.core.lesson_status"], data["cmi.core.exit"]]).toEqual(["incomplete", "suspend"]);
    else expect([data["cmi.completion_status"], data["cmi.exit"]]).toEqual(["incomplete", "suspend"]);
  });

  it.for(["scorm12", "scorm2004-4"] as const)("the %s package, given a cmi5 launch, runs the cmi5 driver", async (target, { expect }) => {
    const origin = starter.preview.packageOrigin;
    const lms = starter.preview.lms;
    const launched = lms.launch({
      auUrl: `${origin}/pkg/${target}/index.html`,
      activityId: `https://passmark.dev/preview/activity/handover-${target}`,
      moveOn: "Completed",
    });
    // The AU talks to its own origin; the LRS behind it is reached through the proxy (as the preview does).
    const url = new URL(launched.url);
    url.searchParams.set("endpoint", `${origin}/xapi/`);
    url.searchParams.set("fetch", launched.fetchUrl.replace(lms.origin, origin));
    const { page, context, problems } = await newWatchedPage(browser);
    try {
      await page.goto(url.toString());
      await page.locator("h1").first().waitFor({ timeout: STEP_MS });
      await expect
        .poll(() => lms.statements({ registration: launched.registration }).map((s) => s.verb.id.split("/").pop()), { timeout: STEP_MS })
        .toContain("initialized");
      expect(await scriptsOf(page.mainFrame())).toContain("passmark.cmi5.js");
      // docs/rules/lms.md §5: a 404 for a State document not written yet is normal.
      expect(problems.filter((p) => !/status of 404 .*\/xapi\/(agents\/profile|activities\/state)\?/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
