// Built-course fixtures for the assessment tests (runtime/course/types.ts shapes).

import type { AssessmentData, AssessmentItem, ChoiceOption, CourseData, QuestionBase, QuestionData, RichText } from "../../runtime/course/types";

export const text = (t: string): RichText => ({ html: `<p>${t}</p>`, text: t });

export function base(id: string): QuestionBase {
  return { kind: "question", id, prompt: text(`Prompt of ${id}`), weight: 1, feedback: { correct: null, incorrect: null } };
}

export const options = (...ids: string[]): ChoiceOption[] => ids.map((id) => ({ id, text: `Option ${id}` }));

/** One question of every type, all with ids q-<type>. */
export function everyType(): QuestionData[] {
  return [
    { ...base("q-single"), type: "single-choice", choices: options("a", "b", "c", "d"), correct: "c" },
    { ...base("q-multi"), type: "multiple-response", choices: options("a", "b", "c", "d"), correct: ["a", "c"], partialCredit: true },
    { ...base("q-tf"), type: "true-false", answer: false },
    { ...base("q-num"), type: "numeric", answer: { value: 9.81, tolerance: 0.05 } },
    { ...base("q-text"), type: "text-entry", accepted: ["Paris", "Paris, France"], caseSensitive: false, whitespace: "collapse", long: false },
    {
      ...base("q-match"),
      type: "matching",
      pairs: [
        { id: "fr", source: "France", target: "Paris" },
        { id: "de", source: "Germany", target: "Berlin" },
        { id: "it", source: "Italy", target: "Rome" },
      ],
      partialCredit: true,
    },
    { ...base("q-order"), type: "ordering", items: options("one", "two", "three", "four"), partialCredit: false },
    { ...base("q-survey"), type: "survey", choices: options("1", "2", "3", "4", "5") },
  ];
}

export function assessment(items: AssessmentItem[], over: Partial<AssessmentData> = {}): AssessmentData {
  return {
    id: "final-quiz",
    title: "Final quiz",
    intro: null,
    attempts: 3,
    allowAttemptsAfterPass: false,
    review: "never",
    shuffleChoices: false,
    items,
    rubric: { type: "pass-fail", passingAttemptScore: 80, passedResult: "$attempt_score", failedResult: "$attempt_score" },
    scoreActions: [],
    ...over,
  };
}

export function course(a: AssessmentData | null, pageCount = 3): CourseData {
  return {
    format: 1,
    id: "https://example.org/courses/passmark-test",
    title: "Test course",
    description: "",
    language: "en",
    pages: Array.from({ length: pageCount }, (_, i) => ({
      id: `page-${i + 1}`,
      title: `Page ${i + 1}`,
      body: text(`Body ${i + 1}`),
      media: i === 0 ? [{ id: "intro-video", kind: "video" as const, src: "assets/intro.mp4", captions: null, title: "Intro", watchedThreshold: 0.9 }] : [],
    })),
    assessment: a,
    reporting: {
      cmi5: { moveOn: "CompletedAndPassed", launchMethod: "AnyWindow" },
      masteryScore: null,
      scorm12: { statusMode: "passed-incomplete" },
      interactions: true,
    },
  };
}

/** n single-choice questions with 4 options; the correct one is "c". */
export function singleChoices(n: number, prefix = "q"): QuestionData[] {
  return Array.from({ length: n }, (_, i) => ({
    ...base(`${prefix}${i + 1}`),
    type: "single-choice" as const,
    choices: options("a", "b", "c", "d"),
    correct: "c",
  }));
}

/**
 * A realistic large assessment: n questions cycling through every gradable type plus survey, so the
 * codec is measured on mixed responses rather than on the cheapest kind only.
 */
export function mixedQuestions(n: number): QuestionData[] {
  const kinds = everyType();
  return Array.from({ length: n }, (_, i) => ({ ...(kinds[i % kinds.length] as QuestionData), id: `q${i + 1}` }));
}
