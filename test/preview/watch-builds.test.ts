// Watch mode of the preview, server side: a save rebuilds only the target being previewed (the
// first before any launch), another target is built when it is launched, a broken course refuses
// launches with its problems and streams them on /api/builds; a zip is never watched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";
import type { BuildStatus } from "../../authoring/preview/watch-protocol";
import { stateResets } from "../../authoring/preview/watch-rebuild";
import type { CourseData } from "../../runtime/course/types";
import { ensureRuntimeBuilt, STARTER_COURSE } from "../support/package-fixture";
import { blankCmi5Zip } from "./fixture-packages";
import { postJson, raw, tempDir } from "./helpers";

let preview: PreviewServer;
let work: string;
let course: string;

beforeAll(async () => {
  await ensureRuntimeBuilt();
  work = tempDir("passmark-watch-builds-");
  course = join(work, "course");
  await cp(STARTER_COURSE, course, { recursive: true });
  preview = await startPreview({ source: course, port: 0, workDir: join(work, "lms"), watch: true });
});
afterAll(async () => {
  await preview?.close();
  await rm(work, { recursive: true, force: true });
});

const served = (target: string) => readFile(join(work, "lms", "packages", target, "course", "course.json"), "utf8");

/** The first event of /api/builds (the current status). */
async function firstBuildEvent(origin: string): Promise<BuildStatus> {
  const controller = new AbortController();
  const response = await fetch(`${origin}/api/builds`, { signal: controller.signal });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body!.getReader();
  let text = "";
  while (!text.includes("\n\n")) text += new TextDecoder().decode((await reader.read()).value);
  controller.abort();
  const event = /^event: build\ndata: (.*)\n\n/.exec(text);
  return JSON.parse(event![1]!) as BuildStatus;
}

describe("preview watch mode (server)", () => {
  it("rebuilds the previewed target on a save and another target when it is launched", async () => {
    expect((await (await fetch(`${preview.origin}/api/info`)).json()).watching).toBe(true);
    const page = join(course, "pages", "welcome.md");
    await writeFile(page, `${await readFile(page, "utf8")}\nSaved once while watching.\n`);
    await expect.poll(() => preview.builds!.current, { timeout: 30_000 }).toMatchObject({ state: "built", cause: "save", targets: ["cmi5"], resets: [] });
    expect(await served("cmi5")).toContain("Saved once while watching.");
    expect(await served("scorm12")).not.toContain("Saved once while watching.");

    const launch = await postJson<{ frameUrl?: string }>(preview.origin, "/api/launch", { target: "scorm12", learner: "current" });
    expect(launch.status).toBe(200);
    expect(await served("scorm12")).toContain("Saved once while watching.");
    expect(preview.builds!.current).toMatchObject({ state: "built", cause: "launch", targets: ["scorm12"] });
    expect(preview.log.all().some((e) => e.summary.startsWith("rebuilt scorm12 before its launch"))).toBe(true);
  });

  it("keeps the packages, refuses launches and streams the problems while the course does not build", async () => {
    const courseJson = join(course, "course.json");
    const json = await readFile(courseJson, "utf8");
    await writeFile(courseJson, "{ not json");
    await expect.poll(() => preview.builds!.current.state, { timeout: 30_000 }).toBe("failed");
    const status = preview.builds!.current;
    expect(status.problems.length).toBeGreaterThan(0);
    expect(status.problems[0]).toMatch(/^course\.json/);
    expect(await firstBuildEvent(preview.origin)).toEqual(status);
    expect(await served("scorm12")).toContain("Saved once while watching."); // the last good build is still served

    const refused = await postJson<{ message: string }>(preview.origin, "/api/launch", { target: "scorm2004-4", learner: "current" });
    expect(refused.status).toBe(409);
    expect(refused.json.message).toContain("the course did not build: course.json");

    await writeFile(courseJson, json);
    await expect.poll(() => preview.builds!.current.state, { timeout: 30_000 }).toBe("built");
    expect((await postJson(preview.origin, "/api/launch", { target: "scorm2004-4", learner: "current" })).status).toBe(200);
  });

  it("says what a learner's saved state loses when the course's layout changes (nothing for text edits)", async () => {
    const data = JSON.parse(await served("cmi5")) as CourseData;
    const copy = (): CourseData => structuredClone(data);
    const retitled = copy();
    retitled.pages[0]!.title = "Hello";
    expect(stateResets(data, retitled)).toEqual([]);
    const fewerPages = copy();
    fewerPages.pages.pop();
    expect(stateResets(data, fewerPages)).toEqual([expect.stringMatching(/^pages or media .*: the learner's place and the pages seen start over$/)]);
    const otherQuestions = copy();
    otherQuestions.assessment!.items.pop();
    expect(stateResets(data, otherQuestions)).toEqual([expect.stringMatching(/^the questions changed: finished attempts keep their results/)]);
    expect(stateResets(data, { ...copy(), id: "https://example.com/another" })).toEqual(["the course id changed: the learner starts afresh"]);
  });

  it("does not watch a zip", async () => {
    const dir = tempDir();
    const zipPreview = await startPreview({ source: await blankCmi5Zip(dir), port: 0, watch: true });
    try {
      expect(zipPreview.builds).toBeNull();
      expect((await (await fetch(`${zipPreview.origin}/api/info`)).json()).watching).toBe(false);
      expect((await raw(zipPreview.origin, "/api/builds")).status).toBe(404);
    } finally {
      await zipPreview.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
