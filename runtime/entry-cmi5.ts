// Runtime bundle of a cmi5 package (dist/runtime/passmark.cmi5.js): the cmi5 and standalone drivers.
import { Cmi5Driver } from "./lms/chunks/cmi5";
import { StandaloneDriver } from "./lms/chunks/standalone";
import { start } from "./main";

// @ts-expect-error the SCORM bundle is a build output beside this one (build.mjs), not a source module
start({ cmi5: { Cmi5Driver }, standalone: { StandaloneDriver } }, () => import("./passmark.scorm.js"));
