// cmi5-au.md §5: closing the tab is the common case. On `pagehide` or a hidden tab, push what is
// waiting (fetch keepalive). Only a page that is really unloaded (pagehide, persisted === false)
// ends the session: a hidden tab, or a page kept in the back/forward cache, may come back.

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
export function watchPageHide(
  page: PageEvents | undefined,
  visibility: VisibilityEvents | undefined,
  onHide: (unloading: boolean) => void,
): () => void {
  const win = page ?? (typeof window !== "undefined" ? window : undefined);
  const doc = visibility ?? (typeof document !== "undefined" ? document : undefined);
  const onPageHide = (event: PageHideEvent) => onHide(event.persisted === false);
  const onVisibility = () => {
    if (doc?.visibilityState === "hidden") onHide(false);
  };
  win?.addEventListener("pagehide", onPageHide);
  doc?.addEventListener("visibilitychange", onVisibility);
  return () => {
    win?.removeEventListener("pagehide", onPageHide);
    doc?.removeEventListener("visibilitychange", onVisibility);
  };
}
