// Hostile input: Markdown nested thousands deep (3,000 block quotes, lists, emphasis; 200 lines deep). Before: marked
// recursed until the stack overflowed, exit 70 with a stack trace (and deeply indented lists took
// time and memory growing with the square of the depth). Now: Markdown deeper than the documented
// limit (docs/course-format.md) is an error naming the file and field, found before marked runs.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, courseJson, namesIn, runCli, tempFolder, writeCourse } from "./build-support";

afterAll(cleanUp);

const N = 3000;
// Nesting opened one line at a time costs marked time and memory growing with the square of the
// depth (3,000 lines: minutes and gigabytes); 200 lines are far past the limit and quick either way.
const LINES = 200;

describe("build: Markdown nested 3,000 deep", () => {
  it("3,000 nested block quotes in a page file → exit 1 naming pages/deep.md", async () => {
    const parent = await tempFolder();
    const dir = await writeCourse(parent, {
      "course.json": courseJson({ pages: [{ id: "deep", title: "Deep", body: "pages/deep.md" }] }),
      "pages/deep.md": "# Quotes\n\n" + "> ".repeat(N) + "deep\n",
    });
    const r = await runCli(parent, "build", dir, "--out", "out");
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(/pages\/deep\.md: line 3: block quotes and lists nested 3000 deep, more than 32/);
    expect(r.err).not.toMatch(/internal error|Maximum call stack/);
    expect(await namesIn(join(parent, "out"))).toEqual([]);
  });

  it("200 block quotes opened one per line → exit 1", async () => {
    const parent = await tempFolder();
    const lines = Array.from({ length: LINES }, (_, i) => ">".repeat(i + 1) + " q");
    const dir = await writeCourse(parent, {
      "course.json": courseJson({ pages: [{ id: "deep", title: "Deep", body: "pages/deep.md" }] }),
      "pages/deep.md": lines.join("\n") + "\n",
    });
    const r = await runCli(parent, "build", dir, "--out", "out");
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(/pages\/deep\.md: line 33: block quotes and lists nested 33 deep, more than 32/);
  });

  it("200 nested lists (indented) in inline Markdown → exit 1 naming course.json /pages/0/body/markdown", async () => {
    const parent = await tempFolder();
    const markdown = Array.from({ length: LINES }, (_, i) => " ".repeat(2 * i) + "- item").join("\n");
    const dir = await writeCourse(parent, { "course.json": courseJson({ pages: [{ id: "p", title: "P", body: { markdown } }] }) });
    const r = await runCli(parent, "build", dir, "--out", "out");
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(/course\.json \/pages\/0\/body\/markdown: line 33: block quotes and lists nested 33 deep, more than 32/);
  });

  it('3,000 list markers on one line ("- - 1. > - …") → exit 1', async () => {
    const parent = await tempFolder();
    const dir = await writeCourse(parent, {
      "course.json": courseJson({ pages: [{ id: "p", title: "P", body: { markdown: "* 1. > ".repeat(N / 3) + "x" } }] }),
    });
    const r = await runCli(parent, "build", dir, "--out", "out");
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(/course\.json \/pages\/0\/body\/markdown: line 1: block quotes and lists nested 3000 deep, more than 32/);
  });

  it("3,000 nested emphasis marks in a question prompt → exit 1 naming the prompt", async () => {
    const parent = await tempFolder();
    const prompt = "*a ".repeat(N) + "x" + "*".repeat(N);
    const dir = await writeCourse(parent, {
      "course.json": courseJson({ assessment: { questions: [{ id: "q", type: "true-false", prompt, answer: true }] } }),
    });
    const r = await runCli(parent, "build", dir, "--out", "out");
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(/course\.json \/assessment\/questions\/0\/prompt: line 1: emphasis nested more than 32 deep/);
    expect(r.err).not.toMatch(/internal error|Maximum call stack/);
  });

  it("nesting up to the limit still builds (32 block quotes, 10 levels of lists, emphasis in code)", async () => {
    const parent = await tempFolder();
    const lists = Array.from({ length: 10 }, (_, i) => " ".repeat(2 * i) + "- level " + String(i + 1)).join("\n");
    const code = "```\n" + "*a ".repeat(100) + "\n" + " ".repeat(200) + "indented code\n```";
    const dir = await writeCourse(parent, {
      "course.json": courseJson({
        pages: [{ id: "p", title: "P", body: { markdown: `${"> ".repeat(32)}quote\n\n${lists}\n\n${code}\n\n\`${"*a ".repeat(100)}\`` } }],
      }),
    });
    const r = await runCli(parent, "build", dir, "--target", "cmi5", "--out", "out");
    expect(r.code, r.err).toBe(0);
    expect(await namesIn(join(parent, "out"))).toEqual(["hostile-input-cmi5.zip"]);
  });
});
