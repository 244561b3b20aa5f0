// The grading UI (a task in an attempt, awaiting rating, hand-over, the assessor's form, a filled
// form in review) is a chunk of its own (build.mjs splitting): only a course with a task loads it.
import { useEffect, useState } from "preact/hooks";
import { addEnglish } from "../i18n/index";

export type GradingUi = typeof import("./grading/grading-chunk");

/** The chunk as a screen sees it: loaded, still loading, or failed (the learner can load it again). */
export interface GradingSlot {
  ui: GradingUi | null;
  failed: boolean;
  retry(): void;
}

let loaded: GradingUi | null = null;
let loading: Promise<GradingUi> | null = null;

/** Load the chunk once (a failed load is tried again next time). */
export function loadGradingUi(): Promise<GradingUi> {
  loading ??= import("./grading/grading-chunk").then(
    (ui) => {
      addEnglish(ui.enGrading); // its messages, before any of its screens renders
      return (loaded = ui);
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The grading UI once loaded; `needed` false loads nothing. A failed load is reported, never a "Loading…" for ever. */
export function useGradingUi(needed: boolean, log: (message: string) => void): GradingSlot {
  const [ui, setUi] = useState(loaded);
  const [failed, setFailed] = useState(false);
  const [tries, setTries] = useState(0);
  useEffect(() => {
    if (!needed || ui) return;
    setFailed(false);
    loadGradingUi().then(setUi, (error: unknown) => {
      log(`the grading UI could not be loaded: ${String(error)}`);
      setFailed(true);
    });
  }, [needed, tries]);
  return { ui: needed ? (ui ?? loaded) : null, failed: needed && failed && !(ui ?? loaded), retry: () => setTries((n) => n + 1) };
}
