// SCORM 1.2 cmi.interactions values (docs/rules/interactions.md §4) from the engine's standard-neutral
// InteractionReport: options as ONE character 0-9a-z, commas between items, "." inside a pair.
// null = cannot be expressed validly: the driver leaves it out and logs it.

import type { InteractionReport } from "../../assessment/outcome";
import type { Response } from "../../assessment/types";
import type { QuestionData } from "../../course/types";
import { taskSteps } from "../interaction-format/bracket-syntax";
import { matchedPairs, numericBounds, optionIds, pickedInAuthoredOrder, plainNumber } from "../interaction-format/values";
import { numericOutOfRange, type ScormInteraction } from "../scorm-common/interaction";
import { hasLineBreak, lineBreaksAsSlashes } from "../scorm-common/line-breaks";

/** SCORM 1.2 student_response / pattern: CMIString255. */
const SCORM12_STRING_MAX = 255;
/** SCORM 1.2 identifies options by ONE character: 36 at most (lms/reporting-limits.ts warns authors). */
const SCORM12_IDS = "0123456789abcdefghijklmnopqrstuvwxyz";

/** SCORM 1.2 single-character identifier of the option at `position` (0-9 then a-z). */
function charAt(position: number): string {
  return SCORM12_IDS[position] ?? "";
}

function scorm12Response(question: QuestionData, response: Response | null): string {
  if (!response) return "";
  const ids = optionIds(question);
  const ch = (id: string): string => charAt(ids.indexOf(id));
  switch (response.type) {
    case "single-choice":
    case "survey":
      return ids.includes(response.choice) ? ch(response.choice) : "";
    case "multiple-response":
      return pickedInAuthoredOrder(ids, response.choices).map(ch).join(",");
    case "true-false":
      return response.value ? "t" : "f";
    case "numeric":
      return plainNumber(response.value);
    case "text-entry":
      // A line break is rejected (405) by LMSs that check with "." (scorm-common/line-breaks.ts).
      return lineBreaksAsSlashes(response.text).slice(0, SCORM12_STRING_MAX);
    case "matching":
      return matchedPairs(ids, response.matches)
        .map(([s, t]) => `${ch(s)}.${ch(t)}`)
        .join(",");
    case "ordering":
      return response.order
        .filter((id) => ids.includes(id))
        .map(ch)
        .join(",");
    case "task": {
      // CMIFeedback holds 255 characters: whole "criterion.value" steps only.
      let out = "";
      for (const [id, value] of taskSteps(question, response)) {
        const next = out === "" ? `${id}.${value}` : `${out},${id}.${value}`;
        if (next.length > SCORM12_STRING_MAX) break;
        out = next;
      }
      return out;
    }
  }
}

function scorm12Patterns(question: QuestionData): string[] {
  const ids = optionIds(question);
  const ch = (id: string): string => charAt(ids.indexOf(id));
  switch (question.type) {
    case "single-choice":
      return [ch(question.correct)];
    case "multiple-response":
      return [pickedInAuthoredOrder(ids, question.correct).map(ch).join(",")];
    case "true-false":
      return [question.answer ? "t" : "f"];
    case "numeric": {
      // 1.2 numeric patterns are a single number: a tolerance or range cannot be expressed.
      const [min, max] = numericBounds(question.answer);
      return min === max ? [plainNumber(min)] : [];
    }
    case "text-entry":
      return question.accepted.filter((a) => a.length <= SCORM12_STRING_MAX && !hasLineBreak(a));
    case "matching":
      return [question.pairs.map((p) => `${ch(p.id)}.${ch(p.id)}`).join(",")];
    case "ordering":
      return [question.items.map((i) => ch(i.id)).join(",")];
    case "survey":
    case "task":
      return [];
  }
}

const SCORM12_TYPES: Record<QuestionData["type"], string> = {
  "single-choice": "choice",
  "multiple-response": "choice",
  "true-false": "true-false",
  numeric: "numeric",
  "text-entry": "fill-in",
  matching: "matching",
  ordering: "sequencing",
  survey: "likert",
  task: "performance",
};

export function scorm12Interaction(report: Pick<InteractionReport, "question" | "response">): ScormInteraction | null {
  const { question, response } = report;
  // Options are identified by ONE character 0-9a-z: more than 36 cannot be reported validly.
  if (optionIds(question).length > SCORM12_IDS.length || numericOutOfRange(question, response)) return null;
  return { type: SCORM12_TYPES[question.type], response: scorm12Response(question, response), correctPatterns: scorm12Patterns(question) };
}
