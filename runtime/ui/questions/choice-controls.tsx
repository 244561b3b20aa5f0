// Radio groups (single choice, true/false, survey) and checkboxes (multiple response): native
// inputs with labels, so arrow keys, Space and screen readers work as everywhere else. A label may
// hold the author's inline Markdown (emphasis, code, an image with its alt text).
import type { MultipleResponseQuestion, SingleChoiceQuestion, SurveyQuestion, TrueFalseQuestion } from "../../course/types";
import { AuthorInline } from "../author-html";
import { useUi } from "../context";
import { presented, type ControlProps } from "./question-view";

type ChoiceQuestion = SingleChoiceQuestion | SurveyQuestion | TrueFalseQuestion;

export function ChoiceControl({ question, drawn, answer, onAnswer, idBase }: ControlProps<ChoiceQuestion>) {
  const { session, i18n } = useUi();
  const options =
    question.type === "true-false"
      ? [
          { id: "true", text: i18n.t("true"), lang: i18n.lang, html: undefined },
          { id: "false", text: i18n.t("false"), lang: i18n.lang, html: undefined },
        ]
      : presented(question.choices, drawn.presentedOrder).map((c) => ({ ...c, lang: session.course.language }));
  const selected = answer?.type === "true-false" ? String(answer.value) : answer?.type === "single-choice" || answer?.type === "survey" ? answer.choice : null;
  const choose = (id: string) => onAnswer(question.type === "true-false" ? { type: "true-false", value: id === "true" } : { type: question.type, choice: id });
  return (
    <div class="pm-options">
      {options.map((option) => {
        const id = `${idBase}-${option.id}`;
        return (
          <div class="pm-option" key={option.id}>
            <input type="radio" id={id} name={idBase} value={option.id} checked={selected === option.id} onChange={() => choose(option.id)} />
            <label for={id} lang={option.lang}>
              <AuthorInline html={option.html} text={option.text} />
            </label>
          </div>
        );
      })}
    </div>
  );
}

export function MultipleControl({ question, drawn, answer, onAnswer, idBase }: ControlProps<MultipleResponseQuestion>) {
  const { session } = useUi();
  const chosen = answer?.type === "multiple-response" ? answer.choices : [];
  const toggle = (id: string, on: boolean) => {
    const choices = on ? [...chosen, id] : chosen.filter((c) => c !== id);
    onAnswer(choices.length === 0 ? null : { type: "multiple-response", choices });
  };
  return (
    <div class="pm-options">
      {presented(question.choices, drawn.presentedOrder).map((option) => {
        const id = `${idBase}-${option.id}`;
        return (
          <div class="pm-option" key={option.id}>
            <input type="checkbox" id={id} checked={chosen.includes(option.id)} onChange={(e) => toggle(option.id, e.currentTarget.checked)} />
            <label for={id} lang={session.course.language}>
              <AuthorInline html={option.html} text={option.text} />
            </label>
          </div>
        );
      })}
    </div>
  );
}
