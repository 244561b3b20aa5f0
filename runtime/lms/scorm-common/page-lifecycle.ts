// scorm-sco.md §4: commit when the page is hidden and when it is being left (pagehide); an LMS
// often gets no other chance. The window is injected so tests can fire the events.

export interface PageHideEvent {
  readonly persisted?: boolean;
}

export interface PageLifecycleTarget {
  addEventListener(type: "visibilitychange" | "pagehide", listener: (event: PageHideEvent) => void): void;
  removeEventListener(type: "visibilitychange" | "pagehide", listener: (event: PageHideEvent) => void): void;
  readonly document?: { readonly visibilityState?: string };
}

export interface PageLifecycleHandlers {
  /** The page was hidden (tab switched, window minimised, or about to be left). */
  hidden(): void;
  /** The page is being left; `persisted` when it may come back from the back/forward cache. */
  leaving(persisted: boolean): void;
}

/** Start listening; returns a function that stops listening. */
export function watchPageLifecycle(target: PageLifecycleTarget, handlers: PageLifecycleHandlers): () => void {
  const onVisibility = (): void => {
    if (target.document?.visibilityState === "hidden") handlers.hidden();
  };
  const onPageHide = (event: PageHideEvent): void => handlers.leaving(event.persisted === true);
  target.addEventListener("visibilitychange", onVisibility);
  target.addEventListener("pagehide", onPageHide);
  return () => {
    target.removeEventListener("visibilitychange", onVisibility);
    target.removeEventListener("pagehide", onPageHide);
  };
}
