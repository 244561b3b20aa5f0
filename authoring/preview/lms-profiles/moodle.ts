// LMS behaviour "moodle" (SCORM 1.2 and 2004), built from how Moodle's SCORM activity is documented
// to behave: attempts closed by the SCO's own status and relaunched in review mode unless the learner
// starts a new attempt (with empty data); no-credit writes not stored; the 1.2 mastery override at
// LMSFinish; scaled_passing_score not applied in 2004; the gradebook grade from score.raw only, by
// "highest attempt"; cmi.objectives.0.id = PRIMARYOBJ seeded in 2004, then the SCO's other objectives.
import type { FlatCmi } from "../scorm-seed";
import type { CommitInput, HeldSession, LaunchInput, LaunchPlan, LmsHolding, LmsProfile, ScormVersion, StoredCommit } from "./profile";
import {
  EXIT,
  KEPT,
  STATUS_ELEMENTS,
  commentValues,
  entry12,
  interactionRows,
  interactionValues,
  keepJudgement,
  objectiveSeed,
  objectiveValues,
  masteryOverride12,
  pick,
  rawScore,
  statusOf,
  withPreviousStatus,
} from "./scorm-data";

const OVER_12: ReadonlySet<string> = new Set(["completed", "passed", "failed"]);

/** Moodle looks at the stored status of the current attempt only (2004: completion_status, not success_status). */
function attemptOver(version: ScormVersion, data: FlatCmi): boolean {
  return version === "1.2" ? OVER_12.has(data["cmi.core.lesson_status"] ?? "") : data["cmi.completion_status"] === "completed";
}

/** Moodle's 2004 cmi.entry: "ab-initio" after exit normal / time-out / none, "resume" after suspend or logout. */
function entry2004(data: FlatCmi | null): string {
  const exit = data?.["cmi.exit"] ?? "";
  if (data === null || exit === "" || exit === "normal" || exit === "time-out") return "ab-initio";
  return exit === "suspend" || exit === "logout" ? "resume" : "";
}

/** What Moodle hands back of an attempt: the tracked data, interactions, comments and 2004 objectives included. */
function handedBack(version: ScormVersion, data: FlatCmi): FlatCmi {
  return { ...pick(data, KEPT[version]), ...interactionValues(data), ...commentValues(data), ...objectiveValues(data) };
}

const PRIMARY_OBJECTIVE = "PRIMARYOBJ";

function launch({ version, facts, previous, newAttempt, objectives = [] }: LaunchInput): LaunchPlan {
  const simulated = facts.previousStatus !== "stored";
  const stored = previous === null && !simulated ? null : withPreviousStatus(version, previous?.data ?? {}, facts.previousStatus);
  const attempt = previous?.attempt ?? 1;
  const extra = version === "2004" ? objectiveSeed([PRIMARY_OBJECTIVE, ...objectives.filter((id) => id !== PRIMARY_OBJECTIVE)]) : {};
  const endedNormally = version === "2004" && stored?.[EXIT["2004"]] === "normal";
  const over = stored !== null && (attemptOver(version, stored) || endedNormally);
  const chosen = facts.mode !== "normal";
  if (over && newAttempt) {
    const handed: FlatCmi = version === "1.2" ? { "cmi.core.lesson_status": "not attempted" } : {};
    return {
      attempt: attempt + 1,
      mode: facts.mode,
      credit: facts.credit && !chosen,
      entry: "ab-initio",
      handed: { ...handed, ...extra },
      note: `new attempt ${attempt + 1} (the learner asked for it): empty data`,
    };
  }
  const note =
    newAttempt && !over
      ? `attempt ${attempt} is not over (status ${stored === null ? "none" : statusOf(version, stored)}): Moodle offers no new attempt, the launch continues it`
      : "";
  if (over) {
    // Review: the old attempt's data (none after a 2004 exit "normal"), nothing it writes counts.
    const handed = endedNormally ? {} : handedBack(version, stored);
    const entry = version === "1.2" ? entry12(stored) : entry2004(endedNormally ? null : stored);
    const why = endedNormally
      ? `attempt ${attempt} ended with exit "normal": review, no stored data`
      : `attempt ${attempt} is over (status ${statusOf(version, stored)}): review mode, no-credit`;
    return { attempt, mode: "review", credit: false, entry, handed: { ...handed, ...extra }, note: why, held: stored };
  }
  const fresh: FlatCmi = version === "1.2" ? { "cmi.core.lesson_status": "not attempted" } : {};
  const handed = stored === null ? fresh : handedBack(version, stored);
  const entry = version === "1.2" ? entry12(stored) : entry2004(stored);
  return {
    attempt,
    mode: facts.mode,
    credit: facts.credit && !chosen,
    entry,
    handed: { ...handed, ...extra },
    note: note || (stored === null ? "first launch, attempt 1" : `attempt ${attempt} goes on (entry "${entry}")`),
  };
}

function store({ version, session, data, scoWrote, terminate }: CommitInput): StoredCommit {
  const notes: string[] = [];
  let out = data;
  if (version === "2004" && scoWrote !== null) {
    // Moodle keeps what the SCO wrote: scorm-again's own judgement from scaled_passing_score is undone.
    out = { ...out };
    for (const key of STATUS_ELEMENTS["2004"]) {
      const kept = scoWrote[key] ?? session.held[key] ?? "unknown";
      if ((out[key] ?? "") !== kept) notes.push(`${key} kept as the SCO wrote it ("${kept}"; Moodle does not apply cmi.scaled_passing_score)`);
      out[key] = kept;
    }
  }
  if (!session.credit || session.mode !== "normal") {
    const kept = keepJudgement(version, out, session.held);
    if (kept.note) notes.push(kept.note);
    // Review leaves the attempt as it was; a no-credit normal launch keeps the rest of what it wrote.
    return { data: session.mode === "review" ? session.held : kept.data, notes };
  }
  if (version === "1.2" && terminate) {
    const overridden = masteryOverride12(out, null);
    if (overridden.note) notes.push(overridden.note);
    out = overridden.data;
  }
  return { data: out, notes };
}

function holding(version: ScormVersion, sessions: readonly HeldSession[]): LmsHolding {
  const numbers = [...new Set(sessions.map((s) => s.attempt))].sort((a, b) => a - b);
  const attempts = numbers.map((number) => {
    const data = sessions.filter((s) => s.attempt === number).at(-1)!.data;
    return { number, status: statusOf(version, data), score: rawScore(version, data) };
  });
  const latest = sessions.at(-1);
  const current = latest?.data ?? {};
  const scored = attempts.map((a) => a.score).filter((s): s is number => s !== null);
  const grade = scored.length === 0 ? null : Math.max(...scored);
  const source = version === "1.2" ? "cmi.core.score.raw" : "cmi.score.raw";
  return {
    attempt: latest?.attempt ?? 0,
    attempts,
    status: statusOf(version, current),
    score: rawScore(version, current),
    grade,
    gradeText:
      grade === null
        ? "none (no score written: Moodle records no grade)"
        : `${grade} (${source}, highest of ${attempts.length} attempt${attempts.length === 1 ? "" : "s"})`,
    learningProgress: null,
    interactions: interactionRows(current, sessions.length),
    overwrittenInteractions: 0,
  };
}

export const moodleProfile: LmsProfile = {
  id: "moodle",
  label: "Moodle",
  targets: ["scorm12", "scorm2004-3", "scorm2004-4"],
  launch,
  store,
  holding,
};
