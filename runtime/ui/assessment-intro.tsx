// The assessment's front page: what it is, the attempt facts, and start / continue / why not.
import { useRef } from "preact/hooks";
import { attemptBlock, reviewAllowed } from "../assessment/index";
import type { SessionView } from "../app/session";
import type { Navigate } from "./app";
import { AssessmentStanding, AttemptFacts } from "./assessment-summary";
import { AuthorHtml } from "./author-html";
import { useUi } from "./context";
import { useFocusOnChange } from "./focus";

export function AssessmentIntro({ view, navigate }: { view: SessionView; navigate: Navigate }) {
  const { session, i18n } = useUi();
  const assessment = session.course.assessment!;
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(() => heading.current, "intro");
  const { state } = view;
  const block = attemptBlock(state, assessment, session.passingScore);
  const start = () => {
    if (session.startAttempt()) navigate({ kind: "attempt" });
  };
  let action;
  if (!session.judged) action = <p class="pm-note">{i18n.t("readOnlyAssessment")}</p>;
  else if (state.current) action = <button type="button" class="pm-button" onClick={start}>{i18n.t("resumeAttempt", { n: state.current.number })}</button>;
  else if (block === null) action = <button type="button" class="pm-button" onClick={start}>{i18n.t("startAttempt", { n: state.attempts.length + 1 })}</button>;
  else action = <p class="pm-note">{i18n.t(block === "closed-after-pass" ? "closedAfterPass" : "noMoreAttempts")}</p>;
  const reviewable = reviewAllowed(state, assessment, session.passingScore);
  return (
    <section class="pm-screen" aria-labelledby="pm-intro-title">
      <h1 id="pm-intro-title" ref={heading} tabIndex={-1} lang={session.course.language}>
        {assessment.title}
      </h1>
      {assessment.intro && <AuthorHtml text={assessment.intro} lang={session.course.language} />}
      <AttemptFacts view={view} />
      {state.attempts.length > 0 && <AssessmentStanding view={view} />}
      <div class="pm-actions">
        {action}
        {reviewable &&
          state.attempts.map((a) => (
            <button key={a.number} type="button" class="pm-button pm-secondary" onClick={() => navigate({ kind: "review", attempt: a.number })}>
              {i18n.t("reviewAttempt", { n: a.number })}
            </button>
          ))}
      </div>
    </section>
  );
}
