// An image that arrives late moves nothing (its width and height are written at build time,
// authoring/course/image-size.ts): on the starter's "Fire extinguishers" page, in Chromium, the
// drawing's space is kept while it loads, and a press on Next held across its arrival still goes to
// the next page. Without the size, Next moved 183 px down when the drawing arrived, and that press
// was lost: the learner stayed on the page (and a journey clicking Next four times ended a page short).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { buildPackageFolder, type PackageFolder } from "../support/package-fixture";
import { startStaticServer, type StaticServer } from "../support/static-server";
import { launchChromium, openForTest } from "./browser";

let browser: Browser;
let pkg: PackageFolder;
let server: StaticServer;

beforeAll(async () => {
  [pkg, browser] = await Promise.all([buildPackageFolder(), launchChromium()]);
  server = await startStaticServer({ root: pkg.dir });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pkg?.remove();
});

describe("an image that arrives late", { timeout: 120_000 }, () => {
  it("keeps its space while it loads: a press on Next held across its arrival goes to the next page", async (test) => {
    const { expect } = test;
    const { page, context } = await openForTest(test, browser, `${server.url}/index.html`, { checkProblems: true });
    let arrive!: () => void;
    const held = new Promise<void>((resolve) => (arrive = resolve));
    await context.route(/\/assets\/extinguisher\.svg$/, async (route) => {
      await held;
      await route.continue();
    });
    const h1 = () => page.locator("h1").first().textContent();
    const next = page.getByRole("button", { name: "Next", exact: true });
    const image = page.locator("#pm-content img").first();
    await expect.poll(h1).toBe("Welcome");
    await next.click();
    await expect.poll(h1).toBe("The alarm");
    await next.click();
    await expect.poll(h1).toBe("Fire extinguishers");

    expect(await image.evaluate((img: HTMLImageElement) => img.complete)).toBe(false); // still held
    await next.scrollIntoViewIfNeeded(); // as a click does first
    const imageBefore = await image.boundingBox();
    const nextBefore = (await next.boundingBox())!;
    expect(imageBefore).toMatchObject({ width: 120, height: 200 });
    await page.mouse.move(nextBefore.x + nextBefore.width / 2, nextBefore.y + nextBefore.height / 2);
    await page.mouse.down();
    arrive();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
    // Laid out with the image in it (two frames), Next is where it was pressed.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await next.boundingBox()).toEqual(nextBefore);
    expect(await image.boundingBox()).toEqual(imageBefore);
    await page.mouse.up();
    await expect.poll(h1).toBe("Leaving the building");
  });
});
