// Runtime bundle of a SCORM 1.2 package (dist/runtime/passmark.scorm12.js): the SCORM 1.2 and standalone
// drivers with the app. It finds the API and calls LMSInitialize and the start's LMSGetValue reads
// (ScormDriver.launch, no course data needed) as soon as it runs, before boot waits for course.json.
// The app is imported statically, not lazily as in runtime/entry-cmi5.ts: SCORM calls are local to the
// page and need no round trip to hide, and the lazy split cost about 1.4 KB gzipped per launch
// (docs/benchmarks.md). A launch of another kind (a SCORM 2004 API, cmi5 or Tin Can parameters) is
// handed over to that kind's bundle (runtime/main.ts).
import * as scorm12 from "./lms/chunks/scorm12";
import { detectLaunch } from "./lms/detect";
import { start, standaloneCode } from "./main";
import { consoleLogger, labelledLogger } from "./lms/ports";

const logger = consoleLogger(); // the one logger of the page (runtime/app/boot.ts)
const detection = detectLaunch(window);
const driver =
  detection.standard === "scorm12" ? scorm12.createScorm12DriverForWindow(detection.api, null, window, labelledLogger(logger, "scorm12")) : undefined;
driver?.launch(); // a failure is boot's to show: driver.start() throws it

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
);
