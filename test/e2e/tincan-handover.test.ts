// Issue 16 "Detection", in the browser: each package holds every runtime bundle, and a launch of
// another kind is handed over to that kind's bundle (runtime/main.ts). A cmi5 or SCORM package given
// Tin Can launch parameters runs the Tin Can driver (passmark.xapi.js); an xapi package given a cmi5
// launch runs the cmi5 driver. Read on the LRS side: the statements of the standard the launch meant.
import type { Statement } from "@xapi/xapi";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it, type ExpectStatic } from "vitest";
import { launchChromium, newWatchedPage } from "./support/chromium";
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

const verbs = (statements: Statement[]) => statements.map((s) => s.verb.id.split("/").pop()!);
const STEP_MS = 60_000;

/** Opens `url` as the LMS's launch link would; the course's first heading appears; no console error. */
/** `expected`: the verbs the LRS holds first for this registration once the first screen reported. */
async function open(expect: ExpectStatic, url: string, registration: string, expected: string[]): Promise<string[]> {
  const { page, context, problems } = await newWatchedPage(browser);
  try {
    await page.goto(url);
    await page.locator("h1").first().waitFor({ timeout: STEP_MS });
    await expect.poll(() => verbs(starter.preview.lms.statements({ registration })).slice(0, expected.length), { timeout: STEP_MS }).toEqual(expected);
    const scripts = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname.split("/").pop()!));
    // docs/rules/lms.md §5: a 404 for a State document not written yet is normal.
    expect(problems.filter((p) => !/status of 404 .*\/xapi\/(agents\/profile|activities\/state)\?/.test(p))).toEqual([]);
    return scripts;
  } finally {
    await context.close();
  }
}

describe.concurrent("a launch of another kind is handed over to its bundle", { timeout: 300_000 }, () => {
  it.for(["cmi5", "scorm12"])("the %s package, given Tin Can parameters, runs the Tin Can driver", async (target, { expect }) => {
    const origin = starter.preview.packageOrigin;
    const launch = starter.preview.lms.launchTincan({
      launchUrl: `${origin}/pkg/${target}/index.html`,
      activityId: starter.course.id,
      endpoint: `${origin}/xapi/`,
      actor: { objectType: "Agent", name: `Handover ${target}`, account: { homePage: "https://lms.example.test", name: `handover-${target}` } },
    });
    const scripts = await open(expect, launch.url, launch.registration!, ["attempted", "initialized"]);
    expect(scripts).toContain("passmark.xapi.js");
    const stored = starter.preview.lms.statements({ registration: launch.registration! });
    expect(JSON.stringify(stored)).not.toContain("w3id.org/xapi/cmi5");
  });

  it("the xapi package, given a cmi5 launch, runs the cmi5 driver", async ({ expect }) => {
    const origin = starter.preview.packageOrigin;
    const lms = starter.preview.lms;
    const launched = lms.launch({ auUrl: `${origin}/pkg/xapi/index.html`, activityId: "https://passmark.dev/preview/activity/handover", moveOn: "Completed" });
    // The AU talks to its own origin; the LRS behind it is reached through the proxy (as the preview does).
    const url = new URL(launched.url);
    url.searchParams.set("endpoint", `${origin}/xapi/`);
    url.searchParams.set("fetch", launched.fetchUrl.replace(lms.origin, origin));
    const scripts = await open(expect, url.toString(), launched.registration, ["initialized"]);
    expect(scripts).toContain("passmark.cmi5.js");
    // A cmi5 session: its statements carry the session id of the launch (cmi5 §9.6.3.1).
    const first = lms.statements({ registration: launched.registration })[0]!;
    expect(first.context?.extensions?.["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]).toBe(launched.sessionId);
  });
});
