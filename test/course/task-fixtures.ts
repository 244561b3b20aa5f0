// Task fixtures for the course tests: the three grading forms, a task item, a course holding
// questions, the built tasks of a course, and the browser's passcode check (WebCrypto PBKDF2).
import { webcrypto } from "node:crypto";
import { loadCourse } from "../../authoring/course/load-course";
import type { PasscodeHash, TaskQuestion } from "../../runtime/course/types";
import { baseCourse, makeCourse } from "./course-fixtures";

// Fixtures are edited freely (deep property access on plain JSON).
export type Json = Record<string, any>;

export const rubricForm = (): Json => ({
  method: "rubric",
  criteria: [
    {
      id: "plan",
      description: "Plans the task",
      levels: [
        { id: "none", score: 0, description: "No plan" },
        { id: "full", score: 2, description: "A full plan" },
      ],
    },
  ],
});
export const guideForm = (): Json => ({
  method: "guide",
  criteria: [
    { id: "method", description: "Follows the method", weight: 2, maxPoints: 10 },
    { id: "safety", description: "Works safely", scale: ["poor", "fair", "good"] },
  ],
});
export const errorsForm = (): Json => ({
  method: "errors",
  criteria: [
    { id: "gloves", description: "Puts on gloves" },
    { id: "seal", description: "Seals the container", weight: 2 },
  ],
  mapping: [
    { errors: 1, grade: 80 },
    { errors: 3, grade: 0 },
  ],
});
export const task = (id: string, over: Json = {}): Json => ({ id, type: "task", prompt: `Do **${id}**.`, gradingForm: rubricForm(), ...over });
export const tf = { id: "q1", type: "true-false", prompt: "Is it?", answer: true };

/** A course whose assessment holds `questions`. */
export const courseWith = (questions: Json[], edit: (c: Json) => void = () => {}): Json => {
  const c: Json = baseCourse();
  c.assessment = { attempts: 2, questions };
  edit(c);
  return c;
};

export async function tasksOf(c: Json): Promise<{ tasks: Map<string, TaskQuestion>; warnings: string[] }> {
  const loaded = await loadCourse(makeCourse({ "course.json": c }));
  const items = loaded.data.assessment!.items.flatMap((i) => (i.kind === "bank" ? i.questions : [i]));
  const tasks = new Map(items.flatMap((q) => (q.type === "task" ? [[q.id, q] as [string, TaskQuestion]] : [])));
  return { tasks, warnings: loaded.warnings.map((w) => `${w.path}: ${w.message}`) };
}

/** What the browser does: WebCrypto PBKDF2 with the parameters the hash carries. */
export async function browserCheck(typed: string, stored: PasscodeHash): Promise<boolean> {
  const key = await webcrypto.subtle.importKey("raw", new TextEncoder().encode(typed.normalize("NFC")), "PBKDF2", false, ["deriveBits"]);
  const bits = await webcrypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: Buffer.from(stored.salt, "base64"), iterations: stored.iterations },
    key,
    256,
  );
  return Buffer.from(bits).toString("base64") === stored.hash;
}
