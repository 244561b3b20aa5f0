// Reporting options with their defaults (docs/course-format.md "reporting"), checked against the
// assessment: a course that can never be passed must not ask the LMS to wait for a pass.
import type { ReportingOptions } from "../../runtime/course/types";
import type { AuthorAssessment, AuthorReporting } from "./author-types";
import type { ProblemList } from "./problems";

/**
 * Default mastery score: the rubric's passing score (100 when unset, as the engine) for a pass-fail
 * assessment, so the manifest and the rubric agree; none for an "attempt" rubric or no assessment.
 */
export function defaultMasteryScore(assessment: AuthorAssessment | undefined): number | null {
  if (!assessment || (assessment.rubric?.type ?? "pass-fail") !== "pass-fail") return null;
  return assessment.rubric?.passingAttemptScore ?? 100;
}

export function buildReporting(
  r: AuthorReporting | undefined,
  assessment: AuthorAssessment | undefined,
  file: string,
  problems: ProblemList,
): ReportingOptions {
  const hasAssessment = assessment !== undefined;
  const masteryScore = r?.masteryScore !== undefined ? r.masteryScore : defaultMasteryScore(assessment);
  const moveOn = r?.cmi5?.moveOn ?? (hasAssessment ? "Passed" : "Completed");

  if (!hasAssessment && (moveOn === "Passed" || moveOn === "CompletedAndPassed")) {
    problems.error(
      file,
      "/reporting/cmi5/moveOn",
      `expected "Completed", "CompletedOrPassed" or "NotApplicable" for a course without an assessment, found "${moveOn}" (it could never be passed)`,
    );
  }
  if (!hasAssessment && masteryScore !== null) {
    problems.error(
      file,
      "/reporting/masteryScore",
      `expected null or nothing for a course without an assessment, found ${masteryScore} (no score is ever reported)`,
    );
  }
  const passingScore = assessment?.rubric?.passingAttemptScore ?? 100;
  if (hasAssessment && r?.masteryScore != null && r.masteryScore !== passingScore && (assessment.rubric?.type ?? "pass-fail") === "pass-fail") {
    problems.warning(
      file,
      "/reporting/masteryScore",
      `${r.masteryScore} differs from the rubric's passingAttemptScore ${passingScore}: an LMS that passes the mastery score on makes it the pass mark (docs/rules/assessment.md §4), so learners are judged on ${r.masteryScore} there and on ${passingScore} elsewhere`,
    );
  }
  return {
    cmi5: { moveOn, launchMethod: r?.cmi5?.launchMethod ?? "AnyWindow" },
    masteryScore,
    scorm12: { statusMode: r?.scorm12?.statusMode ?? (hasAssessment ? "passed-incomplete" : "completed-incomplete") },
    interactions: r?.interactions ?? true,
  };
}
