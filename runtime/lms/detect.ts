// Launch detection (issue 4 "Detection", issue 16): a cmi5 launch is told from a Tin Can one by `fetch`
// (cmi5 §8.1; Tin Can launches have none) and a Tin Can launch by `auth` (cmi5 launches never carry
// credentials in the URL). Order: `fetch` → cmi5; else `auth` with `endpoint` → xapi (Tin Can); else
// any other cmi5 parameter → cmi5 (its driver explains what is missing); else a SCORM 2004 API →
// scorm2004 (preferred when both exist, docs/rules/lms.md §1); else a SCORM 1.2 API → scorm12; else
// standalone. docs/xapi-target.md "Detection".
import { findScorm12Api, findScorm2004Api, type WindowLike } from "./api-discovery";
import type { Scorm12Api, Scorm2004Api } from "./scorm-common/api-types";

export type Detection =
  | { standard: "cmi5" }
  | { standard: "xapi" }
  | { standard: "scorm2004"; api: Scorm2004Api }
  | { standard: "scorm12"; api: Scorm12Api }
  | { standard: "standalone" };

/** cmi5 §8.1 launch parameters; any one of them means the LMS meant a cmi5 launch (unless it is a Tin Can one). */
export const CMI5_LAUNCH_PARAMETERS = ["endpoint", "fetch", "actor", "registration", "activityId"] as const;

export interface LaunchWindow extends WindowLike {
  readonly location: { readonly search: string };
}

export function hasCmi5LaunchParameters(search: string): boolean {
  const params = new URLSearchParams(search);
  return CMI5_LAUNCH_PARAMETERS.some((name) => params.has(name));
}

/** A Tin Can launch: credentials (`auth`) and an `endpoint`, and no cmi5 `fetch` URL. */
export function isTincanLaunch(search: string): boolean {
  const params = new URLSearchParams(search);
  return !params.has("fetch") && params.has("auth") && params.has("endpoint");
}

export function detectLaunch(win: LaunchWindow): Detection {
  const search = win.location.search;
  if (isTincanLaunch(search)) return { standard: "xapi" }; // never with `fetch`: that one is cmi5
  if (hasCmi5LaunchParameters(search)) return { standard: "cmi5" };
  const api2004 = findScorm2004Api(win);
  if (api2004) return { standard: "scorm2004", api: api2004 };
  const api12 = findScorm12Api(win);
  if (api12) return { standard: "scorm12", api: api12 };
  return { standard: "standalone" };
}
