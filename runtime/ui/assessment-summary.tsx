// The facts of the assessment a learner needs before and after an attempt: attempts allowed / used /
// left, the passing score actually in force (the LMS's mastery score when it gave one), the
// assessment score that is reported (or plainly none yet) and the status.
import type { AssessmentStatus } from "../assessment/index";
import type { MessageKey } from "../i18n/index";
import { useUi } from "./context";
import type { AssessmentView, SessionView } from "./session-port";

const STATUS_KEYS: Record<AssessmentStatus, MessageKey> = {
  passed: "statusPassed",
  failed: "statusFailed",
  unableToPass: "statusUnableToPass",
  notAttempted: "statusNotAttempted",
};

export function AttemptFacts({ assessment }: { assessment: AssessmentView }) {
  const { i18n } = useUi();
  const { attemptsAllowed: allowed, attemptsLeft: left } = assessment;
  const passing = i18n.percent(assessment.passingScore);
  return (
    <ul class="pm-facts">
      <li>{allowed === "unlimited" ? i18n.t("attemptsUnlimited") : i18n.t("attemptsAllowed", { n: allowed })}</li>
      <li>{i18n.t("attemptsUsed", { n: assessment.attemptsUsed })}</li>
      <li>{Number.isFinite(left) ? i18n.plural("attemptsLeft", left) : i18n.t("attemptsLeftUnlimited")}</li>
      {assessment.showsPassingScore && <li>{i18n.t(assessment.passingScoreFromLms ? "passingScoreLms" : "passingScore", { score: passing })}</li>}
    </ul>
  );
}

export function AssessmentStanding({ view }: { view: SessionView }) {
  const { i18n } = useUi();
  const { score, status } = view.outcome;
  return (
    <ul class="pm-facts pm-standing">
      <li>{score === null ? i18n.t("noScoreYet") : i18n.t("assessmentScore", { score: i18n.percent(score) })}</li>
      <li>{i18n.t(STATUS_KEYS[status])}</li>
    </ul>
  );
}

export function statusText(status: AssessmentStatus): MessageKey {
  return STATUS_KEYS[status];
}
