// The standard-neutral report of a rated task (docs/reporting.md "Rated tasks"): grade, criteria with
// what the rater entered, remarks, feedback, rater and time. Null for anything not rated and submitted.

import type { QuestionData } from "../../course/types";
import type { TaskReport } from "../outcome";
import { isRated, ratingGrade } from "../task-rating";
import type { Response } from "../types";

/** The task's report, or null: not a task, or its form is not complete and submitted (nothing unrated leaves). */
export function taskReport(question: QuestionData, response: Response | undefined): TaskReport | null {
  if (question.type !== "task" || response?.type !== "task" || !isRated(question, response)) return null;
  const rating = response.rating!;
  const { grade, criteria } = ratingGrade(question, rating);
  if (grade === null || rating.rater === null || rating.ratedAt === null) return null;
  return {
    method: question.gradingForm.method,
    grade,
    counts: question.counts,
    criteria: question.gradingForm.criteria.map((c) => ({
      id: c.id,
      description: c.description,
      value: criteria[c.id] ?? null,
      entered: Object.prototype.hasOwnProperty.call(rating.filling, c.id) ? rating.filling[c.id]! : null,
      remark: rating.remarks[c.id] ?? "",
    })),
    feedback: rating.feedback,
    rater: rating.rater.role === "learner" ? { role: "learner" } : { role: "assessor", name: rating.rater.name, id: rating.rater.id },
    ratedAt: rating.ratedAt,
  };
}
