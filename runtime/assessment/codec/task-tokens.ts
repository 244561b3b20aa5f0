// A task response ↔ one token: "^" + fields separated by "$" — the learner's text, then (when a
// rating exists) the filling per criterion in form order, the remarks, the feedback, the rater and
// when it was rated; lists inside a field are separated by "(". escapeText never writes "$" or "(".

import type { TaskQuestion } from "../../course/types";
import type { Rater, Response, TaskRating } from "../types";
import { decodeInt, decodeNumber, encodeInt, encodeNumber, escapeText, fail, unescapeText } from "./primitives";

type TaskResponse = Extract<Response, { type: "task" }>;

const FIELD = "$";
const LIST = "(";

function encodeValue(task: TaskQuestion, index: number, value: string | number | boolean | undefined): string {
  if (value === undefined) return "";
  const form = task.gradingForm;
  if (form.method === "rubric") {
    const at = form.criteria[index]?.levels.findIndex((l) => l.id === value) ?? -1;
    return at < 0 ? "" : encodeInt(at);
  }
  if (form.method === "guide") {
    const c = form.criteria[index];
    if (c && "scale" in c) {
      const at = typeof value === "string" ? c.scale.indexOf(value) : -1;
      return at < 0 ? "" : encodeInt(at);
    }
    return typeof value === "number" ? encodeNumber(value) : "";
  }
  return value === true ? "t" : value === false ? "f" : "";
}

function decodeValue(task: TaskQuestion, index: number, token: string): string | number | boolean | undefined {
  if (token === "") return undefined;
  const form = task.gradingForm;
  if (form.method === "rubric") return form.criteria[index]?.levels[decodeInt(token)]?.id ?? fail("bad rubric level");
  if (form.method === "guide") {
    const c = form.criteria[index];
    if (c && "scale" in c) return c.scale[decodeInt(token)] ?? fail("bad scale label");
    return decodeNumber(token);
  }
  if (token !== "t" && token !== "f") fail("bad yes/no token");
  return token === "t";
}

function encodeRater(rater: Rater | null): string {
  if (rater === null) return "";
  return rater.role === "learner" ? "l" : `a${escapeText(rater.name)}${LIST}${escapeText(rater.id)}`;
}

function decodeRater(token: string): Rater | null {
  if (token === "") return null;
  if (token === "l") return { role: "learner" };
  if (!token.startsWith("a")) fail("bad rater");
  const [name, id, extra] = token.slice(1).split(LIST);
  if (id === undefined || extra !== undefined) fail("bad rater");
  return { role: "assessor", name: unescapeText(name ?? ""), id: unescapeText(id) };
}

export function encodeTaskToken(task: TaskQuestion, response: TaskResponse): string {
  const text = `^${escapeText(response.text)}`;
  const rating = response.rating;
  if (rating === null) return text;
  const ids = task.gradingForm.criteria.map((c) => c.id);
  return [
    text,
    ids.map((id, i) => encodeValue(task, i, rating.filling[id])).join(LIST),
    ids.map((id) => escapeText(rating.remarks[id] ?? "")).join(LIST),
    escapeText(rating.feedback),
    encodeRater(rating.rater),
    rating.ratedAt === null ? "" : encodeInt(rating.ratedAt),
  ].join(FIELD);
}

export function decodeTaskToken(task: TaskQuestion, token: string): TaskResponse {
  if (!token.startsWith("^")) fail("bad task token");
  const fields = token.slice(1).split(FIELD);
  const text = unescapeText(fields[0] ?? "");
  if (fields.length === 1) return { type: "task", text, rating: null };
  if (fields.length !== 6) fail(`task token: expected 6 fields, found ${fields.length}`);
  const ids = task.gradingForm.criteria.map((c) => c.id);
  const values = (fields[1] as string).split(LIST);
  const remarkTexts = (fields[2] as string).split(LIST);
  if (values.length !== ids.length || remarkTexts.length !== ids.length) fail("task token: criteria do not match the form");
  const filling: TaskRating["filling"] = {};
  const remarks: TaskRating["remarks"] = {};
  ids.forEach((id, i) => {
    const value = decodeValue(task, i, values[i] as string);
    if (value !== undefined) filling[id] = value;
    const remark = unescapeText(remarkTexts[i] as string);
    if (remark !== "") remarks[id] = remark;
  });
  const ratedAt = fields[5] === "" ? null : decodeInt(fields[5] as string);
  return { type: "task", text, rating: { filling, remarks, feedback: unescapeText(fields[3] as string), rater: decodeRater(fields[4] as string), ratedAt } };
}
