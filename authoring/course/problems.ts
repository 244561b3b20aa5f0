// Collects CourseProblems while a course folder is loaded, so every mistake is reported at once.
import type { CourseProblem } from "./loaded-course";

/** JSON Pointer (RFC 6901) from path segments: pointer("pages", 0, "title") → "/pages/0/title". */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** A value as it appears in an error message: short JSON, or a kind for objects and arrays. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  if (value !== null && typeof value === "object") return `an object ${truncate(JSON.stringify(value))}`;
  return truncate(JSON.stringify(value));
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export class ProblemList {
  readonly all: CourseProblem[] = [];

  error(file: string, path: string, message: string, line?: number): void {
    this.all.push({ file, path, message, severity: "error", ...(line !== undefined ? { line } : {}) });
  }

  warning(file: string, path: string, message: string, line?: number): void {
    this.all.push({ file, path, message, severity: "warning", ...(line !== undefined ? { line } : {}) });
  }

  get errors(): CourseProblem[] {
    return this.all.filter((p) => p.severity === "error");
  }

  get warnings(): CourseProblem[] {
    return this.all.filter((p) => p.severity === "warning");
  }
}
