// {passingScore} in author Markdown: it survives rendering and sanitising wherever author text is
// shown, code is left alone, unknown names are build errors with the file and path, and the runtime
// fills it as text only.
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import { fillPlaceholders } from "../../runtime/course/placeholders";
import { baseAssessment, baseCourse, makeCourse, problemsOf, removeCourses } from "./course-fixtures";

afterAll(removeCourses);

type Json = Record<string, any>;

function course(page: string, edit: (c: Json) => void = () => undefined): string {
  const c: Json = { ...baseCourse(), pages: [{ id: "p", title: "P", body: "pages/p.md" }], assessment: baseAssessment() };
  edit(c);
  return makeCourse({ "course.json": c, "pages/p.md": page, "assets/a.png": "png" });
}

describe("{passingScore} at build time", () => {
  it("survives in page bodies, the intro, prompts, feedback and score actions, in text and in alt text", async () => {
    const dir = course("You need **{passingScore}** to pass.\n\n![Target: {passingScore}](../assets/a.png)", (c) => {
      c.assessment.intro = "Pass mark: {passingScore}";
      c.assessment.questions[0].prompt = "Is {passingScore} the pass mark?";
      c.assessment.questions[0].feedback = { incorrect: "It is {passingScore}." };
      c.assessment.feedbackTiming = "after-attempt"; // shown to someone: no "feedback nobody sees" warning
      c.assessment.scoreActions = [{ when: "failed", message: "You need {passingScore}." }, { message: "Done" }];
    });
    const { data, warnings } = await loadCourse(dir);
    expect(warnings).toEqual([]);
    expect(data.pages[0]!.body.html).toBe(
      '<p>You need <strong>{passingScore}</strong> to pass.</p>\n<p><img src="assets/a.png" alt="Target: {passingScore}" /></p>',
    );
    expect(data.pages[0]!.body.text).toBe("You need {passingScore} to pass.");
    const a = data.assessment!;
    expect(a.intro!.html).toBe("<p>Pass mark: {passingScore}</p>");
    const q = a.items[0]!;
    expect(q.kind === "question" && [q.prompt.html, q.feedback.incorrect!.html]).toEqual([
      "<p>Is {passingScore} the pass mark?</p>",
      "<p>It is {passingScore}.</p>",
    ]);
    expect(a.scoreActions[0]!.message.html).toBe("<p>You need {passingScore}.</p>");
  });

  it("code is shown as written: braces in code are never placeholders, known or not", async () => {
    const dir = course("Write `{passingScore}` or `{name}`:\n\n```js\nconst o = {value};\n```\n\nSpaced { x } and sets {a, b} are text.");
    const { data, warnings } = await loadCourse(dir);
    expect(warnings).toEqual([]);
    const { html, text } = data.pages[0]!.body;
    expect(html).toContain("<code>&#123;passingScore}</code> or <code>&#123;name}</code>");
    expect(html).toContain('<code class="language-js">const o = &#123;value};');
    expect(text).toBe("Write {passingScore} or {name}: const o = {value}; Spaced { x } and sets {a, b} are text.");
    expect(fillPlaceholders(html, { passingScore: "90%" })).toBe(html); // nothing to fill outside code
  });

  it("an unknown placeholder is an error naming the file and path, with the nearest known name", async () => {
    const dir = course("You need {passingscore} to pass, {learnerName}.", (c) => {
      c.assessment.intro = "Bar: {PassingScore}";
      c.assessment.scoreActions = [{ message: "Score {score}" }];
    });
    const errors = (await problemsOf(dir)).filter((p) => p.severity === "error").map((p) => `${p.file} ${p.path}: ${p.message}`);
    const advice = "expected {passingScore}. To show braces as written, put them in code (`{x}`) or add spaces ({ x })";
    expect(errors).toEqual([
      `pages/p.md : unknown placeholder {passingscore} (did you mean {passingScore}?): ${advice}`,
      `pages/p.md : unknown placeholder {learnerName}: ${advice}`,
      `course.json /assessment/intro: unknown placeholder {PassingScore} (did you mean {passingScore}?): ${advice}`,
      `course.json /assessment/scoreActions/0/message: unknown placeholder {score}: ${advice}`,
    ]);
  });

  it("{passingScore} in a course without an assessment is an error", async () => {
    const dir = course("You need {passingScore}.", (c) => delete c.assessment);
    const errors = (await problemsOf(dir)).filter((p) => p.severity === "error").map((p) => `${p.file} ${p.path}: ${p.message}`);
    expect(errors).toEqual(["pages/p.md : {passingScore} needs an assessment: this course has none, so there is no passing score to show"]);
  });
});

describe("fillPlaceholders at runtime", () => {
  it("fills text and attributes with escaped text, never markup; leaves unknown names alone", () => {
    const html = '<p>Need <strong>{passingScore}</strong> {other}</p><img src="a.png" alt="Bar {passingScore}" />';
    expect(fillPlaceholders(html, { passingScore: "87,5\u00a0%" })).toBe(
      '<p>Need <strong>87,5\u00a0%</strong> {other}</p><img src="a.png" alt="Bar 87,5\u00a0%" />',
    );
    expect(fillPlaceholders(html, { passingScore: '<img src=x onerror="alert(1)">&' })).toBe(
      '<p>Need <strong>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;</strong> {other}</p><img src="a.png" alt="Bar &lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;" />',
    );
    expect(fillPlaceholders("<p>no braces</p>", { passingScore: "90%" })).toBe("<p>no braces</p>");
  });
});
