// What every runtime bundle does first (runtime/entry-cmi5.ts, entry-scorm12.ts, entry-scorm2004.ts, entry-xapi.ts): a launch
// its own drivers serve boots the learner UI into the package's index.html (templates/shell/index.html);
// a launch of another kind (a SCORM package given cmi5 launch parameters, a cmi5 package that finds a
// SCORM API or Tin Can parameters) hands over to that kind's bundle, which every package holds too.
import { boot, type EarlyStart } from "./app/boot";
import { holdsDriverFor, useDriverCode, type DriverCode } from "./app/driver-factory";
import { retryingImport } from "./lms/retry-import";
import { detectLaunch, type Detection } from "./lms/detect";
import { consoleLogger } from "./lms/ports";

/**
 * The standalone driver's code: a chunk of its own that only a launch without an LMS loads (boot asks for
 * it while course.json loads; driver-factory.ts), through the retrying loader (lms/retry-import.ts).
 * Every entry passes it on (an entry that loads this module lazily takes it from here).
 */
export const standaloneCode: DriverCode["standalone"] = retryingImport(() => import("./lms/chunks/standalone"));

/** Loads the bundle that serves `standard` (one this bundle does not hold); it boots itself. */
export type OtherBundle = (standard: Detection["standard"]) => Promise<unknown>;

/** `early`: what the entry already did (detection, the page's logger, a driver whose handshake runs). */
export function start(code: DriverCode, otherBundle: OtherBundle, early?: EarlyStart): void {
  const root = document.getElementById("passmark");
  if (!root) return;
  useDriverCode(code);
  const standard = (early?.detection ?? detectLaunch(window)).standard;
  if (holdsDriverFor(code, standard)) {
    void boot(window, root, early);
    return;
  }
  // The other bundle boots itself; when it cannot be loaded, boot shows the error screen.
  otherBundle(standard).catch((error: unknown) => {
    (early?.logger ?? consoleLogger()).error(`the runtime for this launch could not be loaded: ${String(error)}`);
    void boot(window, root, early);
  });
}
