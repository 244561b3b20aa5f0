// The cmi5 driver's fetch on a cmi5 package's page: a handshake request the page's early script
// already sent (runtime/early-launch.ts) is handed over — its answer, once — instead of being sent
// again (the fetch URL is single-use, cmi5 §8.2); anything else goes to the network. Claims the
// handshake when the early script has not begun it (it then sends nothing), so the page's requests
// have one sender. The driver's timeout aborts a handed-over request as it would its own.
import type { FetchLike } from "../xapi/client";
import { requestKey, type EarlyRequests } from "./early-requests";

export function earlyLaunchFetch(win: { passmarkLaunch?: EarlyRequests }, network: FetchLike): FetchLike {
  const sent = (win.passmarkLaunch ??= {});
  return (url, init) => {
    const key = requestKey(init.method, url, (init.headers as Record<string, string> | undefined)?.Authorization);
    const early = sent[key];
    if (!early) return network(url, init);
    delete sent[key];
    const [response, controller] = early;
    const signal = init.signal;
    if (signal?.aborted) controller.abort();
    signal?.addEventListener("abort", () => controller.abort());
    return response;
  };
}
