// Loading the built course data with a LaunchError the learner can be shown: course/course.json, or
// in a package with units the data of the unit the launch URL names (?pmUnit=<id>,
// runtime/course/units.ts). A package with units opened without naming one gives UnitNotNamed with
// the list of its units (course/units.json), so the page can offer them instead of going blank.
import { COURSE_DATA_FORMAT, type CourseData } from "../course/types";
import { UNIT_LIST_PATH, type UnitList } from "../course/unit-list";
import { UNIT_PARAMETER, unitCourseDataPath } from "../course/units";
import { LaunchError } from "../lms/launch-error";

export const COURSE_DATA_URL = "course/course.json";

/** A unit id as course.json allows it (docs/course-format.md "Units"); anything else never names a unit. */
const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9_.~-]{0,63}$/;

/** A package with units, launched without a unit: its list of units. */
export class UnitNotNamed extends Error {
  readonly list: UnitList;
  constructor(list: UnitList) {
    super(`this package holds ${list.units.length} units and the launch URL names none (expected ?${UNIT_PARAMETER}=<unit id>)`);
    this.name = "UnitNotNamed";
    this.list = list;
  }
}

function shown(value: string): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}..."` : text;
}

/** The unit the launch URL names (null for none); a LaunchError when the value cannot be a unit id. */
export function launchedUnit(search: string): string | null {
  const unit = new URLSearchParams(search).get(UNIT_PARAMETER);
  if (unit === null || UNIT_ID.test(unit)) return unit;
  throw new LaunchError(
    "course-data",
    `${UNIT_PARAMETER}=${shown(unit)} in the launch URL is not a unit id (expected up to 64 letters, digits, '_', '.', '~' or '-')`,
  );
}

/** The course data of this launch: the unit's when the URL names one, else course/course.json. */
export async function loadLaunchCourseData(fetchImpl: typeof fetch, search: string): Promise<CourseData> {
  const unit = launchedUnit(search);
  const url = unit === null ? COURSE_DATA_URL : unitCourseDataPath(unit);
  const response = await get(fetchImpl, url);
  if (response.status === 404) {
    const list = await loadUnitList(fetchImpl);
    if (unit === null && list !== null) throw new UnitNotNamed(list);
    if (unit !== null) {
      const known = list === null ? "this package has no units" : `its units are ${list.units.map((u) => u.id).join(", ")}`;
      throw new LaunchError("course-data", `${UNIT_PARAMETER}=${shown(unit)} in the launch URL names no unit of this package (${url}: HTTP 404; ${known})`);
    }
  }
  return parseCourseData(url, response);
}

export async function loadCourseData(fetchImpl: typeof fetch, url = COURSE_DATA_URL): Promise<CourseData> {
  return parseCourseData(url, await get(fetchImpl, url));
}

/** course/units.json, or null when the package has none (a single-unit package) or it is unreadable. */
async function loadUnitList(fetchImpl: typeof fetch): Promise<UnitList | null> {
  try {
    const response = await fetchImpl(UNIT_LIST_PATH, { credentials: "same-origin" });
    if (!response.ok) return null;
    const list = (await response.json()) as Partial<UnitList> | null;
    if (!list || typeof list.title !== "string" || typeof list.language !== "string" || !Array.isArray(list.units)) return null;
    const units = list.units.filter((u) => typeof u?.id === "string" && UNIT_ID.test(u.id) && typeof u.title === "string");
    return units.length > 0 ? { title: list.title, language: list.language, units } : null;
  } catch {
    return null;
  }
}

async function get(fetchImpl: typeof fetch, url: string): Promise<Response> {
  try {
    return await fetchImpl(url, { credentials: "same-origin" });
  } catch (error) {
    throw new LaunchError("course-data", `${url}: ${String(error)}`);
  }
}

async function parseCourseData(url: string, response: Response): Promise<CourseData> {
  if (!response.ok) throw new LaunchError("course-data", `${url}: HTTP ${response.status}`);
  let data: unknown;
  try {
    data = await response.json();
  } catch (error) {
    throw new LaunchError("course-data", `${url} is not JSON: ${String(error)}`);
  }
  const course = data as Partial<CourseData> | null;
  if (!course || typeof course !== "object" || course.format !== COURSE_DATA_FORMAT) {
    throw new LaunchError("course-data", `${url}: expected course data format ${COURSE_DATA_FORMAT}, found ${JSON.stringify(course?.format)}`);
  }
  if (typeof course.title !== "string" || !Array.isArray(course.pages) || !course.reporting) {
    throw new LaunchError("course-data", `${url}: title, pages or reporting missing`);
  }
  return course as CourseData;
}
