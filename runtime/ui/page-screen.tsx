// A course page: its heading (the author's own <h1> when the body starts with one, else the page
// title), the sanitised body, its media, and previous / next.
import { useRef } from "preact/hooks";
import type { SessionView } from "./session-port";
import type { Navigate, Screen } from "./app";
import { AuthorHtml } from "./author-html";
import { useUi } from "./context";
import { useFocusOnChange } from "./focus";
import { MediaPlayer } from "./media-player";

interface Props {
  pageId: string;
  view: SessionView;
  navigate: Navigate;
}

export function PageScreen({ pageId, view, navigate }: Props) {
  const { session, i18n } = useUi();
  const { course } = session;
  const index = Math.max(
    0,
    course.pages.findIndex((p) => p.id === pageId),
  );
  const page = course.pages[index]!;
  const screen = useRef<HTMLElement>(null);
  const ownHeading = /^\s*<h1[\s>]/i.test(page.body.html);
  useFocusOnChange(() => screen.current?.querySelector("h1") ?? null, page.id);

  const previous = course.pages[index - 1];
  const following = course.pages[index + 1];
  const next: Screen | null = following ? { kind: "page", pageId: following.id } : course.assessment ? { kind: "intro" } : null;
  return (
    <article class="pm-screen" ref={screen} aria-labelledby={ownHeading ? undefined : `pm-page-${page.id}`}>
      {!ownHeading && (
        <h1 id={`pm-page-${page.id}`} tabIndex={-1} lang={course.language}>
          {page.title}
        </h1>
      )}
      <AuthorHtml text={page.body} lang={course.language} />
      {page.media.map((media) => (
        <MediaPlayer key={media.id} media={media} watched={view.state.mediaWatched.includes(media.id)} onWatched={() => session.mediaWatched(media.id)} />
      ))}
      <nav class="pm-pager" aria-label={`${i18n.t("previous")} / ${i18n.t("next")}`}>
        {previous && (
          <button type="button" class="pm-button pm-secondary" onClick={() => navigate({ kind: "page", pageId: previous.id })}>
            {i18n.t("previous")}
          </button>
        )}
        {next && (
          <button type="button" class="pm-button" onClick={() => navigate(next)}>
            {i18n.t("next")}
          </button>
        )}
      </nav>
    </article>
  );
}
