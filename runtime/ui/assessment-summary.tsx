// The facts of the assessment a learner needs before and after an attempt: attempts allowed / used /
// left, the passing score actually in force (the LMS's mastery score when it gave one), the
// assessment score that is reported (or plainly none yet) and the status.
import { attemptsRemaining, type AssessmentStatus } from "../assessment/index";
import type { SessionView } from "../app/session";
import type { MessageKey } from "../i18n/index";
import { useUi } from "./context";

const STATUS_KEYS: Record<AssessmentStatus, MessageKey> = {
  passed: "statusPassed",
  failed: "statusFailed",
  unableToPass: "statusUnableToPass",
  notAttempted: "statusNotAttempted",
};

export function AttemptFacts({ view }: { view: SessionView }) {
  const { session, i18n } = useUi();
  const assessment = session.course.assessment!;
  const used = view.state.attempts.length;
  const left = attemptsRemaining(view.state, assessment);
  const passFail = assessment.rubric.type === "pass-fail";
  const passing = i18n.percent(session.passingScore);
  return (
    <ul class="pm-facts">
      <li>{assessment.attempts === "unlimited" ? i18n.t("attemptsUnlimited") : i18n.t("attemptsAllowed", { n: assessment.attempts })}</li>
      <li>{i18n.t("attemptsUsed", { n: used })}</li>
      <li>{Number.isFinite(left) ? i18n.plural("attemptsLeft", left) : i18n.t("attemptsLeftUnlimited")}</li>
      {passFail && <li>{session.facts.masteryScore !== null ? i18n.t("passingScoreLms", { score: passing }) : i18n.t("passingScore", { score: passing })}</li>}
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
