// What every runtime bundle does first (runtime/entry-cmi5.ts, runtime/entry-scorm.ts): a launch its
// own drivers serve boots the learner UI into the package's index.html (templates/shell/index.html);
// a launch of the other kind (a SCORM package given cmi5 launch parameters, a cmi5 package that finds
// a SCORM API) hands over to the other bundle, which every package holds too.
import { boot, type EarlyStart } from "./app/boot";
import { holdsDriverFor, useDriverCode, type DriverCode } from "./app/driver-factory";
import * as standaloneCode from "./lms/chunks/standalone";
import { detectLaunch } from "./lms/detect";
import { consoleLogger } from "./lms/ports";

/** The standalone driver's code: in every bundle (an entry that loads this module lazily takes it from here). */
export { standaloneCode };

/** `early`: what the entry already did (detection, the page's logger, a driver whose handshake runs). */
export function start(code: DriverCode, otherBundle: () => Promise<unknown>, early?: EarlyStart): void {
  const root = document.getElementById("passmark");
  if (!root) return;
  useDriverCode(code);
  if (holdsDriverFor(code, (early?.detection ?? detectLaunch(window)).standard)) {
    void boot(window, root, early);
    return;
  }
  // The other bundle boots itself; when it cannot be loaded, boot shows the error screen.
  otherBundle().catch((error: unknown) => {
    (early?.logger ?? consoleLogger()).error(`the runtime for this launch could not be loaded: ${String(error)}`);
    void boot(window, root, early);
  });
}
