// SCORM 1.2 data model for one graded SCO (SCORM 1.2 RTE data model, docs/rules/reporting.md "SCORM 1.2").
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import { parseLmsMastery } from "../../assessment/mastery";
import type { ReportingOptions, Scorm12StatusMode } from "../../course/types";
import type { LaunchMode, LmsFacts } from "../driver";
import { isDone, type DataModelWrite, type OutcomeWrites, type ReadElement, type ScormDataModel, type StartData } from "../scorm-common/data-model";
import { scorm12Timespan, scormDecimal } from "../scorm-common/time-format";
import { SCORM12_SUSPEND_DATA_MAX } from "../scorm-common/suspend-data";
import { scorm12InteractionId, scorm12InteractionWrites } from "./interactions";
import { parseHeldScore } from "../scorm-common/held-outcome";
import { Scorm12TaskComments } from "./task-comments";
import { scorm12Held, scorm12Report, type Scorm12Held } from "./lesson-status";

export const SCORM12_LOCATION_LIMIT = 255;

function launchMode(value: string): LaunchMode {
  // Some LMSs leave lesson_mode "": treat as normal (docs/rules/lms.md §3).
  return value === "browse" || value === "review" ? value : "normal";
}

/** cmi.core.student_name is "Last, First": shown as "First Last". */
export function displayName(studentName: string): string | null {
  const name = studentName.trim();
  if (name === "") return null;
  const parts = name.split(",");
  return parts.length === 2 ? `${parts[1]!.trim()} ${parts[0]!.trim()}`.trim() : name;
}

export class Scorm12DataModel implements ScormDataModel {
  readonly standard = "scorm12";
  readonly version = "1.2";
  readonly suspendDataElement = "cmi.suspend_data";
  readonly locationElement = "cmi.core.lesson_location";
  readonly locationLimit = SCORM12_LOCATION_LIMIT;
  readonly interactionsCountElement = "cmi.interactions._count";
  readonly interactionsChildrenElement = "cmi.interactions._children";
  readonly interactionIdsReadable = false; // 1.2 interactions are write-only
  readonly commitBeforeFinish = true;
  /** The course's (reporting.scorm12.statusMode): given to the constructor or, later, to useReporting. */
  private statusMode_: Scorm12StatusMode | null;
  /** The status and score the LMS held at start (read before the course is known: ScormDriver.launch). */
  private start_: { lessonStatus: string; scoreRaw: number | null } | null = null;
  private heldCache_: Scorm12Held | null = null;
  private readonly comments_ = new Scorm12TaskComments();

  constructor(statusMode: Scorm12StatusMode | null = null) {
    this.statusMode_ = statusMode;
  }

  useReporting(reporting: ReportingOptions): void {
    this.statusMode_ = reporting.scorm12.statusMode;
  }

  private get mode_(): Scorm12StatusMode {
    if (this.statusMode_ === null) throw new Error("SCORM 1.2: the course's status mode was not given (ScormDriver.withReporting)");
    return this.statusMode_;
  }

  /** What the LMS held at start, read with the course's status mode: never lowered in this session (held-outcome.ts). */
  private get held_(): Scorm12Held | null {
    if (this.heldCache_ === null && this.start_ !== null) this.heldCache_ = scorm12Held(this.mode_, this.start_.lessonStatus, this.start_.scoreRaw);
    return this.heldCache_;
  }

  readStart(read: ReadElement): StartData {
    const lessonStatus = read("cmi.core.lesson_status");
    const suspendData = read("cmi.suspend_data");
    this.comments_.readStart(read);
    this.start_ = { lessonStatus, scoreRaw: parseHeldScore(read("cmi.core.score.raw")) };
    const mastery = parseLmsMastery(read("cmi.student_data.mastery_score"), "percent", "SCORM 1.2 cmi.student_data.mastery_score", true);
    const language = read("cmi.student_preference.language").trim();
    const facts: LmsFacts = {
      standard: "scorm12",
      launchMode: launchMode(read("cmi.core.lesson_mode")),
      credit: read("cmi.core.credit") !== "no-credit",
      masteryScore: mastery.score,
      warnings: mastery.warning ? [mastery.warning] : [],
      learner: { id: read("cmi.core.student_id") || null, name: displayName(read("cmi.core.student_name")) },
      languagePreference: language ? [language] : [],
      audioPreference: read("cmi.student_preference.audio") === "-1" ? "off" : null,
      resumeState: suspendData === "" ? null : suspendData,
      stateBudget: SCORM12_SUSPEND_DATA_MAX,
      resumed: read("cmi.core.entry") === "resume",
    };
    const initialWrites: DataModelWrite[] = [{ element: "cmi.core.exit", value: "suspend", kind: "session" }];
    // docs/rules/reporting.md: on first launch, a `not attempted` status becomes `incomplete`.
    if (lessonStatus === "not attempted" || lessonStatus === "") {
      initialWrites.unshift({ element: "cmi.core.lesson_status", value: "incomplete", kind: "session" });
    }
    const current = { "cmi.core.lesson_status": lessonStatus, "cmi.suspend_data": suspendData, "cmi.comments": this.comments_.current };
    return { facts, current, initialWrites };
  }

  outcomeWrites(outcome: Outcome, facts: LmsFacts, log: (message: string) => void): OutcomeWrites {
    const report = scorm12Report(outcome, this.mode_, facts.masteryScore, this.held_, log);
    if (report.warning) log(report.warning);
    const writes: DataModelWrite[] = [];
    if (report.scoreRaw !== null) {
      // Score before status (docs/rules/lms.md §3): some LMSs judge the status when it is written.
      writes.push(
        { element: "cmi.core.score.raw", value: scormDecimal(report.scoreRaw), kind: "outcome" },
        { element: "cmi.core.score.min", value: "0", kind: "detail" },
        { element: "cmi.core.score.max", value: "100", kind: "detail" },
      );
    }
    writes.push({ element: "cmi.core.lesson_status", value: report.lessonStatus, kind: "outcome" });
    // `suspend` unless the course is done, then "" — never `normal` (invalid in 1.2).
    writes.push({ element: "cmi.core.exit", value: isDone(outcome) ? "" : "suspend", kind: "session" });
    return { writes, heldUntilFinal: report.heldUntilFinal };
  }

  progressWrites(): DataModelWrite[] {
    return []; // 1.2 has no progress element
  }

  sessionTimeWrite(ms: number): DataModelWrite {
    return { element: "cmi.core.session_time", value: scorm12Timespan(ms), kind: "session" };
  }

  interactionId(report: InteractionReport): string {
    return scorm12InteractionId(report);
  }

  interactionWrites(report: InteractionReport, index: number, id: string, children: ReadonlySet<string>): DataModelWrite[] | null {
    return scorm12InteractionWrites(report, index, id, children);
  }

  commentWrites(report: InteractionReport, log: (message: string) => void): DataModelWrite[] {
    return this.comments_.writes(report, log);
  }

  exitNavigation(): DataModelWrite[] {
    return [];
  }
}
