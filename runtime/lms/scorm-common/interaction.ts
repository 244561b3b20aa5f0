// What both SCORM versions write for one interaction (type, response, correct patterns), and the
// decimal range both share (docs/rules/interactions.md §3–§4). null from a formatter = cannot be
// expressed validly in that version: the driver leaves it out and logs it.

import type { Response } from "../../assessment/types";
import type { QuestionData } from "../../course/types";
import { numericBounds } from "../interaction-format/values";

export interface ScormInteraction {
  /** cmi.interactions.n.type */
  type: string;
  /**
   * 2004: learner_response; 1.2: student_response. "" = the question was not answered: leave the
   * element unwritten (SCORM 2004 LMSs reject an empty learner_response for most types, error 406).
   */
  response: string;
  /** correct_responses.m.pattern values (may be empty, e.g. survey). */
  correctPatterns: string[];
}

/** SCORM decimals (CMIDecimal / real(10,7)) carry at most 10 digits before the point. */
export function fitsScormDecimal(n: number): boolean {
  return Math.abs(n) < 1e10;
}

/** A numeric question whose answer or response no SCORM decimal can hold. */
export function numericOutOfRange(question: QuestionData, response: Response | null): boolean {
  if (question.type !== "numeric") return false;
  const values = [...numericBounds(question.answer), ...(response?.type === "numeric" ? [response.value] : [])];
  return !values.every(fitsScormDecimal);
}
