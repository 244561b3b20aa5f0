// "What the LMS holds now", as an LMS report would show it: for cmi5 from the statements stored in
// the registration (cmi5 §9.3), for SCORM from the data model the LMS kept, read with the session's
// LMS behaviour (lms-profiles/): attempt, mode, and the grade that LMS records next to the status.
import type { Statement } from "@xapi/xapi";
import type { TargetId } from "../../runtime/course/types";
import { VERB } from "../../runtime/lms/cmi5/vocabulary";
import type { ViolationRecord } from "../lrs";
import type { LmsHolding } from "./lms-profiles/profile";
import type { LmsView } from "./protocol";
import { effectiveData, type ScormSessionRecord } from "./scorm-store";

export function cmi5View(
  learnerId: string,
  registration: string,
  statements: readonly Statement[],
  violations: readonly ViolationRecord[],
  sessionIds: readonly string[],
): LmsView {
  const has = (verb: string) => statements.filter((s) => s.verb.id === verb);
  const passed = has(VERB.passed)[0];
  const failed = has(VERB.failed).at(-1);
  const judged = passed ?? failed;
  const scaled = judged?.result?.score?.scaled;
  const mine = violations.filter((v) => v.sessionId !== null && sessionIds.includes(v.sessionId));
  return {
    target: "cmi5",
    learnerId,
    registration,
    profile: "strict",
    completion: has(VERB.completed).length > 0 ? "completed" : "not completed",
    success: passed ? "passed" : failed ? "failed" : "unknown",
    score: typeof scaled === "number" ? `${Math.round(scaled * 10000) / 100} (scaled ${scaled})` : "none",
    grade:
      typeof scaled === "number"
        ? `${Math.round(scaled * 10000) / 100} (score.scaled × 100 of the ${passed ? "Passed" : "Failed"} statement)`
        : "none (no judgement with a score)",
    facts: {
      Statements: String(statements.length),
      Sessions: String(sessionIds.length),
      Terminated: `${has(VERB.terminated).length} of ${sessionIds.length} sessions`,
      "Refused (rule violations)": String(mine.length),
    },
  };
}

export function scormView(target: TargetId, learnerId: string, sessions: readonly ScormSessionRecord[], holding: LmsHolding): LmsView {
  const latest = sessions.at(-1);
  const data = latest ? effectiveData(latest) : {};
  const flags = sessions.reduce((n, s) => n + s.flags.length, 0);
  const rows = holding.interactions.length;
  const interactions = holding.overwrittenInteractions > 0 ? `${rows} kept (${holding.overwrittenInteractions} overwritten by a later session)` : String(rows);
  const suspend = data["cmi.suspend_data"] ?? "";
  const profile = latest?.profile ?? "strict";
  const common = {
    ...(holding.learningProgress === null ? {} : { "Learning progress": holding.learningProgress }),
    Attempt:
      holding.attempts.length > 1
        ? `${holding.attempt} (scores ${holding.attempts.map((a) => (a.score === null ? "none" : String(a.score))).join(", ")})`
        : String(holding.attempt),
    Mode: latest ? `${latest.mode}, ${latest.credit ? "credit" : "no-credit"}` : "",
    Sessions: String(sessions.length),
    Commits: String(latest?.commits ?? 0),
    suspend_data: `${suspend.length} characters`,
    Interactions: interactions,
    Flags: String(flags),
  };
  if (target === "scorm12") {
    const raw = data["cmi.core.score.raw"] ?? "";
    return {
      target,
      learnerId,
      registration: null,
      profile,
      completion: data["cmi.core.lesson_status"] ?? "not attempted",
      success: data["cmi.core.lesson_status"] ?? "not attempted",
      score: raw === "" ? "none" : `${raw} (min ${data["cmi.core.score.min"] ?? ""}, max ${data["cmi.core.score.max"] ?? ""})`,
      grade: holding.gradeText,
      facts: { ...common, Exit: JSON.stringify(data["cmi.core.exit"] ?? "") },
    };
  }
  const scaled = data["cmi.score.scaled"] ?? "";
  return {
    target,
    learnerId,
    registration: null,
    profile,
    completion: data["cmi.completion_status"] ?? "unknown",
    success: data["cmi.success_status"] ?? "unknown",
    score: scaled === "" ? "none" : `${data["cmi.score.raw"] ?? ""} (scaled ${scaled})`,
    grade: holding.gradeText,
    facts: { ...common, Exit: JSON.stringify(data["cmi.exit"] ?? ""), progress_measure: data["cmi.progress_measure"] ?? "" },
  };
}
