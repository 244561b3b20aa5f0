// Tasks in course.json that are wrong: every mistake reported with its JSON path (schema first, then
// the grading-form and assessment rules), and the JSON Schema editors and ajv read for tasks.
import { afterAll, describe, expect, it } from "vitest";
import { makeCourse, problemsOf, removeCourses } from "./course-fixtures";
import { courseWith, errorsForm, rubricForm, task, tf, type Json } from "./task-fixtures";

afterAll(removeCourses);
interface BadCase {
  name: string;
  course: () => Json;
  path: string;
  message: RegExp;
}

const form = (gradingForm: Json): Json => courseWith([tf, task("t", { gradingForm })]);
const at = "/assessment/questions/1";

const cases: BadCase[] = [
  {
    name: "a task in a bank",
    course: () => courseWith([{ bank: { id: "pool", questions: [tf, task("t")] } }]),
    path: "/assessment/questions/0/bank/questions/1/type",
    message:
      /^expected a question a bank can draw, found a "task": a task is rated by a person and belongs in every attempt, so put it directly in "assessment.questions", outside the bank$/,
  },
  {
    name: "counts false for an assessor task",
    course: () => courseWith([tf, task("t", { counts: false })]),
    path: `${at}/counts`,
    message: /^counts false is for a self-assessment only \(rater "learner"\): an assessor's rating always counts$/,
  },
  {
    name: "a passcode on a self-assessment",
    course: () => courseWith([tf, task("t", { rater: "learner", passcode: "1234" })]),
    path: `${at}/passcode`,
    message: /^a passcode is for an assessor task only/,
  },
  {
    name: "two assessor tasks with different passcodes",
    course: () => courseWith([tf, task("a", { passcode: "1234" }), task("b", { passcode: "9876" })]),
    path: "/assessment/questions/2/passcode",
    message:
      /^expected the same passcode as the assessor task "a" \(\/assessment\/questions\/1\/passcode\), found a different one: one hand-over screen asks the assessor one passcode for every assessor task$/,
  },
  {
    name: "an assessor task without the passcode the others have",
    course: () => courseWith([tf, task("a", { passcode: "1234" }), task("b")]),
    path: "/assessment/questions/2",
    message: /^expected the passcode of the assessor task "a" \(\/assessment\/questions\/1\/passcode\) here too, found none/,
  },
  {
    name: "only self-assessments that do not count",
    course: () => courseWith([task("self", { rater: "learner", counts: false })]),
    path: "/assessment/questions",
    message:
      /^expected at least one graded question, found only surveys and self-assessments that do not count: every attempt scores 0, so no learner can reach the passing score 100$/,
  },
  {
    name: "an unknown method",
    course: () => form({ ...rubricForm(), method: "rubrik" }),
    path: `${at}/gradingForm/method`,
    message: /^expected "rubric", "guide" or "errors", found "rubrik" \(did you mean "rubric"\?\)$/,
  },
  {
    name: "no method",
    course: () => form({ criteria: [] }),
    path: `${at}/gradingForm`,
    message: /^missing required property "method"$/,
  },
  {
    name: "no grading form",
    course: () => courseWith([tf, { id: "t", type: "task", prompt: "Do it." }]),
    path: at,
    message: /^missing required property "gradingForm"$/,
  },
  {
    name: "a property of another method (weight in a rubric)",
    course: () => form({ method: "rubric", criteria: [{ ...rubricForm().criteria[0], weight: 2 }] }),
    path: `${at}/gradingForm/criteria/0/weight`,
    message: /^unknown property "weight"; expected one of "id", "description", "levels"$/,
  },
  {
    name: "a rubric criterion with one level",
    course: () => form({ method: "rubric", criteria: [{ id: "a", description: "A", levels: [{ id: "x", score: 1, description: "X" }] }] }),
    path: `${at}/gradingForm/criteria/0/levels`,
    message: /^expected at least 2 items, found a list of 1$/,
  },
  {
    name: "a negative level score",
    course: () =>
      form({
        method: "rubric",
        criteria: [
          {
            id: "a",
            description: "A",
            levels: [
              { id: "x", score: -1, description: "X" },
              { id: "y", score: 1, description: "Y" },
            ],
          },
        ],
      }),
    path: `${at}/gradingForm/criteria/0/levels/0/score`,
    message: /^expected a number of at least 0, found -1$/,
  },
  {
    name: "a rubric criterion whose levels all score the same",
    course: () =>
      form({
        method: "rubric",
        criteria: [
          {
            id: "a",
            description: "A",
            levels: [
              { id: "x", score: 1, description: "X" },
              { id: "y", score: 1, description: "Y" },
            ],
          },
        ],
      }),
    path: `${at}/gradingForm/criteria/0/levels`,
    message: /^every level scores 1: the criterion's highest score must be above its lowest, or the rubric cannot be graded$/,
  },
  {
    name: "duplicate level ids",
    course: () =>
      form({
        method: "rubric",
        criteria: [
          {
            id: "a",
            description: "A",
            levels: [
              { id: "x", score: 0, description: "X" },
              { id: "x", score: 1, description: "Y" },
            ],
          },
        ],
      }),
    path: `${at}/gradingForm/criteria/0/levels/1/id`,
    message: /^duplicate level id "x"$/,
  },
  {
    name: "duplicate criterion ids",
    course: () =>
      form({
        ...errorsForm(),
        criteria: [
          { id: "a", description: "A" },
          { id: "a", description: "B" },
        ],
      }),
    path: `${at}/gradingForm/criteria/1/id`,
    message: /^duplicate criterion id "a"$/,
  },
  {
    name: "a criterion id with a space (it is reported as criterion[.]value)",
    course: () => form({ ...errorsForm(), criteria: [{ id: "put on gloves", description: "A" }] }),
    path: `${at}/gradingForm/criteria/0/id`,
    message: /^expected an id: up to 64 letters, digits, '_', '\.', '~' or '-', starting with a letter or digit, found "put on gloves"$/,
  },
  {
    name: "an empty description",
    course: () => form({ ...errorsForm(), criteria: [{ id: "a", description: " " }] }),
    path: `${at}/gradingForm/criteria/0/description`,
    message: /^expected a non-empty text, found " "$/,
  },
  {
    name: "a guide criterion with maxPoints 0",
    course: () => form({ method: "guide", criteria: [{ id: "a", description: "A", maxPoints: 0 }] }),
    path: `${at}/gradingForm/criteria/0/maxPoints`,
    message: /^expected a number greater than 0, found 0$/,
  },
  {
    name: "a guide criterion with both maxPoints and a scale",
    course: () => form({ method: "guide", criteria: [{ id: "a", description: "A", maxPoints: 5, scale: ["no", "yes"] }] }),
    path: `${at}/gradingForm/criteria/0`,
    message: /^a guide criterion has either maxPoints or a scale, not both$/,
  },
  {
    name: "a guide criterion with neither maxPoints nor a scale",
    course: () => form({ method: "guide", criteria: [{ id: "a", description: "A" }] }),
    path: `${at}/gradingForm/criteria/0`,
    message: /^a guide criterion needs maxPoints or a scale$/,
  },
  {
    name: "a scale of one label",
    course: () => form({ method: "guide", criteria: [{ id: "a", description: "A", scale: ["ok"] }] }),
    path: `${at}/gradingForm/criteria/0/scale`,
    message: /^expected at least 2 items, found a list of 1$/,
  },
  {
    name: "a scale with a repeated label",
    course: () => form({ method: "guide", criteria: [{ id: "a", description: "A", scale: ["no", "yes", "no"] }] }),
    path: `${at}/gradingForm/criteria/0/scale`,
    message: /^expected no duplicates \(items 0 and 2 are the same\), found a list of 3$/,
  },
  {
    name: "guide weights that add up to 0",
    course: () => form({ method: "guide", criteria: [{ id: "a", description: "A", maxPoints: 5, weight: 0 }] }),
    path: `${at}/gradingForm/criteria`,
    message: /^the weights add up to 0: no criterion counts, so the form cannot be graded$/,
  },
  {
    name: "a weight that is not a whole number",
    course: () => form({ ...errorsForm(), criteria: [{ id: "a", description: "A", weight: 1.5 }] }),
    path: `${at}/gradingForm/criteria/0/weight`,
    message: /^expected a whole number of at least 0, found 1\.5$/,
  },
  {
    name: "a mapping entry for 0 errors",
    course: () => form({ ...errorsForm(), mapping: [{ errors: 0, grade: 50 }] }),
    path: `${at}/gradingForm/mapping/0/errors`,
    message: /^expected a whole number of at least 1, found 0$/,
  },
  {
    name: "two mapping entries for the same number of errors",
    course: () =>
      form({
        ...errorsForm(),
        mapping: [
          { errors: 1, grade: 50 },
          { errors: 1, grade: 40 },
        ],
      }),
    path: `${at}/gradingForm/mapping/1/errors`,
    message: /^duplicate entry for 1 errors$/,
  },
  {
    name: "a mapping grade above 100",
    course: () => form({ ...errorsForm(), mapping: [{ errors: 1, grade: 120 }] }),
    path: `${at}/gradingForm/mapping/0/grade`,
    message: /^expected a number 0\.\.100, found 120$/,
  },
  {
    name: "a misspelt rater",
    course: () => courseWith([tf, task("t", { rater: "assesor" })]),
    path: `${at}/rater`,
    message: /^expected one of "assessor", "learner", found "assesor" \(did you mean "assessor"\?\)$/,
  },
  {
    name: "an empty passcode",
    course: () => courseWith([tf, task("t", { passcode: "" })]),
    path: `${at}/passcode`,
    message: /^expected a non-empty passcode, found ""$/,
  },
];

