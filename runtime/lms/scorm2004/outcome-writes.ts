// reporting.md "SCORM 2004": completion and success are separate; the score goes on 0..1 (scaled)
// and 0..100 (raw); success is `unknown` without a score. When the LMS gave cmi.scaled_passing_score
// it judges success itself from score.scaled (scorm-sco.md §3): the score is written only when that
// judgement agrees with ours, so the LMS never records a different verdict than the learner saw.
import type { Outcome } from "../../assessment/outcome";
import { isDone, type DataModelWrite } from "../scorm-common/data-model";
import { scormDecimal } from "../scorm-common/time-format";

export type SuccessStatus = "passed" | "failed" | "unknown";

export function successStatusFor(outcome: Outcome): SuccessStatus {
  if (outcome.score === null) return "unknown";
  if (outcome.status === "passed") return "passed";
  if (outcome.status === "failed" || outcome.status === "unableToPass") return "failed";
  return "unknown";
}

export function scorm2004OutcomeWrites(outcome: Outcome, masteryScore: number | null, log: (message: string) => void): DataModelWrite[] {
  const writes: DataModelWrite[] = [];
  const success = successStatusFor(outcome);
  if (outcome.score !== null) {
    const raw = Number(Math.min(100, Math.max(0, outcome.score)).toFixed(2));
    const lmsVerdict = masteryScore === null ? null : raw >= masteryScore ? "passed" : "failed";
    if (lmsVerdict === null || lmsVerdict === success) {
      // Score before status (scorm-sco.md §4).
      writes.push(
        { element: "cmi.score.scaled", value: scormDecimal(raw / 100, 4), kind: "outcome" },
        { element: "cmi.score.raw", value: scormDecimal(raw), kind: "outcome" },
        { element: "cmi.score.min", value: "0", kind: "detail" },
        { element: "cmi.score.max", value: "100", kind: "detail" },
      );
    } else {
      log(`score ${raw} not written: with cmi.scaled_passing_score ${(masteryScore ?? 0) / 100} the LMS would judge "${lmsVerdict}", not "${success}"`);
    }
  }
  writes.push({ element: "cmi.success_status", value: success, kind: "outcome" });
  writes.push({ element: "cmi.completion_status", value: outcome.completed ? "completed" : "incomplete", kind: "outcome" });
  writes.push(progressWrite(outcome.progress));
  // `suspend` unless completed and final, then `normal` (an empty exit can wipe suspend_data).
  writes.push({ element: "cmi.exit", value: isDone(outcome) ? "normal" : "suspend", kind: "session" });
  return writes;
}

export function progressWrite(progress: number): DataModelWrite {
  const clamped = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
  return { element: "cmi.progress_measure", value: scormDecimal(clamped, 4), kind: "session" };
}
