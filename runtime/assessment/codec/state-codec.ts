// The resume-state codec: LearnerState ↔ a compact printable string (SCORM 1.2 suspend_data holds
// 4,096 characters, ALWAYS). Layout, sections separated by "|":
//   P<version>.<course fingerprint> | location | pages seen (bits) | media watched (bits)
//   | finished attempts (";"-separated) | attempt in progress
// Over budget, details are dropped deterministically: response details of the oldest finished
// attempt first, then the next; then the draws of finished attempts, oldest first. Attempt results,
// counts and the attempt in progress are never dropped.

import type { CourseData, QuestionData } from "../../course/types";
import { questionIndex } from "../bank";
import { LEARNER_STATE_VERSION, type AttemptDraw, type FinishedAttempt, type LearnerState } from "../types";
import { decodeCurrent, decodeFinished, encodeCurrent, encodeFinished, type AssessmentIndex } from "./attempt-codec";
import { CodecError, decodeBits, decodeInt, encodeBits, encodeInt, fail, fingerprint } from "./primitives";

export const STATE_CODEC_VERSION = 1;
/** SCORM 1.2 cmi.suspend_data (CMIString4096). */
export const SCORM12_SUSPEND_DATA_MAX = 4096;
/** SCORM 2004 cmi.suspend_data (SPM 64000). */
export const SCORM2004_SUSPEND_DATA_MAX = 64000;

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

export interface DecodedState {
  /** null = no usable state: start fresh. */
  state: LearnerState | null;
  /** Why a saved state was not usable (for the log); null when there was none or it was fine. */
  warning: string | null;
}

/**
 * Everything the encoding depends on (ids and order of pages, media, questions and options; how draws
 * are made): when it changes, indices in old states mean other things. Prompts, answers, the rubric
 * and the attempts allowed are left out on purpose: republishing a fix must not wipe learners'
 * attempts (results are stored, and rejudged with the rubric in force).
 */
export function courseFingerprint(course: CourseData): string {
  return layoutOf(course).fingerprint;
}

function computeFingerprint(course: CourseData): string {
  const a = course.assessment;
  const structure = {
    id: course.id,
    pages: course.pages.map((p) => [p.id, p.media.map((m) => m.id)]),
    assessment: a && {
      id: a.id,
      shuffle: a.shuffleChoices,
      items: a.items.map((item) =>
        item.kind === "bank" ? [item.id, item.choose, item.order, item.questions.map(questionShape)] : questionShape(item),
      ),
    },
  };
  return fingerprint(JSON.stringify(structure));
}

/** What the codec derives from a course, computed once per course object (courses are immutable data). */
interface CourseLayout {
  fingerprint: string;
  index: AssessmentIndex | null;
  locations: string[];
  pages: string[];
  media: string[];
}

const layouts = new WeakMap<CourseData, CourseLayout>();

function layoutOf(course: CourseData): CourseLayout {
  let layout = layouts.get(course);
  if (!layout) {
    layout = {
      fingerprint: computeFingerprint(course),
      index: indexOf(course),
      locations: [...course.pages.map((p) => p.id), ...(course.assessment ? [course.assessment.id] : [])],
      pages: course.pages.map((p) => p.id),
      media: course.pages.flatMap((p) => p.media.map((m) => m.id)),
    };
    layouts.set(course, layout);
  }
  return layout;
}

function questionShape(q: QuestionData): unknown[] {
  const options = "choices" in q ? q.choices.map((c) => c.id) : q.type === "ordering" ? q.items.map((i) => i.id) : q.type === "matching" ? q.pairs.map((p) => p.id) : [];
  return [q.id, q.type, options];
}

function indexOf(course: CourseData): AssessmentIndex | null {
  if (!course.assessment) return null;
  const questions = [...questionIndex(course.assessment).values()];
  return { assessment: course.assessment, questions, positions: new Map(questions.map((q, i) => [q.id, i])) };
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
  const { fingerprint: print, index, locations, pages, media } = layoutOf(course);
  const location = state.location === null ? -1 : locations.indexOf(state.location);
  const head = previous?.head ?? [
    `P${STATE_CODEC_VERSION}.${print}`,
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

function encodeWithin(state: LearnerState, course: CourseData, budget: number): EncodedState {
  let attempts: FinishedAttempt[] = state.attempts;
  let sections = encodeSections(state, course);
  let encoded = join(sections);
  const dropped: string[] = [];
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

function decodeIds(text: string, all: string[]): string[] {
  const members = decodeBits(text, all.length);
  return all.filter((_, i) => members.has(i));
}

function decodeWhole(text: string, course: CourseData): LearnerState {
  const sections = text.split("|");
  if (sections.length !== 6) fail(`expected 6 sections, found ${sections.length}`);
  const [, locationText, pagesText, mediaText, attemptsText, currentText] = sections as [string, string, string, string, string, string];
  const { index, locations, pages, media } = layoutOf(course);
  const location = locationText === "" ? null : (locations[decodeInt(locationText)] ?? fail("location out of range"));
  const earlier: (AttemptDraw | null)[] = [];
  const attempts = attemptsText === "" ? [] : attemptsText.split(";").map((part) => {
    const attempt = decodeFinished(part, earlier, index ?? fail("attempts but the course has no assessment"));
    earlier.push(attempt.draw);
    return attempt;
  });
  attempts.forEach((a, i) => a.number !== i + 1 && fail("attempts are not numbered 1..n"));
  const current = currentText === "" ? null : decodeCurrent(currentText, earlier, index ?? fail("attempt but no assessment"));
  if (current && current.number !== attempts.length + 1) fail("the attempt in progress has the wrong number");
  return {
    version: LEARNER_STATE_VERSION,
    location,
    pagesSeen: decodeIds(pagesText, pages),
    mediaWatched: decodeIds(mediaText, media),
    attempts,
    current,
  };
}

/** Decode a saved state for `course`. Never throws: unusable input gives state null and a warning. */
export function decodeState(text: unknown, course: CourseData): DecodedState {
  if (text === undefined || text === null || text === "") return { state: null, warning: null };
  if (typeof text !== "string") return { state: null, warning: `the saved state is not text (${typeof text}); starting fresh` };
  const header = /^P(\d+)\.([0-9a-z]+)\|/.exec(text);
  if (!header) return { state: null, warning: "the saved state is not in passmark's format; starting fresh" };
  if (Number(header[1]) !== STATE_CODEC_VERSION) {
    return { state: null, warning: `the saved state has format version ${header[1]}, this course reads version ${STATE_CODEC_VERSION}; starting fresh` };
  }
  if (header[2] !== courseFingerprint(course)) {
    return { state: null, warning: "the saved state belongs to another course or to a different version of this course; starting fresh" };
  }
  try {
    return { state: decodeWhole(text, course), warning: null };
  } catch (error) {
    const why = error instanceof CodecError ? error.message : String(error);
    return { state: null, warning: `the saved state is damaged or truncated (${why}); starting fresh` };
  }
}
