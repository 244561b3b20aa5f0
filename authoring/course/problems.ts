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

/** Where a part of a file is, for the builders that see it as a whole (ProblemList.within). */
interface Scope {
  file: string;
  prefix: string;
  /** Paths the part takes from the whole (a unit's inherited reporting): not prefixed, and noted. */
  inherited: ReadonlyMap<string, string>;
}

export class ProblemList {
  /** `all` may be shared with the list this one was made from (within()). */
  constructor(
    readonly all: CourseProblem[] = [],
    private readonly scope: Scope | null = null,
  ) {}

  /**
   * The same list, for a part of `file` that the builders see as a whole course: a unit's
   * "/assessment/questions/0" is reported as "/units/2/assessment/questions/0" (prefix "/units/2").
   * `inherited`: paths whose value the part took from the whole course, reported where the author
   * wrote it ("/reporting/masteryScore") with the note appended to the message.
   */
  within(file: string, prefix: string, inherited: ReadonlyMap<string, string> = new Map()): ProblemList {
    return new ProblemList(this.all, { file, prefix: this.scope?.file === file ? this.scope.prefix + prefix : prefix, inherited });
  }

  error(file: string, path: string, message: string, line?: number): void {
    this.push(file, path, message, "error", line);
  }

  warning(file: string, path: string, message: string, line?: number): void {
    this.push(file, path, message, "warning", line);
  }

  private push(file: string, path: string, message: string, severity: CourseProblem["severity"], line: number | undefined): void {
    const scope = this.scope !== null && this.scope.file === file ? this.scope : null;
    const note = scope?.inherited.get(path);
    const place = scope === null ? path : note !== undefined ? path : scope.prefix + path;
    this.all.push({ file, path: place, message: note !== undefined ? `${message} (${note})` : message, severity, ...(line !== undefined ? { line } : {}) });
  }

  get errors(): CourseProblem[] {
    return this.all.filter((p) => p.severity === "error");
  }

  get warnings(): CourseProblem[] {
    return this.all.filter((p) => p.severity === "warning");
  }
}
