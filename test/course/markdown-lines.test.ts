// Problems inside a Markdown file carry the line they are on (build prints "pages/a.md:7: …"); Markdown
// written inline in course.json keeps its JSON path instead.
import { afterAll, describe, expect, it } from "vitest";
import { describeCourseProblem } from "../../authoring/course/loaded-course";
import { loadCourse } from "../../authoring/course/load-course";
import { baseCourse, makeCourse, problemsOf, removeCourses } from "./course-fixtures";

afterAll(removeCourses);

const PAGE = [
  "# Safety", // 1
  "", // 2
  "Read this first.", // 3
  "", // 4
  "![The exit](img/exit.svg)", // 5
  "", // 6
  "<script>alert(1)</script>", // 7
  "", // 8
  "Your mark: {pasingScore}", // 9
  "", // 10
  '<b onclick="go()">Go</b> and ![](img/map.png)', // 11
  "", // 12
  "[The guide](docs/guide.pdf)", // 13
].join("\n");

const course = (): Record<string, unknown> => ({ ...baseCourse(), pages: [{ id: "p1", title: "Page 1", body: "pages/safety.md" }] });

describe("a Markdown file", () => {
  it("each problem on its line, errors and warnings alike", async () => {
    const dir = makeCourse({
      "course.json": course(),
      "pages/safety.md": PAGE,
      "pages/img/exit.png": "x",
      "pages/img/map.png": "x",
      "pages/docs/guide.pdf": "x",
    });
    const problems = await problemsOf(dir);
    const at = (pattern: RegExp): number | undefined => problems.find((p) => pattern.test(p.message))?.line;
    expect(problems.every((p) => p.file === "pages/safety.md" && p.path === "")).toBe(true);
    expect(at(/^image not found: .*"pages\/img\/exit\.svg".*\(did you mean "pages\/img\/exit\.png"\?\)$/)).toBe(5);
    expect(at(/^removed <script>/)).toBe(7);
    expect(at(/^unknown placeholder \{pasingScore\}/)).toBe(9);
    expect(at(/^removed the onclick attribute of <b>/)).toBe(11);
    expect(at(/^image "img\/map\.png" has no alt text/)).toBe(11);
    expect(problems).toHaveLength(5);
    expect(describeCourseProblem(problems.find((p) => p.line === 9)!)).toMatch(/^pages\/safety\.md:9: unknown placeholder/);
  });

  it("a missing linked file, on its line", async () => {
    const dir = makeCourse({ "course.json": course(), "pages/safety.md": "# Safety\n\nSee\n[the guide](docs/guide.pdf).\n" });
    const [problem] = await problemsOf(dir);
    expect(problem).toMatchObject({ file: "pages/safety.md", line: 4, severity: "error" });
    expect(problem!.message).toMatch(/^linked file not found: /);
  });

  it("warnings of a course that builds carry their line too", async () => {
    const dir = makeCourse({ "course.json": course(), "pages/safety.md": "# Safety\n\n\n![](exit.png)\n", "pages/exit.png": "x" });
    const loaded = await loadCourse(dir);
    expect(loaded.warnings.map((p) => [p.file, p.line])).toEqual([["pages/safety.md", 4]]);
  });
});

describe("Markdown inline in course.json", () => {
  it("keeps the JSON path and has no line", async () => {
    const dir = makeCourse({ "course.json": { ...baseCourse(), pages: [{ id: "p1", title: "Page 1", body: { markdown: "Hi\n\n![x](gone.png)" } }] } });
    const [problem] = await problemsOf(dir);
    expect(problem).toMatchObject({ file: "course.json", path: "/pages/0/body/markdown" });
    expect(problem!.line).toBeUndefined();
  });
});
