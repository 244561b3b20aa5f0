// The attempt, result and review screens (with the question controls and the answer texts) are a
// chunk of their own (build.mjs splitting), so a launch's first page does not wait for them: boot
// loads them right after the first screen is interactive (in a course with an assessment), or before
// it when that screen is one of them (a resume into an attempt in progress).
import { addEnglish } from "../i18n/index";
import type { Screen } from "./app";
import { lazyChunk, type ChunkSlot } from "./lazy-chunk";

export type Screens = typeof import("./screens-chunk");
export type ScreensSlot = ChunkSlot<Screens>;

// Its messages join the English catalogue before any of its screens renders.
const screens = lazyChunk(
  () => import("./screens-chunk"),
  "the assessment screens",
  (ui) => addEnglish(ui.enScreens),
);

/** Whether `screen` is drawn by the screens chunk. */
export function inScreensChunk(screen: Screen): boolean {
  return screen.kind === "attempt" || screen.kind === "result" || screen.kind === "review";
}

/** Load the chunk once (a failed load is tried again next time). */
export const loadScreens = screens.load;

/** The screens once loaded; `needed` false loads nothing. A failed load is reported, never a "Loading…" for ever. */
export function useScreens(needed: boolean, log: (message: string) => void): ScreensSlot {
  return screens.use(needed, log);
}
