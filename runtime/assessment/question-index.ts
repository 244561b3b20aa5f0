// Every question of an assessment by id (issue 14 item 1: a file of its own, so that a launch that
// needs only this does not carry the bank's draw; bank.ts re-exports it).
import type { AssessmentData, QuestionData } from "../course/types";

const indexes = new WeakMap<AssessmentData, ReadonlyMap<string, QuestionData>>();

/**
 * Every question the assessment can show, by id (top-level and bank questions, in authored order).
 * Computed once per assessment object: course data is immutable.
 */
export function questionIndex(assessment: AssessmentData): ReadonlyMap<string, QuestionData> {
  let byId = indexes.get(assessment);
  if (!byId) {
    const map = new Map<string, QuestionData>();
    for (const item of assessment.items) {
      for (const q of item.kind === "bank" ? item.questions : [item]) map.set(q.id, q);
    }
    indexes.set(assessment, map);
    byId = map;
  }
  return byId;
}
