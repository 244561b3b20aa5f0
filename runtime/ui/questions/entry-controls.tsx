// Typed answers: a number field (decimal comma accepted) and a text field or box. Every keystroke
// is kept in the attempt at once and saved a moment later; leaving the field saves at once.
import { useState } from "preact/hooks";
import type { NumericQuestion, TextEntryQuestion } from "../../course/types";
import { useUi } from "../context";
import { parseLearnerNumber } from "./learner-number";
import type { ControlProps } from "./question-view";

export function NumericControl({ answer, onAnswer, promptId, idBase }: ControlProps<NumericQuestion>) {
  const { session, i18n } = useUi();
  const [draft, setDraft] = useState(answer?.type === "numeric" ? i18n.number(answer.value, 10) : "");
  const invalid = draft.trim() !== "" && parseLearnerNumber(draft) === null;
  const id = `${idBase}-input`;
  const hintId = `${idBase}-hint`;
  const onInput = (text: string) => {
    setDraft(text);
    const value = parseLearnerNumber(text);
    onAnswer(value === null ? null : { type: "numeric", value }, true);
  };
  return (
    <div class="pm-entry">
      <label for={id}>{i18n.t("yourAnswer")}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={draft}
        aria-invalid={invalid ? "true" : undefined}
        aria-describedby={`${promptId} ${hintId}`}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={() => session.flush()}
      />
      <p id={hintId} class={invalid ? "pm-hint pm-error" : "pm-hint"}>
        {i18n.t(invalid ? "notANumber" : "numberHint")}
      </p>
    </div>
  );
}

export function TextControl({ question, answer, onAnswer, promptId, idBase }: ControlProps<TextEntryQuestion>) {
  const { session, i18n } = useUi();
  const value = answer?.type === "text-entry" ? answer.text : "";
  const id = `${idBase}-input`;
  const common = {
    id,
    value,
    lang: session.course.language,
    "aria-describedby": promptId,
    onInput: (e: Event) => {
      const text = (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
      onAnswer(text === "" ? null : { type: "text-entry", text }, true);
    },
    onBlur: () => session.flush(),
  };
  return (
    <div class="pm-entry">
      <label for={id}>{i18n.t("yourAnswer")}</label>
      {question.long ? <textarea rows={5} {...common} /> : <input type="text" autoComplete="off" spellcheck={false} {...common} />}
    </div>
  );
}
