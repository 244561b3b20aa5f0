// Author questions (course.json form) → built QuestionData (runtime/course/types.ts), then the
// engine's own question validator (runtime/assessment) checks them, e.g. for questions that can
// never be answered correctly. Its paths are mapped back to the author's JSON paths.
import type { ChoiceOption, QuestionData, RichText } from "../../runtime/course/types";
import { validateQuestion } from "../../runtime/assessment/index";
import { REPORTING_LIMITS } from "../../runtime/lms/reporting-limits";
import type { AuthorGradedChoice, AuthorPlainItem, AuthorQuestion, AuthorSurveyChoice } from "./author-types";
import type { MarkdownOptions } from "./markdown";
import { hashPasscode } from "./passcode-hash";
import type { ProblemList } from "./problems";

/** What a question needs to know about the course around it: the course id salts a task's passcode. */
export interface QuestionContext {
  courseId: string;
}

/** Renders a Markdown text found at a JSON path of course.json. */
export type RenderAt = (markdown: string, path: string, options?: MarkdownOptions) => RichText;

/** In a question an image may carry the answer: its alt text is required. */
const BLOCK: MarkdownOptions = { altRequired: true };
const INLINE: MarkdownOptions = { inline: true, altRequired: true };

/** Default option ids by position: a..z, then a1..z1, a2... */
export function defaultOptionId(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : `${letter}${Math.floor(index / 26)}`;
}

/** Escaped as sanitize-html escapes text (& < >, quotes left as they are): what plain text looks like as HTML. */
function asHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An inline Markdown text: its plain text, and its HTML only when that shows more than the text (markup, or a placeholder to fill). */
function inlineText(markdown: string, path: string, render: RenderAt): { text: string; html?: string } {
  const rich = render(markdown, path, INLINE);
  return rich.html === asHtml(rich.text) && !rich.html.includes("{") ? { text: rich.text } : { text: rich.text, html: rich.html };
}

function option(item: { id?: string; text: string; feedback?: string } | string, i: number, path: string, render: RenderAt): ChoiceOption {
  const c = typeof item === "string" ? { text: item } : item;
  const built: ChoiceOption = { id: c.id ?? defaultOptionId(i), ...inlineText(c.text, typeof item === "string" ? path : `${path}/text`, render) };
  if (c.feedback !== undefined) built.feedback = render(c.feedback, `${path}/feedback`, BLOCK);
  return built;
}

function plainItems(items: (AuthorPlainItem | AuthorSurveyChoice)[], at: string, render: RenderAt): ChoiceOption[] {
  return items.map((item, i) => option(item, i, `${at}/${i}`, render));
}

function gradedChoices(choices: AuthorGradedChoice[], at: string, render: RenderAt): { options: ChoiceOption[]; correct: string[] } {
  const options = choices.map((c, i) => option(c, i, `${at}/${i}`, render));
  const correct = options.filter((_, i) => choices[i]!.correct === true).map((o) => o.id);
  return { options, correct };
}

/** A matching pair: the source is inline Markdown; the target is offered in a drop-down, which shows text only. */
function matchingPair(p: { id?: string; source: string; target: string }, i: number, at: string, render: RenderAt, file: string, problems: ProblemList) {
  const source = inlineText(p.source, `${at}/source`, render);
  const target = render(p.target, `${at}/target`, INLINE);
  if (target.html.includes("<img")) {
    problems.error(
      file,
      `${at}/target`,
      "expected text: a target is offered in a drop-down list, which cannot show an image (put the image in the source or the prompt)",
    );
  }
  return { id: p.id ?? defaultOptionId(i), source: source.text, ...(source.html !== undefined ? { sourceHtml: source.html } : {}), target: target.text };
}

