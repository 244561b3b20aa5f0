// Runtime bundle of a SCORM 1.2 or 2004 package (dist/runtime/passmark.scorm.js): both SCORM drivers
// and the standalone one.
import { createScorm12DriverForWindow, createScorm2004DriverForWindow } from "./lms/chunks/scorm";
import { StandaloneDriver } from "./lms/chunks/standalone";
import { start } from "./main";

start({ scorm: { createScorm12DriverForWindow, createScorm2004DriverForWindow }, standalone: { StandaloneDriver } }, (standard) =>
  standard === "xapi"
    ? // @ts-expect-error the other bundles are build outputs beside this one (build.mjs), not source modules
      import("./passmark.xapi.js")
    : // @ts-expect-error (the same)
      import("./passmark.cmi5.js"),
);
