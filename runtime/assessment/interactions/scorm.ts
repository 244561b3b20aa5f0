// SCORM 2004 and SCORM 1.2 cmi.interactions values (docs/rules/interactions.md §3–§4). null = cannot be expressed
// validly in that standard: the driver leaves it out and logs it.

import type { QuestionData } from "../../course/types";
import type { ScormInteraction } from "../outcome";
import type { Response } from "../types";
import { fitsScormDecimal, matchedPairs, numericBounds, optionIds, pickedInAuthoredOrder, plainNumber } from "./format";
import { bracketPatterns, bracketResponse, idsExpressible, interactionType, taskSteps } from "./xapi";

/** SCORM 2004 fill-in learner_response: localized strings of SPM 250; long-fill-in: 4000. */
const SCORM2004_FILL_IN_MAX = 250;
const SCORM2004_LONG_FILL_IN_MAX = 4000;
/** SCORM 2004: at most 36 identifiers in a choice / matching / sequencing response or pattern. */
const SCORM2004_LIST_MAX = 36;
/** SCORM 1.2 student_response / pattern: CMIString255. */
const SCORM12_STRING_MAX = 255;
const SCORM12_IDS = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A leading "{" would be read as a {lang=...} delimiter (LMSs reject it, error 406): keep it literal behind a space. */
function longFillInResponse(text: string, max: number): string {
  return (text.startsWith("{") ? ` ${text}` : text).slice(0, max);
}

/**
 * A fill-in learner_response is a LIST of strings: "[,]" separates them, and LMSs such as scorm-again
 * also split on a bare "," and accept at most 10 strings. So the learner's literal "[,]" is written
 * as ",", a "{" opening any piece is kept literal behind a space, and the text stops before an 11th
 * piece and at 250 characters: what fits, never an invalid value.
 */
function fillInResponse(text: string, max: number): string {
  const pieces = text.replace(/\[,\]/g, ",").split(",").slice(0, 10);
  return pieces.map((piece) => (piece.startsWith("{") ? ` ${piece}` : piece)).join(",").slice(0, max);
}

/**
 * An accepted answer SCORM 2004 LMSs read back as one answer: within the length limit, no "[,]" or
 * bare "," (read as a list delimiter), no leading "{" (a delimiter), no surrounding blanks (rejected).
 */
function scorm2004PatternSafe(answer: string, max: number): boolean {
  return answer.length <= max && !answer.includes(",") && !answer.startsWith("{") && answer.trim() === answer;
}

/** A numeric question whose answer or response no SCORM decimal can hold. */
function numericOutOfRange(question: QuestionData, response: Response | undefined): boolean {
  if (question.type !== "numeric") return false;
  const values = [...numericBounds(question.answer), ...(response?.type === "numeric" ? [response.value] : [])];
  return !values.every(fitsScormDecimal);
}

export function scorm2004Interaction(question: QuestionData, response: Response | undefined): ScormInteraction | null {
  if (!idsExpressible(question) || numericOutOfRange(question, response)) return null;
  const type = interactionType(question);
  let learnerResponse = bracketResponse(question, response);
  let correctPatterns = bracketPatterns(question);
  if (question.type === "text-entry") {
    const max = question.long ? SCORM2004_LONG_FILL_IN_MAX : SCORM2004_FILL_IN_MAX;
    learnerResponse = question.long ? longFillInResponse(learnerResponse, max) : fillInResponse(learnerResponse, max);
    correctPatterns = correctPatterns.filter((p) => scorm2004PatternSafe(p.replace(/^\{case_matters=true\}/, ""), max));
    // LMSs (scorm-again among them) reject {case_matters=true} on long-fill-in, and a pattern without
    // it would claim case does not matter: report no pattern rather than a wrong one.
    if (question.long && question.caseSensitive) correctPatterns = [];
  }
  // Lists of identifiers hold at most 36 entries (SPM) in choice, matching and sequencing values.
  const lists = question.type === "text-entry" ? [] : [learnerResponse, ...correctPatterns];
  if (lists.some((value) => value.split("[,]").length > SCORM2004_LIST_MAX)) return null;
  return { type, response: learnerResponse, correctPatterns };
}

/** SCORM 1.2 single-character identifier of the option at `position` (0-9 then a-z). */
function charAt(position: number): string {
  return SCORM12_IDS[position] ?? "";
}

function scorm12Response(question: QuestionData, response: Response | undefined): string {
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
      return response.text.slice(0, SCORM12_STRING_MAX);
    case "matching":
      return matchedPairs(ids, response.matches).map(([s, t]) => `${ch(s)}.${ch(t)}`).join(",");
    case "ordering":
      return response.order.filter((id) => ids.includes(id)).map(ch).join(",");
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
      return question.accepted.filter((a) => a.length <= SCORM12_STRING_MAX);
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

export function scorm12Interaction(question: QuestionData, response: Response | undefined): ScormInteraction | null {
  // Options are identified by ONE character 0-9a-z: more than 36 cannot be reported validly.
  if (optionIds(question).length > SCORM12_IDS.length || numericOutOfRange(question, response)) return null;
  return { type: SCORM12_TYPES[question.type], response: scorm12Response(question, response), correctPatterns: scorm12Patterns(question) };
}
