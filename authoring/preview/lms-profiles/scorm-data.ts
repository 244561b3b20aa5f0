// Reading and reshaping the flattened SCORM data model ("cmi.core.lesson_status" → value) the way
// every LMS behaviour needs it: what is handed back on a relaunch, status and score as numbers,
// interaction rows, objectives seeded from the manifest (SCORM 2004 RTE §4.2.17), the 1.2
// mastery-score override (SCORM 1.2 RTE 3.4.4) and no-credit writes.
import type { PreviousStatus } from "../protocol";
import type { FlatCmi } from "../scorm-seed";
import type { InteractionRow, ScormVersion } from "./profile";

/** What an LMS hands back of a suspended session (besides interactions). */
export const KEPT: Record<ScormVersion, readonly string[]> = {
  "1.2": ["cmi.core.lesson_status", "cmi.core.lesson_location", "cmi.core.score.raw", "cmi.core.score.min", "cmi.core.score.max", "cmi.suspend_data"],
  "2004": [
    "cmi.completion_status",
    "cmi.success_status",
    "cmi.score.scaled",
    "cmi.score.raw",
    "cmi.score.min",
    "cmi.score.max",
    "cmi.progress_measure",
    "cmi.location",
    "cmi.suspend_data",
  ],
};

/** Status and score elements: what a no-credit session may not change. */
export const JUDGEMENT: Record<ScormVersion, readonly string[]> = {
  "1.2": ["cmi.core.lesson_status", "cmi.core.score.raw", "cmi.core.score.min", "cmi.core.score.max"],
  "2004": ["cmi.completion_status", "cmi.success_status", "cmi.score.scaled", "cmi.score.raw", "cmi.score.min", "cmi.score.max"],
};

/** The elements whose SCO-written value the host page reports (ScormCommit.scoWrote). */
export const STATUS_ELEMENTS: Record<ScormVersion, readonly string[]> = {
  "1.2": ["cmi.core.lesson_status"],
  "2004": ["cmi.completion_status", "cmi.success_status"],
};

export const EXIT: Record<ScormVersion, string> = { "1.2": "cmi.core.exit", "2004": "cmi.exit" };

/** The non-empty values of `keys` in `data`. */
export function pick(data: FlatCmi | null, keys: readonly string[]): FlatCmi {
  const out: FlatCmi = {};
  for (const key of keys) {
    const value = data?.[key];
    if (value !== undefined && value !== "") out[key] = value;
  }
  return out;
}

const INTERACTION_KEY = /^cmi\.interactions\.(\d+)\./;
const OBJECTIVE_KEY = /^cmi\.objectives\.\d+\./;

/**
 * SCORM 2004 RTE §4.2.17: the LMS initialises cmi.objectives.n.id with the objectives the manifest
 * declares for the SCO (imsss:objectives), so a SCO finds each one by id instead of creating it.
 */
export function objectiveSeed(ids: readonly string[]): FlatCmi {
  const out: FlatCmi = {};
  ids.forEach((id, index) => (out[`cmi.objectives.${index}.id`] = id));
  return out;
}

/** Every non-empty value of the objective rows: part of a suspended attempt's data model, handed back on resume. */
export function objectiveValues(data: FlatCmi | null): FlatCmi {
  const out: FlatCmi = {};
  for (const [key, value] of Object.entries(data ?? {})) if (OBJECTIVE_KEY.test(key) && !key.endsWith("._count") && value !== "") out[key] = value;
  return out;
}

/** Every non-empty value of the interaction rows, as an LMS that reads them back hands them. */
export function interactionValues(data: FlatCmi | null): FlatCmi {
  const out: FlatCmi = {};
  for (const [key, value] of Object.entries(data ?? {})) if (INTERACTION_KEY.test(key) && value !== "") out[key] = value;
  return out;
}

/**
 * The learner's comments the SCO left (1.2 cmi.comments, 2004 cmi.comments_from_learner.n.*): part of
 * the data model the LMS keeps and hands back on a resume (1.2 RTE 3.4.2, 2004 RTE 4.2.2), so a SCO
 * that appends reads what it wrote before.
 */
export function commentValues(data: FlatCmi | null): FlatCmi {
  const out: FlatCmi = {};
  for (const [key, value] of Object.entries(data ?? {})) if (/^cmi\.comments$|^cmi\.comments_from_learner\.\d+\./.test(key) && value !== "") out[key] = value;
  return out;
}

