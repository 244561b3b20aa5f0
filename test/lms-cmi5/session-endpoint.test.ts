// The session record kept in sessionStorage is bound to the LRS endpoint its token was fetched for
// (issue 11, 10b). A reload whose launch URL names another endpoint, or a new launch in the same tab
// from another endpoint while the earlier session still holds undelivered items, never reuses the
// record: its auth token is never sent to the other endpoint. Decision: start fresh from the new
// launch's fetch URL — which fails clearly (cmi5 §8.2 error-code 1) when it is the same, used one.
import { describe, expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import type { FetchLike } from "../../runtime/lms/xapi/client";
import { LaunchError } from "../../runtime/lms/launch-error";
import { MemorySessionStorage, type Cmi5SessionRecord } from "../../runtime/lms/cmi5/session-store";
import { choiceReport, launch, newDriver, newPage, until, verbs, useLocalLms } from "./helpers";

let lms: LocalLms;
const marks = useLocalLms((started) => (lms = started));

const EVIL = "https://evil.example.test/xapi/";
/** No retry ever fires: what failed stays in the outbox. */
// A page frozen after its current task: no retry or backoff ever fires (only the 0 ms "before the next
// task" hop of the Outbox, which joins Initialized with the first screen's reports, still runs).
const frozenTimers = { setTimeout: (run: () => void, ms?: number) => (ms === 0 ? setTimeout(run, 0) : 0), clearTimeout: () => undefined };

interface Seen {
  url: string;
  authorization: string | null;
}

/**
 * Node's fetch, recording every request to `endpoint` with its Authorization; with `answerHere`
 * those are answered 204 here (an endpoint that is not ours) instead of being sent.
 */
function recordingFetch(endpoint: string, answerHere: boolean): { fetch: FetchLike; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    if (!String(url).startsWith(endpoint)) return fetch(url, init);
    seen.push({ url: String(url), authorization: new Headers(init?.headers as HeadersInit | undefined).get("authorization") });
    return answerHere ? new Response(null, { status: 204 }) : fetch(url, init);
  };
  return { fetch: fetchImpl, seen };
}

const withEndpoint = (url: string, endpoint: string): string => {
  const rewritten = new URL(url);
  rewritten.searchParams.set("endpoint", endpoint);
  return rewritten.toString();
};

const stored = (storage: MemorySessionStorage, registration: string) =>
  JSON.parse(storage.getItem(`passmark.cmi5.session:${registration}`)!) as Cmi5SessionRecord;

describe("a stored cmi5 session and another endpoint", () => {
  it("a reload whose launch URL names another endpoint does not reuse the record: no token sent there, the used fetch URL fails clearly", async () => {
    const l = launch(lms);
    const storage = new MemorySessionStorage();
    const first = newDriver(l.url, storage, newPage());
    await first.start();
    await first.checkpoint();
    const token = stored(storage, l.registration).authToken;

    const recorder = recordingFetch(EVIL, true);
    const reload = newDriver(withEndpoint(l.url, EVIL), storage, newPage(), { fetch: recorder.fetch });
    const error = await reload.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error).toMatchObject({ reason: "cmi5-fetch-used" });
    expect(recorder.seen).toEqual([]);
    expect(JSON.stringify(recorder.seen)).not.toContain(token);
    expect(marks.newViolations()).toEqual([]);
  });

  it("a new launch from another endpoint in the same tab never sends the earlier session's leftovers or token there, and starts fresh", async () => {
    // As delivery.test.ts "a new launch in a tab holding an earlier session's undelivered items", with
    // the new launch naming another endpoint: there the leftovers go first, here they must not.
    const first = launch(lms);
    const storage = new MemorySessionStorage();
    const d1 = newDriver(first.url, storage, newPage(), { timers: frozenTimers });
    await d1.start();
    await until(() => lms.statements({ registration: first.registration }).length === 1);
    lms.faults.set({ sequence: [503] });
    d1.reportInteraction(choiceReport("q1", false));
    await until(() => lms.faults.applied.length === 1);
    const old = stored(storage, first.registration);
    expect(old.outbox).toHaveLength(1);

    // Same registration, a new session whose launch URL names another endpoint (its fetch URL is new
    // and valid): the same LRS under another name, so the new session can run there.
    const other = lms.endpoint.replace("127.0.0.1", "localhost");
    const second = launch(lms, { registration: first.registration });
    const recorder = recordingFetch(other, false);
    const d2 = newDriver(withEndpoint(second.url, other), storage, newPage(), { fetch: recorder.fetch });
    const facts = await d2.start();
    expect(facts.warnings).toContain(
      `a stored session for another LRS endpoint was discarded; ${old.outbox.length} undelivered item(s) of it are not sent to ${other}`,
    );
    await d2.exit();
    expect(recorder.seen.length).toBeGreaterThan(0); // the new session talks to its own endpoint…
    expect(recorder.seen.map((r) => r.authorization)).not.toContain(`Basic ${old.authToken}`); // …never with the old token
    expect(verbs(lms.statements({ sessionId: first.sessionId }))).toEqual(["initialized"]); // the leftovers stayed unsent
    expect(verbs(lms.statements({ sessionId: second.sessionId }))).toEqual(["initialized", "terminated"]);
    expect(marks.newViolations()).toEqual([]);
  });
});
