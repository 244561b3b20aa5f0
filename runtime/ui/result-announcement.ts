// What the live region says after a submit: the attempt just finished (its number and its own score),
// then the assessment score across attempts and the status — the same facts the result screen shows.
import type { Outcome, SubmittedAttempt } from "../assessment/index";
import type { Translator } from "../i18n/index";
import { statusText } from "./assessment-summary";

export function resultAnnouncement(
  i18n: Translator,
  submitted: Pick<SubmittedAttempt, "attemptNumber" | "result">,
  outcome: Pick<Outcome, "score" | "status">,
): string {
  return [
    i18n.t("resultHeading", { n: submitted.attemptNumber }),
    i18n.t("attemptScore", { score: i18n.percent(submitted.result.attemptScore) }),
    outcome.score === null ? i18n.t("noScoreYet") : i18n.t("assessmentScore", { score: i18n.percent(outcome.score) }),
    i18n.t(statusText(outcome.status)),
  ]
    .map((part) => part.replace(/\.$/, ""))
    .join(". ");
}
