// scorm-again 3.4 ships `export { Scorm12API }` in its ESM build but declares a default export in its
// types; this shim gives tests the named classes with their real types.
import type Scorm12APIClass from "scorm-again/scorm12";
import type Scorm2004APIClass from "scorm-again/scorm2004";
import * as scorm12Module from "scorm-again/scorm12";
import * as scorm2004Module from "scorm-again/scorm2004";

export const Scorm12API = (scorm12Module as unknown as { Scorm12API: typeof Scorm12APIClass }).Scorm12API;
export type Scorm12API = Scorm12APIClass;
export const Scorm2004API = (scorm2004Module as unknown as { Scorm2004API: typeof Scorm2004APIClass }).Scorm2004API;
export type Scorm2004API = Scorm2004APIClass;
