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
  /**
   * `scope`: problems found in `scope.file` get `scope.prefix` in front of their path (see within());
   * `all` may be shared with the list it was made from.
   */
  constructor(
    readonly all: CourseProblem[] = [],
    private readonly scope: { file: string; prefix: string } | null = null,
  ) {}

  /**
   * The same list, for a part of `file` that the builders see as a whole course: a unit's
   * "/assessment/questions/0" is reported as "/units/2/assessment/questions/0" (prefix "/units/2").
   */
  within(file: string, prefix: string): ProblemList {
    return new ProblemList(this.all, { file, prefix: this.scope?.file === file ? this.scope.prefix + prefix : prefix });
  }

  error(file: string, path: string, message: string, line?: number): void {
    this.all.push({ file, path: this.place(file, path), message, severity: "error", ...(line !== undefined ? { line } : {}) });
  }

  warning(file: string, path: string, message: string, line?: number): void {
    this.all.push({ file, path: this.place(file, path), message, severity: "warning", ...(line !== undefined ? { line } : {}) });
  }

  private place(file: string, path: string): string {
    return this.scope !== null && this.scope.file === file ? this.scope.prefix + path : path;
  }

  get errors(): CourseProblem[] {
    return this.all.filter((p) => p.severity === "error");
  }

  get warnings(): CourseProblem[] {
    return this.all.filter((p) => p.severity === "warning");
  }
}
