// What the early script of a cmi5 package's page (runtime/early-launch.ts) leaves for the cmi5 driver:
// the first try of each handshake request it sent, keyed by exactly what the driver's own request is.
// Shared by both sides; type-only but for the key, so the early script stays tiny.

/** One request the early script sent: its answer, and its AbortController (the driver's timeout aborts it). */
export type EarlyRequest = [response: Promise<Response>, controller: AbortController];

/**
 * `window.passmarkLaunch`: set by whichever side runs first. The early script sends nothing when the
 * driver set it first (the driver then sends everything itself); each entry is removed when taken.
 */
export type EarlyRequests = Record<string, EarlyRequest>;

declare global {
  interface Window {
    passmarkLaunch?: EarlyRequests;
  }
}

/** A request's key: method, URL and Authorization header (a request with another token is another request). */
export const requestKey = (method: string | undefined, url: string, authorization: string | undefined): string =>
  `${method ?? "GET"} ${url} ${authorization ?? ""}`;
