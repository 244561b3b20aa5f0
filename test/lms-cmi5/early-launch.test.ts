// The pieces of the early cmi5 handshake that run outside a browser page: the early script's reading
// of the launch parameters is never laxer than the driver's (where the driver refuses, nothing may be
// sent: cmi5 §8.1), and the driver's fetch hands an early request over once, with its abort, and
// claims the handshake when the early script has not begun it. The whole page: test/e2e/cmi5-early-launch.test.ts.
import { describe, expect, it } from "vitest";
import { earlyLaunchFetch } from "../../runtime/lms/cmi5/early-handover";
import { earlyLaunchParams } from "../../runtime/lms/cmi5/early-params";
import { requestKey, type EarlyRequests } from "../../runtime/lms/cmi5/early-requests";
import { parseCmi5LaunchParams } from "../../runtime/lms/cmi5/launch-params";

const GOOD: Record<string, string> = {
  endpoint: "https://lrs.example.test/xapi/",
  fetch: "https://lms.example.test/cmi5/fetch/abc",
  actor: JSON.stringify({ objectType: "Agent", account: { homePage: "https://lms.example.test", name: "learner-1" } }),
  registration: "0f5a3d2c-8d1e-4b7a-9c3e-1a2b3c4d5e6f",
  activityId: "https://courses.example.test/au/1",
};

function launchUrl(params: Record<string, string | null>): string {
  const url = new URL("https://content.example.test/au/index.html");
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return url.toString();
}

const outcome = (f: () => unknown): "accepted" | "refused" => {
  try {
    f();
    return "accepted";
  } catch {
    return "refused";
  }
};

describe("early launch parameters (runtime/lms/cmi5/early-params.ts)", () => {
  const variants: [string, Record<string, string | null>][] = [
    ["all good", {}],
    ...Object.keys(GOOD).map((name): [string, Record<string, string | null>] => [`${name} missing`, { [name]: null }]),
    ...Object.keys(GOOD).map((name): [string, Record<string, string | null>] => [`${name} empty`, { [name]: "" }]),
    ["endpoint not http(s)", { endpoint: "ftp://lrs.example.test/xapi/" }],
    ["endpoint relative", { endpoint: "/xapi/" }],
    ["fetch not a URL", { fetch: "fetch-me" }],
    ["fetch javascript:", { fetch: "javascript:alert(1)" }],
    ["registration not a UUID", { registration: "12345" }],
    ["registration version 0", { registration: "0f5a3d2c-8d1e-0b7a-9c3e-1a2b3c4d5e6f" }],
    ["activityId relative", { activityId: "au/1" }],
    ["activityId with a space", { activityId: "https://courses.example.test/au 1" }],
    ["actor not JSON", { actor: "{learner" }],
    ["actor null", { actor: "null" }],
    ["actor a string", { actor: '"learner"' }],
    ["actor an array", { actor: JSON.stringify([{ account: { homePage: "h", name: "n" } }]) }],
    ["actor without account", { actor: JSON.stringify({ mbox: "mailto:a@example.test" }) }],
    ["actor account without name", { actor: JSON.stringify({ account: { homePage: "https://lms.example.test" } }) }],
    ["actor account name a number", { actor: JSON.stringify({ account: { homePage: "https://lms.example.test", name: 7 } }) }],
    ["endpoint without trailing slash", { endpoint: "https://lrs.example.test/xapi" }],
  ];

  it.each(variants)("%s: the early script accepts exactly what the driver accepts, with the same values", (_name, change) => {
    const url = launchUrl({ ...GOOD, ...change });
    const driver = outcome(() => parseCmi5LaunchParams(url));
    expect(outcome(() => earlyLaunchParams(url))).toBe(driver);
    if (driver === "accepted") expect(earlyLaunchParams(url)).toEqual(parseCmi5LaunchParams(url));
  });
});

describe("the driver's fetch takes the early requests over (runtime/lms/cmi5/early-handover.ts)", () => {
  const answer = (text: string) => new Response(text, { status: 200 });

  it("an early request is handed over once, matched by method, URL and Authorization; anything else goes to the network", async () => {
    const early = new AbortController();
    const win: { passmarkLaunch?: EarlyRequests } = {
      passmarkLaunch: { [requestKey("GET", "https://lrs.example.test/xapi/activities/state?x=1", "Basic t")]: [Promise.resolve(answer("early")), early] },
    };
    const sent: string[] = [];
    const fetch = earlyLaunchFetch(win, async (url, init) => {
      sent.push(`${init.method} ${url}`);
      return answer("network");
    });
    const init = { method: "GET", headers: { Authorization: "Basic t" } };
    // Another token: another request.
    expect(await (await fetch("https://lrs.example.test/xapi/activities/state?x=1", { ...init, headers: { Authorization: "Basic u" } })).text()).toBe(
      "network",
    );
    expect(await (await fetch("https://lrs.example.test/xapi/activities/state?x=1", init)).text()).toBe("early");
    // A retry of the same request is sent.
    expect(await (await fetch("https://lrs.example.test/xapi/activities/state?x=1", init)).text()).toBe("network");
    expect(sent).toEqual(["GET https://lrs.example.test/xapi/activities/state?x=1", "GET https://lrs.example.test/xapi/activities/state?x=1"]);
    expect(win.passmarkLaunch).toEqual({});
    expect(early.signal.aborted).toBe(false);
  });

  it("the driver's timeout aborts the request handed over", async () => {
    const early = new AbortController();
    const response = new Promise<Response>((_resolve, reject) =>
      early.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
    );
    const win: { passmarkLaunch?: EarlyRequests } = { passmarkLaunch: { [requestKey("POST", "https://lms.example.test/f", undefined)]: [response, early] } };
    const fetch = earlyLaunchFetch(win, () => Promise.reject(new Error("not sent again")));
    const driverTimeout = new AbortController();
    const taken = fetch("https://lms.example.test/f", { method: "POST", signal: driverTimeout.signal });
    driverTimeout.abort();
    await expect(taken).rejects.toThrow("aborted");
    expect(early.signal.aborted).toBe(true);
  });

  it("without an early script, the driver claims the handshake (an early script running later sends nothing) and sends everything", async () => {
    const win: { passmarkLaunch?: EarlyRequests } = {};
    const fetch = earlyLaunchFetch(win, async () => answer("network"));
    expect(win.passmarkLaunch).toEqual({});
    expect(await (await fetch("https://lms.example.test/f", { method: "POST" })).text()).toBe("network");
  });
});