/** Build one question; `at` is its JSON path in course.json. Problems go to `problems`. */
export function buildQuestion(q: AuthorQuestion, at: string, file: string, render: RenderAt, problems: ProblemList, context: QuestionContext): QuestionData {
  const base = {
    kind: "question" as const,
    id: q.id,
    prompt: render(q.prompt, `${at}/prompt`, BLOCK),
    weight: q.weight ?? 1,
    feedback: {
      correct: q.feedback?.correct !== undefined ? render(q.feedback.correct, `${at}/feedback/correct`, BLOCK) : null,
      incorrect: q.feedback?.incorrect !== undefined ? render(q.feedback.incorrect, `${at}/feedback/incorrect`, BLOCK) : null,
    },
  };
  let built: QuestionData;
  let correctReported = false; // said here in the author's terms; the engine would repeat it
  switch (q.type) {
    case "single-choice": {
      const { options, correct } = gradedChoices(q.choices, `${at}/choices`, render);
      if (correct.length !== 1) {
        const advice = correct.length === 0 ? "no learner could ever answer it correctly" : 'use "multiple-response" for several correct choices';
        problems.error(file, `${at}/choices`, `expected exactly one choice marked "correct": true, found ${correct.length} (${advice})`);
        correctReported = true;
      }
      built = { ...base, type: q.type, choices: options, correct: correct[0] ?? "" };
      break;
    }
    case "multiple-response": {
      const { options, correct } = gradedChoices(q.choices, `${at}/choices`, render);
      if (correct.length === 0) {
        problems.error(file, `${at}/choices`, 'expected at least one choice marked "correct": true, found none (no learner could ever answer it correctly)');
        correctReported = true;
      }
      built = { ...base, type: q.type, choices: options, correct, partialCredit: q.partialCredit ?? false };
      break;
    }
    case "true-false":
      built = { ...base, type: q.type, answer: q.answer };
      break;
    case "numeric": {
      const a = q.answer;
      if (typeof a === "number") built = { ...base, type: q.type, answer: { exact: a } };
      else if (a.min !== undefined && a.max !== undefined) {
        if (a.value !== undefined || a.tolerance !== undefined) {
          problems.error(file, `${at}/answer`, 'expected either {"value", "tolerance"} or {"min", "max"}, found both');
        }
        built = { ...base, type: q.type, answer: { min: a.min, max: a.max } };
      } else {
        if (a.min !== undefined || a.max !== undefined) {
          problems.error(file, `${at}/answer`, 'expected both "min" and "max" (or neither), found only one');
        }
        built = { ...base, type: q.type, answer: { value: a.value ?? 0, tolerance: a.tolerance ?? 0 } };
      }
      break;
    }
    case "text-entry":
      built = {
        ...base,
        type: q.type,
        accepted: q.accepted,
        caseSensitive: q.caseSensitive ?? false,
        whitespace: q.whitespace ?? "collapse",
        long: q.long ?? false,
      };
      break;
    case "matching":
      built = {
        ...base,
        type: q.type,
        pairs: q.pairs.map((p, i) => matchingPair(p, i, `${at}/pairs/${i}`, render, file, problems)),
        partialCredit: q.partialCredit ?? false,
      };
      break;
    case "ordering":
      built = { ...base, type: q.type, items: plainItems(q.items, `${at}/items`, render), partialCredit: q.partialCredit ?? false };
      break;
    case "survey":
      built = { ...base, type: q.type, choices: plainItems(q.choices, `${at}/choices`, render) };
      if (q.feedback?.correct !== undefined) problems.warning(file, `${at}/feedback/correct`, "never shown: a survey question has no correct answer");
      if (q.weight !== undefined) problems.warning(file, `${at}/weight`, "ignored: a survey question is not graded");
      break;
    case "task": {
      const rater = q.rater ?? "assessor";
      const counts = q.counts ?? true;
      built = {
        ...base,
        type: q.type,
        learnerResponse: q.learnerResponse ?? "text",
        gradingForm: q.gradingForm,
        rater,
        counts,
        passcode: q.passcode !== undefined ? hashPasscode(q.passcode, context.courseId, q.id) : null,
      };
      if (q.passcode !== undefined && rater === "assessor" && [...q.passcode].length < 4) {
        problems.warning(
          file,
          `${at}/passcode`,
          `a passcode of ${[...q.passcode].length} character${[...q.passcode].length === 1 ? "" : "s"} is guessed at once: use at least 4 (it only deters a casual learner either way)`,
        );
      }
      if (!counts) {
        if (q.weight !== undefined) problems.warning(file, `${at}/weight`, "ignored: a self-assessment that does not count is not graded");
        if (q.feedback !== undefined)
          problems.warning(file, `${at}/feedback`, "never shown: a self-assessment that does not count has no score to choose the feedback by");
      }
      break;
    }
  }
  checkLookAlikes(built, at, file, problems);
  for (const p of validateQuestion(built, REPORTING_LIMITS)) {
    if (correctReported && p.path.startsWith("/correct")) continue;
    const path = at + authorPath(q.type, p.path);
    if (p.severity === "error") problems.error(file, path, p.message);
    else problems.warning(file, path, p.message);
  }
  return built;
}

/** Engine paths are relative to the BUILT question; the author wrote some of it differently. */
function authorPath(type: AuthorQuestion["type"], builtPath: string): string {
  if ((type === "single-choice" || type === "multiple-response") && builtPath.startsWith("/correct")) return "/choices";
  if (type === "numeric" && builtPath.startsWith("/answer/exact")) return "/answer";
  return builtPath;
}

/**
 * Options that read the same: when telling them apart decides the score (an ordering, a choice that
 * is correct next to one that is not, two sources of a matching), nobody can reliably answer.
 */
function checkLookAlikes(q: QuestionData, at: string, file: string, problems: ProblemList): void {
  const scan = (key: string, texts: string[], decisive: (i: number, j: number) => boolean): void => {
    const label = key === "items" ? "item" : key === "pairs" ? "pair" : "choice";
    const first = new Map<string, number>();
    texts.forEach((text, i) => {
      const j = first.get(text.trim());
      if (j === undefined) first.set(text.trim(), i);
      else if (decisive(j, i)) {
        problems.error(
          file,
          `${at}/${key}/${i}`,
          `expected a text different from ${label} ${j}, found the same "${text.trim()}": the learner cannot tell them apart, so the question cannot reliably be answered correctly`,
        );
      } else problems.warning(file, `${at}/${key}/${i}`, `reads the same as ${label} ${j} ("${text.trim()}")`);
    });
  };
  switch (q.type) {
    case "single-choice":
    case "multiple-response": {
      const correct = new Set(Array.isArray(q.correct) ? q.correct : [q.correct]);
      const isCorrect = (i: number): boolean => correct.has(q.choices[i]!.id);
      scan(
        "choices",
        q.choices.map((c) => c.text),
        (i, j) => isCorrect(i) !== isCorrect(j),
      );
      break;
    }
    case "ordering":
      scan(
        "items",
        q.items.map((item) => item.text),
        () => true,
      );
      break;
    case "matching":
      scan(
        "pairs",
        q.pairs.map((pair) => pair.source),
        (i, j) => q.pairs[i]!.target.trim() !== q.pairs[j]!.target.trim(),
      );
      break;
    case "survey":
      scan(
        "choices",
        q.choices.map((c) => c.text),
        () => false,
      );
      break;
  }
}
