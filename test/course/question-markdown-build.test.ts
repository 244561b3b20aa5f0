// Markdown in choices, ordering items and matching sources is rendered inline and sanitised at build
// time; per-choice feedback is built; an image in a question without alt text is a build error that
// names the file and the JSON path; feedbackTiming defaults to "review".
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import type { MatchingQuestion, OrderingQuestion, SingleChoiceQuestion, SurveyQuestion } from "../../runtime/course/types";
import { makeCourse, problemsOf, removeCourses } from "./course-fixtures";

afterAll(removeCourses);

function course(questions: unknown[], assessment: Record<string, unknown> = {}) {
  return makeCourse({
    "course.json": { id: "https://example.com/c", title: "T", assessment: { review: "always", ...assessment, questions } },
    "assets/red.png": "png",
  });
}

const single = (choices: unknown[]) => ({ id: "q1", type: "single-choice", prompt: "Which?", choices });

describe("inline Markdown in choices and items", () => {
  it("renders emphasis, code and an image with its alt text; keeps plain choices plain", async () => {
    const dir = course([
      single([
        { text: "The *red* one with `sudo`", correct: true },
        { text: "![A blue extinguisher](assets/red.png)" },
        { text: 'Plain & simple: it\'s "5 > 3"' },
      ]),
    ]);
    const loaded = await loadCourse(dir);
    const q = loaded.data.assessment!.items[0] as SingleChoiceQuestion;
    expect(q.choices[0]).toEqual({ id: "a", text: "The red one with sudo", html: "The <em>red</em> one with <code>sudo</code>" });
    expect(q.choices[1]!.html).toBe('<img src="assets/red.png" alt="A blue extinguisher" />');
    // The plain text (reports, announcements, review) of an image is its alt text.
    expect(q.choices[1]!.text).toBe("A blue extinguisher");
    // Text that needs no markup is kept as text alone (no html copy in course.json).
    expect(q.choices[2]).toEqual({ id: "c", text: 'Plain & simple: it\'s "5 > 3"' });
    expect(loaded.assets.map((a) => a.zipPath)).toContain("assets/red.png");
  });

  it("sanitises: no script, handler, style or link inside a label, and says so", async () => {
    const dir = course([
      single([
        { text: 'Yes <img src="assets/red.png" alt="r" onerror="alert(1)"> <script>alert(2)</script>', correct: true },
        { text: '[a link](https://example.com) and <b style="color:red">bold</b>' },
      ]),
    ]);
    const loaded = await loadCourse(dir);
    const q = loaded.data.assessment!.items[0] as SingleChoiceQuestion;
    const html = q.choices.map((c) => c.html ?? "").join(" ");
    for (const bad of ["<script", "alert", "onerror", "style=", "<a ", "href"]) expect(html).not.toContain(bad);
    expect(q.choices[1]!.html).toBe("a link and <b>bold</b>");
    const messages = loaded.warnings.map((w) => `${w.path}: ${w.message}`);
    expect(messages).toContain("/assessment/questions/0/choices/1/text: removed <a>: a choice or item allows only inline Markdown (emphasis, code, images)");
    expect(messages.some((m) => m.startsWith("/assessment/questions/0/choices/0/text: removed <script>"))).toBe(true);
  });

  it("renders ordering items and matching sources; a matching target stays text", async () => {
    const dir = course([
      { id: "o", type: "ordering", prompt: "Order", items: ["**Raise** the alarm", { id: "x", text: "Leave by the `exit`" }] },
      {
        id: "m",
        type: "matching",
        prompt: "Match",
        pairs: [
          { source: "![Red sign](assets/red.png)", target: "*Fire* exit" },
          { source: "Green sign", target: "First aid" },
        ],
      },
    ]);
    const items = (await loadCourse(dir)).data.assessment!.items;
    const ordering = items[0] as OrderingQuestion;
    expect(ordering.items).toEqual([
      { id: "a", text: "Raise the alarm", html: "<strong>Raise</strong> the alarm" },
      { id: "x", text: "Leave by the exit", html: "Leave by the <code>exit</code>" },
    ]);
    const matching = items[1] as MatchingQuestion;
    expect(matching.pairs[0]).toEqual({ id: "a", source: "Red sign", sourceHtml: '<img src="assets/red.png" alt="Red sign" />', target: "Fire exit" });
    expect(matching.pairs[1]).toEqual({ id: "b", source: "Green sign", target: "First aid" });
  });
});

