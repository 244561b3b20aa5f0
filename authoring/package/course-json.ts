// course/course.json: the built CourseData as deterministic JSON (keys sorted at every level,
// arrays in order), so the same course always gives the same bytes.
import type { CourseData } from "../../runtime/course/types";

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function courseJson(data: CourseData): Buffer {
  return Buffer.from(JSON.stringify(sortKeys(data)) + "\n", "utf8");
}
