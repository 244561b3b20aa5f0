// Every problem is reported in one go; warnings do not stop a build; the loader never writes.
import { symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import { CourseError } from "../../authoring/course/loaded-course";
import { baseCourse, makeCourse, problemsOf, removeCourses, snapshotTree } from "./course-fixtures";

afterAll(removeCourses);

describe("all problems at once", () => {
  it("reports every schema mistake in one CourseError, each with file, path and message", async () => {
    const dir = makeCourse({
      "course.json": {
        id: "no-scheme",
        title: "",
        langauge: "en",
        pages: [{ id: "bad id", title: "x", body: "# inline by mistake" }],
        assessment: { attempts: 0, questions: [], rubric: { passedResult: "$highest_attempt_score" } },
        targets: ["cmi5", "cmi5"],
      },
    });
    const before = snapshotTree(path.dirname(dir));
    const problems = await problemsOf(dir);
    expect(problems.map((p) => p.path)).toEqual([
      "/langauge",
      "/id",
      "/title",
      "/pages/0/id",
      "/pages/0/body",
      "/assessment/attempts",
      "/assessment/questions",
      "/assessment/rubric/passedResult",
      "/targets",
    ]);
    for (const p of problems) {
      expect(p).toMatchObject({ file: "course.json", severity: "error" });
      expect(p.message).toMatch(/^(unknown property|expected .*, found )/);
    }
    expect(snapshotTree(path.dirname(dir))).toEqual(before);
  });

  it("reports every semantic mistake in one CourseError, across course.json and Markdown files", async () => {
    const course = baseCourse();
    course.pages = [
      { id: "a", title: "A", body: "pages/a.md" },
      { id: "a", title: "B", body: "pages/missing.md" },
    ];
    course.assessment = {
      questions: [
        { id: "q", type: "single-choice", prompt: "?", choices: [{ text: "x" }, { text: "y" }] },
        { id: "q", type: "true-false", prompt: "?", answer: true },
      ],
    };
    const dir = makeCourse({ "course.json": course, "pages/a.md": "![Gone](gone.png)" });
    const error = await loadCourse(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CourseError);
    const problems = (error as CourseError).problems.filter((p) => p.severity === "error");
    expect(problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      "pages/a.md ",
      "course.json /pages/1/id",
      "course.json /pages/1/body",
      "course.json /assessment/questions/0/choices",
      "course.json /assessment/questions/1/id",
    ]);
    expect((error as CourseError).message.split("\n")).toHaveLength((error as CourseError).problems.length);
  });
});

describe("warnings", () => {
  it("are returned with a loaded course and do not stop it", async () => {
    const course = baseCourse();
    course.pages = [{ id: "v", title: "Video", media: [{ kind: "video", src: "clip.mp4" }] }];
    course.assessment = {
      questions: [{ id: "q", type: "true-false", prompt: "?", answer: true }],
      rubric: {
        passingAttemptScore: 80,
        passedResult: "$attempt_score",
        failedResult: "no-score",
        unableToPassResult: "no-score",
        mods: [{ attemptCondition: "[2,$last_attempt]", reward: 3 }, { reward: 5 }],
      },
      scoreActions: [{ for: "[0,50]", message: "Low" }],
    };
    course.reporting = { masteryScore: 70 };
    const loaded = await loadCourse(makeCourse({ "course.json": course, "clip.mp4": "x" }));
    const warnings = loaded.warnings.map((w) => `${w.path}: ${w.message}`);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/reporting\/masteryScore: 70 differs from the rubric's passingAttemptScore 80/),
        expect.stringMatching(/^\/pages\/0\/media\/0: video without "captions"/),
        expect.stringMatching(/^\/assessment\/rubric\/mods\/1: a mod without attemptCondition applies to no attempt/),
        expect.stringMatching(/^\/assessment\/rubric\/unableToPassResult: never used: with "unlimited" attempts/),
        expect.stringMatching(/^\/assessment\/scoreActions: no score action matches a score of 75/),
        expect.stringMatching(/^\/assessment\/scoreActions: the rubric can give "no-score" but no score action/),
      ]),
    );
    expect(loaded.warnings.every((w) => w.severity === "warning" && w.file === "course.json")).toBe(true);
  });
});

describe("files stay inside the course folder", () => {
  it("rejects a symbolic link that leads outside it", async () => {
    const dir = makeCourse({ "course.json": { ...baseCourse(), pages: [{ id: "p", title: "P", body: "pages/link.md" }] }, "pages/.keep": "" });
    const outside = path.join(path.dirname(dir), "outside.md");
    writeFileSync(outside, "# secret");
    symlinkSync(outside, path.join(dir, "pages", "link.md"));
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: "/pages/0/body",
        message: expect.stringMatching(/^expected the Markdown file inside the course folder, found "pages\/link\.md" linking to /),
      }),
    );
  });

  it("packages files outside assets/ under assets/, keeping their folders", async () => {
    const course = { ...baseCourse(), pages: [{ id: "p", title: "P", media: [{ kind: "video", src: "media/clip.mp4", captions: "media/clip.vtt" }] }] };
    const loaded = await loadCourse(makeCourse({ "course.json": course, "media/clip.mp4": "v", "media/clip.vtt": "WEBVTT\n" }));
    expect(loaded.data.pages[0]!.media[0]).toMatchObject({ src: "assets/media/clip.mp4", captions: "assets/media/clip.vtt" });
    expect(loaded.assets.map((a) => [a.zipPath, path.relative(loaded.dir, a.sourcePath)])).toEqual([
      ["assets/media/clip.mp4", path.join("media", "clip.mp4")],
      ["assets/media/clip.vtt", path.join("media", "clip.vtt")],
    ]);
  });

  it("rejects two files that would land on the same zip path", async () => {
    const course = { ...baseCourse(), pages: [{ id: "p", title: "P", body: { markdown: "![A](assets/pages/x.png) ![B](pages/x.png)" } }] };
    const problems = await problemsOf(makeCourse({ "course.json": course, "assets/pages/x.png": "1", "pages/x.png": "2" }));
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: "/pages/0/body/markdown",
        message: '"pages/x.png" and "assets/pages/x.png" would both be packaged as "assets/pages/x.png": rename one of them',
      }),
    );
  });
});
