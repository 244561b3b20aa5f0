// Runtime bundle of a SCORM 1.2 or 2004 package (dist/runtime/passmark.scorm.js): both SCORM drivers
// and the standalone one.
import { createScorm12DriverForWindow, createScorm2004DriverForWindow } from "./lms/chunks/scorm";
import { StandaloneDriver } from "./lms/chunks/standalone";
import { start } from "./main";

// @ts-expect-error the cmi5 bundle is a build output beside this one (build.mjs), not a source module
start({ scorm: { createScorm12DriverForWindow, createScorm2004DriverForWindow }, standalone: { StandaloneDriver } }, () => import("./passmark.cmi5.js"));
