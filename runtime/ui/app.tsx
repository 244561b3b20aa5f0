// The learner UI: header (course, progress, exit), mode notice, honest status line, the course
// menu and one screen at a time, named in the window title (screen-title.ts). Screens: a page, the
// assessment intro, an attempt, a result, a review (those three from a lazy chunk, screens-loader.ts).
import { useEffect, useLayoutEffect, useMemo, useState } from "preact/hooks";
import type { Translator } from "../i18n/index";
import { AssessmentIntro } from "./assessment-intro";
import { ScreenPending } from "./chunk-pending";
import { Ui, type UiContext } from "./context";
import { CourseHeader } from "./course-header";
import { ExitedScreen } from "./exited-screen";
import { loadGradingUi } from "./grading-loader";
import { CourseMenu } from "./course-menu";
import { PageScreen } from "./page-screen";
import { screenHeading, screenTitle } from "./screen-title";
import { inScreensChunk, useScreens } from "./screens-loader";
import type { SessionPort, SessionView } from "./session-port";
import { NothingToReviewScreen, nothingToReview } from "./nothing-to-review-screen";
import { ModeNotice, StatusLine } from "./status-line";

export type Screen =
  | { kind: "page"; pageId: string }
  | { kind: "intro" }
  | { kind: "attempt" }
  | { kind: "result"; attempt: number }
  | { kind: "review"; attempt: number }
  | { kind: "nothing-to-review" };

/**
 * Where the learner resumes: an attempt in progress, else the saved location, else the first page.
 * A Review launch with nothing saved gets a screen that says the course is finished.
 */
export function initialScreen(session: SessionPort): Screen {
  const { state } = session.view();
  const { course } = session;
  if (nothingToReview(session.facts)) return { kind: "nothing-to-review" };
  if (state.current && session.judged) return { kind: "attempt" };
  const page = course.pages.find((p) => p.id === state.location) ?? course.pages[0];
  if ((state.location !== null && state.location === course.assessment?.id) || !page) return { kind: "intro" };
  return { kind: "page", pageId: page.id };
}

export type Navigate = (screen: Screen) => void;

interface Props {
  session: SessionPort;
  i18n: Translator;
}

export function App({ session, i18n }: Props) {
  const [view, setView] = useState<SessionView>(session.view());
  const [screen, setScreen] = useState<Screen>(() => initialScreen(session));
  const [announcement, setAnnouncement] = useState("");
  // Subscribed in the first commit, and caught up at once: a change between the first render and
  // the subscription (a driver status, say) is never missed.
  useLayoutEffect(() => {
    const unsubscribe = session.subscribe(setView);
    setView(session.view());
    return unsubscribe;
  }, [session]);
  // The attempt, result and review screens: there at once when loaded (boot starts that early), else
  // "Loading…" (or the failure, with a way to load again) in their place, never another screen.
  const screens = useScreens(inScreensChunk(screen), (m) => session.log(m));
  const ui = useMemo<UiContext>(() => ({ session, i18n, announce: setAnnouncement }), [session, i18n]);

  const navigate: Navigate = (next) => {
    if (next.kind === "page") session.visitPage(next.pageId);
    if (next.kind === "intro") session.showAssessment();
    setScreen(next);
  };
  useEffect(() => {
    if (screen.kind === "page") session.visitPage(screen.pageId); // the first page counts as seen too
    // A course with a task fetches the grading UI early, so it is there when a screen needs it.
    if ([...session.questions.values()].some((q) => q.type === "task")) loadGradingUi().catch(() => undefined);
  }, []);

  const title = screenTitle(screen, view, session, i18n);
  useEffect(() => {
    document.title = title;
  }, [title]);

  let content;
  if (view.exited || view.exiting) content = <ExitedScreen view={view} />;
  else if (screen.kind === "page") content = <PageScreen pageId={screen.pageId} view={view} navigate={navigate} />;
  else if (screen.kind === "intro") content = <AssessmentIntro view={view} navigate={navigate} />;
  else if (screen.kind === "nothing-to-review") content = <NothingToReviewScreen />;
  else if (!screens.ui)
    content = <ScreenPending slot={screens} screen={screen.kind} heading={screenHeading(screen, view, session, i18n) || session.course.title} />;
  else if (screen.kind === "attempt") content = <screens.ui.AttemptScreen view={view} navigate={navigate} />;
  else if (screen.kind === "result") content = <screens.ui.ResultScreen attempt={screen.attempt} view={view} navigate={navigate} />;
  else content = <screens.ui.ReviewScreen attempt={screen.attempt} view={view} navigate={navigate} />;

  const inAttempt = screen.kind === "attempt" && !view.exited;
  return (
    <Ui.Provider value={ui}>
      <div class="pm-app" lang={i18n.lang}>
        <a class="pm-skip" href="#pm-content">
          {i18n.t("skipToContent")}
        </a>
        <CourseHeader view={view} showProgress={screen.kind !== "nothing-to-review"}>
          <ModeNotice />
          <StatusLine view={view} />
        </CourseHeader>
        {!view.exited && !view.exiting && !inAttempt && screen.kind !== "nothing-to-review" && <CourseMenu view={view} screen={screen} navigate={navigate} />}
        <main id="pm-content" class="pm-content" tabIndex={-1}>
          {content}
        </main>
        <div class="pm-sr" role="status" aria-live="polite">
          {announcement}
        </div>
      </div>
    </Ui.Provider>
  );
}
