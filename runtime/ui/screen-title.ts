// The window title of each screen (document.title): "<what the screen shows> – <course title>", so
// a learner with several tabs, a screen reader's window list or the browser history can tell where
// they are (WCAG 2.2 SC 2.4.2 Page Titled).
import type { Translator } from "../i18n/index";
import type { Screen } from "./app";
import type { SessionPort, SessionView } from "./session-port";

/** What the screen's heading says, in a few words; the course title alone where there is none. */
export function screenTitle(screen: Screen, view: SessionView, session: SessionPort, i18n: Translator): string {
  const { course } = session;
  const assessment = course.assessment?.title ?? i18n.t("assessment");
  let what: string;
  if (view.exited || view.exiting) what = i18n.t(view.exited ? "exitedTitle" : "exiting");
  else if (screen.kind === "page") what = course.pages.find((p) => p.id === screen.pageId)?.title ?? "";
  else if (screen.kind === "intro") what = assessment;
  else if (screen.kind === "attempt") {
    const current = view.assessment?.current;
    what = current ? i18n.t("attemptHeading", { title: assessment, n: current.number }) : assessment;
  } else if (screen.kind === "result") what = `${i18n.t("resultHeading", { n: screen.attempt })} – ${assessment}`;
  else if (screen.kind === "review") what = `${i18n.t("reviewHeading", { n: screen.attempt })} – ${assessment}`;
  else what = i18n.t("finishedTitle");
  return what && what !== course.title ? `${what} – ${course.title}` : course.title;
}
