// SCORM 2004 cmi.interactions values (docs/rules/interactions.md §3) from the engine's standard-neutral
// InteractionReport: the bracket syntax xAPI shares (lms/interaction-format/bracket-syntax.ts) within
// SCORM 2004's limits. null = cannot be expressed validly: the driver leaves it out and logs it.

import type { InteractionReport } from "../../assessment/outcome";
import { bracketPatterns, bracketResponse, idsExpressible, interactionType } from "../interaction-format/bracket-syntax";
import { numericOutOfRange, type ScormInteraction } from "../scorm-common/interaction";
import { hasLineBreak, lineBreaksAsSlashes } from "../scorm-common/line-breaks";

/** SCORM 2004 fill-in learner_response: localized strings of SPM 250; long-fill-in: 4000. */
const SCORM2004_FILL_IN_MAX = 250;
const SCORM2004_LONG_FILL_IN_MAX = 4000;
/** SCORM 2004: at most 36 identifiers in a choice / matching / sequencing response or pattern. */
const SCORM2004_LIST_MAX = 36;

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
  return pieces
    .map((piece) => (piece.startsWith("{") ? ` ${piece}` : piece))
    .join(",")
    .slice(0, max);
}

/**
 * An accepted answer SCORM 2004 LMSs read back as one answer: within the length limit, no "[,]" or
 * bare "," (read as a list delimiter), no leading "{" (a delimiter), no surrounding blanks and no line
 * break (rejected).
 */
function scorm2004PatternSafe(answer: string, max: number): boolean {
  return answer.length <= max && !answer.includes(",") && !answer.startsWith("{") && answer.trim() === answer && !hasLineBreak(answer);
}

export function scorm2004Interaction(report: Pick<InteractionReport, "question" | "response">): ScormInteraction | null {
  const { question, response } = report;
  if (!idsExpressible(question) || numericOutOfRange(question, response)) return null;
  const type = interactionType(question);
  let learnerResponse = bracketResponse(question, response);
  let correctPatterns = bracketPatterns(question);
  if (question.type === "text-entry") {
    const max = question.long ? SCORM2004_LONG_FILL_IN_MAX : SCORM2004_FILL_IN_MAX;
    // A line break is rejected (406) by LMSs that check with "." (scorm-common/line-breaks.ts).
    const oneLine = lineBreaksAsSlashes(learnerResponse);
    learnerResponse = question.long ? longFillInResponse(oneLine, max) : fillInResponse(oneLine, max);
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
