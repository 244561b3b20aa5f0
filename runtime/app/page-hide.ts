// The page lifecycle has ONE owner: boot.ts listens here once and, on a hidden tab or a pagehide,
// first saves what the session still holds back (a typed answer waiting for its delayed save), then
// lets the driver do its part (CourseSession.pageHidden → LmsDriver.pageHidden). Drivers never listen
// themselves, so the order no longer depends on which listener the browser happens to run first.
// Only a page that is really unloaded (pagehide, persisted === false) is "unloading": a hidden tab,
// or a page kept in the back/forward cache, may come back (docs/rules/lms.md §5; SCORM: commit on hide, §4).
// One rule for every driver where there used to be two opposite defaults (cmi5's handler read a
// missing `persisted` as "may come back", SCORM's as "gone"): when in doubt, the page may come back.
// Browsers always set `persisted`; only a plain Event (a test, a synthetic dispatch) lacks it. Then
// a wrong "may come back" still pushed everything (keepalive, Commit) and leaves the session for the
// LMS to close, while a wrong "gone" would end a session the learner is still in.
// This is the only file that listens to page-lifecycle events (lint.mjs checks it): no beforeunload
// or unload (they break the back/forward cache and are not fired reliably on mobile), no freeze (a
// page is hidden, and told so, before it is frozen).

/** PageTransitionEvent's part we read; `persisted` missing (a plain Event) counts as "may come back". */
export interface PageHideEvent {
  readonly persisted?: boolean;
}

export interface PageEvents {
  addEventListener(type: "pagehide", listener: (event: PageHideEvent) => void): void;
  removeEventListener(type: "pagehide", listener: (event: PageHideEvent) => void): void;
}

export interface VisibilityEvents {
  readonly visibilityState: string;
  addEventListener(type: "visibilitychange", listener: () => void): void;
  removeEventListener(type: "visibilitychange", listener: () => void): void;
}

/**
 * Calls `onHide(unloading)` on pagehide and when the document becomes hidden; `unloading` is true
 * only for a pagehide with `persisted === false`. Returns a stop function.
 */
export function watchPageHide(page: PageEvents, visibility: VisibilityEvents, onHide: (unloading: boolean) => void): () => void {
  const onPageHide = (event: PageHideEvent) => onHide(event.persisted === false);
  const onVisibility = () => {
    if (visibility.visibilityState === "hidden") onHide(false);
  };
  page.addEventListener("pagehide", onPageHide);
  visibility.addEventListener("visibilitychange", onVisibility);
  return () => {
    page.removeEventListener("pagehide", onPageHide);
    visibility.removeEventListener("visibilitychange", onVisibility);
  };
}
