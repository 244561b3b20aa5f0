// A part of the UI that is a chunk of its own (build.mjs splitting), loaded with `import()`: the
// assessment screens (screens-loader.ts), the grading UI (grading-loader.ts). Loaded once; a failed
// load (the connection dropped) is tried again at the next call, and a screen waiting for it is told.
import { useEffect, useState } from "preact/hooks";
import { loadOnce } from "../lms/retry-import";

/** The chunk as a screen sees it: loaded, still loading, or failed (the learner can load it again). */
export interface ChunkSlot<T> {
  ui: T | null;
  failed: boolean;
  retry(): void;
}

export interface LazyChunk<T> {
  /** Load the chunk once (a failed load is tried again next time). */
  load(): Promise<T>;
  /** The chunk if it has arrived, else null. */
  loaded(): T | null;
  /** The chunk once loaded; `needed` false loads nothing. A failed load is reported, never a "Loading…" for ever. */
  use(needed: boolean, log: (message: string) => void): ChunkSlot<T>;
}

/** `what` names the chunk in the log; `arrived` runs once, before any of its screens renders. */
export function lazyChunk<T>(importer: () => Promise<T>, what: string, arrived: (ui: T) => void = () => undefined): LazyChunk<T> {
  const once = loadOnce(importer, arrived); // a failed chunk is fetched anew (lms/retry-import.ts)
  const load = once.load;
  function use(needed: boolean, log: (message: string) => void): ChunkSlot<T> {
    const [ui, setUi] = useState(once.loaded());
    const [failed, setFailed] = useState(false);
    const [tries, setTries] = useState(0);
    useEffect(() => {
      if (!needed || ui) return;
      setFailed(false);
      load().then(setUi, (error: unknown) => {
        log(`${what} could not be loaded: ${String(error)}`);
        setFailed(true);
      });
    }, [needed, tries]);
    const got = ui ?? once.loaded();
    return { ui: needed ? got : null, failed: needed && failed && !got, retry: () => setTries((n) => n + 1) };
  }
  return { load, loaded: once.loaded, use };
}
