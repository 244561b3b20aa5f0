// The cmi5 handshake begun by the page's first script (issue 14): a cmi5 package's index.html runs
// dist/runtime/passmark-launch.js (runtime/early-launch.ts), a classic script that arrives long before
// the module bundle has been fetched and run. It POSTs the fetch URL at once and, with the token,
// sends LaunchData ‖ preferences ‖ our State document; the cmi5 driver later takes those requests
// over (earlyLaunchFetch) instead of sending them again: the fetch URL is single-use (cmi5 §8.2),
// so each request is handed over once and only the page's first starter sends anything. Every rule
// stays the driver's (launch-sequence.ts): the early script makes each request's first try only —
// retries, timeouts, error codes and errors are the driver's, on the answers handed over.
import { XapiClient, type FetchLike } from "../xapi/client";
import { parseCmi5LaunchParams } from "./launch-params";
import { fetchPostInit, launchReads, tokenOf } from "./launch-requests";
import { Cmi5SessionStore, type SessionStorageLike } from "./session-store";

/** One request the early script sent, waiting for the driver. */
export interface EarlyRequest {
  /** The Authorization header it went with (null for the fetch POST): a request with another is not this one. */
  authorization: string | null;
  response: Promise<Response>;
  /** Aborts it: the driver's timeout of that request. */
  abort(): void;
}

/**
 * `window.passmarkEarlyLaunch`, the one global the early script and the cmi5 bundle share. Set by
 * whichever of the two runs first; the early script sends nothing when it finds it already set.
 */
export interface EarlyLaunch {
  startedBy: "early-script" | "driver";
  /** What the early script sent, by "METHOD url"; each entry is removed when the driver takes it. */
  requests: Map<string, EarlyRequest>;
}

declare global {
  interface Window {
    passmarkEarlyLaunch?: EarlyLaunch;
  }
}

export interface EarlyLaunchWindow {
  passmarkEarlyLaunch?: EarlyLaunch;
  readonly location: { readonly href: string };
  /** Its access may throw (sandboxed frames). */
  readonly sessionStorage?: SessionStorageLike;
}

/** The early script: begins the handshake of a cmi5 launch whose driver would begin with the fetch POST; else does nothing. */
export function startEarlyLaunch(win: EarlyLaunchWindow, network: FetchLike): void {
  if (win.passmarkEarlyLaunch) return; // the driver began: it sends everything itself
  let params;
  try {
    params = parseCmi5LaunchParams(win.location.href);
  } catch {
    return; // not a cmi5 launch (SCORM, Tin Can, standalone), or one the driver refuses with nothing sent
  }
  // A session stored in this tab for the registration (a reload, leftovers of an earlier launch):
  // whether and when to POST is the driver's decision (runtime/lms/cmi5/driver.ts launch_).
  if (storedSession(win, params.registration)) return;
  const requests = new Map<string, EarlyRequest>();
  win.passmarkEarlyLaunch = { startedBy: "early-script", requests };
  const send = (url: string, init: RequestInit, then: (response: Response) => Promise<Response>): void => {
    const controller = new AbortController();
    const response = network(url, { ...init, signal: controller.signal }).then(then);
    response.catch(() => undefined); // the driver's to see; no unhandled rejection if it never comes
    requests.set(keyOf(init.method, url), { authorization: authorizationOf(init), response, abort: () => controller.abort() });
  };
  send(params.fetchUrl, fetchPostInit(new AbortController().signal), async (answer) => {
    // launch-sequence.ts postFetch: once the LMS answered, an unreadable body reads as "".
    const text = await answer.text().catch(() => "");
    let token: string | null = null;
    try {
      token = tokenOf({ status: answer.status, text });
    } catch {
      // the driver reads the same answer and shows the same error
    }
    if (token !== null) {
      // Sent through the driver's own client, so each is exactly the request the driver would make;
      // `send` keeps it for the driver and the client here gets no answer (it is not waited for).
      const recorder: FetchLike = (url, init) => {
        send(url, init, async (response) => response);
        return Promise.reject(new Error("handed over to the cmi5 driver"));
      };
      const client = new XapiClient({ endpoint: params.endpoint, authToken: token, fetch: recorder, timeoutMs: 1 });
      for (const read of launchReads(client, params)) void read();
    }
    // Registered before the driver sees the answer: its reads then always find them.
    return new Response(NULL_BODY_STATUSES.includes(answer.status) ? null : text, { status: answer.status, statusText: answer.statusText });
  });
}

/**
 * The fetch of the page's cmi5 driver: a request the early script already sent is handed over (once),
 * anything else goes to `network`. Claims the handshake when the early script has not begun it, so
 * that an early script running later sends nothing.
 */
export function earlyLaunchFetch(win: EarlyLaunchWindow, network: FetchLike): FetchLike {
  const early = (win.passmarkEarlyLaunch ??= { startedBy: "driver", requests: new Map() });
  return (url, init) => {
    const key = keyOf(init.method, url);
    const request = early.requests.get(key);
    if (!request || request.authorization !== authorizationOf(init)) return network(url, init);
    early.requests.delete(key);
    const signal = init.signal;
    if (signal?.aborted) request.abort();
    else signal?.addEventListener("abort", () => request.abort(), { once: true });
    return request.response;
  };
}

/** Statuses whose Response may carry no body (Fetch standard, "null body status"). */
const NULL_BODY_STATUSES = [101, 103, 204, 205, 304];

function keyOf(method: string | undefined, url: string): string {
  return `${method ?? "GET"} ${url}`;
}

function authorizationOf(init: RequestInit): string | null {
  return (init.headers as Record<string, string> | undefined)?.Authorization ?? null;
}

function storedSession(win: EarlyLaunchWindow, registration: string): boolean {
  try {
    const storage = win.sessionStorage;
    return storage !== undefined && new Cmi5SessionStore(storage, registration).load() !== null;
  } catch {
    return false; // no storage (sandboxed frame): the driver has none either, and POSTs
  }
}
