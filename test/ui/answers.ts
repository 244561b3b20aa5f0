// Answering the questions on the attempt screen the way a learner does (mouse/pointer variant; the
// keyboard-only pass lives in keyboard.test.ts), right or wrong, using the built course data to
// know what is right.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { CourseData, QuestionData } from "../../runtime/course/types";

export async function readBuiltCourse(packageDir: string): Promise<CourseData> {
  return JSON.parse(await readFile(join(packageDir, "course", "course.json"), "utf8")) as CourseData;
}

export function questionsById(course: CourseData): Map<string, QuestionData> {
  const all = (course.assessment?.items ?? []).flatMap((item) => (item.kind === "bank" ? item.questions : [item]));
  return new Map(all.map((q) => [q.id, q]));
}

/** Question ids on the attempt screen, in the order shown. */
export async function shownQuestionIds(page: Page): Promise<string[]> {
  const ids = await page.locator("fieldset.pm-question").evaluateAll((sets) => sets.map((s) => s.id));
  return ids.map((id) => id.replace(/^pm-q-/, ""));
}

/** The items of an ordering question as shown, by text. */
export async function shownOrder(page: Page, questionId: string): Promise<string[]> {
  return page.locator(`#pm-q-${questionId} .pm-item`).allTextContents();
}

export type Correctness = "right" | "wrong";

export async function answerQuestion(page: Page, question: QuestionData, how: Correctness): Promise<void> {
  const base = `#pm-q-${question.id}`;
  const right = how === "right";
  switch (question.type) {
    case "single-choice": {
      const wrong = question.choices.find((c) => c.id !== question.correct)!;
      await page.check(`${base}-${right ? question.correct : wrong.id}`);
      break;
    }
    case "survey":
      await page.check(`${base}-${question.choices[0]!.id}`);
      break;
    case "true-false":
      await page.check(`${base}-${String(right ? question.answer : !question.answer)}`);
      break;
    case "multiple-response":
      for (const choice of question.choices) {
        const tick = right ? question.correct.includes(choice.id) : !question.correct.includes(choice.id);
        if (tick) await page.check(`${base}-${choice.id}`);
      }
      break;
    case "numeric": {
      const a = question.answer;
      const value = "exact" in a ? a.exact : "tolerance" in a ? a.value : (a.min + a.max) / 2;
      await page.fill(`${base}-input`, right ? String(value).replace(".", ",") : "999");
      break;
    }
    case "text-entry":
      await page.fill(`${base}-input`, right ? question.accepted[0]! : "<b>not this</b>");
      break;
    case "matching":
      for (const [i, pair] of question.pairs.entries()) {
        const other = question.pairs[(i + 1) % question.pairs.length]!;
        await page.selectOption(`${base}-${pair.id}`, right ? pair.id : other.id);
      }
      break;
    case "ordering":
      if (!right) break; // the order shown is never the right one (the engine sees to that)
      for (const [target, item] of question.items.entries()) {
        for (;;) {
          const order = await shownOrder(page, question.id);
          const at = order.indexOf(item.text);
          if (at <= target) break;
          await page.click(`${base} li:nth-child(${at + 1}) button:first-child`);
        }
      }
      break;
  }
}

export async function answerAll(page: Page, course: CourseData, how: Correctness): Promise<string[]> {
  const byId = questionsById(course);
  const ids = await shownQuestionIds(page);
  for (const id of ids) await answerQuestion(page, byId.get(id)!, how);
  return ids;
}
