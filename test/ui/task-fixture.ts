// Task questions for the browser suites while the authored course has none yet: a TaskQuestion with
// each grading form, a passcode hash as the build makes it (PBKDF2-SHA-256 of the passcode's UTF-8),
// and a copy of a built package whose course/course.json assessment holds the given items.
import { pbkdf2Sync, randomBytes } from "node:crypto";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { GradingForm } from "../../runtime/assessment/grading-forms";
import type { CourseData, PasscodeHash, QuestionData, TaskQuestion } from "../../runtime/course/types";

export const RUBRIC: GradingForm = {
  method: "rubric",
  criteria: [
    {
      id: "plan",
      description: "Plans the task",
      levels: [
        { id: "none", score: 0, description: "No plan" },
        { id: "some", score: 2, description: "A partial plan" },
        { id: "full", score: 3, description: "A complete plan" },
      ],
    },
    {
      id: "safety",
      description: "Works safely",
      levels: [
        { id: "unsafe", score: 0, description: "Unsafe" },
        { id: "mostly", score: 1, description: "Mostly safe" },
        { id: "always", score: 2, description: "Always safe" },
      ],
    },
  ],
};

export const GUIDE: GradingForm = {
  method: "guide",
  criteria: [
    { id: "method", description: "Follows the method", weight: 2, maxPoints: 10 },
    { id: "manner", description: "Speaks calmly", scale: ["poor", "fair", "good", "excellent"] },
    { id: "tidy", description: "Leaves the bench tidy", weight: 0, scale: ["no", "yes"] },
  ],
};

export const ERRORS: GradingForm = {
  method: "errors",
  criteria: [
    { id: "gloves", description: "Puts on gloves" },
    { id: "seal", description: "Seals the container", weight: 2 },
  ],
  mapping: [
    { errors: 1, grade: 80 },
    { errors: 3, grade: 40 },
  ],
};

export function passcodeHash(passcode: string, iterations = 2000): PasscodeHash {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(Buffer.from(passcode, "utf8"), salt, iterations, 32, "sha256");
  return { algorithm: "PBKDF2-SHA-256", iterations, salt: salt.toString("base64"), hash: hash.toString("base64") };
}

export function task(id: string, instructions: string, gradingForm: GradingForm, over: Partial<TaskQuestion> = {}): TaskQuestion {
  return {
    kind: "question",
    id,
    type: "task",
    prompt: { html: `<p>${instructions}</p>`, text: instructions },
    weight: 1,
    feedback: { correct: null, incorrect: null },
    learnerResponse: "text",
    gradingForm,
    rater: "assessor",
    counts: true,
    passcode: null,
    ...over,
  };
}

/**
 * A copy of the unpacked package `packageDir` (next to it, named `<dir>-<name>`) whose assessment
 * holds `items` (questions of the built course by id, or new ones), reviewable always.
 */
export async function packageWithItems(packageDir: string, name: string, items: (string | QuestionData)[]): Promise<{ dir: string; course: CourseData }> {
  const dir = `${packageDir}-${name}`;
  await cp(packageDir, dir, { recursive: true });
  const file = join(dir, "course", "course.json");
  const course = JSON.parse(await readFile(file, "utf8")) as CourseData;
  const assessment = course.assessment!;
  const existing = new Map(assessment.items.flatMap((i) => (i.kind === "bank" ? i.questions : [i])).map((q) => [q.id, q]));
  assessment.items = items.map((item) => (typeof item === "string" ? existing.get(item)! : item));
  assessment.review = "always";
  await writeFile(file, JSON.stringify(course));
  return { dir, course };
}
