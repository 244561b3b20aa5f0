// What a SCORM LMS hands the SCO at the start of a session, from the facts the author picked and
// what the LMS kept from the learner's previous session (scorm-sco.md §3, reporting.md):
//   1.2:  everything kept; cmi.core.entry "resume" after exit "suspend", else "".
//   2004: after exit "suspend" the attempt goes on (entry "resume", data kept); any other exit
//         ended the attempt, so a new one starts from scratch (entry "ab-initio").
import type { ScormFacts } from "./protocol";

export type FlatCmi = Record<string, string>;

export interface SeedInput {
  version: "1.2" | "2004";
  facts: ScormFacts;
  learner: { id: string; name: string };
  /** The data model the LMS kept from the previous session (flattened), null on a first launch. */
  previous: FlatCmi | null;
}

/** Nested seed for scorm-again's loadFromJSON, and the same seed flattened. */
export function scormSeed(input: SeedInput): { seed: Record<string, unknown>; flat: FlatCmi } {
  const flat = input.version === "1.2" ? seed12(input) : seed2004(input);
  return { seed: nest(flat), flat };
}

function seed12({ facts, learner, previous }: SeedInput): FlatCmi {
  const flat: FlatCmi = {
    "cmi.core.student_id": learner.id,
    "cmi.core.student_name": learner.name,
    "cmi.core.credit": facts.credit ? "credit" : "no-credit",
    "cmi.core.lesson_mode": facts.mode,
    "cmi.core.entry": previous === null ? "ab-initio" : previous["cmi.core.exit"] === "suspend" ? "resume" : "",
    "cmi.student_data.mastery_score": facts.masteryScore === null ? "" : String(facts.masteryScore),
  };
  const keep = ["cmi.core.lesson_status", "cmi.core.lesson_location", "cmi.core.score.raw", "cmi.core.score.min", "cmi.core.score.max", "cmi.suspend_data"];
  for (const key of keep) {
    const value = previous?.[key];
    if (value !== undefined && value !== "") flat[key] = value;
  }
  flat["cmi.core.lesson_status"] = facts.previousStatus !== "stored" ? facts.previousStatus : (flat["cmi.core.lesson_status"] ?? "not attempted");
  return flat;
}

const STATUS_2004: Record<Exclude<ScormFacts["previousStatus"], "stored">, [string, string]> = {
  "not attempted": ["not attempted", "unknown"],
  incomplete: ["incomplete", "unknown"],
  completed: ["completed", "unknown"],
  passed: ["completed", "passed"],
  failed: ["completed", "failed"],
};

function seed2004({ facts, learner, previous }: SeedInput): FlatCmi {
  const resumes = previous !== null && previous["cmi.exit"] === "suspend";
  const flat: FlatCmi = {
    "cmi.learner_id": learner.id,
    "cmi.learner_name": learner.name,
    "cmi.credit": facts.credit ? "credit" : "no-credit",
    "cmi.mode": facts.mode,
    "cmi.entry": resumes ? "resume" : "ab-initio",
  };
  if (facts.masteryScore !== null) flat["cmi.scaled_passing_score"] = String(facts.masteryScore / 100);
  if (resumes) {
    const keep = ["cmi.completion_status", "cmi.success_status", "cmi.score.scaled", "cmi.score.raw", "cmi.score.min", "cmi.score.max", "cmi.progress_measure", "cmi.location", "cmi.suspend_data"];
    for (const key of keep) {
      const value = previous[key];
      if (value !== undefined && value !== "") flat[key] = value;
    }
  }
  if (facts.previousStatus !== "stored") {
    const [completion, success] = STATUS_2004[facts.previousStatus];
    flat["cmi.completion_status"] = completion;
    flat["cmi.success_status"] = success;
  }
  return flat;
}

/** { "cmi.core.lesson_status": "x" } → { core: { lesson_status: "x" } } (loadFromJSON takes the part under cmi). */
function nest(flat: FlatCmi): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".").slice(1);
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = value;
  }
  return root;
}

/** scorm-again's commit object ({ cmi: { core: {...} } }) flattened to "cmi.core.x" keys. */
export function flattenCmi(data: unknown): FlatCmi {
  const flat: FlatCmi = {};
  const walk = (value: unknown, path: string): void => {
    if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    } else flat[path] = value === undefined || value === null ? "" : String(value);
  };
  walk(data, "");
  return flat;
}
