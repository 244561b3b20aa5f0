// Issue 16 "Detection": a Tin Can launch (endpoint + auth, no fetch) is never taken for a cmi5 one,
// nor a cmi5 launch for a Tin Can one; SCORM APIs and standalone come after both. runtime/lms/detect.ts.
import { describe, expect, it } from "vitest";
import type { WindowLike } from "../../runtime/lms/api-discovery";
import { detectLaunch, isTincanLaunch, type LaunchWindow } from "../../runtime/lms/detect";

const api12 = () => ({
  LMSInitialize: () => "true",
  LMSFinish: () => "true",
  LMSGetValue: () => "",
  LMSSetValue: () => "true",
  LMSCommit: () => "true",
  LMSGetLastError: () => "0",
  LMSGetErrorString: () => "",
  LMSGetDiagnostic: () => "",
});
const api2004 = () => ({
  Initialize: () => "true",
  Terminate: () => "true",
  GetValue: () => "",
  SetValue: () => "true",
  Commit: () => "true",
  GetLastError: () => "0",
  GetErrorString: () => "",
  GetDiagnostic: () => "",
});

/** A window (its own parent unless one is given) with a launch query and optional APIs. */
function page(search: string, props: { API?: unknown; API_1484_11?: unknown } = {}, parent?: WindowLike): LaunchWindow {
  const w = { opener: null, location: { search }, ...props } as LaunchWindow & { parent: WindowLike };
  w.parent = parent ?? w;
  return w;
}

const query = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
const ACTOR = JSON.stringify({ name: "Ada", mbox: "mailto:ada@example.test" });
const TINCAN = {
  endpoint: "https://lrs.example.test/xapi/",
  auth: "Basic YTpi",
  actor: ACTOR,
  registration: "3f2a1c5e-7b9d-4e1f-8a6b-2c4d6e8f0a1b",
  activity_id: "https://example.test/course",
};
const CMI5 = {
  endpoint: "https://lms.example.test/xapi/",
  fetch: "https://lms.example.test/fetch/1",
  actor: ACTOR,
  registration: TINCAN.registration,
  activityId: "https://example.test/au",
};

describe("Tin Can vs cmi5 vs SCORM vs standalone", () => {
  it("a full Tin Can launch is xapi", () => {
    expect(detectLaunch(page(query(TINCAN)))).toEqual({ standard: "xapi" });
  });

  it("Tin Can with only endpoint, auth and actor (registration and activity_id are optional) is xapi", () => {
    expect(detectLaunch(page(query({ endpoint: TINCAN.endpoint, auth: TINCAN.auth, actor: ACTOR })))).toEqual({ standard: "xapi" });
  });

  it("a full cmi5 launch is cmi5", () => {
    expect(detectLaunch(page(query(CMI5)))).toEqual({ standard: "cmi5" });
  });

  it("ambiguous: cmi5 parameters plus auth is still cmi5 (fetch decides)", () => {
    expect(detectLaunch(page(query({ ...CMI5, auth: TINCAN.auth })))).toEqual({ standard: "cmi5" });
    expect(isTincanLaunch(query({ ...CMI5, auth: TINCAN.auth }))).toBe(false);
  });

  it("ambiguous: a Tin Can launch inside a frame whose parent has a SCORM API is xapi", () => {
    const lms = page("", { API_1484_11: api2004(), API: api12() });
    expect(detectLaunch(page(query(TINCAN), {}, lms))).toEqual({ standard: "xapi" });
  });

  it("auth without endpoint is not Tin Can: the cmi5 parameters present send it to cmi5, which explains what is missing", () => {
    expect(detectLaunch(page(query({ auth: TINCAN.auth, actor: ACTOR })))).toEqual({ standard: "cmi5" });
  });

  it("auth alone (no launch parameter at all besides it) is neither: a SCORM API or standalone decides", () => {
    expect(detectLaunch(page(query({ auth: TINCAN.auth })))).toEqual({ standard: "standalone" });
    const api = api12();
    expect(detectLaunch(page(query({ auth: TINCAN.auth }), { API: api }))).toEqual({ standard: "scorm12", api });
  });

  it("a cmi5 launch missing its fetch but carrying cmi5's activityId (no auth) is cmi5", () => {
    const { fetch: _fetch, ...rest } = CMI5;
    expect(detectLaunch(page(query(rest)))).toEqual({ standard: "cmi5" });
  });

  it("no launch parameters: SCORM 2004 before SCORM 1.2 before standalone", () => {
    const a2004 = api2004();
    const a12 = api12();
    expect(detectLaunch(page("", {}, page("", { API_1484_11: a2004, API: a12 })))).toEqual({ standard: "scorm2004", api: a2004 });
    expect(detectLaunch(page("", { API: a12 }))).toEqual({ standard: "scorm12", api: a12 });
    expect(detectLaunch(page("?pmUnit=intro&lang=fr"))).toEqual({ standard: "standalone" });
  });

  it("the unit parameter does not disturb either launch", () => {
    expect(detectLaunch(page(`${query(TINCAN)}&pmUnit=fire`))).toEqual({ standard: "xapi" });
    expect(detectLaunch(page(`?pmUnit=fire&${query(CMI5).slice(1)}`))).toEqual({ standard: "cmi5" });
  });

  it("parameter names only: `auth` and `fetch` as values decide nothing", () => {
    expect(isTincanLaunch("?page=auth&x=endpoint")).toBe(false);
    expect(detectLaunch(page("?page=fetch&next=auth"))).toEqual({ standard: "standalone" });
  });
});
