// A launch the runtime cannot serve. `reason` picks a learner-facing message from the catalogue;
// `detail` is for logs (never contains the auth token).

export type LaunchErrorReason =
  | "cmi5-parameters" // missing or malformed cmi5 launch parameters
  | "cmi5-fetch-used" // fetch error-code 1: already used or expired
  | "cmi5-fetch-security" // error-code 2
  | "cmi5-fetch-application" // error-code 3
  | "cmi5-fetch-failed" // network / HTTP failure on the fetch URL
  | "cmi5-launch-data" // LMS.LaunchData unreadable
  | "cmi5-session-ended" // a reload of a page whose session was terminated when it was unloaded
  | "cmi5-session-closed" // a reload of a page whose session the LMS ended (abandoned: 403 on everything)
  | "scorm-initialize" // Initialize/LMSInitialize refused
  | "course-data"; // the package's course data could not be loaded

export class LaunchError extends Error {
  readonly reason: LaunchErrorReason;
  readonly detail: string;
  /** Where the LMS wants the learner back (cmi5 returnURL), when known without asking it again. */
  readonly returnUrl: string | null;
  constructor(reason: LaunchErrorReason, detail: string, returnUrl: string | null = null) {
    super(`${reason}: ${detail}`);
    this.name = "LaunchError";
    this.reason = reason;
    this.detail = detail;
    this.returnUrl = returnUrl;
  }
}
