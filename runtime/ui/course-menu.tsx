// The menu of pages (seen / not seen) and the assessment, in a native disclosure so that a
// 500-page course does not push the content off a 320 px screen.
import { useState } from "preact/hooks";
import type { SessionView } from "./session-port";
import type { Navigate, Screen } from "./app";
import { useUi } from "./context";

interface Props {
  view: SessionView;
  screen: Screen;
  navigate: Navigate;
}

export function CourseMenu({ view, screen, navigate }: Props) {
  const { session, i18n } = useUi();
  const { course } = session;
  const seen = new Set(view.state.pagesSeen);
  const onAssessment = screen.kind !== "page";
  // The list is built when the menu is first opened: a 500-page course starts as fast as a short one.
  const [opened, setOpened] = useState(false);
  return (
    <nav class="pm-menu" aria-label={i18n.t("courseMenu")}>
      <details onToggle={(e) => opened || setOpened((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{i18n.t("courseMenu")}</summary>
        {opened && (
          <ol>
            {course.pages.map((page) => {
              const current = screen.kind === "page" && screen.pageId === page.id;
              const wasSeen = seen.has(page.id);
              return (
                <li key={page.id}>
                  <button type="button" class="pm-link" aria-current={current ? "page" : undefined} onClick={() => navigate({ kind: "page", pageId: page.id })}>
                    <span lang={course.language}>{page.title}</span>
                    <span class="pm-sr"> ({i18n.t(current ? "current" : wasSeen ? "seen" : "notSeen")})</span>
                    {/* The tick is for the eye only: the words above already say "seen" (not "seen ✓"). */}
                    {wasSeen && (
                      <span class="pm-tick" aria-hidden="true">
                        {" \u2713"}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
            {course.assessment && (
              <li>
                <button type="button" class="pm-link" aria-current={onAssessment ? "page" : undefined} onClick={() => navigate({ kind: "intro" })}>
                  <span lang={course.language}>{course.assessment.title}</span>
                </button>
              </li>
            )}
          </ol>
        )}
      </details>
    </nav>
  );
}
