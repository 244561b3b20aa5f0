// The one place that knows which driver serves which launch (detect.ts decides the standard). The
// cmi5 driver, the SCORM drivers and the standalone driver are chunks of their own (build.mjs:
// esbuild splitting), loaded only by the launches that use them: a learner downloads one driver.
import type { CourseData } from "../course/types";
import type { Detection } from "../lms/detect";
import type { LmsDriver } from "../lms/driver";
import { labelledLogger, type Logger } from "../lms/ports";
import type { StateStorage } from "../lms/standalone/driver";

function browserStorage(win: Window): StateStorage | null {
  try {
    return win.localStorage ?? null;
  } catch {
    return null; // sandboxed frames and disabled storage throw on access
  }
}

/** Makes the driver for the course, once the driver's code is loaded. */
export type DriverMaker = (course: CourseData) => LmsDriver;

/**
 * Loads the code of the driver `detection` calls for (boot.ts starts this before fetching the course
 * data). The driver logs to boot's `logger`, each line labelled with its standard.
 */
export async function loadDriverMaker(detection: Detection, win: Window, logger: Logger): Promise<DriverMaker> {
  const driverLogger = labelledLogger(logger, detection.standard);
  switch (detection.standard) {
    case "cmi5": {
      const { Cmi5Driver } = await import("../lms/chunks/cmi5");
      return (course) => new Cmi5Driver({ url: win.location.href, reporting: course.reporting, logger: driverLogger });
    }
    case "scorm2004": {
      const { createScorm2004DriverForWindow } = await import("../lms/chunks/scorm");
      return (course) => createScorm2004DriverForWindow(detection.api, course.reporting, win, driverLogger);
    }
    case "scorm12": {
      const { createScorm12DriverForWindow } = await import("../lms/chunks/scorm");
      return (course) => createScorm12DriverForWindow(detection.api, course.reporting, win, driverLogger);
    }
    case "standalone": {
      const { StandaloneDriver } = await import("../lms/chunks/standalone");
      return (course) => new StandaloneDriver({ courseId: course.id, storage: browserStorage(win), languages: win.navigator.languages, logger: driverLogger });
    }
  }
}
