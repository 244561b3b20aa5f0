// The one place that knows which driver serves which launch (detect.ts decides the standard).
import type { CourseData } from "../course/types";
import { Cmi5Driver } from "../lms/cmi5/driver";
import type { Detection } from "../lms/detect";
import type { LmsDriver } from "../lms/driver";
import { createScorm12DriverForWindow } from "../lms/scorm12/driver";
import { createScorm2004DriverForWindow } from "../lms/scorm2004/driver";
import { StandaloneDriver, type StateStorage } from "../lms/standalone/driver";

function browserStorage(win: Window): StateStorage | null {
  try {
    return win.localStorage ?? null;
  } catch {
    return null; // sandboxed frames and disabled storage throw on access
  }
}

export function createDriver(detection: Detection, course: CourseData, win: Window): LmsDriver {
  switch (detection.standard) {
    case "cmi5":
      return new Cmi5Driver({ url: win.location.href, reporting: course.reporting, window: win, document: win.document });
    case "scorm2004":
      return createScorm2004DriverForWindow(detection.api, course.reporting, win);
    case "scorm12":
      return createScorm12DriverForWindow(detection.api, course.reporting, win);
    case "standalone":
      return new StandaloneDriver({ courseId: course.id, storage: browserStorage(win), languages: win.navigator.languages });
  }
}
