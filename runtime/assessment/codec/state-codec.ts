// The resume-state codec: LearnerState ↔ a compact printable string that fits the budget the caller
// passes (the LMS's limit, facts.stateBudget: as little as 4,096 characters, ALWAYS). Layout (version 2), sections separated by "|":
//   P2.<course>.<content>.<assessment fingerprints> | location | pages seen (bits) | media watched (bits)
//   | finished attempts (";"-separated) | attempt in progress
// The content part (location, pages, media) and the assessment part (attempts) are checked against
// their own fingerprints (course-layout.ts), so a course update drops only what it invalidated
// (state-decode.ts). Version 1 had one fingerprint over both and the same sections; it still decodes.
// Over budget, details are dropped deterministically: first the raters' remarks and feedback on
// tasks are shortened (to 500, 200, 80, 20, then 0 characters each); then response details of the
// oldest finished attempt, then the next; then the draws of finished attempts, oldest first. Attempt
// results, ratings (filling, rater, date), counts and the attempt in progress are never dropped.

import type { CourseData } from "../../course/types";
import type { AnsweredQuestion, AttemptDraw, FinishedAttempt, LearnerState, Response } from "../types";
import { encodeCurrent, encodeFinished } from "./attempt-codec";
import { layoutOf, STATE_CODEC_VERSION } from "./course-layout";
import { encodeBits, encodeInt, fail } from "./primitives";

export { decodeState, type DecodedState } from "./state-decode";

export { STATE_CODEC_VERSION } from "./course-layout";

export interface EncodedState {
  encoded: string;
  /** What was left out to fit the budget, e.g. "attempt 1 responses", "attempt 2 draw"; [] when nothing. */
  dropped: string[];
  /**
   * False when even the smallest form exceeds the budget (`encoded` is then that smallest form), or
   * when the state does not belong to the course (`encoded` is then ""): do not save it.
   */
  fits: boolean;
}

/** The fingerprints a state written now carries (its header after "P<version>."). */
export function courseFingerprint(course: CourseData): string {
  const { courseFingerprint: id, contentFingerprint: content, assessmentFingerprint: assessment } = layoutOf(course);
  return `${id}.${content}.${assessment}`;
}

function encodeIds(ids: string[], all: string[]): string {
  return encodeBits(new Set(ids.map((id) => all.indexOf(id)).filter((i) => i >= 0)), all.length);
}

/** The encoded sections; attempts and the attempt in progress separately, so degradation re-encodes only what changed. */
interface Sections {
  head: string;
  attempts: string[];
  current: string;
}

function join(sections: Sections): string {
  return `${sections.head}|${sections.attempts.join(";")}|${sections.current}`;
}

/** Encode attempts from `from` on (earlier ones are kept from `previous`): an attempt's text depends on the draws before it. */
function encodeSections(state: LearnerState, course: CourseData, previous: Sections | null = null, from = 0): Sections {
  const { index, locations, pages, media } = layoutOf(course);
  const location = state.location === null ? -1 : locations.indexOf(state.location);
  const head =
    previous?.head ??
    [
      `P${STATE_CODEC_VERSION}.${courseFingerprint(course)}`,
      location < 0 ? "" : encodeInt(location),
      encodeIds(state.pagesSeen, pages),
      encodeIds(state.mediaWatched, media),
    ].join("|");
  const earlier: (AttemptDraw | null)[] = [];
  const attempts = state.attempts.map((a, i) => {
    const text = previous && i < from ? (previous.attempts[i] as string) : encodeFinished(a, earlier, index ?? fail("attempts but no assessment"));
    earlier.push(a.draw);
    return text;
  });
  const current = state.current ? encodeCurrent(state.current, earlier, index ?? fail("attempt but no assessment")) : "";
  return { head, attempts, current };
}

/**
 * Encode the state for `course` within `budget` characters, dropping details deterministically when
 * it does not fit (see the file comment). Never throws: a state that does not belong to the course
 * (unknown question ids) gives `fits: false` with the reason in `dropped`, so nothing wrong is saved.
 */