/** The rows in `data` (those with an id), by index. */
export function interactionRows(data: FlatCmi, session: number): InteractionRow[] {
  const rows: InteractionRow[] = [];
  for (const [key, id] of Object.entries(data)) {
    const match = /^cmi\.interactions\.(\d+)\.id$/.exec(key);
    if (!match || id === "") continue;
    const index = Number(match[1]);
    rows.push({ index, id, result: data[`cmi.interactions.${index}.result`] ?? "", session, replaced: null });
  }
  return rows.sort((a, b) => a.index - b.index);
}

const STATUS_2004: Record<Exclude<PreviousStatus, "stored">, [string, string]> = {
  "not attempted": ["not attempted", "unknown"],
  incomplete: ["incomplete", "unknown"],
  completed: ["completed", "unknown"],
  passed: ["completed", "passed"],
  failed: ["completed", "failed"],
};

/** The author's simulated previous status ("Previous session" on the launch page) replaces the stored one. */
export function withPreviousStatus(version: ScormVersion, data: FlatCmi, previous: PreviousStatus): FlatCmi {
  if (previous === "stored") return data;
  if (version === "1.2") return { ...data, "cmi.core.lesson_status": previous };
  const [completion, success] = STATUS_2004[previous];
  return { ...data, "cmi.completion_status": completion, "cmi.success_status": success };
}

export function statusOf(version: ScormVersion, data: FlatCmi): string {
  if (version === "1.2") return data["cmi.core.lesson_status"] || "not attempted";
  return `${data["cmi.completion_status"] || "unknown"} / ${data["cmi.success_status"] || "unknown"}`;
}

function number(text: string | undefined): number | null {
  if (text === undefined || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/** The raw score, 0..100 (2004: cmi.score.raw, else scaled × 100): what a gradebook built on raw takes. */
export function rawScore(version: ScormVersion, data: FlatCmi): number | null {
  if (version === "1.2") return number(data["cmi.core.score.raw"]);
  const raw = number(data["cmi.score.raw"]);
  if (raw !== null) return raw;
  const scaled = number(data["cmi.score.scaled"]);
  return scaled === null ? null : round(scaled * 100);
}

/** The normative score, 0..100 (2004: cmi.score.scaled × 100, SCORM 2004 RTE 4.2.20; 1.2: score.raw). */
export function standardScore(version: ScormVersion, data: FlatCmi): number | null {
  if (version === "1.2") return number(data["cmi.core.score.raw"]);
  const scaled = number(data["cmi.score.scaled"]);
  return scaled === null ? number(data["cmi.score.raw"]) : round(scaled * 100);
}

/**
 * The 1.2 mastery override at LMSFinish: with a mastery score and a score.raw written, lesson_status
 * becomes passed/failed by comparing them. `only`: the statuses the LMS rewrites (ILIAS: completed).
 */
export function masteryOverride12(data: FlatCmi, only: ReadonlySet<string> | null): { data: FlatCmi; note: string | null } {
  const mastery = number(data["cmi.student_data.mastery_score"]);
  const raw = number(data["cmi.core.score.raw"]);
  const status = data["cmi.core.lesson_status"] ?? "";
  if (mastery === null || raw === null) return { data, note: null };
  if (only !== null && !only.has(status)) return { data, note: null };
  const judged = raw >= mastery ? "passed" : "failed";
  if (judged === status) return { data, note: null };
  return {
    data: { ...data, "cmi.core.lesson_status": judged },
    note: `mastery override at LMSFinish: lesson_status "${status}" → "${judged}" (score.raw ${raw} ${raw >= mastery ? "≥" : "<"} mastery_score ${mastery})`,
  };
}

/** A no-credit (or review/browse) session: status and score writes are accepted but not stored. */
export function keepJudgement(version: ScormVersion, data: FlatCmi, held: FlatCmi): { data: FlatCmi; note: string | null } {
  const out = { ...data };
  const dropped: string[] = [];
  for (const key of JUDGEMENT[version]) {
    const before = held[key] ?? "";
    if ((out[key] ?? "") !== before) dropped.push(`${key} "${out[key] ?? ""}"`);
    out[key] = before;
  }
  return { data: out, note: dropped.length === 0 ? null : `no-credit: not stored (accepted with error 0): ${dropped.join(", ")}` };
}

/** 1.2 cmi.core.entry as LMSs set it: "resume" after exit "suspend", "ab-initio" with nothing tracked yet, else "". */
export function entry12(data: FlatCmi | null): string {
  if (data === null) return "ab-initio";
  if (data["cmi.core.exit"] === "suspend") return "resume";
  const status = data["cmi.core.lesson_status"] ?? "";
  return status === "" || status === "not attempted" ? "ab-initio" : "";
}
