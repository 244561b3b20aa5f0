// Decoding a saved resume state (format: state-codec.ts). A course update must not reset a learner
// (docs/rules/assessment.md §3: no reload, relaunch or cleared page gives a learner another attempt,
// the count lives in the LMS-side state), so the two parts are judged apart:
// - content changed (pages/media): location, pages seen and media watched start over;
// - assessment changed (questions/options/draws): finished attempts keep their RESULTS (raw score,
//   number, passing score, rubric fields: what the rubric needs to rejudge them and the count), their
//   draws and response details are dropped; an attempt in progress can no longer be mapped to the
//   questions and is dropped.
// Each drop is reported in the warning. Another course, another format or damaged text: no state.

import type { CourseData } from "../../course/types";
import { LEARNER_STATE_VERSION, type AttemptDraw, type AttemptInProgress, type FinishedAttempt, type LearnerState } from "../types";
import { decodeCurrent, decodeFinished, decodeFinishedResult } from "./attempt-codec";
import { layoutOf, STATE_CODEC_VERSION } from "./course-layout";
import { CodecError, decodeBits, decodeInt, fail } from "./primitives";

export interface DecodedState {
  /** null = no usable state: start fresh. */
  state: LearnerState | null;
  /** What was not usable (for the log), several reasons joined by "; "; null when there was no state or all of it was usable. */
  warning: string | null;
}

/** Which parts of the saved state still match the course. */
interface Usable {
  content: boolean;
  assessment: boolean;
}

const CONTENT_CHANGED = "the course's pages or media changed since this state was saved: the place in the course and the pages and media seen start over";

function decodeIds(text: string, all: string[]): string[] {
  const members = decodeBits(text, all.length);
  return all.filter((_, i) => members.has(i));
}

function decodeContent(sections: string[], course: CourseData): Pick<LearnerState, "location" | "pagesSeen" | "mediaWatched"> {
  const [locationText, pagesText, mediaText] = sections as [string, string, string];
  const { locations, pages, media } = layoutOf(course);
  return {
    location: locationText === "" ? null : (locations[decodeInt(locationText)] ?? fail("location out of range")),
    pagesSeen: decodeIds(pagesText, pages),
    mediaWatched: decodeIds(mediaText, media),
  };
}

interface AssessmentPart {
  attempts: FinishedAttempt[];
  current: AttemptInProgress | null;
}

function decodeAssessment(attemptsText: string, currentText: string, course: CourseData): AssessmentPart {
  const index = layoutOf(course).index;
  const earlier: (AttemptDraw | null)[] = [];
  const attempts =
    attemptsText === ""
      ? []
      : attemptsText.split(";").map((part) => {
          const attempt = decodeFinished(part, earlier, index ?? fail("attempts but the course has no assessment"));
          earlier.push(attempt.draw);
          return attempt;
        });
  const current = currentText === "" ? null : decodeCurrent(currentText, earlier, index ?? fail("attempt but no assessment"));
  return { attempts, current };
}

/** The assessment changed: keep finished attempts' results, drop what referred to the old questions. */
function salvageAssessment(attemptsText: string, currentText: string, course: CourseData, notes: string[]): AssessmentPart {
  const attempts = attemptsText === "" ? [] : attemptsText.split(";").map(decodeFinishedResult);
  const lost = currentText === "" ? [] : [`attempt ${decodeInt(currentText.split(",")[0] ?? "")}, in progress, cannot be mapped to them and is dropped`];
  if (attempts.length > 0 && !course.assessment) {
    notes.push(`the course no longer has an assessment: ${attempts.length} finished attempt(s) dropped`);
    return { attempts: [], current: null };
  }
  const kept = attempts.length === 0 ? [] : [`${attempts.length} finished attempt(s) keep their results and count (their questions and answers are dropped)`];
  if (kept.length + lost.length > 0) notes.push(`the assessment's questions changed since this state was saved: ${[...kept, ...lost].join(", ")}`);
  return { attempts, current: null };
}

function decodeParts(text: string, course: CourseData, usable: Usable, notes: string[]): LearnerState {
  const sections = text.split("|");
  if (sections.length !== 6) fail(`expected 6 sections, found ${sections.length}`);
  const [attemptsText, currentText] = sections.slice(4) as [string, string];
  const content = usable.content ? decodeContent(sections.slice(1, 4), course) : { location: null, pagesSeen: [], mediaWatched: [] };
  if (!usable.content) notes.push(CONTENT_CHANGED);
  const { attempts, current } = usable.assessment
    ? decodeAssessment(attemptsText, currentText, course)
    : salvageAssessment(attemptsText, currentText, course, notes);
  attempts.forEach((a, i) => a.number !== i + 1 && fail("attempts are not numbered 1..n"));
  if (current && current.number !== attempts.length + 1) fail("the attempt in progress has the wrong number");
  return { version: LEARNER_STATE_VERSION, ...content, attempts, current };
}

/** Which parts match, from the header's fingerprints; null = another course. */
function usableParts(version: number, prints: string, course: CourseData): Usable | null {
  const layout = layoutOf(course);
  if (version === 1) {
    // One fingerprint over both parts: a mismatch cannot say which part changed, so only what does
    // not depend on the course's structure is kept (attempt results). Version 1 has no separate
    // course id; a state in this course's LMS slot is taken to be this course's.
    const same = prints === layout.wholeFingerprint;
    return { content: same, assessment: same };
  }
  const [id, content, assessment, extra] = prints.split(".");
  if (extra !== undefined || assessment === undefined) fail("bad fingerprints");
  if (id !== layout.courseFingerprint) return null;
  return { content: content === layout.contentFingerprint, assessment: assessment === layout.assessmentFingerprint };
}

/** Decode a saved state for `course`. Never throws: unusable input gives state null and a warning. */
export function decodeState(text: unknown, course: CourseData): DecodedState {
  if (text === undefined || text === null || text === "") return { state: null, warning: null };
  if (typeof text !== "string") return { state: null, warning: `the saved state is not text (${typeof text}); starting fresh` };
  const header = /^P(\d+)\.([0-9a-z.]+)\|/.exec(text);
  if (!header) return { state: null, warning: "the saved state is not in passmark's format; starting fresh" };
  const version = Number(header[1]);
  if (version !== 1 && version !== STATE_CODEC_VERSION) {
    return { state: null, warning: `the saved state has format version ${header[1]}, this course reads versions 1 to ${STATE_CODEC_VERSION}; starting fresh` };
  }
  try {
    const usable = usableParts(version, header[2] as string, course);
    if (!usable) return { state: null, warning: "the saved state belongs to another course; starting fresh" };
    const notes: string[] = [];
    const state = decodeParts(text, course, usable, notes);
    return { state, warning: notes.length > 0 ? notes.join("; ") : null };
  } catch (error) {
    const why = error instanceof CodecError ? error.message : String(error);
    return { state: null, warning: `the saved state is damaged or truncated (${why}); starting fresh` };
  }
}
