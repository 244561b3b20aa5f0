// One response ↔ one token, using the question's definition to keep it short (indices into the
// question's options instead of ids). Tokens never contain the codec separators | ; , : * ~ =
// Unanswered = "" (text-entry tokens always start with "'", task tokens with "^", so "" stays unambiguous).

import type { QuestionData } from "../../course/types";
import { optionIds } from "../responses";
import type { Response } from "../types";
import { taskKit } from "../task-kit";
import {
  decodeBits,
  decodeDigits,
  decodeIndexList,
  decodeNumber,
  digitWidth,
  encodeBits,
  encodeDigits,
  encodeIndexList,
  encodeNumber,
  escapeText,
  fail,
  unescapeText,
} from "./primitives";

const NO_MATCH = ".";

export function encodeResponse(question: QuestionData, response: Response | undefined): string {
  if (!response) return "";
  const ids = optionIds(question);
  const width = digitWidth(ids.length);
  const index = (id: string): number => ids.indexOf(id);
  switch (response.type) {
    case "single-choice":
    case "survey":
      return encodeDigits(index(response.choice), width);
    case "multiple-response":
      return encodeBits(new Set(response.choices.map(index)), ids.length);
    case "true-false":
      return response.value ? "t" : "f";
    case "numeric":
      return encodeNumber(response.value);
    case "text-entry":
      return `'${escapeText(response.text)}`;
    case "matching":
      return ids
        .map((id) => (Object.prototype.hasOwnProperty.call(response.matches, id) ? encodeDigits(index(response.matches[id] as string), width) : NO_MATCH))
        .join("");
    case "ordering":
      return encodeIndexList(response.order.map(index), ids.length);
    case "task":
      return question.type === "task" ? taskKit().encodeTaskToken(question, response) : fail("a task response for another question");
  }
}

export function decodeResponse(question: QuestionData, token: string): Response | undefined {
  if (token === "") return undefined;
  const ids = optionIds(question);
  const width = digitWidth(ids.length);
  const id = (i: number): string => ids[i] as string;
  switch (question.type) {
    case "single-choice":
    case "survey":
      if (token.length !== width) fail("bad choice token");
      return { type: question.type, choice: id(decodeDigits(token, ids.length)) };
    case "multiple-response": {
      const picked = decodeBits(token, ids.length);
      return { type: "multiple-response", choices: ids.filter((_, i) => picked.has(i)) };
    }
    case "true-false":
      if (token !== "t" && token !== "f") fail("bad true-false token");
      return { type: "true-false", value: token === "t" };
    case "numeric":
      return { type: "numeric", value: decodeNumber(token) };
    case "text-entry":
      if (!token.startsWith("'")) fail("bad text token");
      return { type: "text-entry", text: unescapeText(token.slice(1)) };
    case "matching": {
      const matches: Record<string, string> = {};
      let at = 0;
      for (const source of ids) {
        if (token[at] === NO_MATCH) {
          at += 1;
          continue;
        }
        const digits = token.slice(at, at + width);
        if (digits.length !== width) fail("matching token too short");
        matches[source] = id(decodeDigits(digits, ids.length));
        at += width;
      }
      if (at !== token.length) fail("matching token too long");
      return { type: "matching", matches };
    }
    case "ordering": {
      const order = decodeIndexList(token, ids.length);
      if (order.length !== ids.length || new Set(order).size !== ids.length) fail("ordering token is not a permutation");
      return { type: "ordering", order: order.map(id) };
    }
    case "task":
      return taskKit().decodeTaskToken(question, token);
  }
}
