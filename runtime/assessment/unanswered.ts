// What the learner left unanswered in an attempt (the warning before submit lists it), and which
// criteria of a grading form still need a value. A task asks the learner for its text and, in a
// self-assessment, the form: an assessor's form is never the learner's to fill in.

import type { QuestionData } from "../course/types";
import type { FormFilling, GradingForm } from "./grading-form-types";
import { taskKit } from "./task-kit";
import type { AnsweredQuestion, Response } from "./types";

/** Whether a response says something (an empty text or no ticked box counts as unanswered). */
export function responseSaysSomething(response: Response | undefined): boolean {
  if (!response) return false;
  switch (response.type) {
    case "multiple-response":
      return response.choices.length > 0;
    case "text-entry":
      return response.text.trim() !== "";
    case "matching":
      return Object.keys(response.matches).length > 0;
    default:
      return true;
  }
}

/**
 * Ids of the criteria that still need a value before the form is complete, in form order: every
 * rubric row; in a guide or errors form each criterion that counts (weight 0 never needs one).
 * (grading-forms.ts, loaded with the task code: task-kit.ts)
 */
export function missingCriteria(form: GradingForm, filling: FormFilling): string[] {
  return taskKit().missingCriteria(form, filling);
}

/** Whether the learner has left something of `question` to do. An ordering question's shown order is an answer. */
export function isUnanswered(question: QuestionData, response: Response | undefined): boolean {
  if (question.type === "ordering") return false;
  if (question.type !== "task") return !responseSaysSomething(response);
  const given = response?.type === "task" ? response : null;
  if (question.learnerResponse === "text" && (given?.text.trim() ?? "") === "") return true;
  return question.rater === "learner" && missingCriteria(question.gradingForm, given?.rating?.filling ?? {}).length > 0;
}

/** The ids of `questionIds` (an attempt's draw, in order) the learner has left unanswered. */
export function unansweredQuestions(
  questionIds: readonly string[],
  questions: ReadonlyMap<string, QuestionData>,
  answers: Readonly<Record<string, AnsweredQuestion>>,
): string[] {
  return questionIds.filter((id) => {
    const question = questions.get(id);
    return question !== undefined && isUnanswered(question, answers[id]?.response);
  });
}
