// Review of a finished attempt (when the review policy allows): read-only, each question with the
// learner's answer, the expected one, how it scored and the author's feedback (answer-feedback.tsx). A task shows its
// grade and the filled form (grading/filled-form.tsx): levels, points, remarks, who rated and when.
import { useRef } from "preact/hooks";
import type { Navigate } from "./app";
import { correctText, responseText } from "./answer-text";
import { AuthorHtml } from "./author-html";
import { useUi } from "./context";
import { useFocusOnChange } from "./focus";
import { useGradingUi } from "./grading-loader";
import { ChunkPending } from "./chunk-pending";
import { AnswerFeedback, Verdict } from "./questions/answer-feedback";
import type { SessionView } from "./session-port";

export function ReviewScreen({ attempt, view, navigate }: { attempt: number; view: SessionView; navigate: Navigate }) {
  const { session, i18n } = useUi();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(() => heading.current, `review-${attempt}`);
  const lang = session.course.language;
  const allowed = view.assessment?.reviewAllowed ?? false;
  const questions = view.assessment?.reviews.find((r) => r.number === attempt)?.questions ?? null;
  const grading = useGradingUi(questions?.some((q) => q.question.type === "task") ?? false, (m) => session.log(m));
  return (
    <section class="pm-screen" aria-labelledby="pm-review-title">
      <h1 id="pm-review-title" ref={heading} tabIndex={-1}>
        {i18n.t("reviewHeading", { n: attempt })}
      </h1>
      {!allowed || !questions ? (
        <p>{i18n.t("reviewUnavailable")}</p>
      ) : (
        questions.map(({ question, response, score }, index) => {
          const given = responseText(question, response, i18n);
          const expected = correctText(question, i18n);
          const task = question.type === "task" ? question : null;
          return (
            <section key={question.id} class="pm-question" aria-labelledby={`pm-review-${question.id}`}>
              <h2 id={`pm-review-${question.id}`}>{i18n.t("questionOf", { n: index + 1, total: questions.length })}</h2>
              <AuthorHtml text={question.prompt} lang={lang} class="pm-prompt" />
              <dl class="pm-review">
                {task?.learnerResponse !== "none" && <dt>{i18n.t("yourAnswer")}</dt>}
                {task?.learnerResponse !== "none" && <dd lang={given === null ? undefined : lang}>{given ?? i18n.t("noAnswer")}</dd>}
                {expected !== null && <dt>{i18n.t("correctAnswer")}</dt>}
                {expected !== null && <dd lang={lang}>{expected}</dd>}
              </dl>
              {task &&
                (grading.ui ? (
                  <grading.ui.FilledForm task={task} rating={response?.type === "task" ? response.rating : null} />
                ) : (
                  <ChunkPending slot={grading} />
                ))}
              {task && score !== null ? <p class="pm-verdict">{i18n.t("taskGrade", { score: i18n.percent(score) })}</p> : <Verdict score={score} />}
              <AnswerFeedback question={question} response={response} score={score} />
            </section>
          );
        })
      )}
      <div class="pm-actions">
        <button
          type="button"
          class="pm-button pm-secondary"
          onClick={() => navigate(session.judged && view.state.attempts.length >= attempt ? { kind: "result", attempt } : { kind: "intro" })}
        >
          {i18n.t("backToResult")}
        </button>
      </div>
    </section>
  );
}
