// The assessor's form screen: for each pending task its instructions, the learner's text and the
// form. Every change is kept in the attempt at once (a reload loses nothing). "Submit rating" checks
// that every form is complete (else it lists each criterion still missing, with a way to it), then
// stamps the rater, submits the attempt and shows the result.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Navigate } from "../app";
import { AuthorHtml } from "../author-html";
import { useUi } from "../context";
import { useFocusOnChange } from "../focus";
import { resultAnnouncement } from "../result-announcement";
import type { PendingRating, SessionView } from "../session-port";
import { criterionDomId, FormFields } from "./form-fields";

export interface RaterIdentity {
  name: string;
  id: string;
}

const taskDomId = (taskId: string) => `pm-rate-${taskId}`;

export function AssessorForm({ view, navigate, rater, onBack }: { view: SessionView; navigate: Navigate; rater: RaterIdentity; onBack(): void }) {
  const { session, i18n, announce } = useUi();
  const heading = useRef<HTMLHeadingElement>(null);
  const warningHeading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(() => heading.current, "assessor-form");
  // The tasks to rate stay those pending when the screen opened (a complete form is still pending
  // until submitted, so this list only changes on a new hand-over).
  const attempt = view.assessment?.current ?? null;
  const [taskIds] = useState<string[]>(() => attempt?.pendingRatings.map((p) => p.task.id) ?? []);
  const [checked, setChecked] = useState(0);
  useLayoutEffect(() => {
    if (checked > 0) warningHeading.current?.focus();
  }, [checked]);
  if (!attempt) return null;
  const tasks = taskIds.flatMap((id) => attempt.pendingRatings.filter((p) => p.task.id === id));
  const drawn = attempt.questions.map((q) => q.question.id);
  const missing = tasks.flatMap(({ task, missing }) => missing.map((criterionId) => ({ task, criterionId })));
  const lang = session.course.language;
  const numberOf = (task: PendingRating["task"]) => i18n.t("questionOf", { n: drawn.indexOf(task.id) + 1, total: drawn.length });

  const submit = () => {
    if (missing.length > 0) return setChecked((n) => n + 1);
    const submitted = session.completeRating(rater);
    if (!submitted) return setChecked((n) => n + 1);
    announce(resultAnnouncement(i18n, submitted, session.view().outcome));
    navigate({ kind: "result", attempt: submitted.attemptNumber });
  };
  const goTo = (taskId: string, criterionId: string) =>
    (document.querySelector(`#${CSS.escape(criterionDomId(taskDomId(taskId), criterionId))} :is(input, select)`) as HTMLElement | null)?.focus();

  return (
    <section class="pm-screen" aria-labelledby="pm-rate-title">
      <h1 id="pm-rate-title" ref={heading} tabIndex={-1}>
        {i18n.t("rateHeading", { n: attempt.number })}
      </h1>
      <p>{i18n.t("raterLine", { name: rater.name, id: rater.id })}</p>
      {tasks.map(({ task, response: given }) => {
        const idBase = taskDomId(task.id);
        return (
          <section key={task.id} class="pm-question" aria-labelledby={`${idBase}-title`}>
            <h2 id={`${idBase}-title`}>{numberOf(task)}</h2>
            <AuthorHtml text={task.prompt} lang={lang} class="pm-prompt" />
            {task.learnerResponse === "text" && (
              <div class="pm-learner-text">
                <h3>{i18n.t("learnerText")}</h3>
                <p lang={given?.text ? lang : undefined}>{given?.text || i18n.t("noAnswer")}</p>
              </div>
            )}
            <FormFields
              form={task.gradingForm}
              rating={given?.rating ?? null}
              idBase={idBase}
              lang={lang}
              onChange={(input, typing) => session.rateTask(task.id, input, typing)}
            />
          </section>
        );
      })}
      {checked > 0 && missing.length > 0 && (
        <div class="pm-warning" role="group" aria-labelledby="pm-missing-title">
          <h2 id="pm-missing-title" ref={warningHeading} tabIndex={-1}>
            {i18n.t("ratingIncomplete")}
          </h2>
          <p>{i18n.t("ratingIncompleteBody")}</p>
          <ul>
            {missing.map(({ task, criterionId }) => {
              const criterion = (task.gradingForm.criteria as { id: string; description: string }[]).find((c) => c.id === criterionId)!;
              return (
                <li key={`${task.id} ${criterionId}`}>
                  <button type="button" class="pm-link" onClick={() => goTo(task.id, criterionId)}>
                    {tasks.length > 1 && `${numberOf(task)}: `}
                    <span lang={lang}>{criterion.description}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div class="pm-actions">
        <button type="button" class="pm-button" onClick={submit}>
          {i18n.t("submitRating")}
        </button>
        <button type="button" class="pm-button pm-secondary" onClick={onBack}>
          {i18n.t("back")}
        </button>
      </div>
    </section>
  );
}
