// Finished attempts and the attempt in progress ↔ text. Questions are referenced by their index in
// the assessment (questionIndex order), options by index; a draw that the seed reproduces is written
// as "=" (the seed and the earlier draws ARE the draw), any other draw explicitly.

import type { AssessmentData, QuestionData } from "../../course/types";
import { drawAttempt, seenCounts } from "../bank";
import { optionIds } from "../responses";
import type { AnsweredQuestion, AttemptDraw, AttemptInProgress, AttemptResult, FinishedAttempt, Response } from "../types";
import {
  decodeIndexList,
  decodeInt,
  decodeNullableNumber,
  decodeNumber,
  encodeIndexList,
  encodeInt,
  encodeNullableNumber,
  encodeNumber,
  fail,
  splitExact,
} from "./primitives";
import { decodeResponse, encodeResponse } from "./response-tokens";

export interface AssessmentIndex {
  assessment: AssessmentData;
  questions: QuestionData[];
  positions: Map<string, number>;
}

const STATUS = { passed: "p", failed: "f", unableToPass: "u" } as const;
const STATUS_BY_CHAR: Record<string, AttemptResult["status"]> = { p: "passed", f: "failed", u: "unableToPass" };

function sameDraw(a: AttemptDraw, b: AttemptDraw): boolean {
  if (a.questions.length !== b.questions.length) return false;
  return a.questions.every((qa, i) => {
    const qb = b.questions[i] as AttemptDraw["questions"][number];
    if (qa.questionId !== qb.questionId) return false;
    if (qa.presentedOrder === null || qb.presentedOrder === null) return qa.presentedOrder === qb.presentedOrder;
    return qa.presentedOrder.length === qb.presentedOrder.length && qa.presentedOrder.every((id, j) => id === qb.presentedOrder?.[j]);
  });
}

function encodeDraw(draw: AttemptDraw | null, seed: number, earlier: (AttemptDraw | null)[], index: AssessmentIndex): string {
  if (draw === null) return "~";
  if (sameDraw(draw, drawAttempt(index.assessment, seed, seenCounts(earlier)))) return "=";
  return draw.questions
    .map(({ questionId, presentedOrder }) => {
      const position = index.positions.get(questionId);
      if (position === undefined) return fail(`question ${questionId} is not in the course`);
      if (presentedOrder === null) return encodeInt(position);
      const ids = optionIds(index.questions[position] as QuestionData);
      return `${encodeInt(position)}'${encodeIndexList(
        presentedOrder.map((id) => ids.indexOf(id)),
        ids.length,
      )}`;
    })
    .join(":");
}

function decodeDraw(text: string, seed: number, earlier: (AttemptDraw | null)[], index: AssessmentIndex): AttemptDraw | null {
  if (text === "~") return null;
  if (text === "=") return drawAttempt(index.assessment, seed, seenCounts(earlier));
  if (text === "") return { questions: [] };
  return {
    questions: text.split(":").map((entry) => {
      const [positionText, orderText, extra] = entry.split("'");
      if (extra !== undefined) fail("bad drawn question");
      const question = index.questions[decodeInt(positionText ?? "")];
      if (!question) fail("drawn question out of range");
      const ids = optionIds(question);
      return { questionId: question.id, presentedOrder: orderText === undefined ? null : decodeIndexList(orderText, ids.length).map((i) => ids[i] as string) };
    }),
  };
}

function drawnQuestions(draw: AttemptDraw, index: AssessmentIndex): QuestionData[] {
  return draw.questions.map((d) => {
    const position = index.positions.get(d.questionId);
    return position === undefined ? fail(`question ${d.questionId} is not in the course`) : (index.questions[position] as QuestionData);
  });
}

function splitList(text: string, count: number, what: string): string[] {
  // An empty text is one empty token; a draw of zero questions has no tokens.
  return count === 0 ? (text === "" ? [] : fail(`${what}: unexpected tokens`)) : splitExact(text, ":", count, what);
}

export function encodeFinished(a: FinishedAttempt, earlier: (AttemptDraw | null)[], index: AssessmentIndex): string {
  const r = a.result;
  // Response details are meaningless without the draw they belong to.
  const responses =
    a.draw === null || a.responses === null
      ? "~"
      : drawnQuestions(a.draw, index)
          .map((q) => encodeResponse(q, a.responses?.[q.id]))
          .join(":");
  return [
    encodeInt(a.number),
    encodeInt(a.seed),
    encodeInt(a.startedAt),
    encodeInt(a.submittedAt - a.startedAt),
    encodeNumber(a.passingScore),
    STATUS[r.status],
    encodeInt(r.attemptNumber),
    encodeNumber(r.attemptScore),
    encodeNullableNumber(r.assessmentScore),
    r.rewardedMods.map(encodeInt).join(":"),
    encodeNumber(r.rewardTotal),
    encodeNullableNumber(r.assessmentModdedScore),
    encodeDraw(a.draw, a.seed, earlier, index),
    responses,
  ].join(",");
}

