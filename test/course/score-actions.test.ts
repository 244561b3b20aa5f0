// Score actions keyed on the status ("when") as well as the score ("for"): the loader's errors, the
// built form, and the warnings for messages that can contradict the status or never show.
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import type { CourseProblem } from "../../authoring/course/loaded-course";
import { baseAssessment, baseCourse, makeCourse, problemsOf, removeCourses } from "./course-fixtures";

afterAll(removeCourses);

type Json = Record<string, any>;

/** A course with a 3-attempt assessment, passing score 80 (unableToPass possible), and these actions. */
function courseWith(scoreActions: Json[], rubric: Json = {}, assessment: Json = {}): string {
  const course: Json = baseCourse();
  course.assessment = {
    ...baseAssessment(),
    attempts: 3,
    rubric: {
      passingAttemptScore: 80,
      passedResult: "$attempt_score",
      failedResult: "$attempt_score",
      unableToPassResult: "$highest_attempt_score",
      ...rubric,
    },
    scoreActions,
    ...assessment,
  };
  return makeCourse({ "course.json": course });
}

const show = (problems: readonly CourseProblem[]) => problems.map((p) => `${p.file} ${p.path}: ${p.message}`);

async function warningsOf(dir: string): Promise<string[]> {
  return show((await loadCourse(dir)).warnings);
}

describe("score actions: course.json shape", () => {
  it('builds "when", "for" and both; an action with neither is for every learner', async () => {
    const loaded = await loadCourse(
      courseWith([
        { when: "passed", message: "Well done" },
        { when: "failed", for: "[60,80)", message: "So close" },
        { when: "failed", message: "Try again" },
        { when: "unableToPass", message: "Out of attempts" },
        { message: "Thank you" },
      ]),
    );
    expect(loaded.data.assessment!.scoreActions.map(({ message, ...rest }) => ({ ...rest, text: message.text }))).toEqual([
      { when: "passed", text: "Well done" },
      { when: "failed", for: "[60,80)", text: "So close" },
      { when: "failed", text: "Try again" },
      { when: "unableToPass", text: "Out of attempts" },
      { text: "Thank you" },
    ]);
    expect(loaded.warnings).toEqual([]);
  });

  it('an unknown "when" is an error with the file, the JSON path and the nearest value', async () => {
    const problems = await problemsOf(
      courseWith([
        { when: "pass", message: "x" },
        { when: "unable-to-pass", message: "y" },
        { when: "failed", for: "[0,120]", message: "z" },
      ]),
    );
    expect(show(problems.filter((p) => p.severity === "error"))).toEqual([
      'course.json /assessment/scoreActions/0/when: expected "passed", "failed" or "unableToPass", found "pass" (did you mean "passed"?)',
      'course.json /assessment/scoreActions/1/when: expected "passed", "failed" or "unableToPass", found "unable-to-pass" (did you mean "unableToPass"?)',
    ]);
  });

  it('a bad range next to "when" is still an error at /for, reported with every other problem', async () => {
    const problems = await problemsOf(
      courseWith([
        { when: "failed", for: "[0,120]", message: "z" },
        { when: "passed", for: "[90,80]", message: "w" },
      ]),
    );
    expect(show(problems.filter((p) => p.severity === "error"))).toEqual([
      'course.json /assessment/scoreActions/0/for: expected a score or a range of scores within 0..100, found "[0,120]"',
      'course.json /assessment/scoreActions/1/for: expected a range that contains at least one score, found the empty range "[90,80]"',
    ]);
  });
});

describe("score actions: warnings (printed, the build goes on)", () => {
  it('a range-only message that could contradict the status names the action and says to add "when"', async () => {
    const warnings = await warningsOf(
      courseWith([
        { for: "[0,60)", message: "Read the pages again" },
        { for: "[60,90)", message: "Nearly" },
        { for: "[90,100)", message: "Well done" },
        { for: 100, message: "Perfect" },
      ]),
    );
    expect(warnings).toEqual([
      expect.stringMatching(
        /^course\.json \/assessment\/scoreActions\/0\/for: "\[0,60\)" has no "when": these scores fail with the rubric's passing score 80, but an LMS mastery score below it .* Fix: add "when": "failed" \(and the same message with "when": "unableToPass"/,
      ),
      expect.stringMatching(
        /^course\.json \/assessment\/scoreActions\/1\/for: "\[60,90\)" holds scores on both sides of the passing score 80: learners who passed and learners who did not read the same message\. Fix: add "when"/,
      ),
      expect.stringMatching(
        /^course\.json \/assessment\/scoreActions\/2\/for: "\[90,100\)" has no "when": these scores pass with the rubric's passing score 80, but an LMS mastery score above it replaces it, and then a learner who did not pass reads this message next to a "not passed" status\. Fix: add "when": "passed"$/,
      ),
    ]); // 100 always passes: no warning for the last one
  });

  it('the same ranges with "when" give no such warning', async () => {
    const warnings = await warningsOf(
      courseWith([
        { when: "passed", for: "[80,100]", message: "Well done" },
        { when: "passed", message: "Passed (the LMS set a lower bar)" },
        { when: "failed", for: "[60,100]", message: "Nearly" },
        { when: "failed", message: "Read the pages again" },
        { when: "unableToPass", message: "Out of attempts" },
      ]),
    );
    expect(warnings).toEqual([]);
  });

  it('messages that can never show: an impossible status, or "no-score" with a status that always has a score', async () => {
    const warnings = await warningsOf(
      courseWith([{ when: "unableToPass", message: "Out of attempts" }, { when: "passed", for: "no-score", message: "?" }, { message: "Everyone" }], {
        unableToPassResult: undefined,
      }),
    );
    expect(warnings).toEqual([
      'course.json /assessment/scoreActions/0/when: never shown: no learner ends "unableToPass" (the rubric has no unableToPassResult); use "failed" for learners who did not pass',
      'course.json /assessment/scoreActions/1/when: never shown: a "passed" result always has a score, so "for": "no-score" never matches with "when": "passed"',
    ]);
    const unlimited = await warningsOf(courseWith([{ when: "unableToPass", message: "Out" }, { message: "Everyone" }], {}, { attempts: "unlimited" }));
    expect(unlimited).toContain(
      'course.json /assessment/scoreActions/0/when: never shown: no learner ends "unableToPass" (with "unlimited" attempts nobody runs out of attempts); use "failed" for learners who did not pass',
    );
  });

  it("learners who find no message, by status", async () => {
    const warnings = await warningsOf(
      courseWith(
        [
          { when: "passed", message: "Well done" },
          { when: "failed", for: "[50,100]", message: "Nearly" },
        ],
        { failedResult: "no-score" },
      ),
    );
    expect(warnings).toEqual([
      'course.json /assessment/scoreActions: no score action matches a score of 0 with the status "failed": those learners see no message',
      'course.json /assessment/scoreActions: no score action matches a score of 0 with the status "unableToPass": those learners see no message',
      'course.json /assessment/scoreActions: the rubric can give "no-score" but no score action matches no score with the status "failed": add one with "for": "no-score" (or without "for")',
    ]);
  });
});
