// Bad course folders: each mistake gives the error documented in docs/course-format.md ("Errors"):
// the file, the JSON path and a message saying what was expected and what was found. Nothing is written.
import { afterAll, describe, expect, it } from "vitest";
import { baseAssessment, baseCourse, makeCourse, problemsOf, removeCourses, snapshotTree, type CourseFolder } from "./course-fixtures";

afterAll(removeCourses);

interface BadCase {
  name: string;
  files: () => CourseFolder;
  file: string;
  path: string;
  message: RegExp;
}

// Fixtures are edited freely (deep property access on plain JSON).
type Json = Record<string, any>;

const course = (edit: (c: Json) => void): CourseFolder => {
  const c: Json = baseCourse();
  edit(c);
  return { "course.json": c };
};
const withQuiz = (edit: (a: Json, c: Json) => void): CourseFolder =>
  course((c) => {
    const a: Json = baseAssessment();
    c.assessment = a;
    edit(a, c);
  });

const cases: BadCase[] = [
  {
    name: "invalid JSON (trailing comma)",
    files: () => ({ "course.json": '{\n  "id": "https://example.com/c",\n  "title": "T",\n}\n' }),
    file: "course.json",
    path: "",
    message: /^expected valid JSON, found a syntax error at line 4, column 1: /,
  },
  {
    name: "no course.json",
    files: () => ({ "pages/a.md": "# A" }),
    file: "course.json",
    path: "",
    message: /^expected the course definition .*course\.json, found no such file$/,
  },
  {
    name: "course id is not an absolute IRI",
    files: () => course((c) => (c.id = "fire-safety")),
    file: "course.json",
    path: "/id",
    message: /^expected an absolute IRI such as "https:\/\/example\.com\/courses\/fire-safety", found "fire-safety"$/,
  },
  {
    name: "title missing",
    files: () => course((c) => delete c.title),
    file: "course.json",
    path: "",
    message: /^missing required property "title"$/,
  },
  {
    name: "misspelt rubric property",
    files: () => withQuiz((a) => (a.rubric = { passingScore: 80 })),
    file: "course.json",
    path: "/assessment/rubric/passingScore",
    message: /^unknown property "passingScore" \(did you mean "passingAttemptScore"\?\)$/,
  },
  {
    name: "placeholder not allowed in passedResult",
    files: () => withQuiz((a) => (a.rubric = { passedResult: "$highest_attempt_score" })),
    file: "course.json",
    path: "/assessment/rubric/passedResult",
    message: /^expected a number 0\.\.100 or "\$attempt_score", found "\$highest_attempt_score"$/,
  },
  {
    name: "placeholder not allowed in unableToPassResult",
    files: () => withQuiz((a) => (a.rubric = { unableToPassResult: "$attempt_score" })),
    file: "course.json",
    path: "/assessment/rubric/unableToPassResult",
    message: /^expected a number 0\.\.100, "\$highest_attempt_score" or "no-score", found "\$attempt_score"$/,
  },
  {
    name: "passing score out of range",
    files: () => withQuiz((a) => (a.rubric = { passingAttemptScore: 120 })),
    file: "course.json",
    path: "/assessment/rubric/passingAttemptScore",
    message: /^expected a number 0\.\.100, found 120$/,
  },
  {
    name: "more than 20 mods",
    files: () => withQuiz((a) => (a.rubric = { mods: Array.from({ length: 21 }, (_, i) => ({ attemptCondition: i + 1, reward: 1 })) })),
    file: "course.json",
    path: "/assessment/rubric/mods",
    message: /^expected at most 20 items, found a list of 21$/,
  },
  {
    name: "malformed mod range",
    files: () => withQuiz((a) => (a.rubric = { mods: [{ attemptCondition: "[1,2", reward: 5 }] })),
    file: "course.json",
    path: "/assessment/rubric/mods/0/attemptCondition",
    message: /^expected an attempt number or a range such as "\[1,2\]" or "\(1,\$last_attempt\]", found "\[1,2"$/,
  },
  {
    name: "mod reward out of range",
    files: () => withQuiz((a) => (a.rubric = { mods: [{ attemptCondition: 1, reward: 150 }] })),
    file: "course.json",
    path: "/assessment/rubric/mods/0/reward",
    message: /^expected a number -100\.\.100, found 150$/,
  },
  {
    name: "passedResult below the mastery score",
    files: () => withQuiz((a) => (a.rubric = { passingAttemptScore: 80, passedResult: 60 })),
    file: "course.json",
    path: "/assessment/rubric/passedResult",
    message: /passedResult 60 is below the mastery score 80/,
  },
  {
    name: "penalty takes a passed attempt below the mastery score ($attempt_score)",
    files: () =>
      withQuiz(
        (a) => (
          (a.attempts = 3),
          (a.rubric = {
            passingAttemptScore: 80,
            passedResult: "$attempt_score",
            mods: [
              { attemptCondition: 3, reward: 5 },
              { attemptCondition: "[2,$last_attempt]", reward: -10 },
            ],
          })
        ),
      ),
    file: "course.json",
    path: "/assessment/rubric/mods/1",
    message:
      /^reward -10 can take a passed attempt 2 down to 70 \(rewards -10\), below the mastery score 80 written into the manifests \(reporting\.masteryScore\): an LMS judging by score would record a fail for a learner the course says passed\. Fix: make the reward 0 or more .*set reporting\.masteryScore to null/,
  },
  {
    name: "penalty takes a fixed passedResult below the mastery score",
    files: () =>
      withQuiz(
        (a, c) => (
          (a.attempts = 2),
          (a.rubric = { passingAttemptScore: 80, passedResult: 85, mods: [{ attemptCondition: 2, reward: -10 }] }),
          (c.reporting = { masteryScore: 80 })
        ),
      ),
    file: "course.json",
    path: "/assessment/rubric/mods/0",
    message: /reward -10 can take a passed attempt 2 down to 75 .* Fix: make the reward 0 or more, raise passedResult to at least 90/,
  },
  {
    name: "attempts zero",
    files: () => withQuiz((a) => (a.attempts = 0)),
    file: "course.json",
    path: "/assessment/attempts",
    message: /^expected a whole number of at least 1, or "unlimited", found 0$/,
  },
  {
    name: "unknown question type",
    files: () => withQuiz((a) => (a.questions[0].type = "multi-choice")),
    file: "course.json",
    path: "/assessment/questions/0/type",
    message: /^expected one of "single-choice", .*"survey", "task", found "multi-choice" \(did you mean "multiple-response"\?\)$/,
  },
  {
    name: "single-choice without a correct choice",
    files: () => withQuiz((a) => (a.questions = [{ id: "q", type: "single-choice", prompt: "?", choices: [{ text: "a" }, { text: "b" }] }])),
    file: "course.json",
    path: "/assessment/questions/0/choices",
    message: /^expected exactly one choice marked "correct": true, found 0 \(no learner could ever answer it correctly\)$/,
  },
  {
    name: "single-choice with two correct choices",
    files: () =>
      withQuiz(
        (a) =>
          (a.questions = [
            {
              id: "q",
              type: "single-choice",
              prompt: "?",
              choices: [
                { text: "a", correct: true },
                { text: "b", correct: true },
              ],
            },
          ]),
      ),
    file: "course.json",
    path: "/assessment/questions/0/choices",
    message: /^expected exactly one choice marked "correct": true, found 2 \(use "multiple-response"/,
  },
  {
    name: "multiple-response without a correct choice",
    files: () => withQuiz((a) => (a.questions = [{ id: "q", type: "multiple-response", prompt: "?", choices: [{ text: "a" }, { text: "b" }] }])),
    file: "course.json",
    path: "/assessment/questions/0/choices",
    message: /^expected at least one choice marked "correct": true, found none/,
  },
  {
    name: "numeric range that contains nothing",
    files: () => withQuiz((a) => (a.questions = [{ id: "q", type: "numeric", prompt: "?", answer: { min: 10, max: 1 } }])),
    file: "course.json",
    path: "/assessment/questions/0/answer",
    message: /can never be answered correctly/,
  },
  {
    name: "ordering items that read the same",
    files: () => withQuiz((a) => (a.questions = [{ id: "o", type: "ordering", prompt: "?", items: ["Stop", "Look", "Stop"] }])),
    file: "course.json",
    path: "/assessment/questions/0/items/2",
    message: /^expected a text different from item 0, found the same "Stop": the learner cannot tell them apart/,
  },
  {
    name: "a correct and a wrong choice that read the same",
    files: () =>
      withQuiz(
        (a) => (a.questions = [{ id: "q", type: "single-choice", prompt: "?", choices: [{ text: "Yes", correct: true }, { text: "No" }, { text: "Yes " }] }]),
      ),
    file: "course.json",
    path: "/assessment/questions/0/choices/2",
    message: /^expected a text different from choice 0, found the same "Yes"/,
  },
  {
    name: "misspelt property on a choice",
    files: () => withQuiz((a) => (a.questions = [{ id: "q", type: "single-choice", prompt: "?", choices: [{ text: "a", corect: true }, { text: "b" }] }])),
    file: "course.json",
    path: "/assessment/questions/0/choices/0/corect",
    message: /^unknown property "corect" \(did you mean "correct"\?\)$/,
  },
  {
    name: "duplicate page ids",
    files: () => course((c) => c.pages.push({ id: "p1", title: "Again" })),
    file: "course.json",
    path: "/pages/1/id",
    message: /^expected a unique page id, found "p1" already used by \/pages\/0$/,
  },
  {
    name: "duplicate question id inside a bank",
    files: () => withQuiz((a) => a.questions.push({ bank: { id: "b", questions: [{ id: "q1", type: "true-false", prompt: "?", answer: false }] } })),
    file: "course.json",
    path: "/assessment/questions/1/bank/questions/0/id",
    message: /^expected a unique id, found question id "q1" already used at \/assessment\/questions\/0$/,
  },
  {
    name: "duplicate choice ids",
    files: () =>
      withQuiz(
        (a) =>
          (a.questions = [
            {
              id: "q",
              type: "survey",
              prompt: "?",
              choices: [
                { id: "x", text: "a" },
                { id: "x", text: "b" },
              ],
            },
          ]),
      ),
    file: "course.json",
    path: "/assessment/questions/0/choices/1/id",
    message: /duplicate id "x"/,
  },
  {
    name: "bank draws more questions than it holds",
    files: () => withQuiz((a) => a.questions.push({ bank: { id: "b", choose: 3, questions: [{ id: "q2", type: "true-false", prompt: "?", answer: false }] } })),
    file: "course.json",
    path: "/assessment/questions/1/bank/choose",
    message: /^expected at most 1 \(the number of questions in the bank\), found 3$/,
  },
  {
    name: "page body file missing",
    files: () => course((c) => (c.pages[0].body = "pages/intro.md")),
    file: "course.json",
    path: "/pages/0/body",
    message: /^Markdown file not found: expected the file "pages\/intro\.md" in the course folder, found no such file$/,
  },
  {
    name: "page body leaves the course folder",
    files: () => course((c) => (c.pages[0].body = "../secrets.md")),
    file: "course.json",
    path: "/pages/0/body",
    message: /^expected a path inside the course folder, found "\.\.\/secrets\.md", which leads outside it$/,
  },
  {
    name: "absolute media path",
    files: () => course((c) => (c.pages[0].media = [{ kind: "audio", src: "/home/me/clip.mp3" }])),
    file: "course.json",
    path: "/pages/0/media/0/src",
    message: /^expected a path relative to the course folder, found the absolute path "\/home\/me\/clip\.mp3"$/,
  },
  {
    name: "image in Markdown missing (reported against the .md file)",
    files: () => ({ ...course((c) => (c.pages[0].body = "pages/a.md")), "pages/a.md": "# A\n\n![Logo](img/logo.png)\n" }),
    file: "pages/a.md",
    path: "",
    message: /^image not found: expected the file "pages\/img\/logo\.png" in the course folder, found no such file$/,
  },
  {
    name: "image spelt with the wrong case",
    files: () => ({ ...course((c) => (c.pages[0].body = { markdown: "![Logo](assets/Logo.png)" })), "assets/logo.png": "png" }),
    file: "course.json",
    path: "/pages/0/body/markdown",
    message: /^expected "assets\/Logo\.png" spelt with the exact case of the file on disk, found it named "assets\/logo\.png"/,
  },
  {
    name: "image from the web",
    files: () => course((c) => (c.pages[0].body = { markdown: "![Logo](https://example.com/logo.png)" })),
    file: "course.json",
    path: "/pages/0/body/markdown",
    message: /^expected the image as a file in the course folder .*found "https:\/\/example\.com\/logo\.png"$/,
  },
  {
    name: "watched threshold zero",
    files: () => ({ ...course((c) => (c.pages[0].media = [{ kind: "audio", src: "a.mp3", watchedThreshold: 0 }])), "a.mp3": "x" }),
    file: "course.json",
    path: "/pages/0/media/0/watchedThreshold",
    message: /^expected a number greater than 0 and at most 1, found 0$/,
  },
  {
    name: "captions that are not WebVTT",
    files: () => ({ ...course((c) => (c.pages[0].media = [{ kind: "video", src: "v.mp4", captions: "v.srt" }])), "v.mp4": "x", "v.srt": "x" }),
    file: "course.json",
    path: "/pages/0/media/0/captions",
    message: /^expected a WebVTT captions file ending in \.vtt .*found "v\.srt"$/,
  },
  {
    name: "score action range beyond 100",
    files: () => withQuiz((a) => (a.scoreActions = [{ for: "[0,120]", message: "x" }])),
    file: "course.json",
    path: "/assessment/scoreActions/0/for",
    message: /^expected a score or a range of scores within 0\.\.100, found "\[0,120\]"$/,
  },
  {
    name: "moveOn Passed without an assessment",
    files: () => course((c) => (c.reporting = { cmi5: { moveOn: "Passed" } })),
    file: "course.json",
    path: "/reporting/cmi5/moveOn",
    message: /^expected "Completed", "CompletedOrPassed" or "NotApplicable" for a course without an assessment, found "Passed"/,
  },
  {
    name: "unknown target",
    files: () => course((c) => (c.targets = ["cmi5", "scorm2004"])),
    file: "course.json",
    path: "/targets/1",
    message: /^expected one of "cmi5", "scorm12", "scorm2004-3", "scorm2004-4", "xapi", found "scorm2004" \(did you mean "scorm2004-3"\?\)$/,
  },
  {
    name: "only surveys in a pass-fail assessment",
    files: () => withQuiz((a) => (a.questions = [{ id: "s", type: "survey", prompt: "?", choices: ["yes", "no"] }])),
    file: "course.json",
    path: "/assessment/questions",
    message: /^expected at least one graded question, found only surveys/,
  },
  {
    name: "empty accepted answer",
    files: () => withQuiz((a) => (a.questions = [{ id: "t", type: "text-entry", prompt: "?", accepted: ["Paris", "  "] }])),
    file: "course.json",
    path: "/assessment/questions/0/accepted/1",
    message: /empty accepted answer/,
  },
  {
    name: "empty course",
    files: () => course((c) => delete c.pages),
    file: "course.json",
    path: "",
    message: /^expected at least one page or an "assessment", found neither/,
  },
];

describe("bad course files give the documented error", () => {
  it("covers at least 15 different mistakes", () => {
    expect(new Set(cases.map((c) => c.path + c.message.source)).size).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)("$name", async ({ files, file, path, message }) => {
    const dir = makeCourse(files());
    const before = snapshotTree(dir);
    const problems = await problemsOf(dir);
    const errors = problems.filter((p) => p.severity === "error");
    const match = errors.find((p) => p.file === file && p.path === path && message.test(p.message));
    expect(match, `no error ${file} ${path} ${message}; got:\n${errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join("\n")}`).toBeDefined();
    expect(snapshotTree(dir)).toEqual(before);
  });
});
