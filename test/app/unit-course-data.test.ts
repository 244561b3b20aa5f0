// Which course data a launch loads (runtime/app/course-data.ts): course/course.json without pmUnit,
// course/units/<id>/course.json with it; a malformed or unknown unit is a LaunchError naming it, and a
// package with units opened without one gives UnitNotNamed with its list (course/units.json).
import { describe, expect, it } from "vitest";
import { launchedUnit, loadLaunchCourseData, UnitNotNamed } from "../../runtime/app/course-data";
import { COURSE_DATA_FORMAT } from "../../runtime/course/types";
import { LaunchError } from "../../runtime/lms/launch-error";

const data = (title: string) => ({ format: COURSE_DATA_FORMAT, id: `https://example.com/c/${title}`, title, pages: [], reporting: {} });
const list = {
  title: "Safety",
  language: "en",
  units: [
    { id: "welcome", title: "Welcome" },
    { id: "fire", title: "Fire" },
  ],
};

/** A package as a fetch: path → JSON body; anything else 404. Records what was asked. */
function site(files: Record<string, unknown>): { fetch: typeof fetch; asked: string[] } {
  const asked: string[] = [];
  const fake = async (url: RequestInfo | URL): Promise<Response> => {
    const path = String(url);
    asked.push(path);
    return path in files ? new Response(JSON.stringify(files[path]), { status: 200 }) : new Response("no", { status: 404 });
  };
  return { fetch: fake as typeof fetch, asked };
}

const multi = () => site({ "course/units.json": list, "course/units/welcome/course.json": data("Welcome"), "course/units/fire/course.json": data("Fire") });

async function launchError(promise: Promise<unknown>): Promise<LaunchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof LaunchError)) throw new Error(`expected a LaunchError, got ${String(error)}`);
  return error;
}

describe("the course data of a launch", () => {
  it("without pmUnit: course/course.json, one request", async () => {
    const s = site({ "course/course.json": data("Course") });
    expect((await loadLaunchCourseData(s.fetch, "")).title).toBe("Course");
    expect(s.asked).toEqual(["course/course.json"]);
  });

  it("with pmUnit: that unit's course.json, among other launch parameters", async () => {
    const s = multi();
    expect((await loadLaunchCourseData(s.fetch, "?endpoint=x&pmUnit=fire&fetch=y")).title).toBe("Fire");
    expect(s.asked).toEqual(["course/units/fire/course.json"]);
  });

  it("a package with units opened without one: UnitNotNamed with the list", async () => {
    const error = await loadLaunchCourseData(multi().fetch, "").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnitNotNamed);
    expect((error as UnitNotNamed).list).toEqual(list);
  });

  it("an unknown unit: a LaunchError naming it and the package's units", async () => {
    const error = await launchError(loadLaunchCourseData(multi().fetch, "?pmUnit=fires"));
    expect(error.reason).toBe("course-data");
    expect(error.detail).toBe(
      'pmUnit="fires" in the launch URL names no unit of this package (course/units/fires/course.json: HTTP 404; its units are welcome, fire)',
    );
  });

  it("a unit id that cannot be one: a LaunchError before any request", async () => {
    const s = multi();
    for (const bad of ["../x", "", "a b", "x".repeat(65)]) {
      const error = await launchError(loadLaunchCourseData(s.fetch, `?pmUnit=${encodeURIComponent(bad)}`));
      expect(error.detail).toMatch(/^pmUnit=".*" in the launch URL is not a unit id/);
    }
    expect(s.asked).toEqual([]);
    expect(launchedUnit("?pmUnit=first-aid")).toBe("first-aid");
    expect(launchedUnit("?other=1")).toBeNull();
  });

  it("a single-unit package without its course data: the same error as before", async () => {
    const error = await launchError(loadLaunchCourseData(site({}).fetch, ""));
    expect(error.detail).toBe("course/course.json: HTTP 404");
  });
});
