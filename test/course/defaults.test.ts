// Defaults documented in docs/course-format.md and schema/course.schema.json are what the loader fills in.
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import courseSchema from "../../schema/course.schema.json";
import { makeCourse, removeCourses } from "./course-fixtures";

afterAll(removeCourses);

const minimal = { id: "https://example.com/courses/min", title: "Minimal", pages: [{ id: "only", title: "Only page" }] };

describe("defaults", () => {
  it("a course of only id, title and one page", async () => {
    const loaded = await loadCourse(makeCourse({ "course.json": minimal }));
    expect(loaded.data).toEqual({
      format: 1,
      id: "https://example.com/courses/min",
      title: "Minimal",
      description: "",
      language: "en",
      pages: [{ id: "only", title: "Only page", body: { html: "", text: "" }, media: [] }],
      assessment: null,
      reporting: {
        cmi5: { moveOn: "Completed", launchMethod: "AnyWindow" },
        masteryScore: null,
        scorm12: { statusMode: "completed-incomplete" },
        interactions: true,
      },
    });
    expect(loaded.targets).toEqual(["cmi5", "scorm12", "scorm2004-3", "scorm2004-4", "xapi"]);
    expect(loaded.assets).toEqual([]);
    expect(loaded.warnings).toEqual([]);
  });

  it("media: id from the page, title from the page, watchedThreshold 0.9, no captions", async () => {
    const dir = makeCourse({
      "course.json": { ...minimal, pages: [{ id: "clip", title: "A clip", media: [{ kind: "audio", src: "assets/a.mp3" }] }] },
      "assets/a.mp3": "x",
    });
    const { data, assets } = await loadCourse(dir);
    expect(data.pages[0]!.media).toEqual([{ id: "clip-media-1", kind: "audio", src: "assets/a.mp3", captions: null, title: "A clip", watchedThreshold: 0.9 }]);
    expect(assets.map((a) => a.zipPath)).toEqual(["assets/a.mp3"]);
  });

  it("assessment, rubric, reporting and question defaults", async () => {
    const dir = makeCourse({
      "course.json": {
        ...minimal,
        assessment: {
          questions: [
            { id: "sc", type: "single-choice", prompt: "Pick", choices: [{ text: "x" }, { text: "y", correct: true }] },
            { id: "te", type: "text-entry", prompt: "Type", accepted: ["Paris"] },
            { id: "n", type: "numeric", prompt: "How many?", answer: 3 },
            {
              bank: {
                id: "b",
                questions: [
                  {
                    id: "m",
                    type: "matching",
                    prompt: "Match",
                    pairs: [
                      { source: "1", target: "one" },
                      { source: "2", target: "two" },
                    ],
                  },
                ],
              },
            },
          ],
        },
      },
    });
    const { data } = await loadCourse(dir);
    const a = data.assessment!;
    expect(a).toMatchObject({
      id: "assessment",
      title: "Assessment",
      intro: null,
      attempts: "unlimited",
      allowAttemptsAfterPass: false,
      review: "never",
      shuffleChoices: false,
      rubric: { type: "pass-fail" },
      scoreActions: [],
    });
    expect(a.items[0]).toMatchObject({
      kind: "question",
      weight: 1,
      feedback: { correct: null, incorrect: null },
      choices: [
        { id: "a", text: "x" },
        { id: "b", text: "y" },
      ],
      correct: "b",
    });
    expect(a.items[1]).toMatchObject({ caseSensitive: false, whitespace: "collapse", long: false });
    expect(a.items[2]).toMatchObject({ answer: { exact: 3 } });
    expect(a.items[3]).toMatchObject({ kind: "bank", choose: 1, order: "sequential" });
    expect(data.reporting).toEqual({
      cmi5: { moveOn: "Passed", launchMethod: "AnyWindow" },
      masteryScore: 100,
      scorm12: { statusMode: "passed-incomplete" },
      interactions: true,
    });
  });

  it("mastery score: the rubric's passing score; none for an attempt rubric; an explicit null wins", async () => {
    const quiz = { questions: [{ id: "q", type: "true-false", prompt: "?", answer: true }] };
    const load = async (assessment: object, reporting?: object) =>
      (await loadCourse(makeCourse({ "course.json": { ...minimal, assessment, ...(reporting ? { reporting } : {}) } }))).data.reporting.masteryScore;
    expect(await load({ ...quiz, rubric: { passingAttemptScore: 70 } })).toBe(70);
    expect(await load({ ...quiz, rubric: { type: "attempt" } })).toBeNull();
    expect(await load({ ...quiz, rubric: { passingAttemptScore: 70 } }, { masteryScore: null })).toBeNull();
  });

  it("the schema documents the same defaults", () => {
    const defs = courseSchema.$defs;
    expect(courseSchema.properties.language.default).toBe("en");
    expect(courseSchema.properties.targets.default).toEqual(["cmi5", "scorm12", "scorm2004-3", "scorm2004-4", "xapi"]);
    expect(defs.media.properties.watchedThreshold.default).toBe(0.9);
    expect(defs.assessment.properties.attempts.default).toBe("unlimited");
    expect(defs.assessment.properties.review.default).toBe("never");
    expect(defs.bankItem.properties.bank.properties.order.default).toBe("sequential");
    expect(defs.textEntry.properties.whitespace.default).toBe("collapse");
    expect(defs.reporting.properties.cmi5.properties.launchMethod.default).toBe("AnyWindow");
  });
});
