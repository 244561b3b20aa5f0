// Browser entry point of the runtime bundle (dist/runtime/passmark.js).
// Minimal until the learner UI lands: shows the course title from course/course.json.
import type { CourseData } from "./course/types";

async function boot(): Promise<void> {
  const root = document.getElementById("passmark");
  if (!root) return;
  try {
    const response = await fetch("course/course.json");
    const course = (await response.json()) as CourseData;
    const heading = document.createElement("h1");
    heading.textContent = course.title;
    root.replaceChildren(heading);
    document.title = course.title;
  } catch (error) {
    root.textContent = "This course could not be loaded. Please close this window and launch it again.";
  }
}

void boot();
