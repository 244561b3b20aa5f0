// API discovery in real Chromium: the SCO (origin A) sits in a frame of origin B (cross-origin:
// reading its properties throws), inside the LMS page (origin A) that holds scorm-again's
// API_1484_11. The SCO must climb past B, find the API, and run a session with it.
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FULL_CHROMIUM_OPTIONS } from "../support/chromium-options";

const ROOT = new URL("../../", import.meta.url).pathname;

const SCO_ENTRY = `
import { detectLaunch } from "./runtime/lms/detect";
import { createScorm2004DriverForWindow } from "./runtime/lms/scorm2004/driver";
const reporting = { cmi5: { moveOn: "CompletedAndPassed", launchMethod: "AnyWindow" }, masteryScore: null, scorm12: { statusMode: "passed-incomplete" }, interactions: true };
(async () => {
  try {
    const detection = detectLaunch(window);
    const result = { standard: detection.standard };
    if (detection.standard === "scorm2004") {
      const driver = createScorm2004DriverForWindow(detection.api, reporting, window);
      const facts = await driver.start();
      driver.reportOutcome({ progress: 1, completed: true, status: "passed", score: 92, final: true, hasAssessment: true });
      await driver.exit();
      Object.assign(result, { mode: facts.launchMode, state: driver.status().state });
    }
    window.result = result;
  } catch (error) {
    window.result = { error: String(error) };
  }
})();
`;

let browser: Browser;
const servers: Server[] = [];
let originA = "";
let originB = "";
let scoScript = "";

function serve(pages: Record<string, () => string>): Promise<string> {
  const server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path === "/scorm2004.js") {
      res.writeHead(200, { "content-type": "text/javascript" });
      res.end(await readFile(`${ROOT}node_modules/scorm-again/dist/scorm2004.js`));
      return;
    }
    const page = pages[path];
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": path.endsWith(".js") ? "text/javascript" : "text/html" });
    res.end(page());
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

const html = (body: string) => `<!doctype html><meta charset="utf-8"><body>${body}</body>`;

beforeAll(async () => {
  const bundle = await build({ stdin: { contents: SCO_ENTRY, resolveDir: ROOT, loader: "ts" }, bundle: true, format: "iife", write: false, target: "es2020" });
  scoScript = bundle.outputFiles[0]!.text;
  const pages = {
    "/lms.html": () =>
      html(
        `<script src="/scorm2004.js"></script><script>window.lms = new Scorm2004API({ logLevel: 5 }); window.API_1484_11 = window.lms;</script><iframe src="${originB}/middle.html"></iframe>`,
      ),
    "/bare.html": () => html(`<iframe src="${originB}/middle.html"></iframe>`),
    "/middle.html": () => html(`<iframe src="${originA}/sco.html"></iframe>`),
    "/sco.html": () => html(`<script src="/sco.js"></script>`),
    "/sco.js": () => scoScript,
  };
  originA = await serve(pages);
  originB = await serve(pages);
  // The full browser, with every site in a process of its own: the frames are truly cross-process.
  browser = await chromium.launch({ ...FULL_CHROMIUM_OPTIONS, args: [...FULL_CHROMIUM_OPTIONS.args!, "--site-per-process"] });
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.close();
});

async function scoResult(url: string): Promise<{ result: Record<string, unknown>; lms: Record<string, unknown> | null }> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    const sco = await (async () => {
      for (let i = 0; i < 100; i++) {
        const frame = page.frames().find((f) => f.url().endsWith("/sco.html"));
        if (frame) return frame;
        await page.waitForTimeout(50);
      }
      throw new Error("SCO frame never loaded");
    })();
    await sco.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined);
    const result = (await sco.evaluate(() => (window as unknown as { result: Record<string, unknown> }).result)) as Record<string, unknown>;
    const lms = await page.evaluate(() => {
      const w = window as unknown as { lms?: { renderCommitCMI(t: boolean): { cmi: Record<string, unknown> } } };
      return w.lms ? w.lms.renderCommitCMI(true).cmi : null;
    });
    return { result, lms };
  } finally {
    await page.close();
  }
}

describe("API discovery in Chromium across origins", () => {
  it("climbs past a cross-origin frame to the LMS's API_1484_11 and reports through it", async () => {
    const { result, lms } = await scoResult(`${originA}/lms.html`);
    expect(result).toEqual({ standard: "scorm2004", mode: "normal", state: "ended" });
    expect(lms).toMatchObject({ success_status: "passed", completion_status: "completed", exit: "normal" });
    expect((lms!.score as Record<string, string>).scaled).toBe("0.92");
  });

  it("no API anywhere behind a cross-origin frame → standalone, nothing thrown", async () => {
    const { result } = await scoResult(`${originB}/bare.html`);
    expect(result).toEqual({ standard: "standalone" });
  });
});
