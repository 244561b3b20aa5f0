// Runtime bundle of a SCORM 1.2 package (dist/runtime/passmark.scorm12.js): the SCORM 1.2 and standalone
// drivers. Small on purpose, as runtime/entry-cmi5.ts: it finds the API and calls LMSInitialize and the
// start's LMSGetValue reads (ScormDriver.launch, no course data needed) as soon as it runs, while the
// app (runtime/main.ts, a preloaded chunk) and course.json load. A launch of another kind (a SCORM 2004
// API, cmi5 or Tin Can parameters) is handed over to that kind's bundle (runtime/main.ts).
import * as scorm12 from "./lms/chunks/scorm12";
import { detectLaunch } from "./lms/detect";
import { consoleLogger, labelledLogger } from "./lms/ports";

const logger = consoleLogger(); // the one logger of the page (runtime/app/boot.ts)
const detection = detectLaunch(window);
const driver =
  detection.standard === "scorm12" ? scorm12.createScorm12DriverForWindow(detection.api, null, window, labelledLogger(logger, "scorm12")) : undefined;
driver?.launch(); // a failure is boot's to show: driver.start() throws it

void import("./main").then(({ start, standaloneCode }) =>
  start(
    { scorm12, standalone: standaloneCode },
    (standard) =>
      standard === "scorm2004"
        ? // @ts-expect-error the other bundles are build outputs beside this one (build.mjs), not source modules
          import("./passmark.scorm2004.js")
        : standard === "xapi"
          ? // @ts-expect-error (the same)
            import("./passmark.xapi.js")
          : // @ts-expect-error (the same)
            import("./passmark.cmi5.js"),
    { detection, logger, driver },
  ),
);
