// After a submit: this attempt's score, the assessment score that is reported (or none yet), the
// status, attempts left, the author's score-action message, retake / review when allowed, and with
// feedback timing "after-attempt" each question's feedback (questions/attempt-feedback.tsx).
import { useRef } from "preact/hooks";
import type { Navigate } from "./app";
import { AssessmentStanding, AttemptFacts } from "./assessment-summary";
import { AuthorHtml } from "./author-html";
import { useUi } from "./context";
import { useFocusOnChange } from "./focus";
import { AttemptFeedback } from "./questions/attempt-feedback";
import type { SessionView } from "./session-port";

export function ResultScreen({ attempt, view, navigate }: { attempt: number; view: SessionView; navigate: Navigate }) {
  const { session, i18n } = useUi();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(() => heading.current, `result-${attempt}`);
  const assessment = view.assessment!;
  // This attempt's own judgement (its raw score), found by its number; the assessment score across
  // attempts is AssessmentStanding's separate line.
  const result = assessment.results.find((r) => r.number === attempt);
  const action = assessment.scoreAction;
  const next = assessment.next;
  const retake = () => {
    if (session.startAttempt()) navigate({ kind: "attempt" });
  };
  return (
    <section class="pm-screen" aria-labelledby="pm-result-title">
      <h1 id="pm-result-title" ref={heading} tabIndex={-1}>
        {i18n.t("resultHeading", { n: attempt })}
      </h1>
      {result && <p class="pm-score">{i18n.t("attemptScore", { score: i18n.percent(result.attemptScore) })}</p>}
      <AssessmentStanding view={view} />
      <AttemptFacts assessment={assessment} />
      {action && <AuthorHtml text={action.message} lang={session.course.language} class="pm-message" />}
      <div class="pm-actions">
        {next.kind === "start" && (
          <button type="button" class="pm-button" onClick={retake}>
            {i18n.t("retake", { n: next.attempt })}
          </button>
        )}
        {assessment.reviewAllowed && (
          <button type="button" class="pm-button pm-secondary" onClick={() => navigate({ kind: "review", attempt })}>
            {i18n.t("review")}
          </button>
        )}
      </div>
      <AttemptFeedback attempt={attempt} view={view} />
    </section>
  );
}