describe("bad tasks give the documented error at their JSON path", () => {
  it.each(cases)("$name", async ({ course, path, message }) => {
    const problems = await problemsOf(makeCourse({ "course.json": course() }));
    const errors = problems.filter((p) => p.severity === "error");
    const match = errors.find((p) => p.file === "course.json" && p.path === path && message.test(p.message));
    expect(match, `no error ${path} ${message}; got:\n${errors.map((e) => `${e.path}: ${e.message}`).join("\n")}`).toBeDefined();
  });

  it("reports every mistake of a form at once, one message each (no branch noise from the other methods)", async () => {
    const problems = await problemsOf(
      makeCourse({
        "course.json": form({
          method: "guide",
          criteria: [
            { id: "a", description: "", maxPoints: -1 },
            { id: "b", description: "B", scale: ["x"], colour: "red" },
          ],
        }),
      }),
    );
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      `${at}/gradingForm/criteria/0/description: expected a non-empty text, found ""`,
      `${at}/gradingForm/criteria/0/maxPoints: expected a number greater than 0, found -1`,
      `${at}/gradingForm/criteria/1/colour: unknown property "colour"; expected one of "id", "description", "weight", "maxPoints", "scale"`,
      `${at}/gradingForm/criteria/1/scale: expected at least 2 items, found a list of 1`,
    ]);
  });
});

describe("the JSON Schema for tasks", () => {
  it("documents the task defaults and picks the form's shape by method (oneOf with a discriminator, for editors and ajv)", async () => {
    const { default: schema } = await import("../../schema/course.schema.json");
    const defs = schema.$defs as Json;
    expect(defs.task.properties.learnerResponse.default).toBe("text");
    expect(defs.task.properties.rater.default).toBe("assessor");
    expect(defs.task.properties.counts.default).toBe(true);
    expect(defs.gradingForm.discriminator).toEqual({ propertyName: "method" });
    const methods = (defs.gradingForm.oneOf as { $ref: string }[]).map((b) => defs[b.$ref.replace("#/$defs/", "")].properties.method.const);
    expect(methods).toEqual(["rubric", "guide", "errors"]);
    expect(defs.question.properties.type.enum).toContain("task");
  });
});
