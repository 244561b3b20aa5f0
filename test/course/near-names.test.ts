// "Did you mean …?" in course errors: a file that is not there names the nearest name in its folder
// (or the nearest folder); a misspelt value of a fixed list names the nearest value.
import { afterAll, describe, expect, it } from "vitest";
import { baseAssessment, baseCourse, makeCourse, problemsOf, removeCourses } from "./course-fixtures";

afterAll(removeCourses);

const withBody = (body: unknown): Record<string, unknown> => ({ ...baseCourse(), pages: [{ id: "p1", title: "Page 1", body }] });

describe("missing files", () => {
  it("a Markdown file with another extension in the folder", async () => {
    const dir = makeCourse({ "course.json": withBody("pages/intro.md"), "pages/intro.markdown": "# Intro", "pages/other.md": "# Other" });
    expect(await problemsOf(dir)).toEqual([
      {
        file: "course.json",
        path: "/pages/0/body",
        severity: "error",
        message: 'Markdown file not found: expected the file "pages/intro.md" in the course folder, found no such file (did you mean "pages/intro.markdown"?)',
      },
    ]);
  });

  it("a misspelt folder: the path with the folder that exists", async () => {
    const dir = makeCourse({ "course.json": withBody("page/intro.md"), "pages/intro.md": "# Intro" });
    const [problem] = await problemsOf(dir);
    expect(problem!.message).toMatch(/found no such file \(did you mean "pages\/intro\.md"\?\)$/);
  });

  it("a media file named in course.json, one letter off", async () => {
    const media = [{ id: "m1", kind: "audio", src: "assets/alarm.wav", captions: "assets/alarm.vtt" }];
    const course = { ...baseCourse(), pages: [{ id: "p1", title: "Page 1", media }] };
    const dir = makeCourse({ "course.json": course, "assets/alarn.wav": "RIFF", "assets/alarm.vtt": "WEBVTT\n" });
    const problems = await problemsOf(dir);
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ["/pages/0/media/0/src", expect.stringMatching(/found no such file \(did you mean "assets\/alarn\.wav"\?\)$/)],
    ]);
  });

  it("nothing near: no suggestion, and hidden files are never suggested", async () => {
    const dir = makeCourse({ "course.json": withBody("pages/intro.md"), "pages/zzzzzzzz.txt": "x", "pages/.intro.md": "x" });
    const [problem] = await problemsOf(dir);
    expect(problem!.message).toBe('Markdown file not found: expected the file "pages/intro.md" in the course folder, found no such file');
  });
});

describe("values of a fixed list", () => {
  it('question type "true-or-false" → "true-false"', async () => {
    const assessment = { ...baseAssessment(), questions: [{ id: "q1", type: "true-or-false", prompt: "Is it?", answer: true }] };
    const dir = makeCourse({ "course.json": { ...baseCourse(), assessment } });
    const problems = await problemsOf(dir);
    expect(problems.find((p) => p.path === "/assessment/questions/0/type")?.message).toMatch(/found "true-or-false" \(did you mean "true-false"\?\)$/);
  });

  it('cmi5 moveOn "passed" → "Passed", reported once', async () => {
    const dir = makeCourse({ "course.json": { ...baseCourse(), assessment: baseAssessment(), reporting: { cmi5: { moveOn: "passed" } } } });
    const problems = await problemsOf(dir);
    expect(problems.filter((p) => p.path === "/reporting/cmi5/moveOn").map((p) => p.message)).toEqual([
      'expected one of "Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable", found "passed" (did you mean "Passed"?)',
    ]);
  });
});
