// The honest status line (docs/rules/reporting.md "Delivery"): what has, and has not, reached the LMS.
// role=status makes every change a polite live-region announcement.
import type { SessionView } from "./session-port";
import type { MessageKey } from "../i18n/index";
import { useUi } from "./context";
import { leaveCourse } from "./exit";

/**
 * The message for the current delivery state; "sent" only once the LMS accepted the outcome. Red
 * (an alert) only when data is actually at risk: a result the driver holds back on purpose reads
 * calmly, and the same way whichever standard holds it.
 */
export function statusMessage(view: SessionView, judged: boolean, hasAssessment: boolean): MessageKey {
  const { delivery } = view;
  switch (delivery.state) {
    case "standalone":
      return "statusStandalone";
    case "retrying":
    case "auth-lost":
      return "statusLost";
    case "ended":
      return "statusEnded";
    case "session-closed":
      return "statusSessionClosed";
  }
  const hasResult = judged && (hasAssessment ? view.state.attempts.length > 0 : view.outcome.completed);
  if (!hasResult) return delivery.state === "sending" ? "statusSending" : "statusConnected";
  // Held on purpose: nothing is at risk, and "sent" would be untrue (the LMS has no judgement yet).
  if (delivery.held === "until-final") return "statusHeldUntilFinal";
  if (delivery.held === "until-session-end") return "statusHeldUntilSessionEnd";
  if (delivery.outcomeDelivered) return "statusSent";
  return delivery.state === "sending" ? "statusSending" : "statusNotSent";
}

const ALERTS: readonly MessageKey[] = ["statusLost", "statusNotSent", "statusSessionClosed"];

export function StatusLine({ view }: { view: SessionView }) {
  const { session, i18n } = useUi();
  const key = statusMessage(view, session.judged, session.course.assessment !== null);
  // The LMS ended the session: the way back is Exit, which then finishes at once (cmi5 returnURL).
  const back = key === "statusSessionClosed" && session.facts.returnUrl && !view.exiting && !view.exited;
  return (
    <>
      <p class={ALERTS.includes(key) ? "pm-status pm-status-alert" : "pm-status"} role="status">
        {i18n.t(key)}
      </p>
      {back && (
        <button type="button" class="pm-button pm-secondary" onClick={() => void leaveCourse(session)}>
          {i18n.t("backToLms")}
        </button>
      )}
    </>
  );
}

/** Browse / Review / no-credit launches: the learner is told they are not being judged. */
export function ModeNotice() {
  const { session, i18n } = useUi();
  const { launchMode, credit } = session.facts;
  const key: MessageKey | null = launchMode === "browse" ? "modeBrowse" : launchMode === "review" ? "modeReview" : credit ? null : "modeNoCredit";
  return key === null ? null : <p class="pm-notice">{i18n.t(key)}</p>;
}
