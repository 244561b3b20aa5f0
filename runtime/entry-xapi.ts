// Runtime bundle of an xAPI (Tin Can) package (dist/runtime/passmark.xapi.js): the Tin Can and
// standalone drivers. A cmi5 launch or a SCORM API hands over to that kind's bundle (runtime/main.ts).
import { TincanDriver } from "./lms/chunks/xapi";
import { start, standaloneCode } from "./main";

start({ xapi: { TincanDriver }, standalone: standaloneCode }, (standard) =>
  standard === "cmi5"
    ? // @ts-expect-error the other bundles are build outputs beside this one (build.mjs), not source modules
      import("./passmark.cmi5.js")
    : standard === "scorm12"
      ? // @ts-expect-error (the same)
        import("./passmark.scorm12.js")
      : // @ts-expect-error (the same)
        import("./passmark.scorm2004.js"),
);
