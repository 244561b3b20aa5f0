// Markdown is rendered and sanitised for a package under a strict CSP; images and linked files become
// package assets; RichText.text is plain text; the output is deterministic.
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import { makeCourse, removeCourses } from "./course-fixtures";

afterAll(removeCourses);

async function renderPage(markdown: string, extraFiles: Record<string, string> = {}) {
  const dir = makeCourse({
    "course.json": { id: "https://example.com/c", title: "T", pages: [{ id: "p", title: "P", body: "pages/p.md" }] },
    "pages/p.md": markdown,
    ...extraFiles,
  });
  const loaded = await loadCourse(dir);
  return { body: loaded.data.pages[0]!.body, warnings: loaded.warnings, assets: loaded.assets };
}

describe("Markdown sanitising", () => {
  it("removes scripts, event handlers, style attributes and javascript: URLs, and says so", async () => {
    const { body, warnings } = await renderPage(
      [
        "# Title",
        "",
        "<script>alert('x')</script>",
        '<img src="../assets/a.png" alt="A" onerror="alert(1)" style="width:10px">',
        "[click](javascript:alert(1))",
        '<a href="JavaScript:alert(2)" onclick="steal()">two</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<p style="color:red" class="x">styled</p>',
      ].join("\n\n"),
      { "assets/a.png": "png" },
    );
    for (const bad of ["<script", "alert", "onerror", "onclick", "style=", "javascript:", "JavaScript:", "<iframe", "class="]) {
      expect(body.html).not.toContain(bad);
    }
    expect(body.html).toContain('<img src="assets/a.png" alt="A" />');
    expect(body.html).toContain("styled");
    const messages = warnings.map((w) => `${w.file}: ${w.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "pages/p.md: removed <script>: it is not allowed in course content",
        "pages/p.md: removed the onerror attribute of <img>: scripts are not allowed in course content",
        "pages/p.md: removed the style attribute of <img>: inline styles are not allowed in course content",
        "pages/p.md: removed <iframe>: it is not allowed in course content",
      ]),
    );
    expect(messages.some((m) => m.includes("javascript: URLs are not allowed"))).toBe(true);
  });

  it("makes images and linked files package assets relative to the Markdown file, URL-encoded", async () => {
    const { body, assets } = await renderPage("![A map](<img/my map.png>) ![Same map](img/my%20map.png)\n\n[Handout](../docs/handout.pdf#page=2)\n", {
      "pages/img/my map.png": "png",
      "docs/handout.pdf": "pdf",
    });
    expect(body.html).toContain('<img src="assets/pages/img/my%20map.png" alt="A map" />');
    expect(body.html).toContain('<img src="assets/pages/img/my%20map.png" alt="Same map" />');
    expect(body.html).toContain('<a href="assets/docs/handout.pdf#page=2" target="_blank" rel="noopener">Handout</a>');
    expect(assets.map((a) => a.zipPath)).toEqual(["assets/docs/handout.pdf", "assets/pages/img/my map.png"]);
  });

  it("opens web links in a new window so the LMS frame never leaves the course; keeps anchors and mailto", async () => {
    const { body, warnings } = await renderPage("[web](https://example.com/x) [mail](mailto:a@example.com) [here](#top) [bare](//example.com)");
    expect(body.html).toContain('<a href="https://example.com/x" target="_blank" rel="noopener noreferrer">web</a>');
    expect(body.html).toContain('<a href="mailto:a@example.com">mail</a>');
    expect(body.html).toContain('<a href="#top">here</a>');
    expect(body.html).toContain("<a>bare</a>");
    expect(warnings.map((w) => w.message)).toEqual(['removed the href "//example.com" of <a>: write the scheme (https://…) in full']);
  });

  it("warns about images without alt text", async () => {
    const { warnings } = await renderPage("![](a.png)", { "pages/a.png": "png" });
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^image "a\.png" has no alt text/)]);
  });

  it("gives plain text with entities decoded and blocks separated", async () => {
    const { body } = await renderPage('# Fish & chips\n\nA <b>bold</b> claim: 1 < 2 and "quotes".\n\n- one\n- two\n');
    expect(body.text).toBe('Fish & chips A bold claim: 1 < 2 and "quotes". one two');
    expect(body.html).toContain("<h1>Fish &amp; chips</h1>");
  });

  it("renders GFM tables and code with a language class, nothing else", async () => {
    const { body, warnings } = await renderPage("| a | b |\n|:-:|---|\n| 1 | 2 |\n\n```js\nlet x = 1;\n```\n");
    expect(body.html).toContain('<th align="center">a</th>');
    expect(body.html).toContain('<code class="language-js">');
    expect(warnings).toEqual([]);
  });

  it("is deterministic: same Markdown, same bytes", async () => {
    const markdown = "# T\n\n![A](a.png) *x* [w](https://example.com)\n";
    const first = await renderPage(markdown, { "pages/a.png": "png" });
    const second = await renderPage(markdown, { "pages/a.png": "png" });
    expect(JSON.stringify(second.body)).toBe(JSON.stringify(first.body));
  });
});
