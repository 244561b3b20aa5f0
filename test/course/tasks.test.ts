// Tasks in course.json (docs/course-format.md "Tasks"): the built TaskQuestion and its defaults, and
// the passcode stored only as a PBKDF2 hash the browser can check (the mistakes: tasks-errors.test.ts).
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { removeCourses } from "./course-fixtures";
import { browserCheck, courseWith, errorsForm, guideForm, rubricForm, task, tasksOf, tf } from "./task-fixtures";

afterAll(removeCourses);

describe("a task in course.json", () => {
  it("builds into a TaskQuestion with the documented defaults", async () => {
    const { tasks, warnings } = await tasksOf(courseWith([tf, task("observed")]));
    expect(warnings).toEqual([]);
    expect(tasks.get("observed")).toEqual({
      kind: "question",
      id: "observed",
      type: "task",
      prompt: { html: "<p>Do <strong>observed</strong>.</p>", text: "Do observed." },
      weight: 1,
      feedback: { correct: null, incorrect: null },
      learnerResponse: "text",
      gradingForm: rubricForm(),
      rater: "assessor",
      counts: true,
      passcode: null,
    });
  });

  it("keeps every field the author sets, for the three methods", async () => {
    const { tasks, warnings } = await tasksOf(
      courseWith([
        task("grid", { gradingForm: { ...rubricForm(), pointsOnly: true }, learnerResponse: "none", weight: 2, passcode: "1234" }),
        task("guide", { gradingForm: guideForm(), passcode: "1234" }),
        task("checklist", { gradingForm: errorsForm(), passcode: "1234", feedback: { correct: "All done right." } }),
        task("self", { gradingForm: guideForm(), rater: "learner", counts: false }),
      ]),
    );
    expect(warnings).toEqual([]);
    expect(tasks.get("grid")).toMatchObject({ learnerResponse: "none", weight: 2, rater: "assessor", counts: true, gradingForm: { pointsOnly: true } });
    expect(tasks.get("guide")!.gradingForm).toEqual(guideForm());
    expect(tasks.get("checklist")!.gradingForm).toEqual(errorsForm());
    expect(tasks.get("checklist")!.feedback.correct?.text).toBe("All done right.");
    expect(tasks.get("self")).toMatchObject({ rater: "learner", counts: false, passcode: null });
  });

  it("stores the passcode only as a PBKDF2-SHA-256 hash that WebCrypto verifies; salt from the course and task ids", async () => {
    const c = courseWith([tf, task("observed", { passcode: "1234" }), task("checklist", { gradingForm: errorsForm(), passcode: "1234" })]);
    const { tasks } = await tasksOf(c);
    const stored = tasks.get("observed")!.passcode!;
    expect(stored).toMatchObject({ algorithm: "PBKDF2-SHA-256", iterations: 100000 });
    expect(Buffer.from(stored.salt, "base64")).toEqual(createHash("sha256").update(`${c.id}\nobserved`).digest().subarray(0, 16));
    expect(Buffer.from(stored.hash, "base64")).toHaveLength(32);
    expect(await browserCheck("1234", stored)).toBe(true);
    expect(await browserCheck("1235", stored)).toBe(false);
    // One passcode, a different salt (and hash) per task.
    const other = tasks.get("checklist")!.passcode!;
    expect(other.salt).not.toBe(stored.salt);
    expect(await browserCheck("1234", other)).toBe(true);
    // Deterministic: the same course gives the same hash; the passcode itself never appears.
    const again = await tasksOf(c);
    expect(again.tasks.get("observed")!.passcode).toEqual(stored);
    expect(JSON.stringify([...tasks.values()])).not.toContain('"1234"');
  });

  it("compares passcodes as typed text in NFC (é typed composed or decomposed is the same passcode)", async () => {
    const { tasks } = await tasksOf(courseWith([task("a", { passcode: "caf\u00e9" }), task("b", { gradingForm: errorsForm(), passcode: "cafe\u0301" })]));
    expect(await browserCheck("cafe\u0301", tasks.get("a")!.passcode!)).toBe(true);
    expect(await browserCheck("caf\u00e9", tasks.get("b")!.passcode!)).toBe(true);
  });

  it("warns about a passcode shorter than 4 characters, a grade that never drops, and what a non-counting self-assessment ignores", async () => {
    const { warnings } = await tasksOf(
      courseWith([
        tf,
        task("short", { passcode: "12" }),
        task("lenient", { gradingForm: { ...errorsForm(), mapping: [{ errors: 1, grade: 100 }] }, passcode: "12" }),
        task("self", { rater: "learner", counts: false, weight: 3, feedback: { incorrect: "Try again" } }),
      ]),
    );
    expect(warnings).toEqual([
      "/assessment/questions/1/passcode: a passcode of 2 characters is guessed at once: use at least 4 (it only deters a casual learner either way)",
      "/assessment/questions/2/passcode: a passcode of 2 characters is guessed at once: use at least 4 (it only deters a casual learner either way)",
      "/assessment/questions/2/gradingForm/mapping: no number of errors a filling can reach lowers the grade below 100: every filling grades 100",
      "/assessment/questions/3/weight: ignored: a self-assessment that does not count is not graded",
      "/assessment/questions/3/feedback: never shown: a self-assessment that does not count has no score to choose the feedback by",
    ]);
  });
});
