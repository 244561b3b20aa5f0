// Course title, the progress indicator (a native <progress>: no inline styles under the CSP) and Exit.
import type { ComponentChildren } from "preact";
import type { SessionView } from "./session-port";
import { useUi } from "./context";
import { leaveCourse } from "./exit";

/**
 * `children`: the mode notice and the status line, kept inside the banner landmark. `showProgress`
 * false where the learner's progress is not known (a Review launch with nothing saved): a 0% there
 * would read as "not started".
 */
export function CourseHeader({ view, showProgress = true, children }: { view: SessionView; showProgress?: boolean; children?: ComponentChildren }) {
  const { session, i18n } = useUi();
  const percent = Math.round(view.outcome.progress * 100);
  return (
    <header class="pm-header">
      <p class="pm-course-title" lang={session.course.language}>
        {session.course.title}
      </p>
      {showProgress && (
        <div class="pm-progress">
          <label for="pm-progress">{i18n.t("progress", { percent: i18n.percent(percent) })}</label>
          <progress id="pm-progress" max={100} value={percent} />
        </div>
      )}
      {!view.exited && (
        <button type="button" class="pm-button pm-exit" disabled={view.exiting} onClick={() => void leaveCourse(session)}>
          {i18n.t("exit")}
        </button>
      )}
      {children}
    </header>
  );
}
