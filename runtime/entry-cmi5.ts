// Runtime bundle of a cmi5 package (dist/runtime/passmark.cmi5.js): the cmi5 and standalone drivers.
// This module is small on purpose: it starts the cmi5 handshake (fetch POST, then LaunchData ‖
// preferences ‖ State: Cmi5Driver.launch, no course data needed) as soon as it runs, while the app
// (engine, UI, runtime/main.ts) is a chunk the page fetches in parallel (<link rel="modulepreload">,
// authoring/package/runtime-preloads.ts) and course.json is preloaded: the handshake overlaps them.
import { Cmi5Driver } from "./lms/chunks/cmi5";
import { detectLaunch } from "./lms/detect";
import { consoleLogger, labelledLogger } from "./lms/ports";
import { retryingImport } from "./lms/retry-import";
import { showAppChunkFailure } from "./app/app-chunk-failure";

const logger = consoleLogger(); // the one logger of the page (runtime/app/boot.ts)
const detection = detectLaunch(window);
const driver = detection.standard === "cmi5" ? new Cmi5Driver({ url: location.href, logger: labelledLogger(logger, "cmi5") }) : undefined;
driver?.launch().catch(() => undefined); // a failure is boot's to show: driver.start() rejects with it

// The app chunk; a failed load (the connection dropped) says so with "Load again", which imports it
// anew under a URL of its own (lms/retry-import.ts), in this page: the session started above goes on.
const loadApp = retryingImport(() => import("./main"));

function boot(): void {
  loadApp().then(
    ({ start, standaloneCode }) =>
      start(
        { cmi5: { Cmi5Driver }, standalone: standaloneCode },
        (standard) =>
          standard === "xapi"
            ? // @ts-expect-error the other bundles are build outputs beside this one (build.mjs), not source modules
              import("./passmark.xapi.js")
            : standard === "scorm12"
              ? // @ts-expect-error (the same)
                import("./passmark.scorm12.js")
              : // @ts-expect-error (the same)
                import("./passmark.scorm2004.js"),
        { detection, logger, driver },
      ),
    (error: unknown) => {
      logger.warn(`the course's app could not be loaded: ${String(error)}`);
      showAppChunkFailure(document, boot);
    },
  );
}
boot();