export function encodeState(state: LearnerState, course: CourseData, budget: number): EncodedState {
  try {
    return encodeWithin(state, course, budget);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { encoded: "", dropped: [`the whole state: it does not fit this course (${why})`], fits: false };
  }
}

/** Steps for the raters' remarks and feedback when the state is over budget (characters each). */
const REMARK_STEPS = [500, 200, 80, 20, 0];

function trimResponse(response: Response, max: number): Response {
  if (response.type !== "task" || response.rating === null) return response;
  const { rating } = response;
  const remarks: Record<string, string> = {};
  for (const [id, remark] of Object.entries(rating.remarks)) if (max > 0) remarks[id] = remark.slice(0, max);
  return { ...response, rating: { ...rating, remarks, feedback: rating.feedback.slice(0, max) } };
}

/** The state with every task remark and feedback cut to `max` characters; the same object when none is longer. */
function trimRatingTexts(state: LearnerState, max: number): LearnerState {
  const long = (r: Response | undefined): boolean =>
    r?.type === "task" && r.rating !== null && (r.rating.feedback.length > max || Object.values(r.rating.remarks).some((t) => t.length > max));
  const anyLong =
    state.attempts.some((a) => Object.values(a.responses ?? {}).some(long)) || Object.values(state.current?.answers ?? {}).some((a) => long(a.response));
  if (!anyLong) return state;
  const trimAll = <T>(record: Record<string, T>, f: (v: T) => T): Record<string, T> => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
  return {
    ...state,
    attempts: state.attempts.map((a) => (a.responses === null ? a : { ...a, responses: trimAll(a.responses, (r) => trimResponse(r, max)) })),
    current: state.current && {
      ...state.current,
      answers: trimAll(state.current.answers, (a: AnsweredQuestion) => ({ ...a, response: trimResponse(a.response, max) })),
    },
  };
}

function encodeWithin(original: LearnerState, course: CourseData, budget: number): EncodedState {
  let state = original;
  let sections = encodeSections(state, course);
  let encoded = join(sections);
  const dropped: string[] = [];
  // 0. Raters' remarks and feedback, shortened step by step.
  for (const max of REMARK_STEPS) {
    if (encoded.length <= budget) break;
    const trimmed = trimRatingTexts(state, max);
    if (trimmed === state) continue;
    state = trimmed;
    sections = encodeSections(state, course);
    encoded = join(sections);
    dropped.push(max === 0 ? "task remarks and feedback" : `task remarks and feedback beyond ${max} characters`);
  }
  let attempts: FinishedAttempt[] = state.attempts;
  const replace = (i: number, slimmer: FinishedAttempt): FinishedAttempt[] => attempts.map((a, j) => (j === i ? slimmer : a));
  // 1. Response details, oldest attempt first (no draw changes: only that attempt's text changes).
  for (let i = 0; i < attempts.length && encoded.length > budget; i++) {
    const attempt = attempts[i] as FinishedAttempt;
    if (attempt.responses === null) continue;
    attempts = replace(i, { ...attempt, responses: null });
    dropped.push(`attempt ${attempt.number} responses`);
    const earlier = attempts.slice(0, i).map((a) => a.draw);
    const index = layoutOf(course).index ?? fail("attempts but no assessment");
    sections = { ...sections, attempts: sections.attempts.map((t, j) => (j === i ? encodeFinished(attempts[i] as FinishedAttempt, earlier, index) : t)) };
    encoded = join(sections);
  }
  // 2. Draws of finished attempts, oldest first, when that makes the text shorter: a draw the seed
  // reproduces costs one character, and dropping it can make later draws longer to write.
  for (let i = 0; i < attempts.length && encoded.length > budget; i++) {
    const attempt = attempts[i] as FinishedAttempt;
    if (attempt.draw === null) continue;
    const candidate = replace(i, { ...attempt, draw: null, responses: null });
    const candidateSections = encodeSections({ ...state, attempts: candidate }, course, sections, i);
    const shorter = join(candidateSections);
    if (shorter.length >= encoded.length) continue;
    attempts = candidate;
    sections = candidateSections;
    dropped.push(`attempt ${attempt.number} draw`);
    encoded = shorter;
  }
  return { encoded, dropped, fits: encoded.length <= budget };
}
