// Markdown in choices, ordering items and matching sources as the learner sees it: emphasis, code
// and images (with their alt text, loaded under the package's CSP), nothing executable; ordering rows
// aligned at 320 px (bounding boxes); the Up/Down buttons' names contain their visible word (WCAG 2.5.3).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackageFolder, REPO_ROOT, type PackageFolder } from "../support/package-fixture";
import { startStaticServer, type StaticServer } from "../support/static-server";
import { expectNoAxeViolations, launchChromium, openLearnerPage, type LearnerPage } from "./browser";

let browser: Browser;
let pkg: PackageFolder;
let server: StaticServer;

beforeAll(async () => {
  pkg = await buildPackageFolder({ courseDir: `${REPO_ROOT}test/fixtures/questions-showcase` });
  server = await startStaticServer({ root: pkg.dir }); // with the strict CSP
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pkg?.remove();
});

async function attempt(width?: number): Promise<LearnerPage> {
  const learner = await openLearnerPage(browser, `${server.url}/index.html`, { width });
  await learner.page.getByRole("button", { name: "Start attempt 1" }).click();
  await learner.page.locator("#pm-q-ext").waitFor();
  return learner;
}

const labelHtml = (page: Page, forId: string) => page.locator(`label[for=${forId}]`).innerHTML();

describe("Markdown in choices and items", () => {
  it("renders emphasis, code and images with alt text; nothing executable; axe-clean", async () => {
    const learner = await attempt();
    const { page } = learner;
    expect(await labelHtml(page, "pm-q-ext-a")).toBe('<span class="pm-inline"><em>Water</em> (<code>H2O</code>)</span>');
    const image = page.locator("label[for=pm-q-ext-b] img");
    expect(await image.getAttribute("alt")).toBe("A black CO2 extinguisher");
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0); // loaded under the CSP
    // The label (the radio's name) reads the image's alt text with the words.
    expect(await page.getByRole("radio", { name: "A black CO2 extinguisher Carbon dioxide", exact: true }).count()).toBe(1);
    expect(await labelHtml(page, "pm-q-first-a")).toBe('<span class="pm-inline">Raise the <strong>alarm</strong></span>');
    expect(await page.locator("label[for=pm-q-signs-a] img").getAttribute("alt")).toBe("A green sign with a running figure");
    expect(await page.locator("#pm-q-signs-a option").allInnerTexts()).toEqual(expect.arrayContaining(["Fire exit", "Fire equipment"]));
    expect(await page.locator("#pm-q-order .pm-item strong").allInnerTexts()).toEqual(["Raise"]);
    expect(await page.locator("fieldset script, fieldset [onerror], fieldset [style]").count()).toBe(0);
    await expectNoAxeViolations(page, "questions with Markdown");
    expect(learner.problems).toEqual([]);
    await learner.close();
  });
});

/** The ::marker boxes (viewport px) of the elements matching `selector`, in document order. */
async function markerBoxes(page: Page, selector: string): Promise<{ top: number; bottom: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector });
    const wanted = new Set(nodeIds);
    type DomNode = { nodeId: number; children?: DomNode[]; pseudoElements?: (DomNode & { pseudoType?: string })[] };
    const markers: number[] = [];
    const walk = (node: DomNode): void => {
      const marker = wanted.has(node.nodeId) ? node.pseudoElements?.find((p) => p.pseudoType === "marker") : undefined;
      if (marker) markers.push(marker.nodeId);
      node.children?.forEach(walk);
    };
    walk(root as DomNode);
    const boxes = [];
    for (const nodeId of markers) {
      const { model } = await cdp.send("DOM.getBoxModel", { nodeId });
      const ys = model.border.filter((_, k) => k % 2 === 1);
      boxes.push({ top: Math.min(...ys), bottom: Math.max(...ys) });
    }
    return boxes;
  } finally {
    await cdp.detach();
  }
}

describe("ordering", () => {
  it("at 320 px: every row's number sits by its first line and the Up/Down buttons line up", async () => {
    const learner = await attempt(320);
    const { page } = learner;
    const rows = await page.locator("#pm-q-order li").evaluateAll((lis) =>
      lis.map((li) => {
        const box = (el: Element | null) => el!.getBoundingClientRect();
        const item = li.querySelector(".pm-item")!;
        const [up, down] = [...li.querySelectorAll("button")];
        // The first character of the item's text: its line is the item's first line.
        const first = document.createTreeWalker(item, NodeFilter.SHOW_TEXT).nextNode()!;
        const range = document.createRange();
        range.setStart(first, 0);
        range.setEnd(first, 1);
        return {
          display: getComputedStyle(li).display,
          firstLineTop: range.getBoundingClientRect().top,
          firstLineBottom: range.getBoundingClientRect().bottom,
          itemLines: Math.round(box(item).height / parseFloat(getComputedStyle(item).lineHeight || "24")),
          up: { left: box(up!).left, right: box(up!).right, top: box(up!).top },
          down: { left: box(down!).left, right: box(down!).right, top: box(down!).top },
          itemBottom: box(item).bottom,
        };
      }),
    );
    // Where Chromium put each row's number: the li's ::marker box, from the DevTools protocol.
    const markers = await markerBoxes(page, "#pm-q-order li");
    expect(markers).toHaveLength(3);
    expect(rows).toHaveLength(3);
    expect(rows.some((r) => r.itemLines > 1)).toBe(true); // the long items wrap at 320 px: the case that was misaligned
    for (const [i, row] of rows.entries()) {
      expect(row.display).toBe("list-item"); // the number is the list's own marker
      // The number is beside the item's first line, not its last: its middle lies within that line.
      const middle = (markers[i]!.top + markers[i]!.bottom) / 2;
      expect(middle).toBeGreaterThanOrEqual(row.firstLineTop);
      expect(middle).toBeLessThanOrEqual(row.firstLineBottom);
      expect(Math.abs(row.up.top - row.down.top)).toBeLessThanOrEqual(1);
    }
    // Every row's ↑ at the same x, every row's ↓ at the same x.
    for (const key of ["up", "down"] as const) {
      const lefts = rows.map((r) => r[key].left);
      expect(Math.max(...lefts) - Math.min(...lefts)).toBeLessThanOrEqual(1);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, "ordering at 320 px");
    await learner.close();
  });

  it("each Up/Down button's accessible name contains its visible label; the arrow glyph is decoration", async () => {
    const learner = await attempt();
    const { page } = learner;
    const buttons = page.locator("#pm-q-order li button");
    const count = await buttons.count();
    expect(count).toBe(6);
    for (let i = 0; i < count; i++) {
      const button = buttons.nth(i);
      const visible = await button.evaluate((b) =>
        [...b.childNodes]
          .filter((n) => !(n instanceof Element && (n.classList.contains("pm-sr") || n.getAttribute("aria-hidden") === "true")))
          .map((n) => n.textContent)
          .join("")
          .trim(),
      );
      const item = await button.evaluate((b) => b.closest("li")!.querySelector(".pm-item")!.textContent);
      expect(visible).toBe(i % 2 === 0 ? "Up" : "Down");
      expect(await button.evaluate((b) => b.querySelector("[aria-hidden=true]")?.textContent)).toBe(i % 2 === 0 ? "↑" : "↓");
      // The computed accessible name (Playwright's) starts with the visible word, then names the item.
      const name = `${visible} “${item}”`;
      expect(await page.getByRole("button", { name, exact: true }).count()).toBe(1);
      expect(await button.getAttribute("aria-label")).toBeNull();
    }
    await learner.close();
  });
});
