// What a SCORM LMS hands the SCO at the start of a session: the learner, the facts the author picked
// (mastery score) and what the LMS behaviour decided (lms-profiles/): mode, credit, entry and the
// stored data handed back (SCORM 1.2 RTE 3.4, SCORM 2004 RTE 4.2).
import type { ScormFacts, ScormMode } from "./protocol";

export type FlatCmi = Record<string, string>;

export interface SeedInput {
  version: "1.2" | "2004";
  facts: ScormFacts;
  learner: { id: string; name: string };
  /** What the LMS behaviour decided for this launch. */
  plan: { mode: ScormMode; credit: boolean; entry: string; handed: FlatCmi };
}

/** Nested seed for scorm-again's loadFromJSON, and the same seed flattened. */
export function scormSeed(input: SeedInput): { seed: Record<string, unknown>; flat: FlatCmi } {
  const { version, facts, learner, plan } = input;
  const flat: FlatCmi =
    version === "1.2"
      ? {
          "cmi.core.student_id": learner.id,
          "cmi.core.student_name": learner.name,
          "cmi.core.credit": plan.credit ? "credit" : "no-credit",
          "cmi.core.lesson_mode": plan.mode,
          "cmi.core.entry": plan.entry,
          "cmi.student_data.mastery_score": facts.masteryScore === null ? "" : String(facts.masteryScore),
        }
      : {
          "cmi.learner_id": learner.id,
          "cmi.learner_name": learner.name,
          "cmi.credit": plan.credit ? "credit" : "no-credit",
          "cmi.mode": plan.mode,
          "cmi.entry": plan.entry,
        };
  if (version === "2004" && facts.masteryScore !== null) flat["cmi.scaled_passing_score"] = String(facts.masteryScore / 100);
  Object.assign(flat, plan.handed);
  return { seed: nest(flat), flat };
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
