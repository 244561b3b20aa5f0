// docs/rules/interactions.md §3: set id first, then type, then the rest (else 408). result
// `incorrect` (not "wrong"); latency ISO 8601; timestamp YYYY-MM-DDThh:mm:ss; description ≤ 250.
import type { InteractionReport } from "../../assessment/outcome";
import type { DataModelWrite } from "../scorm-common/data-model";
import { scorm2004Interaction } from "./interaction-format";
import { iso8601Duration, scorm2004Timestamp, scormDecimal } from "../scorm-common/time-format";

const TYPES_2004 = new Set(["true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other"]);
export const DESCRIPTION_LIMIT = 250;

/** long_identifier_type: no white space; `urn:` would demand a valid URN, so never start with it. */
export function scorm2004InteractionId(report: InteractionReport): string {
  const id = `${report.questionId}-a${report.attemptNumber}`.replace(/\s/g, "_");
  return /^urn:/i.test(id) ? `q-${id}` : id.slice(0, 4000);
}

function shortDescription(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= DESCRIPTION_LIMIT ? flat : `${flat.slice(0, DESCRIPTION_LIMIT - 1)}…`;
}

export function scorm2004InteractionWrites(report: InteractionReport, index: number, id: string, children: ReadonlySet<string>): DataModelWrite[] | null {
  const scorm = scorm2004Interaction(report);
  if (scorm === null || !TYPES_2004.has(scorm.type)) return null;
  const base = `cmi.interactions.${index}`;
  const writes: DataModelWrite[] = [{ element: `${base}.id`, value: id, kind: "interaction" }];
  const add = (child: string, value: string): void => {
    if (children.has(child)) writes.push({ element: `${base}.${child}`, value, kind: "interaction" });
  };
  add("type", scorm.type);
  const description = shortDescription(report.description);
  if (description !== "") add("description", description);
  add("timestamp", scorm2004Timestamp(report.timestamp));
  add("weighting", scormDecimal(report.weighting, 4));
  if (children.has("correct_responses")) {
    scorm.correctPatterns.forEach((pattern, m) => writes.push({ element: `${base}.correct_responses.${m}.pattern`, value: pattern, kind: "interaction" }));
  }
  // An unanswered question has no response: "" is not a valid learner_response for most types
  // (scorm-again answers 406), and leaving it unset is how SCORM says "no response".
  if (scorm.response !== "") add("learner_response", scorm.response);
  // A rated task that counts: its grade (RTE 4.2.9.x result: real(10,7)), not correct/incorrect.
  add("result", report.task?.counts ? scormDecimal(report.task.grade, 7) : report.result);
  add("latency", iso8601Duration(report.latencyMs));
  return writes;
}
