// Build-time validation of a task (runtime/assessment/question-validate.ts, assessment-validate.ts):
// who rates, whether it counts, the passcode hash, the grading form under /gradingForm, no task in a bank.
import { describe, expect, it } from "vitest";
import { validateAssessment } from "../../runtime/assessment/assessment-validate";
import { validateQuestion } from "../../runtime/assessment/question-validate";
import type { PasscodeHash, TaskQuestion } from "../../runtime/course/types";
import { assessment, base, singleChoices } from "./fixtures";

const passcode: PasscodeHash = {
  algorithm: "PBKDF2-SHA-256",
  iterations: 100000,
  salt: "dEuiDVN0khXdNn7Tm8BPig==",
  hash: "WSc+Jmp6sqHOvHtz45PJuuxuZzui4+0iidZUi4e8ug8=",
};

function task(id: string, over: Record<string, unknown> = {}): TaskQuestion {
  return {
    ...base(id),
    type: "task",
    learnerResponse: "text",
    gradingForm: { method: "errors", criteria: [{ id: "gloves", description: "Puts on gloves" }], mapping: [{ errors: 1, grade: 0 }] },
    rater: "assessor",
    counts: true,
    passcode: null,
    ...over,
  } as TaskQuestion;
}
const problems = (q: unknown): string[] => validateQuestion(q).map((p) => `${p.severity} ${p.path}: ${p.message}`);

describe("validateQuestion: tasks", () => {
  it("accepts an assessor task with a passcode hash and a self-assessment that does not count", () => {
    expect(validateQuestion(task("observed", { passcode }))).toEqual([]);
    expect(validateQuestion(task("self", { rater: "learner", counts: false, learnerResponse: "none" }))).toEqual([]);
  });

  it("rejects counts false for an assessor, a passcode for a self-assessment, unknown values", () => {
    expect(problems(task("t", { counts: false }))).toEqual([
      'error /counts: counts false is for a self-assessment only (rater "learner"): an assessor\'s rating always counts',
    ]);
    expect(problems(task("t", { rater: "learner", passcode }))).toEqual([
      "error /passcode: a passcode is for an assessor task only: the learner rates a self-assessment without one",
    ]);
    expect(problems(task("t", { rater: "trainer", learnerResponse: "file", counts: "yes" }))).toEqual([
      'error /learnerResponse: learnerResponse must be "text" or "none", got "file"',
      'error /rater: rater must be "assessor" or "learner", got "trainer"',
      'error /counts: counts must be true or false, got "yes"',
    ]);
  });

  it("checks the shape of the passcode hash", () => {
    expect(problems(task("t", { passcode: { algorithm: "SHA-1", iterations: 0, salt: "", hash: "short" } }))).toEqual([
      'error /passcode/algorithm: algorithm must be "PBKDF2-SHA-256", got "SHA-1"',
      "error /passcode/iterations: iterations must be a whole number ≥ 1, got 0",
      'error /passcode/salt: salt must be base64, got ""',
      'error /passcode/hash: hash must be the base64 of a 32-byte key, got "short"',
    ]);
    expect(problems(task("t", { passcode: "1234" }))[0]).toMatch(/^error \/passcode: passcode must be null or a salted hash/);
  });

  it("places the grading form's problems under /gradingForm", () => {
    const form = { method: "rubric", criteria: [{ id: "a b", description: "", levels: [{ id: "x", score: 1, description: "One" }] }] };
    expect(problems(task("t", { gradingForm: form }))).toEqual([
      'error /gradingForm/criteria/0/id: criterion id must be a short identifier (letters, digits, _ . ~ -; no spaces), got "a b"',
      "error /gradingForm/criteria/0/description: the criterion description must not be empty",
      "error /gradingForm/criteria/0/levels: a rubric criterion needs at least 2 levels, got 1",
    ]);
  });

  it("no weight-0 warning for a self-assessment that does not count (it is never graded)", () => {
    expect(validateQuestion(task("self", { rater: "learner", counts: false, weight: 0 }))).toEqual([]);
    expect(problems(task("t", { weight: 0 }))).toEqual(["warning /weight: weight 0: this question never counts toward the score"]);
  });
});

describe("validateAssessment: tasks", () => {
  it("a task in a bank is an error at its type", () => {
    const a = assessment([{ kind: "bank", id: "pool", choose: 1, order: "random", questions: [...singleChoices(1), task("observed")] }]);
    expect(validateAssessment(a).filter((p) => p.severity === "error")).toEqual([
      {
        path: "/items/0/questions/1/type",
        severity: "error",
        message: "a task cannot be in a bank: it is rated by a person, so it must be in every attempt (put it among the top-level items)",
      },
    ]);
  });

  it("self-assessments that do not count are not gradable", () => {
    const only = assessment([task("self", { rater: "learner", counts: false })]);
    expect(validateAssessment(only)).toContainEqual({
      path: "/items",
      severity: "warning",
      message: "no gradable question (surveys and self-assessments that do not count are not graded): every attempt scores 0",
    });
    const counted = assessment([task("self", { rater: "learner" })]);
    expect(validateAssessment(counted).map((p) => p.path)).not.toContain("/items");
  });
});
