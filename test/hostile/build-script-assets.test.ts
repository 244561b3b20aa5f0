// Hostile input: an SVG or HTML asset that carries script. Packaged as is, it would run in the LMS's
// content origin (beside the LMS API) when a learner opens it. Before: packaged silently. Now: a
// warning naming the file and how to fix it; the build still succeeds.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SCAN_CHUNK_BYTES } from "../../authoring/course/script-assets";
import { cleanUp, courseJson, namesIn, runCli, tempFolder, writeCourse } from "./build-support";

afterAll(cleanUp);

const CLEAN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';

describe("build: SVG and HTML assets with script", () => {
  for (const [label, name, content, what] of [
    [
      "an SVG with <script>",
      "assets/map.svg",
      '<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT>parent.API.LMSSetValue("cmi.core.lesson_status","passed")</SCRIPT></svg>',
      "<script>",
    ],
    [
      "an SVG with an onload= handler",
      "assets/logo.svg",
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
      "onload=",
    ],
    [
      "an SVG with a javascript: link",
      "assets/plan.svg",
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href=" JavaScript:alert(1)"><text>x</text></a></svg>',
      "javascript:",
    ],
    ["an HTML handout with an onclick= handler", "assets/handout.html", '<!doctype html><p><button onclick="steal()">Go</button></p>', "onclick="],
  ] as const) {
    it(`${label} → a warning naming ${name}, exit 0`, async () => {
      const parent = await tempFolder();
      const markdown = name.endsWith(".svg") ? `![Picture](${name})` : `[Handout](${name})`;
      const dir = await writeCourse(parent, {
        "course.json": courseJson({ pages: [{ id: "p", title: "P", body: { markdown } }] }),
        [name]: content,
      });
      const r = await runCli(parent, "build", dir, "--target", "scorm12", "--out", "out");
      expect(r.code, r.err).toBe(0);
      expect(r.err).toContain(`warning: ${name}: contains script (${what}`);
      expect(r.err).toMatch(/LMS/);
      expect(r.err).toMatch(/remove/i);
      expect(await namesIn(join(parent, "out"))).toEqual(["hostile-input-scorm12.zip"]);
    });
  }

  it("a script split across the scanner's read chunks is still found (a large SVG)", async () => {
    const parent = await tempFolder();
    const head = '<svg xmlns="http://www.w3.org/2000/svg"><!-- ';
    const padding = "x".repeat(3 * SCAN_CHUNK_BYTES - 3 - head.length - " -->".length);
    const svg = `${head}${padding} --><script>x()</script></svg>`;
    expect(svg.indexOf("<script")).toBe(3 * SCAN_CHUNK_BYTES - 3); // "<script" straddles the third chunk boundary
    const dir = await writeCourse(parent, {
      "course.json": courseJson({ pages: [{ id: "p", title: "P", body: { markdown: "![Big](assets/big.svg)" } }] }),
      "assets/big.svg": svg,
    });
    const r = await runCli(parent, "build", dir, "--target", "cmi5", "--out", "out");
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("warning: assets/big.svg: contains script (<script>");
  });

  it("an SVG without script gives no such warning", async () => {
    const parent = await tempFolder();
    const dir = await writeCourse(parent, {
      "course.json": courseJson({
        pages: [{ id: "p", title: "P", body: { markdown: "![Square](assets/square.svg)\n\nSee the function onion = 1 and javascript: a language." } }],
      }),
      "assets/square.svg": CLEAN_SVG,
    });
    const r = await runCli(parent, "build", dir, "--target", "cmi5", "--out", "out");
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/contains script/);
  });
});
