// The course's logo and title, the progress indicator (a native <progress>: no inline styles under
// the CSP) and Exit.
import type { ComponentChildren } from "preact";
import type { SessionView } from "./session-port";
import { useUi } from "./context";
import { leaveCourse } from "./exit";
import type { CourseData } from "../course/types";

/**
 * The share the learner sees: the pages and media the outcome counts (docs/rules/reporting.md), and
 * the assessment as one step more, done once an attempt is submitted. Reading every page is then not
 * "100%" while the assessment is still ahead. What the LMS is sent stays `outcome.progress`.
 */
export function shownProgress(view: SessionView, course: CourseData): number {
  if (!course.assessment) return view.outcome.progress;
  const steps = course.pages.reduce((n, page) => n + 1 + page.media.length, 0);
  const assessed = view.state.attempts.length > 0 ? 1 : 0;
  return (view.outcome.progress * steps + assessed) / (steps + 1);
}

/**
 * `children`: the mode notice and the status line, kept inside the banner landmark. `showProgress`
 * false where the learner's progress is not known (a Review launch with nothing saved): a 0% there
 * would read as "not started".
 */
export function CourseHeader({ view, showProgress = true, children }: { view: SessionView; showProgress?: boolean; children?: ComponentChildren }) {
  const { session, i18n } = useUi();
  const percent = Math.round(shownProgress(view, session.course) * 100);
  const { logo } = session.course;
  return (
    <header class="pm-header">
      {logo && <img class="pm-logo" src={logo.src} alt={logo.alt} width={logo.width} height={logo.height} />}
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
