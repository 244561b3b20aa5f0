// A video whose metadata arrives late moves nothing: in Chromium, the starter with a video on its
// first page. With the display size the build read (authoring/course/video-size.ts) the player keeps
// the video's box; without one (a file whose size could not be read) it keeps a 16:9 box. Either way a
// press on Next held across the metadata's arrival still goes to the next page. Without either, the
// player is 300 × 150 until its metadata arrives and then takes the video's own size, and Next moves.
// And the size the build reads is the size Chromium shows, for every video fixture.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it, type TestContext } from "vitest";
import { readVideoSize } from "../../authoring/course/video-size";
import { REPO_ROOT } from "../fixtures/packages/shared-xsd";
import { buildPackageFolder, type PackageFolder } from "../support/package-fixture";
import { startStaticServer, type StaticServer } from "../support/static-server";
import { launchChromium, openForTest } from "./browser";

let browser: Browser;
let course: string;
let pkg: PackageFolder;
let server: StaticServer;

beforeAll(async () => {
  course = join(await mkdtemp(join(tmpdir(), "passmark-late-video-")), "course");
  await cp(join(REPO_ROOT, "templates", "starter"), course, { recursive: true });
  await cp(join(REPO_ROOT, "test", "fixtures", "video", "clip-320x240.webm"), join(course, "assets", "clip.webm"));
  const json = JSON.parse(await readFile(join(course, "course.json"), "utf8")) as { pages: { media?: unknown[] }[] };
  json.pages[0]!.media = [{ id: "clip", kind: "video", src: "assets/clip.webm", captions: "assets/smoke-alarm.vtt", title: "A test picture" }];
  await writeFile(join(course, "course.json"), JSON.stringify(json));
  [pkg, browser] = await Promise.all([buildPackageFolder({ courseDir: course }), launchChromium()]);
  server = await startStaticServer({ root: pkg.dir });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pkg?.remove();
  if (course) await rm(join(course, ".."), { recursive: true, force: true });
});

/** The built course data's video entry (course/course.json in the package). */
async function editBuiltVideo(change: (media: Record<string, unknown>) => void): Promise<void> {
  const file = join(pkg.dir, "course", "course.json");
  const data = JSON.parse(await readFile(file, "utf8")) as { pages: { media: Record<string, unknown>[] }[] };
  change(data.pages[0]!.media[0]!);
  await writeFile(file, JSON.stringify(data));
}

/**
 * Opens the course with the video's response held, checks the player's box, presses Next and holds
 * it, lets the video arrive, and checks that nothing moved and that the release turns the page.
 * Returns the player's box before the video arrived.
 */
async function pressAcrossArrival(test: TestContext): Promise<{ width: number; height: number }> {
  const { expect } = test;
  // The video is on the first page: its request starts with the course, so it is held before the page opens.
  const { page, context } = await openForTest(test, browser, "about:blank", { checkProblems: true });
  let arrive!: () => void;
  const held = new Promise<void>((resolve) => (arrive = resolve));
  await context.route(/\/assets\/clip\.webm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${server.url}/index.html`);
  const h1 = () => page.locator("h1").first().textContent();
  const next = page.getByRole("button", { name: "Next", exact: true });
  const video = page.locator("#pm-content video, .pm-media video").first();
  await expect.poll(h1).toBe("Welcome");
  await video.waitFor();

  expect(await video.evaluate((v: HTMLVideoElement) => v.readyState)).toBe(0); // no metadata yet: held
  await next.scrollIntoViewIfNeeded(); // as a click does first
  const videoBefore = (await video.boundingBox())!;
  const nextBefore = (await next.boundingBox())!;
  await page.mouse.move(nextBefore.x + nextBefore.width / 2, nextBefore.y + nextBefore.height / 2);
  await page.mouse.down();
  arrive();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => (v.readyState >= 1 ? `${v.videoWidth}x${v.videoHeight}` : null))).toBe("320x240");
  // Laid out with the video's metadata (two frames), Next is where it was pressed.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await video.boundingBox()).toEqual(videoBefore);
  expect(await next.boundingBox()).toEqual(nextBefore);
  await page.mouse.up();
  await expect.poll(h1).toBe("The alarm");
  return videoBefore;
}

describe("a video whose metadata arrives late", { timeout: 120_000 }, () => {
  it("keeps the size the build read: a press on Next held across its arrival goes to the next page", async (test) => {
    const box = await pressAcrossArrival(test);
    test.expect(box).toMatchObject({ width: 320, height: 240 });
  });

  it("with no size read, keeps a 16:9 box: the press goes to the next page too", async (test) => {
    await editBuiltVideo((media) => {
      delete media.width;
      delete media.height;
    });
    const box = await pressAcrossArrival(test);
    test.expect(Math.abs(box.height - (box.width * 9) / 16)).toBeLessThan(1);
    test.expect(box.width).toBeGreaterThan(320);
  });
});

describe("the size the build reads", { timeout: 120_000 }, () => {
  it("is the size Chromium shows the video at (videoWidth × videoHeight), for MP4, QuickTime turned a quarter, WebM and WebM with wide pixels", async (test) => {
    const files = ["clip-320x240.mp4", "moov-at-end-320x240.mp4", "turned-240x320.mov", "clip-320x240.webm", "wide-pixels.webm"];
    const fixtures = await startStaticServer({ root: join(REPO_ROOT, "test", "fixtures", "video") });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent("<!doctype html><title>Videos</title>");
      const shown: Record<string, string> = {};
      const read: Record<string, string> = {};
      for (const file of files) {
        shown[file] = await page.evaluate(
          (src) =>
            new Promise<string>((resolve) => {
              const video = document.createElement("video");
              video.preload = "metadata";
              video.onloadedmetadata = () => resolve(`${video.videoWidth}x${video.videoHeight}`);
              video.onerror = () => resolve(`error ${video.error?.code}`);
              video.src = src;
              document.body.append(video);
            }),
          `${fixtures.url}/${file}`,
        );
        const size = readVideoSize(join(REPO_ROOT, "test", "fixtures", "video", file));
        read[file] = size === null ? "none" : `${size.width}x${size.height}`;
      }
      test.expect(read).toEqual(shown);
      test.expect(Object.values(shown)).toEqual(["320x240", "320x240", "240x320", "320x240", "427x240"]);
    } finally {
      await context.close();
      await fixtures.close();
    }
  });
});
