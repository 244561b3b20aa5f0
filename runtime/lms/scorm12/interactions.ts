// docs/rules/interactions.md §4: cmi.interactions.n.* are write-only; id, type, student_response,
// result (`wrong`, not "incorrect"), weighting, latency (CMITimespan), time (HH:MM:SS),
// correct_responses.m.pattern. interaction-format.ts formats type/response/patterns; we place them.
import type { InteractionReport } from "../../assessment/outcome";
import type { DataModelWrite } from "../scorm-common/data-model";
import { scorm12Interaction } from "./interaction-format";
import { scorm12Timespan, scorm12TimeOfDay, scormDecimal } from "../scorm-common/time-format";

const RESULT_12 = { correct: "correct", incorrect: "wrong", neutral: "neutral" } as const;
const TYPES_12 = new Set(["true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric"]);

/** CMIIdentifier: no white space, ≤ 255 characters. */
export function scorm12InteractionId(report: InteractionReport): string {
  return `${report.questionId}-a${report.attemptNumber}`.replace(/[^\x21-\x7e]/g, "_").slice(0, 240);
}

export function scorm12InteractionWrites(report: InteractionReport, index: number, id: string, children: ReadonlySet<string>): DataModelWrite[] | null {
  const scorm = scorm12Interaction(report);
  if (scorm === null || !TYPES_12.has(scorm.type) || scorm.response.length > 255) return null;
  const base = `cmi.interactions.${index}`;
  const writes: DataModelWrite[] = [{ element: `${base}.id`, value: id, kind: "interaction" }];
  const add = (child: string, value: string): void => {
    if (children.has(child)) writes.push({ element: `${base}.${child}`, value, kind: "interaction" });
  };
  add("type", scorm.type);
  add("time", scorm12TimeOfDay(report.timestamp));
  add("weighting", scormDecimal(report.weighting, 4));
  // Unanswered: leave student_response unset rather than write an empty value an LMS may refuse.
  if (scorm.response !== "") add("student_response", scorm.response);
  // A rated task that counts: its grade (RTE 3.4.2 result: a CMIDecimal, 2 decimals as LMSs check it).
  add("result", report.task?.counts ? scormDecimal(report.task.grade, 2) : RESULT_12[report.result]);
  add("latency", scorm12Timespan(report.latencyMs));
  if (children.has("correct_responses")) {
    scorm.correctPatterns.forEach((pattern, m) => writes.push({ element: `${base}.correct_responses.${m}.pattern`, value: pattern, kind: "interaction" }));
  }
  return writes;
}
