// Watch mode of `passmark preview <course folder>` (docs/preview.md "Watch mode"): every save in the
// course folder rebuilds the ONE target being previewed (the latest launch's, else the first) and
// tells the launch page over Server-Sent Events (GET /api/builds), which relaunches the course it
// shows; the other targets are out of date until their next launch builds them (ready()). One build
// at a time; saves during a build make one more. A failed build leaves the packages as they were
// and sends its problems, which the launch page shows instead of the course.
import type { ServerResponse } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_TARGETS, type CourseData, type TargetId } from "../../runtime/course/types";
import { UNIT_LIST_PATH, type UnitList } from "../../runtime/course/unit-list";
import { unitCourseDataPath } from "../../runtime/course/units";
import { CourseError } from "../course/loaded-course";
import { COURSE_JSON_PATH } from "../package/contents";
import { SerialRunner } from "../watch/serial-runner";
import { watchTree, type TreeWatcher } from "../watch/tree-watcher";
import type { PreviewLog } from "./event-log";
import type { PreparedCourse } from "./prepare";
import { rebuildTargets, unitResets, type BuiltUnits } from "./watch-rebuild";
import type { BuildCause, BuildStatus } from "./watch-protocol";

export interface PreviewWatchOptions {
  course: PreparedCourse;
  log: PreviewLog;
  /** The target being previewed now (the latest launch's), null before any launch. */
  previewed(): TargetId | null;
  /** Folders inside the course folder that are not its sources (the preview's working folder). */
  ignore(path: string): boolean;
  debounceMs?: number;
}

/** A failed build's problems, one readable line each, errors before warnings. */
export function problemLines(error: unknown): string[] {
  if (error instanceof CourseError) {
    const line = (p: CourseError["problems"][number]) => `${p.file}${p.path ? ` ${p.path}` : ""}: ${p.message}`;
    const errors = error.problems.filter((p) => p.severity === "error").map(line);
    const warnings = error.problems.filter((p) => p.severity !== "error").map((p) => `warning: ${line(p)}`);
    return [...errors, ...warnings];
  }
  return [error instanceof Error ? error.message : String(error)];
}

export class PreviewBuilds {
  private status: BuildStatus;
  /** Targets whose package is older than the latest save. */
  private readonly stale = new Set<TargetId>();
  private savedSinceRun = false;
  private readonly wanted = new Set<TargetId>();
  private readonly runner: SerialRunner;
  private readonly streams = new Set<ServerResponse>();
  private readonly listeners = new Set<(status: BuildStatus) => void>();
  private watcher: TreeWatcher | null = null;
  /** The course data of the latest good build (read from a served package at first). */
  private built: BuiltUnits | null;

  constructor(private readonly options: PreviewWatchOptions) {
    const { course } = options;
    this.status = {
      seq: 0,
      state: "built",
      cause: "start",
      targets: [...course.packages.keys()],
      title: course.title,
      problems: [],
      warnings: course.warnings,
      resets: [],
      ms: 0,
      at: new Date().toISOString(),
    };
    this.built = servedCourseData(course);
    // A failure the job did not turn into a status (it turns every one): still shown, never thrown.
    this.runner = new SerialRunner(
      () => this.run(),
      (error) => this.publish({ ...this.status, state: "failed", problems: problemLines(error), at: new Date().toISOString() }),
    );
  }

  /** Starts watching the course folder; `onProblem` hears of folders that cannot be watched. */
  watch(onProblem: (message: string) => void): void {
    this.watcher = watchTree(this.options.course.source, {
      ignore: this.options.ignore,
      onChange: () => void this.saved(),
      onProblem,
      ...(this.options.debounceMs === undefined ? {} : { debounceMs: this.options.debounceMs }),
    });
  }

  get current(): BuildStatus {
    return this.status;
  }

