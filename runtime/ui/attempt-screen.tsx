// An attempt in progress: every drawn question, then Submit. Unanswered questions are listed first
// (with a way back to each) and the learner confirms. Each answer is saved as it is given, so a
// reload shows the same questions with the answers kept. With assessor tasks still unrated, Submit
// hands the attempt in: it then waits for the assessor (grading/awaiting-rating.tsx), even after a reload.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Navigate } from "./app";
import { AssessmentIntro } from "./assessment-intro";
import { useUi } from "./context";
import { useFocusOnChange } from "./focus";
import { useGradingUi } from "./grading-loader";
import { ChunkPending } from "./chunk-pending";
import { questionDomId, QuestionView } from "./questions/question-view";
import { resultAnnouncement } from "./result-announcement";
import type { SessionView } from "./session-port";

export function AttemptScreen({ view, navigate }: { view: SessionView; navigate: Navigate }) {
  const { session, i18n, announce } = useUi();
  const heading = useRef<HTMLHeadingElement>(null);
  const warningHeading = useRef<HTMLHeadingElement>(null);
  const [unanswered, setUnanswered] = useState<string[] | null>(null);
  const attempt = view.assessment?.current ?? null;
  useFocusOnChange(() => heading.current, `attempt-${attempt?.number}`);
  const warned = unanswered !== null;
  useLayoutEffect(() => {
    if (warned) warningHeading.current?.focus();
  }, [warned]);
  // "Go to question N" from the unanswered list: focus its heading once the list is gone (same commit).
  const focusQuestion = useRef<string | null>(null);
  useLayoutEffect(() => {
    const id = focusQuestion.current;
    if (id === null) return;
    focusQuestion.current = null;
    document.getElementById(`${questionDomId(id)}-title`)?.focus();
  });
  const awaiting = attempt?.awaitingRating ?? false;
  const grading = useGradingUi(awaiting, (m) => session.log(m));
  if (!attempt) return <AssessmentIntro view={view} navigate={navigate} />;
  // Handed in, waiting for the assessor (also after a reload): never the questions, never a score.
  if (awaiting) return grading.ui ? <grading.ui.AwaitingRating view={view} navigate={navigate} /> : <ChunkPending slot={grading} />;
  const assessment = session.course.assessment!;
  const shown = attempt.questions;
  const checking = assessment.feedbackTiming === "after-answer";

  const submit = (confirmed: boolean) => {
    const missing = attempt.unanswered;
    if (missing.length > 0 && !confirmed) return setUnanswered(missing);
    // Assessor tasks not rated yet: the attempt is handed in and waits (this screen then says so).
    if (session.handIn()) return setUnanswered(null);
    const submitted = session.submit();
    if (!submitted) return;
    // The attempt just finished, not result.attemptNumber (for $highest_attempt_score that is the
    // attempt which gave the score, e.g. attempt 1 after a failed attempt 3).
    announce(resultAnnouncement(i18n, submitted, session.view().outcome));
    navigate({ kind: "result", attempt: submitted.attemptNumber });
  };
  const goTo = (questionId: string) => {
    focusQuestion.current = questionId;
    setUnanswered(null);
  };

  return (
    <section class="pm-screen" aria-labelledby="pm-attempt-title">
      <h1 id="pm-attempt-title" ref={heading} tabIndex={-1}>
        {i18n.t("attemptHeading", { title: assessment.title, n: attempt.number })}
      </h1>
      {checking && (
        <p class="pm-hint" id="pm-check-hint">
          {i18n.t("checkHint")}
        </p>
      )}
      {shown.map(({ drawn, question, response, locked, score }, index) => (
        <QuestionView
          key={question.id}
          question={question}
          drawn={drawn}
          number={index + 1}
          total={shown.length}
          answer={response}
          locked={locked}
          score={score}
          onCheck={checking ? () => session.check(question.id) : undefined}
          checkHintId="pm-check-hint"
          onAnswer={(next, typing) => {
            if (unanswered) setUnanswered(null);
            session.answer(question.id, next, typing);
          }}
        />
      ))}
      {unanswered ? (
        <div class="pm-warning" role="group" aria-labelledby="pm-unanswered-title">
          <h2 id="pm-unanswered-title" ref={warningHeading} tabIndex={-1}>
            {i18n.t("unansweredTitle")}
          </h2>
          <p>{i18n.t("unansweredBody")}</p>
          <ul>
            {unanswered.map((id) => (
              <li key={id}>
                <button type="button" class="pm-link" onClick={() => goTo(id)}>
                  {i18n.t("questionOf", { n: shown.findIndex((q) => q.question.id === id) + 1, total: shown.length })}
                </button>
              </li>
            ))}
          </ul>
          <div class="pm-actions">
            <button type="button" class="pm-button" onClick={() => submit(true)}>
              {i18n.t("submitAnyway")}
            </button>
            <button type="button" class="pm-button pm-secondary" onClick={() => goTo(unanswered[0]!)}>
              {i18n.t("keepAnswering")}
            </button>
          </div>
        </div>
      ) : (
        <div class="pm-actions">
          <button type="button" class="pm-button" onClick={() => submit(false)}>
            {i18n.t("submit")}
          </button>
        </div>
      )}
    </section>
  );
}
