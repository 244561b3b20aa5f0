// LMS behaviour "ilias" (SCORM 1.2 only), built from how ILIAS's SCORM 1.2 player is documented to
// behave: no attempts and no review lock (a relaunch always continues the same data, normal mode with
// credit); cmi.interactions._count is 0 on every launch while the store keeps the old rows, so a SCO
// numbering from _count writes over them; learning progress from lesson_status alone; the mastery
// override at LMSFinish touches only "completed"; no gradebook grade (the score stays in tracking).
import type { FlatCmi } from "../scorm-seed";
import type { CommitInput, HeldSession, InteractionRow, LaunchInput, LaunchPlan, LmsHolding, LmsProfile, StoredCommit } from "./profile";
import { KEPT, entry12, interactionRows, keepJudgement, masteryOverride12, pick, rawScore, statusOf, withPreviousStatus } from "./scorm-data";

function launch({ facts, previous }: LaunchInput): LaunchPlan {
  const data = previous === null && facts.previousStatus === "stored" ? null : withPreviousStatus("1.2", previous?.data ?? {}, facts.previousStatus);
  const handed = pick(data, KEPT["1.2"]);
  handed["cmi.core.lesson_status"] ??= "not attempted";
  // The rows it keeps stay in its store (a SCO may write after them), but it hands none back:
  // _count is 0 on every launch, so a SCO numbering from _count writes over them.
  for (const [key, value] of Object.entries(data ?? {})) if (/^cmi\.interactions\.\d+\./.test(key)) handed[key] = value;
  const entry = entry12(data);
  return {
    attempt: 1,
    mode: facts.mode,
    credit: facts.credit && facts.mode === "normal",
    entry,
    handed,
    interactionsCount: 0,
    note: data === null ? "first launch" : `the same data goes on (entry "${entry}"); interactions are not handed back (_count 0)`,
  };
}

const ONLY_COMPLETED: ReadonlySet<string> = new Set(["completed"]);

function store({ session, data, terminate }: CommitInput): StoredCommit {
  if (!session.credit || session.mode !== "normal") {
    const kept = keepJudgement("1.2", data, session.held);
    return { data: kept.data, notes: kept.note ? [kept.note] : [] };
  }
  if (!terminate) return { data, notes: [] };
  const overridden = masteryOverride12(data, ONLY_COMPLETED);
  return { data: overridden.data, notes: overridden.note ? [overridden.note] : [] };
}

/** ILIAS learning progress ("SCOs selected") from lesson_status alone. */
export function learningProgress(status: string): string {
  if (status === "passed") return "completed (passed)";
  if (status === "completed") return "completed";
  if (status === "failed") return "failed";
  if (status === "" || status === "not attempted") return "not attempted";
  return "in progress";
}

/** The store keeps every row; a session writing at an index an earlier session used replaces that row. */
function keptRows(sessions: readonly HeldSession[]): { rows: InteractionRow[]; overwritten: number } {
  const byIndex = new Map<number, InteractionRow>();
  let overwritten = 0;
  sessions.forEach((session, n) => {
    if (!session.committed) return;
    for (const row of interactionRows(session.data, n + 1)) {
      const before = byIndex.get(row.index);
      if (before && before.id === row.id && before.result === row.result) continue; // the same row, kept
      const replaced = before && before.session !== row.session ? before.id : null;
      if (replaced !== null) overwritten += 1;
      byIndex.set(row.index, { ...row, replaced });
    }
  });
  return { rows: [...byIndex.values()].sort((a, b) => a.index - b.index), overwritten };
}

function holding(_version: "1.2" | "2004", sessions: readonly HeldSession[]): LmsHolding {
  const current: FlatCmi = sessions.at(-1)?.data ?? {};
  const status = statusOf("1.2", current);
  const score = rawScore("1.2", current);
  const { rows, overwritten } = keptRows(sessions);
  return {
    attempt: sessions.length === 0 ? 0 : 1,
    attempts: sessions.length === 0 ? [] : [{ number: 1, status, score }],
    status,
    score,
    grade: null,
    gradeText: "no gradebook grade; score kept in tracking",
    learningProgress: learningProgress(status),
    interactions: rows,
    overwrittenInteractions: overwritten,
  };
}

export const iliasProfile: LmsProfile = {
  id: "ilias",
  label: "ILIAS",
  targets: ["scorm12"],
  launch,
  store,
  holding,
};