/** The fields of a finished attempt that do not depend on the questions: its RESULT (docs/rules/assessment.md §3). */
function decodeResultFields(f: string[]): Omit<FinishedAttempt, "draw" | "responses"> {
  const startedAt = decodeInt(f[2] as string);
  return {
    number: decodeInt(f[0] as string),
    seed: decodeInt(f[1] as string),
    startedAt,
    submittedAt: startedAt + decodeInt(f[3] as string),
    passingScore: decodeNumber(f[4] as string),
    result: {
      status: STATUS_BY_CHAR[f[5] as string] ?? fail("bad attempt status"),
      attemptNumber: decodeInt(f[6] as string),
      attemptScore: decodeNumber(f[7] as string),
      assessmentScore: decodeNullableNumber(f[8] as string),
      rewardedMods: f[9] === "" ? [] : (f[9] as string).split(":").map(decodeInt),
      rewardTotal: decodeNumber(f[10] as string),
      assessmentModdedScore: decodeNullableNumber(f[11] as string),
    },
  };
}

export function decodeFinished(text: string, earlier: (AttemptDraw | null)[], index: AssessmentIndex): FinishedAttempt {
  const f = splitExact(text, ",", 14, "finished attempt");
  const base = decodeResultFields(f);
  const draw = decodeDraw(f[12] as string, base.seed, earlier, index);
  let responses: Record<string, Response> | null = null;
  if (f[13] !== "~") {
    if (!draw) fail("responses without a draw");
    const questions = drawnQuestions(draw, index);
    const tokens = splitList(f[13] as string, questions.length, "responses");
    responses = {};
    questions.forEach((q, i) => {
      const response = decodeResponse(q, tokens[i] as string);
      if (response && responses) responses[q.id] = response;
    });
  }
  return { ...base, draw, responses };
}

/**
 * A finished attempt written for a different version of the assessment: its result (raw score,
 * number, passing score, rubric fields) is kept; its draw and responses, which are indices into the
 * old questions, are dropped.
 */
export function decodeFinishedResult(text: string): FinishedAttempt {
  return { ...decodeResultFields(splitExact(text, ",", 14, "finished attempt")), draw: null, responses: null };
}

export function encodeCurrent(c: AttemptInProgress, earlier: (AttemptDraw | null)[], index: AssessmentIndex): string {
  const answers = drawnQuestions(c.draw, index).map((q) => {
    const answer = c.answers[q.id];
    if (!answer) return "";
    // A 4th part "L" only for a locked (checked) answer: states written before stay as they were.
    return `${encodeResponse(q, answer.response)}*${encodeInt(answer.answeredAt - c.startedAt)}*${encodeInt(answer.timeMs)}${answer.locked ? "*L" : ""}`;
  });
  const fields = [
    encodeInt(c.number),
    encodeInt(c.seed),
    encodeInt(c.startedAt),
    encodeInt(c.lastActivityAt - c.startedAt),
    encodeDraw(c.draw, c.seed, earlier, index),
    answers.join(":"),
  ];
  // A 7th field only while the attempt awaits rating: states written before tasks existed stay as they were.
  if (c.handedInAt !== null) fields.push(encodeInt(c.handedInAt - c.startedAt));
  return fields.join(",");
}

export function decodeCurrent(text: string, earlier: (AttemptDraw | null)[], index: AssessmentIndex): AttemptInProgress {
  const f = text.split(",");
  if (f.length !== 6 && f.length !== 7) fail(`attempt in progress: expected 6 or 7 fields, found ${f.length}`);
  const seed = decodeInt(f[1] as string);
  const startedAt = decodeInt(f[2] as string);
  const draw = decodeDraw(f[4] as string, seed, earlier, index) ?? fail("the attempt in progress has no draw");
  const questions = drawnQuestions(draw, index);
  const tokens = splitList(f[5] as string, questions.length, "answers");
  const answers: Record<string, AnsweredQuestion> = {};
  questions.forEach((q, i) => {
    const token = tokens[i] as string;
    if (token === "") return;
    const parts = token.split("*");
    const [responseText, answeredText, timeText, lockText] = parts.length === 4 ? parts : splitExact(token, "*", 3, "answer");
    if (lockText !== undefined && lockText !== "L") fail("bad answer lock");
    const response = decodeResponse(q, responseText as string) ?? fail("an answer without a response");
    const answer: AnsweredQuestion = { response, answeredAt: startedAt + decodeInt(answeredText as string), timeMs: decodeInt(timeText as string) };
    if (lockText) answer.locked = true;
    answers[q.id] = answer;
  });
  const handedInAt = f[6] === undefined ? null : startedAt + decodeInt(f[6]);
  return { number: decodeInt(f[0] as string), seed, startedAt, lastActivityAt: startedAt + decodeInt(f[3] as string), draw, answers, handedInAt };
}
