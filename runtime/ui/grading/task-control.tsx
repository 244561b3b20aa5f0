// A task in an attempt: the instructions are the question's prompt; the learner's text (when the task
// takes one); a self-assessment's form, filled in by the learner; or a note that the assessor rates it.
import type { RatingInput } from "../../assessment/index";
import type { TaskQuestion } from "../../course/types";
import { useUi } from "../context";
import type { ControlProps } from "../questions/question-view";
import { FormFields } from "./form-fields";

const isEmpty = (r: RatingInput | null) =>
  r === null || (Object.keys(r.filling).length === 0 && Object.keys(r.remarks).every((k) => !r.remarks[k]) && r.feedback === "");

export function TaskControl({ question, answer, onAnswer, promptId, idBase }: ControlProps<TaskQuestion>) {
  const { session, i18n } = useUi();
  const given = answer?.type === "task" ? answer : null;
  const text = given?.text ?? "";
  const rating = given?.rating ?? null;
  const send = (nextText: string, next: RatingInput | null, typing?: boolean) =>
    onAnswer(nextText === "" && isEmpty(next) ? null : { type: "task", text: nextText, rating: next && { ...next, rater: null, ratedAt: null } }, typing);
  const lang = session.course.language;
  return (
    <div class="pm-task">
      {question.learnerResponse === "text" && (
        <div class="pm-entry">
          <label for={`${idBase}-input`}>{i18n.t("yourAnswer")}</label>
          <textarea
            id={`${idBase}-input`}
            rows={6}
            lang={lang}
            value={text}
            aria-describedby={promptId}
            onInput={(e) => send(e.currentTarget.value, rating, true)}
            onBlur={() => session.flush()}
          />
        </div>
      )}
      {question.rater === "learner" ? (
        <div class="pm-self" role="group" aria-labelledby={`${idBase}-self`}>
          <h3 id={`${idBase}-self`}>{i18n.t("rateYourWork")}</h3>
          <FormFields form={question.gradingForm} rating={rating} idBase={idBase} lang={lang} onChange={(input, typing) => send(text, input, typing)} />
        </div>
      ) : (
        <p class="pm-note">{i18n.t("taskAssessorNote")}</p>
      )}
    </div>
  );
}
