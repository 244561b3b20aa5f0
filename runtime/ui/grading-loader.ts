// The grading UI (a task in an attempt, awaiting rating, hand-over, the assessor's form, a filled
// form in review) is a chunk of its own (build.mjs splitting): only a course with a task loads it.
import { useEffect, useState } from "preact/hooks";

export type GradingUi = typeof import("./grading/grading-chunk");

let loaded: GradingUi | null = null;
let loading: Promise<GradingUi> | null = null;

/** Load the chunk once (a failed load is tried again next time). */
export function loadGradingUi(): Promise<GradingUi> {
  loading ??= import("./grading/grading-chunk").then(
    (ui) => (loaded = ui),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The grading UI once loaded (null until then); `needed` false loads nothing. */
export function useGradingUi(needed: boolean): GradingUi | null {
  const [ui, setUi] = useState(loaded);
  useEffect(() => {
    if (needed && !ui) loadGradingUi().then(setUi, (error: unknown) => console.warn(`[passmark] the grading UI could not be loaded: ${String(error)}`));
  }, [needed]);
  return needed ? ui ?? loaded : null;
}
