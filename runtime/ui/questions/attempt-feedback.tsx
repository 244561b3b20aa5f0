// Feedback timing "after-attempt": on the result screen, each question of the attempt just finished
// with its prompt, the learner's answer, the verdict and the author's feedback. Not the expected
// answer: that stays with the review policy (review-screen.tsx).
import { responseText } from "../answer-text";
import { AuthorHtml } from "../author-html";
import { useUi } from "../context";
import type { SessionView } from "../session-port";
import { AnswerFeedback, Verdict } from "./answer-feedback";

export function AttemptFeedback({ attempt, view }: { attempt: number; view: SessionView }) {
  const { session, i18n } = useUi();
  const lang = session.course.language;
  const questions = view.assessment?.reviews.find((r) => r.number === attempt)?.questions;
  if (session.course.assessment?.feedbackTiming !== "after-attempt" || !questions) return null;
  return (
    <section aria-labelledby="pm-feedback-title">
      <h2 id="pm-feedback-title">{i18n.t("feedback")}</h2>
      {questions.map(({ question, response, score }, index) => {
        const given = responseText(question, response, i18n);
        return (
          <section key={question.id} class="pm-question" aria-labelledby={`pm-fb-${question.id}`}>
            <h3 id={`pm-fb-${question.id}`}>{i18n.t("questionOf", { n: index + 1, total: questions.length })}</h3>
            <AuthorHtml text={question.prompt} lang={lang} class="pm-prompt" />
            <p>
              {i18n.t("yourAnswer")}: <span lang={given === null ? undefined : lang}>{given ?? i18n.t("noAnswer")}</span>
            </p>
            <Verdict score={score} />
            <AnswerFeedback question={question} response={response} score={score} />
          </section>
        );
      })}
    </section>
  );
}
