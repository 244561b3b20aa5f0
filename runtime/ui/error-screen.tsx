// A launch that cannot work: say what happened in plain words and what to do; the technical
// detail (never the auth token: LaunchError.detail leaves it out) is there for the administrator.
// A session that already ended (reload, or ended by the LMS) is not a fault: it says so, and offers
// the way back to the LMS when the launch named one (cmi5 returnURL, kept from the session record).
import type { Translator, MessageKey } from "../i18n/index";
import { LaunchError, type LaunchErrorReason } from "../lms/launch-error";
import { safeReturnUrl } from "./exit";

/** "cmi5-fetch-used" → "errorCmi5FetchUsed": one message per LaunchErrorReason (test/ui/i18n.test.ts checks them all). */
export function reasonMessage(reason: LaunchErrorReason): MessageKey {
  return `error${reason.replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase())}` as MessageKey;
}

export function ErrorScreen({ error, i18n }: { error: unknown; i18n: Translator }) {
  const launch = error instanceof LaunchError ? error : null;
  const detail = launch ? launch.detail : String(error);
  const ended = launch?.reason === "cmi5-session-ended" || launch?.reason === "cmi5-session-closed";
  const back = launch?.returnUrl ? safeReturnUrl(launch.returnUrl, location.href) : null;
  return (
    <main class="pm-app pm-error-screen" lang={i18n.lang}>
      <section class="pm-screen" aria-labelledby="pm-error-title">
        <h1 id="pm-error-title">{i18n.t(ended ? "sessionEndedTitle" : "errorTitle")}</h1>
        <p class="pm-error-reason">{i18n.t(launch ? reasonMessage(launch.reason) : "errorUnknown")}</p>
        <p>{i18n.t(ended ? "sessionEndedWhatToDo" : "errorWhatToDo")}</p>
        {back && (
          <p>
            <a class="pm-button" href={back}>
              {i18n.t("backToLms")}
            </a>
          </p>
        )}
        <p class="pm-detail">{i18n.t("errorDetail", { detail })}</p>
      </section>
    </main>
  );
}
