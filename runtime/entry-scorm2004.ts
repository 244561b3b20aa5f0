// Runtime bundle of a SCORM 2004 package, 3rd or 4th edition (dist/runtime/passmark.scorm2004.js): the
// SCORM 2004 and standalone drivers with the app. It finds the API and calls Initialize and the start's
// GetValue reads (ScormDriver.launch, no course data needed) as soon as it runs, before boot waits for
// course.json. The app is imported statically, as in runtime/entry-scorm12.ts (why: there). A launch of
// another kind (a SCORM 1.2 API only, cmi5 or Tin Can parameters) is handed over to that kind's bundle.
import * as scorm2004 from "./lms/chunks/scorm2004";
import { detectLaunch } from "./lms/detect";
import { start, standaloneCode } from "./main";
import { consoleLogger, labelledLogger } from "./lms/ports";

const logger = consoleLogger(); // the one logger of the page (runtime/app/boot.ts)
const detection = detectLaunch(window);
const driver =
  detection.standard === "scorm2004" ? scorm2004.createScorm2004DriverForWindow(detection.api, null, window, labelledLogger(logger, "scorm2004")) : undefined;
driver?.launch(); // a failure is boot's to show: driver.start() throws it

start(
  { scorm2004, standalone: standaloneCode },
  (standard) =>
    standard === "scorm12"
      ? // @ts-expect-error the other bundles are build outputs beside this one (build.mjs), not source modules
        import("./passmark.scorm12.js")
      : standard === "xapi"
        ? // @ts-expect-error (the same)
          import("./passmark.xapi.js")
        : // @ts-expect-error (the same)
          import("./passmark.cmi5.js"),
  { detection, logger, driver },
);
