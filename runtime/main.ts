// What every runtime bundle does first (runtime/entry-cmi5.ts, runtime/entry-scorm.ts): a launch its
// own drivers serve boots the learner UI into the package's index.html (templates/shell/index.html);
// a launch of the other kind (a SCORM package given cmi5 launch parameters, a cmi5 package that finds
// a SCORM API) hands over to the other bundle, which every package holds too.
import { boot } from "./app/boot";
import { holdsDriverFor, useDriverCode, type DriverCode } from "./app/driver-factory";
import { detectLaunch } from "./lms/detect";
import { consoleLogger } from "./lms/ports";

export function start(code: DriverCode, otherBundle: () => Promise<unknown>): void {
  const root = document.getElementById("passmark");
  if (!root) return;
  useDriverCode(code);
  if (holdsDriverFor(code, detectLaunch(window).standard)) {
    void boot(window, root);
    return;
  }
  // The other bundle boots itself; when it cannot be loaded, boot shows the error screen.
  otherBundle().catch((error: unknown) => {
    consoleLogger().error(`the runtime for this launch could not be loaded: ${String(error)}`);
    void boot(window, root);
  });
}
