// Compile-time check (run by `tsc`, not by vitest): the browser's own Window fits the window-like
// types that detection and the drivers accept, so the runtime can pass `window` as it is.
import type { WindowLike } from "../../runtime/lms/api-discovery";
import type { LaunchWindow } from "../../runtime/lms/detect";
import type { PageEvents, VisibilityEvents } from "../../runtime/app/page-hide";

export const windowFitsLaunchWindow = (w: Window): LaunchWindow => w;
export const windowFitsDriverWindow = (w: Window): WindowLike => w;
export const windowFitsPageEvents = (w: Window): PageEvents => w;
export const documentFitsVisibilityEvents = (d: Document): VisibilityEvents => d;