describe("images in questions need alt text", () => {
  it("is a build error naming the file and the JSON path, for a choice, a prompt and a feedback", async () => {
    const dir = course([
      {
        id: "q1",
        type: "single-choice",
        prompt: "Which one? ![](assets/red.png)",
        choices: [
          { text: "![](assets/red.png)", correct: true },
          { text: "No", feedback: "See ![](assets/red.png)" },
        ],
      },
    ]);
    const errors = (await problemsOf(dir)).filter((p) => p.severity === "error").map((p) => `${p.file} ${p.path}: ${p.message}`);
    const message = 'image "assets/red.png" has no alt text: describe it for screen readers, e.g. ![A red fire extinguisher](assets/red.png)';
    expect(errors).toEqual([
      `course.json /assessment/questions/0/prompt: ${message}`,
      `course.json /assessment/questions/0/choices/0/text: ${message}`,
      `course.json /assessment/questions/0/choices/1/feedback: ${message}`,
      // The choice's plain text (its image's alt text) is then empty too: the engine's own check says so.
      "course.json /assessment/questions/0/choices/0/text: choice text must not be empty",
    ]);
  });

  it("stays a warning on a page (behaviour there unchanged)", async () => {
    const dir = makeCourse({
      "course.json": { id: "https://example.com/c", title: "T", pages: [{ id: "p", title: "P", body: { markdown: "![](assets/red.png)" } }] },
      "assets/red.png": "png",
    });
    const loaded = await loadCourse(dir);
    expect(loaded.warnings.map((w) => w.message)).toEqual([expect.stringContaining("has no alt text")]);
  });

  it("refuses an image in a matching target (a drop-down shows text only)", async () => {
    const dir = course([
      {
        id: "m",
        type: "matching",
        prompt: "Match",
        pairs: [
          { source: "Red", target: "![Fire](assets/red.png)" },
          { source: "Green", target: "Aid" },
        ],
      },
    ]);
    const errors = (await problemsOf(dir)).map((p) => `${p.path}: ${p.message}`);
    expect(errors).toEqual([expect.stringMatching(/^\/assessment\/questions\/0\/pairs\/0\/target: expected text: a target is offered in a drop-down list/)]);
  });
});

describe("per-choice feedback and feedbackTiming", () => {
  it("builds each choice's feedback as Markdown, for graded choices and survey choices", async () => {
    const dir = course([
      single([
        { text: "Water", feedback: "Never on *electrical* fires." },
        { text: "CO2", correct: true },
      ]),
      { id: "s", type: "survey", prompt: "How sure?", choices: [{ text: "Sure", feedback: "Good." }, "Unsure"] },
    ]);
    const loaded = await loadCourse(dir);
    const [q, s] = loaded.data.assessment!.items as [SingleChoiceQuestion, SurveyQuestion];
    expect(q.choices[0]!.feedback).toEqual({ html: "<p>Never on <em>electrical</em> fires.</p>", text: "Never on electrical fires." });
    expect(q.choices[1]!.feedback).toBeUndefined();
    expect(s.choices[0]!.feedback?.text).toBe("Good.");
    expect(loaded.data.assessment!.feedbackTiming).toBe("review");
  });

  it("keeps the timing the author chose and rejects an unknown one", async () => {
    const ok = await loadCourse(course([single([{ text: "A", correct: true }, { text: "B" }])], { feedbackTiming: "after-answer" }));
    expect(ok.data.assessment!.feedbackTiming).toBe("after-answer");
    const bad = await problemsOf(course([single([{ text: "A", correct: true }, { text: "B" }])], { feedbackTiming: "later" }));
    expect(bad.map((p) => p.path)).toEqual(["/assessment/feedbackTiming"]);
  });
});
