// The window title of each screen (document.title): "<what the screen shows> – <course title>", so
// a learner with several tabs, a screen reader's window list or the browser history can tell where
// they are (WCAG 2.2 SC 2.4.2 Page Titled).
import type { Translator } from "../i18n/index";
import type { Screen } from "./app";
import type { SessionPort, SessionView } from "./session-port";

/** What the screen's heading says (also while its code is on its way: chunk-pending.tsx), when it has one. */
export function screenHeading(screen: Screen, view: SessionView, session: SessionPort, i18n: Translator): string | undefined {
  const { course } = session;
  const quiz = course.assessment?.title ?? "";
  const k = screen.kind;
  return view.exited || view.exiting
    ? i18n.t(view.exited ? "exitedTitle" : "exiting")
    : k === "page"
      ? course.pages.find((p) => p.id === screen.pageId)?.title
      : k === "attempt" && view.assessment?.current
        ? i18n.t("attemptHeading", { title: quiz, n: view.assessment.current.number })
        : k === "result" || k === "review"
          ? i18n.t(k === "result" ? "resultHeading" : "reviewHeading", { n: screen.attempt })
          : k === "nothing-to-review"
            ? i18n.t("finishedTitle")
            : quiz;
}

/** "<the screen's heading> – <course title>"; the course title alone where they are the same. */
export function screenTitle(screen: Screen, view: SessionView, session: SessionPort, i18n: Translator): string {
  const { course } = session;
  const what = screenHeading(screen, view, session, i18n);
  return what && what !== course.title ? `${what} – ${course.title}` : course.title;
}
