// A launch that cannot work: say what happened in plain words and what to do; the technical
// detail (never the auth token: LaunchError.detail leaves it out) is there for the administrator.
import type { Translator, MessageKey } from "../i18n/index";
import { LaunchError, type LaunchErrorReason } from "../lms/launch-error";

const REASONS: Record<LaunchErrorReason, MessageKey> = {
  "cmi5-parameters": "errorCmi5Parameters",
  "cmi5-fetch-used": "errorCmi5FetchUsed",
  "cmi5-fetch-security": "errorCmi5Security",
  "cmi5-fetch-application": "errorCmi5Application",
  "cmi5-fetch-failed": "errorCmi5FetchFailed",
  "cmi5-launch-data": "errorCmi5LaunchData",
  "scorm-initialize": "errorScormInitialize",
  "course-data": "errorCourseData",
};

export function ErrorScreen({ error, i18n }: { error: unknown; i18n: Translator }) {
  const launch = error instanceof LaunchError ? error : null;
  const detail = launch ? launch.detail : String(error);
  return (
    <main class="pm-app pm-error-screen" lang={i18n.lang}>
      <section class="pm-screen" aria-labelledby="pm-error-title">
        <h1 id="pm-error-title">{i18n.t("errorTitle")}</h1>
        <p class="pm-error-reason">{i18n.t(launch ? REASONS[launch.reason] : "errorUnknown")}</p>
        <p>{i18n.t("errorWhatToDo")}</p>
        <p class="pm-detail">{i18n.t("errorDetail", { detail })}</p>
      </section>
    </main>
  );
}
