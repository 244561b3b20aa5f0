// The one place that knows which driver serves which launch (detect.ts decides the standard). Each
// kind of package has a runtime bundle of its own (build.mjs): runtime/entry-cmi5.ts holds the cmi5 and
// standalone drivers, runtime/entry-scorm12.ts the SCORM 1.2 and standalone ones, entry-scorm2004.ts the
// SCORM 2004 and standalone ones, runtime/entry-xapi.ts the Tin Can and standalone ones. The entry names the drivers of its bundle
// here before boot.ts asks for one.
import type { CourseData } from "../course/types";
import type { Detection } from "../lms/detect";
import type { LmsDriver } from "../lms/driver";
import { labelledLogger, type Logger } from "../lms/ports";
import type { StateStorage } from "../lms/standalone/driver";

/** The driver code one bundle holds; the standalone driver, in every bundle, is a lazy chunk (runtime/main.ts standaloneCode). */
export interface DriverCode {
  cmi5?: typeof import("../lms/chunks/cmi5");
  scorm12?: typeof import("../lms/chunks/scorm12");
  scorm2004?: typeof import("../lms/chunks/scorm2004");
  xapi?: typeof import("../lms/chunks/xapi");
  standalone: () => Promise<typeof import("../lms/chunks/standalone")>;
}

let bundled: DriverCode | null = null;

/** Called by the bundle's entry (runtime/main.ts start) before boot. */
export function useDriverCode(code: DriverCode): void {
  bundled = code;
}

/** The standards whose driver this bundle holds. */
export function holdsDriverFor(code: DriverCode, standard: Detection["standard"]): boolean {
  return standard === "standalone" || code[standard] !== undefined;
}

function browserStorage(win: Window): StateStorage | null {
  try {
    return win.localStorage ?? null;
  } catch {
    return null; // sandboxed frames and disabled storage throw on access
  }
}

/** Makes the driver for the course, once the driver's code is loaded. */
export type DriverMaker = (course: CourseData) => LmsDriver;

function missing(standard: string): never {
  throw new Error(`this package's runtime has no ${standard} driver`);
}

/**
 * The maker of the driver `detection` calls for (boot.ts asks before fetching the course data). The
 * driver logs to boot's `logger`, each line labelled with its standard. `early`: a driver the bundle's
 * entry made and started before the app arrived.
 */
export async function loadDriverMaker(detection: Detection, win: Window, logger: Logger, early?: LmsDriver): Promise<DriverMaker> {
  const code = bundled ?? missing(detection.standard);
  const driverLogger = labelledLogger(logger, detection.standard);
  switch (detection.standard) {
    case "cmi5": {
      const { Cmi5Driver } = code.cmi5 ?? missing("cmi5");
      // The entry's driver (runtime/entry-cmi5.ts) ran its handshake while the course loaded: it opens
      // with the course's reporting options now (start() then waits for both).
      if (early instanceof Cmi5Driver)
        return (course) => {
          early.open(course.reporting).catch(() => undefined); // its failure reaches boot through start()
          return early;
        };
      return (course) => new Cmi5Driver({ url: win.location.href, reporting: course.reporting, logger: driverLogger });
    }
    case "xapi": {
      const { TincanDriver } = code.xapi ?? missing("xAPI (Tin Can)");
      return (course) => new TincanDriver({ url: win.location.href, courseId: course.id, reporting: course.reporting, logger: driverLogger });
    }
    // The entry's driver (runtime/entry-scorm12.ts, entry-scorm2004.ts) called Initialize and read the
    // data model while the course loaded: it takes the course's reporting options now; start() writes.
    case "scorm2004": {
      const { createScorm2004DriverForWindow, ScormDriver } = code.scorm2004 ?? missing("SCORM 2004");
      const driver = early instanceof ScormDriver ? early : createScorm2004DriverForWindow(detection.api, null, win, driverLogger);
      return (course) => driver.withReporting(course.reporting);
    }
    case "scorm12": {
      const { createScorm12DriverForWindow, ScormDriver } = code.scorm12 ?? missing("SCORM 1.2");
      const driver = early instanceof ScormDriver ? early : createScorm12DriverForWindow(detection.api, null, win, driverLogger);
      return (course) => driver.withReporting(course.reporting);
    }
    case "standalone": {
      const { StandaloneDriver } = await code.standalone();
      return (course) => new StandaloneDriver({ courseId: course.id, storage: browserStorage(win), languages: win.navigator.languages, logger: driverLogger });
    }
  }
}
