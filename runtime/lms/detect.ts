// Launch detection (issue 4, "Detection"): cmi5 launch parameters → cmi5 (its driver validates
// them and explains malformed ones); else a SCORM 2004 API → scorm2004 (preferred when both exist,
// docs/rules/lms.md §1); else a SCORM 1.2 API → scorm12; else standalone.
import { findScorm12Api, findScorm2004Api, type WindowLike } from "./api-discovery";
import type { Scorm12Api, Scorm2004Api } from "./scorm-common/api-types";

export type Detection =
  { standard: "cmi5" } | { standard: "scorm2004"; api: Scorm2004Api } | { standard: "scorm12"; api: Scorm12Api } | { standard: "standalone" };

/** cmi5 §8.1 launch parameters; any one of them means the LMS meant a cmi5 launch. */
export const CMI5_LAUNCH_PARAMETERS = ["endpoint", "fetch", "actor", "registration", "activityId"] as const;

export interface LaunchWindow extends WindowLike {
  readonly location: { readonly search: string };
}

export function hasCmi5LaunchParameters(search: string): boolean {
  const params = new URLSearchParams(search);
  return CMI5_LAUNCH_PARAMETERS.some((name) => params.has(name));
}

export function detectLaunch(win: LaunchWindow): Detection {
  if (hasCmi5LaunchParameters(win.location.search)) return { standard: "cmi5" };
  const api2004 = findScorm2004Api(win);
  if (api2004) return { standard: "scorm2004", api: api2004 };
  const api12 = findScorm12Api(win);
  if (api12) return { standard: "scorm12", api: api12 };
  return { standard: "standalone" };
}
