// docs/rules/lms.md §1 and issue 4 "Detection": API discovery over fake window graphs (including
// cross-origin windows that throw on property access) and the launch decision.
import { describe, expect, it } from "vitest";
import { MAX_PARENT_LEVELS, findScorm12Api, findScorm2004Api, searchOrder, type WindowLike } from "../../runtime/lms/api-discovery";
import { detectLaunch, hasCmi5LaunchParameters, type LaunchWindow } from "../../runtime/lms/detect";

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

interface FakeWindow extends WindowLike {
  parent: WindowLike;
  opener: WindowLike | null;
  location: { search: string };
  API?: unknown;
  API_1484_11?: unknown;
  topReads: number;
}

/** A same-origin window. `top` counts reads: discovery must never touch it. */
function win(props: Partial<FakeWindow> = {}, parent?: WindowLike): FakeWindow {
  const w = { opener: null, location: { search: "" }, topReads: 0, ...props } as FakeWindow;
  w.parent = parent ?? w;
  Object.defineProperty(w, "top", {
    get: () => {
      w.topReads++;
      throw new Error("top must not be read");
    },
  });
  return w;
}

/** A cross-origin window as browsers expose it: parent/opener readable, anything else throws. */
function crossOrigin(inner: FakeWindow, strict = false): WindowLike {
  return new Proxy(inner, {
    get(target, property) {
      if (!strict && (property === "parent" || property === "opener")) return Reflect.get(target, property);
      throw new DOMException(`Blocked a frame from accessing property "${String(property)}"`, "SecurityError");
    },
  });
}

describe("API discovery", () => {
  it("finds the API on the SCO's own window", () => {
    const api = api12();
    expect(findScorm12Api(win({ API: api }))).toBe(api);
  });

  it("climbs the parent chain, past a cross-origin frame that throws", () => {
    const api = api2004();
    const lms = win({ API_1484_11: api });
    const foreign = crossOrigin(win({}, lms));
    const sco = win({}, foreign);
    expect(findScorm2004Api(sco)).toBe(api);
    expect(sco.topReads + lms.topReads).toBe(0);
  });

  it("survives windows whose every property read throws, and returns null", () => {
    const hostile = crossOrigin(win(), true);
    const sco = win({}, hostile);
    expect(findScorm12Api(sco)).toBeNull();
    expect(findScorm2004Api(hostile)).toBeNull();
  });

  it("then searches the opener and its parents", () => {
    const api = api12();
    const lmsTop = win({ API: api });
    const lmsFrame = win({}, lmsTop);
    const sco = win({ opener: lmsFrame });
    expect(findScorm12Api(sco)).toBe(api);
  });

  it("also the opener of the highest frame reached (a pop-up frameset), without reading top", () => {
    const api = api12();
    const lms = win({ API: api });
    const popupTop = win({ opener: lms });
    const sco = win({}, popupTop);
    expect(findScorm12Api(sco)).toBe(api);
    expect(popupTop.topReads + sco.topReads).toBe(0);
  });

  it("prefers the nearest window", () => {
    const near = api12();
    const far = api12();
    const sco = win({ API: near }, win({ API: far }));
    expect(findScorm12Api(sco)).toBe(near);
  });

  it("ignores objects that are not an API (missing methods)", () => {
    const real = api12();
    const sco = win({ API: { LMSInitialize: () => "true" } }, win({ API: real }));
    expect(findScorm12Api(sco)).toBe(real);
  });

  it(`gives up after ${MAX_PARENT_LEVELS} parents and does not loop on a cyclic graph`, () => {
    const api = api12();
    let w: FakeWindow = win({ API: api });
    for (let i = 0; i <= MAX_PARENT_LEVELS; i++) w = win({}, w);
    expect(findScorm12Api(w)).toBeNull(); // API sits one level too far
    expect(findScorm12Api(w.parent as FakeWindow)).toBe(api); // exactly at the limit: found
    const a = win();
    const b = win({}, a);
    a.parent = b; // a ↔ b
    expect(searchOrder(a)).toHaveLength(2);
    expect(findScorm12Api(a)).toBeNull();
  });

  it("treats a throwing parent getter as the end of the chain", () => {
    const sco = win();
    Object.defineProperty(sco, "parent", {
      get: () => {
        throw new Error("detached");
      },
    });
    expect(findScorm2004Api(sco)).toBeNull();
  });
});

describe("launch detection", () => {
  const launch = (props: Partial<FakeWindow>, parent?: WindowLike): LaunchWindow => win(props, parent);

  it.each(["endpoint", "fetch", "actor", "registration", "activityId"])("cmi5 when `%s` is in the query", (name) => {
    expect(detectLaunch(launch({ location: { search: `?${name}=x` }, API: api12() }))).toEqual({ standard: "cmi5" });
  });

  it("cmi5 parameters are spotted only as parameters", () => {
    expect(hasCmi5LaunchParameters("?lang=fr&page=endpoint")).toBe(false);
    expect(hasCmi5LaunchParameters("")).toBe(false);
  });

  it("SCORM 2004 preferred when both APIs exist", () => {
    const a2004 = api2004();
    const d = detectLaunch(launch({ API: api12() }, win({ API_1484_11: a2004 })));
    expect(d).toEqual({ standard: "scorm2004", api: a2004 });
  });

  it("SCORM 1.2 when only `API` exists", () => {
    const a12 = api12();
    expect(detectLaunch(launch({}, win({ API: a12 })))).toEqual({ standard: "scorm12", api: a12 });
  });

  it("standalone when nothing is found", () => {
    expect(detectLaunch(launch({}, crossOrigin(win())))).toEqual({ standard: "standalone" });
  });
});
