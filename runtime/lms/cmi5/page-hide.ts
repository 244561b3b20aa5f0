// cmi5-au.md §5: closing the tab is the common case. On `pagehide` or a hidden tab, push what is
// waiting (fetch keepalive). Terminated is NOT sent here: a hidden tab may come back.

export interface PageEvents {
  addEventListener(type: "pagehide", listener: () => void): void;
  removeEventListener(type: "pagehide", listener: () => void): void;
}

export interface VisibilityEvents {
  readonly visibilityState: string;
  addEventListener(type: "visibilitychange", listener: () => void): void;
  removeEventListener(type: "visibilitychange", listener: () => void): void;
}

/** Calls `onHide` on pagehide and when the document becomes hidden; returns a stop function. */
export function watchPageHide(
  page: PageEvents | undefined,
  visibility: VisibilityEvents | undefined,
  onHide: () => void,
): () => void {
  const win = page ?? (typeof window !== "undefined" ? window : undefined);
  const doc = visibility ?? (typeof document !== "undefined" ? document : undefined);
  const onVisibility = () => {
    if (doc?.visibilityState === "hidden") onHide();
  };
  win?.addEventListener("pagehide", onHide);
  doc?.addEventListener("visibilitychange", onVisibility);
  return () => {
    win?.removeEventListener("pagehide", onHide);
    doc?.removeEventListener("visibilitychange", onVisibility);
  };
}
