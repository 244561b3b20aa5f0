// What the resume-state codec derives from a course: the index lists and the fingerprints that say
// whether a saved state's indices still mean the same things. Since codec version 2 the state has
// two separately checked parts (docs/rules/assessment.md §3: the attempt count lives in the LMS-side state and
// must survive a course update):
//   content    — location, pages seen, media watched: indices into the pages and media lists;
//   assessment — attempts: indices into the questions and their options, and how draws are made.
// A course update that adds a page changes only the content fingerprint; one that changes questions
// changes only the assessment fingerprint. Prompts, answers, the rubric and the attempts allowed are
// left out on purpose: republishing a fix must not touch learners' attempts (results are stored raw
// and rejudged with the rubric in force).

import type { CourseData, QuestionData } from "../../course/types";
import { questionIndex } from "../bank";
import type { AssessmentIndex } from "./attempt-codec";
import { fingerprint } from "./primitives";

/** The format encodeState writes; decodeState also reads version 1 (state-decode.ts). */
export const STATE_CODEC_VERSION = 2;

export interface CourseLayout {
  /** Version 1's single fingerprint over the course id, pages, media and assessment structure. */
  wholeFingerprint: string;
  /** Version 2: which course (its id only). */
  courseFingerprint: string;
  /** Version 2: the content part's structure (page ids, media ids). */
  contentFingerprint: string;
  /** Version 2: the assessment part's structure (question ids, types, option ids, draws). */
  assessmentFingerprint: string;
  index: AssessmentIndex | null;
  /** Every location: page ids, then the assessment id. */
  locations: string[];
  pages: string[];
  media: string[];
}

/** A task's form as the codec indexes it: criteria in order, with their level ids or scale labels. */
function formShape(q: QuestionData): unknown[] {
  if (q.type !== "task") return [];
  const form = q.gradingForm;
  return [form.method, form.criteria.map((c) => ("levels" in c ? [c.id, c.levels.map((l) => l.id)] : "scale" in c ? [c.id, c.scale] : c.id))];
}

function questionShape(q: QuestionData): unknown[] {
  const options =
    "choices" in q ? q.choices.map((c) => c.id) : q.type === "ordering" ? q.items.map((i) => i.id) : q.type === "matching" ? q.pairs.map((p) => p.id) : [];
  // Questions without a form keep their old shape, so existing learners' states stay valid.
  return q.type === "task" ? [q.id, q.type, options, formShape(q)] : [q.id, q.type, options];
}

function pagesShape(course: CourseData): unknown {
  return course.pages.map((p) => [p.id, p.media.map((m) => m.id)]);
}

function assessmentShape(course: CourseData): unknown {
  const a = course.assessment;
  return (
    a && {
      id: a.id,
      shuffle: a.shuffleChoices,
      items: a.items.map((item) => (item.kind === "bank" ? [item.id, item.choose, item.order, item.questions.map(questionShape)] : questionShape(item))),
    }
  );
}

function indexOf(course: CourseData): AssessmentIndex | null {
  if (!course.assessment) return null;
  const questions = [...questionIndex(course.assessment).values()];
  return { assessment: course.assessment, questions, positions: new Map(questions.map((q, i) => [q.id, i])) };
}

const layouts = new WeakMap<CourseData, CourseLayout>();

/** Computed once per course object (built courses are immutable data). */
export function layoutOf(course: CourseData): CourseLayout {
  let layout = layouts.get(course);
  if (!layout) {
    const pages = pagesShape(course);
    const assessment = assessmentShape(course);
    layout = {
      wholeFingerprint: fingerprint(JSON.stringify({ id: course.id, pages, assessment })),
      courseFingerprint: fingerprint(JSON.stringify(course.id)),
      contentFingerprint: fingerprint(JSON.stringify(pages)),
      assessmentFingerprint: fingerprint(JSON.stringify(assessment)),
      index: indexOf(course),
      locations: [...course.pages.map((p) => p.id), ...(course.assessment ? [course.assessment.id] : [])],
      pages: course.pages.map((p) => p.id),
      media: course.pages.flatMap((p) => p.media.map((m) => m.id)),
    };
    layouts.set(course, layout);
  }
  return layout;
}
