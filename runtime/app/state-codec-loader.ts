// The resume state codec (runtime/assessment/codec/state-codec.ts, about 5 KB gzipped) is a chunk of its
// own (build.mjs splitting): a fresh launch has nothing to decode, so its first page does not wait
// for it. boot.ts loads it before the first screen only when the LMS gave a saved state (a resume),
// and otherwise right after the first screen is interactive. Until it arrives the session keeps the
// state and writes it as soon as it is there (session.ts save_); the first change of a fresh launch is
// the first screen's own visit, which a launch that finds no saved state makes again. Loaded through
// the retrying loader (lms/retry-import.ts): a failed load is tried again at the next change.
import { loadOnce, type OnceLoaded } from "../lms/retry-import";

export type StateCodec = typeof import("../assessment/codec/state-codec");

/** The codec as the session sees it: at hand, or loaded once (a failed load is tried again next time). */
export type CodecSlot = OnceLoaded<StateCodec>;

/** The codec behind `importer` (a dynamic import), loaded on the first `load()`. */
export const lazyCodec = (importer: () => Promise<StateCodec>): CodecSlot => loadOnce(importer);

/** A codec already loaded (a test, a caller that imports it statically). */
export function codecAtHand(codec: StateCodec): CodecSlot {
  return { loaded: () => codec, load: () => Promise.resolve(codec) };
}

/** The runtime's codec chunk. */
export const stateCodec: CodecSlot = lazyCodec(() => import("../assessment/codec/state-codec"));

/** Whether a saved state from the LMS needs the codec to read (nothing saved: a fresh start). */
export function needsDecoding(resumeState: unknown): boolean {
  return resumeState !== undefined && resumeState !== null && resumeState !== "";
}
