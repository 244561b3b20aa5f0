// The assessment's front page: what it is, the attempt facts, and start / continue / why not.
import { useRef } from "preact/hooks";
import type { Navigate } from "./app";
import { AssessmentStanding, AttemptFacts } from "./assessment-summary";
import { AuthorHtml } from "./author-html";
import { ChunkPending } from "./chunk-pending";
import { useUi } from "./context";
import { useFocusOnChange } from "./focus";
import type { SessionView } from "./session-port";

export function AssessmentIntro({ view, navigate }: { view: SessionView; navigate: Navigate }) {
  const { session, i18n } = useUi();
  const assessment = view.assessment!;
  const { title, intro } = session.course.assessment!;
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(() => heading.current, "intro");
  const start = () => {
    if (session.startAttempt()) navigate({ kind: "attempt" });
  };
  const { next } = assessment;
  let action;
  if (next.kind === "read-only") action = <p class="pm-note">{i18n.t("readOnlyAssessment")}</p>;
  else if (next.kind === "resume")
    action = (
      <button type="button" class="pm-button" onClick={start}>
        {i18n.t("resumeAttempt", { n: next.attempt })}
      </button>
    );
  else if (next.kind === "start")
    action = (
      <button type="button" class="pm-button" onClick={start}>
        {i18n.t("startAttempt", { n: next.attempt })}
      </button>
    );
  else action = <p class="pm-note">{i18n.t(next.kind === "closed-after-pass" ? "closedAfterPass" : "noMoreAttempts")}</p>;
  return (
    <section class="pm-screen" aria-labelledby="pm-intro-title">
      <h1 id="pm-intro-title" ref={heading} tabIndex={-1} lang={session.course.language}>
        {title}
      </h1>
      {intro && <AuthorHtml text={intro} lang={session.course.language} />}
      <AttemptFacts assessment={assessment} />
      {assessment.attemptsUsed > 0 && <AssessmentStanding view={view} />}
      <div class="pm-actions">
        {action}
        {assessment.reviewAllowed &&
          assessment.results.map(({ number }) => (
            <button key={number} type="button" class="pm-button pm-secondary" onClick={() => navigate({ kind: "review", attempt: number })}>
              {i18n.t("reviewAttempt", { n: number })}
            </button>
          ))}
      </div>
      {/* Start pressed before the assessment's code arrived: "Loading…", or that it failed and "Load again". */}
      {view.starting && <ChunkPending slot={{ ui: null, failed: view.starting === "failed", retry: start }} />}
    </section>
  );
}
