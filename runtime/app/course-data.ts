// Loading the built course (course/course.json) with a LaunchError the learner can be shown.
import { COURSE_DATA_FORMAT, type CourseData } from "../course/types";
import { LaunchError } from "../lms/launch-error";

export const COURSE_DATA_URL = "course/course.json";

export async function loadCourseData(fetchImpl: typeof fetch, url = COURSE_DATA_URL): Promise<CourseData> {
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: "same-origin" });
  } catch (error) {
    throw new LaunchError("course-data", `${url}: ${String(error)}`);
  }
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
