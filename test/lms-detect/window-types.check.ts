// Compile-time check (run by `tsc`, not by vitest): the browser's own Window fits the window-like
// types that detection and the drivers accept, so the runtime can pass `window` as it is.
import type { WindowLike } from "../../runtime/lms/api-discovery";
import type { LaunchWindow } from "../../runtime/lms/detect";
import type { PageLifecycleTarget } from "../../runtime/lms/scorm-common/page-lifecycle";

export const windowFitsLaunchWindow = (w: Window): LaunchWindow => w;
export const windowFitsDriverWindow = (w: Window): WindowLike & PageLifecycleTarget => w;
