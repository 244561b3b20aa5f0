// A lazy chunk's import() that can be tried again after it failed (a dropped connection). Chromium
// keeps a failed module fetch in the document's module map: importing the same URL again rejects at
// once, without a request (seen with Chromium 150; test/lms-contract/retry-import.test.ts, and the "Load
// again" journeys in test/ui). So after a failure the next try imports the chunk's URL with a query
// of its own (`?retry=N`), a module the page has not met; its static imports are the page's own.
// The URL is read from the failure (Chromium and Firefox name it); where a browser does not name it,
// the next try is the same import() again, which such a browser fetches anew (docs/rules/lms.md §5).

/** The chunk's absolute URL as named by a failed import(), or null. */
export function failedModuleUrl(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const found = /(https?:\/\/[^\s"'?#]+\.m?js)(?:[?#]\S*)?\s*$/.exec(message);
  return found ? found[1]! : null;
}

/**
 * Wraps `first` (an `import("./chunk")` esbuild resolves): the first try runs it; after a failure
 * that named the chunk's URL, each further try imports that URL with `?retry=N`. `importUrl` is the
 * page's import() (a parameter for tests).
 */
export function retryingImport<T>(first: () => Promise<T>, importUrl: (url: string) => Promise<T> = (url) => import(url) as Promise<T>): () => Promise<T> {
  let url: string | null = null;
  let retries = 0;
  return async () => {
    if (url === null) {
      try {
        return await first();
      } catch (error) {
        url = failedModuleUrl(error);
        throw error;
      }
    }
    retries += 1;
    return importUrl(`${url}?retry=${retries}`);
  };
}

/** A chunk as its users see it: at hand once it has arrived, else loaded on the first `load()`. */
export interface OnceLoaded<T> {
  /** The chunk if it has arrived, else null. */
  loaded(): T | null;
  /** Load the chunk once; a failed load is forgotten, so the next call tries again (`?retry=N`). */
  load(): Promise<T>;
}

/**
 * The chunk behind `importer` (an `import("./chunk")`), loaded once through `retryingImport`: the
 * state codec, the assessment half, the UI's lazy chunks. `arrived` runs once, when it arrives.
 */
export function loadOnce<T>(importer: () => Promise<T>, arrived: (chunk: T) => void = () => undefined): OnceLoaded<T> {
  let done: T | null = null;
  let loading: Promise<T> | null = null;
  const tryImport = retryingImport(importer);
  return {
    loaded: () => done,
    load: () =>
      (loading ??= tryImport().then(
        (chunk) => {
          arrived(chunk);
          return (done = chunk);
        },
        (error: unknown) => {
          loading = null;
          throw error;
        },
      )),
  };
}
