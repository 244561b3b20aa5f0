// The grading UI (a task in an attempt, awaiting rating, hand-over, the assessor's form, a filled
// form in review) is a chunk of its own (build.mjs splitting): only a course with a task loads it.
import { addEnglish } from "../i18n/index";
import { lazyChunk, type ChunkSlot } from "./lazy-chunk";

export type GradingUi = typeof import("./grading/grading-chunk");

/** The grading chunk as a screen sees it (lazy-chunk.ts). */
export type GradingSlot = ChunkSlot<GradingUi>;

// Its messages join the English catalogue before any of its screens renders.
const grading = lazyChunk(
  () => import("./grading/grading-chunk"),
  "the grading UI",
  (ui) => addEnglish(ui.enGrading),
);

/** Load the chunk once (a failed load is tried again next time). */
export const loadGradingUi = grading.load;

/** The grading UI once loaded; `needed` false loads nothing. A failed load is reported, never a "Loading…" for ever. */
export function useGradingUi(needed: boolean, log: (message: string) => void): GradingSlot {
  return grading.use(needed, log);
}