  /** Every status from now on (the CLI prints them); returns the unsubscribe. */
  onStatus(listener: (status: BuildStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A save in the course folder: every target is out of date, the one previewed is built now. */
  saved(): Promise<void> {
    for (const target of this.options.course.packages.keys()) this.stale.add(target);
    this.savedSinceRun = true;
    return this.runner.request();
  }

  /**
   * Before a launch of `target`: builds it if a save made it out of date. Resolves to null when the
   * launch may go ahead, or to the problems of the build that failed (the package is out of date).
   */
  async ready(target: TargetId): Promise<string[] | null> {
    if (!this.stale.has(target)) return null;
    this.wanted.add(target);
    await this.runner.request();
    if (!this.stale.has(target)) return null;
    return this.status.state === "failed" ? this.status.problems : ["the course was not rebuilt"];
  }

  /** GET /api/builds: the current status, then every change, as Server-Sent Events. */
  follow(response: ServerResponse): void {
    response.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive" });
    writeEvent(response, this.status);
    this.streams.add(response);
    response.on("close", () => this.streams.delete(response));
  }

  /** Stops watching, lets a build under way finish (it writes in the working folder), ends the streams. */
  async close(): Promise<void> {
    this.watcher?.close();
    this.watcher = null;
    await this.runner.idle();
    for (const response of this.streams) response.end();
    this.streams.clear();
    this.listeners.clear();
  }

  private async run(): Promise<void> {
    const { course, log } = this.options;
    const cause: BuildCause = this.savedSinceRun ? "save" : "launch";
    const wanted = new Set(this.wanted);
    this.wanted.clear();
    if (this.savedSinceRun) wanted.add(this.options.previewed() ?? [...course.packages.keys()][0]!);
    this.savedSinceRun = false;
    const targets = ALL_TARGETS.filter((t) => wanted.has(t) && this.stale.has(t));
    if (targets.length === 0) return;
    const started = performance.now();
    this.publish({ ...this.status, seq: this.status.seq + 1, state: "building", cause, targets, resets: [], ms: 0, at: new Date().toISOString() });
    let resets: string[];
    try {
      const data = await rebuildTargets(course, targets);
      resets = unitResets(this.built, data);
      this.built = data;
    } catch (error) {
      const problems = problemLines(error);
      const ms = Math.round(performance.now() - started);
      this.publish({ ...this.status, state: "failed", problems, ms, at: new Date().toISOString() });
      log.add({
        level: "error",
        kind: "note",
        target: null,
        sessionId: null,
        summary: `the course did not build (${problems.length} problem(s))`,
        detail: problems,
      });
      return;
    }
    for (const target of targets) this.stale.delete(target);
    const ms = Math.round(performance.now() - started);
    this.publish({ ...this.status, state: "built", title: course.title, problems: [], warnings: course.warnings, ms, at: new Date().toISOString() });
    log.add({
      level: "info",
      kind: "note",
      target: targets[0]!,
      sessionId: null,
      summary: `rebuilt ${targets.join(", ")} ${cause === "save" ? "after a save" : "before its launch"} (${ms} ms)`,
    });
  }

  private publish(status: BuildStatus): void {
    this.status = status;
    for (const response of this.streams) writeEvent(response, status);
    for (const listener of this.listeners) listener(status);
  }
}

/** The course data of the first package served, per unit (null when it cannot be read: no resets are told then). */
function servedCourseData(course: PreparedCourse): BuiltUnits | null {
  const first = course.packages.values().next().value;
  if (!first) return null;
  const read = <T>(path: string) => JSON.parse(readFileSync(join(first.root, path), "utf8")) as T;
  try {
    if (!existsSync(join(first.root, UNIT_LIST_PATH))) return new Map([["", read<CourseData>(COURSE_JSON_PATH)]]);
    return new Map(read<UnitList>(UNIT_LIST_PATH).units.map((u) => [u.id, read<CourseData>(unitCourseDataPath(u.id))]));
  } catch {
    return null;
  }
}

function writeEvent(response: ServerResponse, status: BuildStatus): void {
  response.write(`event: build\ndata: ${JSON.stringify(status)}\n\n`);
}
