// One question of an attempt: a fieldset named by its number (a heading inside the legend), the
// author's prompt as its description, and the control for its type. With feedback timing
// "after-answer", a Check answer button; once checked the fieldset is disabled and the feedback shown.
import { useLayoutEffect, useRef } from "preact/hooks";
import type { DrawnQuestion, Response } from "../../assessment/index";
import type { QuestionData } from "../../course/types";
import { AuthorHtml } from "../author-html";
import { useUi } from "../context";
import { useGradingUi } from "../grading-loader";
import { ChunkPending } from "../chunk-pending";
import { AnswerFeedback, Verdict } from "./answer-feedback";
import { ChoiceControl, MultipleControl } from "./choice-controls";
import { NumericControl, TextControl } from "./entry-controls";
import { MatchingControl } from "./matching-control";
import { OrderingControl } from "./ordering-control";

export interface ControlProps<Q extends QuestionData = QuestionData> {
  question: Q;
  drawn: DrawnQuestion;
  answer: Response | undefined;
  /** null = the learner took the answer back; `typing` = a keystroke (saved a moment later). */
  onAnswer(response: Response | null, typing?: boolean): void;
  /** id of the prompt, for aria-describedby. */
  promptId: string;
  /** Base for element ids. */
  idBase: string;
}

/** The question's options in the order this attempt presents them. */
export function presented<T extends { id: string }>(options: readonly T[], order: string[] | null): T[] {
  if (!order) return [...options];
  const byId = new Map(options.map((o) => [o.id, o]));
  return order.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

export function questionDomId(questionId: string): string {
  return `pm-q-${questionId}`;
}

interface Props {
  question: QuestionData;
  drawn: DrawnQuestion;
  number: number;
  total: number;
  answer: Response | undefined;
  onAnswer(response: Response | null, typing?: boolean): void;
  /** Checked (feedback timing "after-answer"): the controls are disabled and the feedback shown, with this score. */
  locked: boolean;
  score: number | null;
  /** Feedback timing "after-answer": the Check answer button's action (not for a task, which a person rates). */
  onCheck?: () => void;
  /** id of the note that says checking locks the answer. */
  checkHintId?: string;
}

export function QuestionView({ question, drawn, number, total, answer, onAnswer, locked, score, onCheck, checkHintId }: Props) {
  const { session, i18n } = useUi();
  // After the learner's Check (not after a reload): focus goes to the verdict, read out at once.
  const checked = useRef(false);
  const feedback = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (locked && checked.current) feedback.current?.focus();
    checked.current = false;
  }, [locked]);
  const idBase = questionDomId(question.id);
  const promptId = `${idBase}-prompt`;
  const props = { drawn, answer, onAnswer, promptId, idBase };
  const grading = useGradingUi(question.type === "task", (m) => session.log(m));
  let control;
  switch (question.type) {
    case "single-choice":
    case "survey":
      control = <ChoiceControl {...props} question={question} />;
      break;
    case "true-false":
      control = <ChoiceControl {...props} question={question} />;
      break;
    case "multiple-response":
      control = <MultipleControl {...props} question={question} />;
      break;
    case "numeric":
      control = <NumericControl {...props} question={question} />;
      break;
    case "text-entry":
      control = <TextControl {...props} question={question} />;
      break;
    case "matching":
      control = <MatchingControl {...props} question={question} />;
      break;
    case "ordering":
      control = <OrderingControl {...props} question={question} />;
      break;
    case "task":
      control = grading.ui ? <grading.ui.TaskControl {...props} question={question} /> : <ChunkPending slot={grading} />;
      break;
  }
  return (
    <fieldset class="pm-question" id={idBase} aria-describedby={promptId} disabled={locked}>
      <legend>
        <h2 id={`${idBase}-title`} tabIndex={-1}>
          {i18n.t("questionOf", { n: number, total })}
        </h2>
      </legend>
      <AuthorHtml text={question.prompt} lang={session.course.language} id={promptId} class="pm-prompt" />
      {control}
      {locked ? (
        <div ref={feedback} tabIndex={-1} class="pm-checked">
          <Verdict score={score} />
          <AnswerFeedback question={question} response={answer} score={score} />
        </div>
      ) : (
        onCheck &&
        question.type !== "task" && (
          <button
            type="button"
            class="pm-button pm-secondary"
            disabled={!answer && question.type !== "ordering"}
            aria-describedby={checkHintId}
            onClick={() => {
              checked.current = true;
              onCheck();
            }}
          >
            {i18n.t("checkAnswer")}
          </button>
        )
      )}
    </fieldset>
  );
}
