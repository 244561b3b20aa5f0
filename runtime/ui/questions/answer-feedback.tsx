// The author's feedback for one answer: the verdict, the question's feedback (correct or
// incorrect, by score) and the feedback of each choice the learner chose. Shown after a Check,
// on the result screen or in review, as the assessment's feedbackTiming says. Never the expected answer.
import type { Response } from "../../assessment/index";
import type { ChoiceOption, QuestionData } from "../../course/types";
import { AuthorHtml, AuthorInline } from "../author-html";
import { useUi } from "../context";

/** The choices the learner chose, in the question's order (choice and survey questions). */
function chosen(question: QuestionData, response: Response | undefined): ChoiceOption[] {
  if (!("choices" in question) || !response) return [];
  const ids = response.type === "multiple-response" ? response.choices : "choice" in response ? [response.choice] : [];
  return question.choices.filter((c) => ids.includes(c.id));
}

/** "Correct", "Incorrect", "Partly correct (50%)" or "Not graded". */
export function Verdict({ score }: { score: number | null }) {
  const { i18n } = useUi();
  const text =
    score === null
      ? i18n.t("notGraded")
      : score >= 100
        ? i18n.t("resultCorrect")
        : score > 0
          ? i18n.t("resultPartial", { score: i18n.percent(score) })
          : i18n.t("resultIncorrect");
  return <p class={score === null ? "pm-verdict" : score >= 100 ? "pm-verdict pm-right" : "pm-verdict pm-wrong"}>{text}</p>;
}

export function AnswerFeedback({ question, response, score }: { question: QuestionData; response: Response | undefined; score: number | null }) {
  const lang = useUi().session.course.language;
  const general = score === null || question.type === "task" ? null : score >= 100 ? question.feedback.correct : question.feedback.incorrect;
  const choices = chosen(question, response).filter((c) => c.feedback);
  return (
    <>
      {general && <AuthorHtml text={general} lang={lang} class="pm-feedback" />}
      {choices.length > 0 && (
        <ul class="pm-choice-feedback" lang={lang}>
          {choices.map((c) => (
            <li key={c.id}>
              <AuthorInline html={c.html} text={c.text} />
              <AuthorHtml text={c.feedback!} lang={lang} class="pm-feedback" />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
