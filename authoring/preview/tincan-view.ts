// "What the LMS holds now" for a Tin Can launch, as an LRS report shows it: from the statements
// stored in the learner's registration about the launched activity (docs/xapi-target.md): completion
// from completed, success and score from the latest passed/failed.
import type { Statement } from "@xapi/xapi";
import { TINCAN_VERB } from "../../runtime/lms/tincan/statements";
import type { ViolationRecord } from "../lrs";
import type { LmsView } from "./protocol";

export function tincanView(
  learnerId: string,
  registration: string,
  statements: readonly Statement[],
  violations: readonly ViolationRecord[],
  activityId: string,
): LmsView {
  const about = (s: Statement) => (s.object as { id?: string }).id ?? "";
  const mine = statements.filter((s) => about(s) === activityId || about(s).startsWith(`${activityId}/q/`));
  const has = (verb: string) => mine.filter((s) => s.verb.id === verb && about(s) === activityId);
  const judged = [...has(TINCAN_VERB.passed), ...has(TINCAN_VERB.failed)].sort((a, b) => (a.timestamp ?? "").localeCompare(b.timestamp ?? "")).at(-1);
  const passed = has(TINCAN_VERB.passed).length > 0;
  const scaled = judged?.result?.score?.scaled;
  return {
    target: "xapi",
    learnerId,
    registration,
    profile: "strict",
    completion: has(TINCAN_VERB.completed).length > 0 ? "completed" : "not completed",
    success: passed ? "passed" : judged ? "failed" : "unknown",
    score: typeof scaled === "number" ? `${Math.round(scaled * 10000) / 100} (scaled ${scaled})` : "none",
    grade: typeof scaled === "number" ? `${Math.round(scaled * 10000) / 100} (score of the latest passed/failed)` : "none (no judgement with a score)",
    facts: {
      Activity: activityId,
      Statements: String(mine.length),
      Sessions: String(has(TINCAN_VERB.initialized).length),
      Terminated: String(has(TINCAN_VERB.terminated).length),
      "Refused (not about the launched learner)": String(violations.filter((v) => v.violations.some((r) => r.rule.startsWith("tincan."))).length),
    },
  };
}
