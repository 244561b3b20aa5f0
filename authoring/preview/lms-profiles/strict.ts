// LMS behaviour "strict" (the default): the SCORM standard as written (SCORM 1.2 RTE 3.4, SCORM 2004
// RTE 4.2). 1.2 keeps everything, entry "resume" after exit "suspend", else ""; 2004 resumes after exit
// "suspend" and any other exit ends the attempt, so the next launch starts a new one from scratch;
// every 2004 launch is seeded with the SCO's objective ids from the manifest (RTE §4.2.17).
// The grade is the score the data model holds (2004: score.scaled, the normative one).
import { ALL_TARGETS } from "../../../runtime/course/types";
import type { FlatCmi } from "../scorm-seed";
import type { LaunchInput, LaunchPlan, LmsHolding, LmsProfile, HeldSession, ScormVersion } from "./profile";
import { EXIT, KEPT, commentValues, interactionRows, objectiveSeed, objectiveValues, pick, standardScore, statusOf, withPreviousStatus } from "./scorm-data";

function launch({ version, facts, previous, objectives = [] }: LaunchInput): LaunchPlan {
  const data = previous?.data ?? null;
  const base = { mode: facts.mode, credit: facts.credit };
  if (version === "1.2") {
    const handed = withPreviousStatus("1.2", { ...pick(data, KEPT["1.2"]), ...commentValues(data) }, facts.previousStatus);
    handed["cmi.core.lesson_status"] ??= "not attempted";
    const entry = data === null ? "ab-initio" : data["cmi.core.exit"] === "suspend" ? "resume" : "";
    return {
      ...base,
      attempt: previous?.attempt ?? 1,
      entry,
      handed,
      note: data === null ? "first launch" : `entry "${entry}" after exit "${data["cmi.core.exit"] ?? ""}"`,
    };
  }
  const resumes = data !== null && data[EXIT["2004"]] === "suspend";
  const kept = resumes ? { ...pick(data, KEPT["2004"]), ...commentValues(data), ...objectiveValues(data) } : {};
  const handed = withPreviousStatus("2004", { ...objectiveSeed(objectives), ...kept }, facts.previousStatus);
  const attempt = previous === null ? 1 : resumes ? previous.attempt : previous.attempt + 1;
  const note =
    data === null
      ? "first launch"
      : resumes
        ? 'the attempt goes on (exit "suspend")'
        : `exit "${data[EXIT["2004"]] ?? ""}" ended attempt ${previous!.attempt}: a new attempt from scratch`;
  return { ...base, attempt, entry: resumes ? "resume" : "ab-initio", handed, note };
}

function holding(version: ScormVersion, sessions: readonly HeldSession[]): LmsHolding {
  const latest = sessions.at(-1);
  const data: FlatCmi = latest?.data ?? {};
  const score = standardScore(version, data);
  const source = version === "1.2" ? "cmi.core.score.raw" : data["cmi.score.scaled"] ? "cmi.score.scaled × 100" : "cmi.score.raw";
  const attempts = [...new Set(sessions.map((s) => s.attempt))].map((number) => {
    const last = sessions.filter((s) => s.attempt === number).at(-1)!;
    return { number, status: statusOf(version, last.data), score: standardScore(version, last.data) };
  });
  return {
    attempt: latest?.attempt ?? 0,
    attempts,
    status: statusOf(version, data),
    score,
    grade: score,
    gradeText: score === null ? "none (no score in the data model)" : `${score} (${source}, as the data model holds it)`,
    learningProgress: null,
    interactions: interactionRows(data, sessions.length),
    overwrittenInteractions: 0,
  };
}

export const strictProfile: LmsProfile = {
  id: "strict",
  label: "strict (the standard as written)",
  targets: ALL_TARGETS,
  launch,
  store: ({ data }) => ({ data, notes: [] }),
  holding,
};
