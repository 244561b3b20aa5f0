// What differs between SCORM 1.2 and 2004 for one graded SCO: element names, vocabularies, scales
// and formats. Each standard implements this in its own folder; ScormDriver does the rest.
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import type { ReportingOptions } from "../../course/types";
import type { LmsFacts } from "../driver";
import type { ScormVersion } from "./error-codes";
import type { WriteKind } from "./write-ledger";

export interface DataModelWrite {
  element: string;
  value: string;
  kind: WriteKind;
}

export interface OutcomeWrites {
  writes: DataModelWrite[];
  /** The score is held back on purpose until the result is final (DeliveryStatus.held "until-final"). */
  heldUntilFinal: boolean;
}

/** Read one element; "" when the LMS has no value or refuses the read. */
export type ReadElement = (element: string) => string;

export interface StartData {
  facts: LmsFacts;
  /** Values the LMS holds now (so identical writes are skipped). */
  current: Record<string, string>;
  /** Writes for a normal launch right after Initialize (first launch: status incomplete, exit suspend). */
  initialWrites: DataModelWrite[];
}

export interface ScormDataModel {
  readonly standard: "scorm12" | "scorm2004";
  readonly version: ScormVersion;
  readonly suspendDataElement: string;
  readonly locationElement: string;
  readonly locationLimit: number;
  readonly interactionsCountElement: string;
  readonly interactionsChildrenElement: string;
  /** 2004 interactions are readable: ids from earlier sessions can be read to keep ids unique. */
  readonly interactionIdsReadable: boolean;
  /** 1.2: Commit before Finish. 2004: Terminate implies a commit (docs/rules/lms.md §3). */
  readonly commitBeforeFinish: boolean;
  /** Reads only: needs no course data (ScormDriver.launch runs it before the course is loaded). */
  readStart(read: ReadElement): StartData;
  /** The course's reporting options, when the data model needs them to interpret what readStart read (1.2: the status mode). */
  useReporting?(reporting: ReportingOptions): void;
  /** Ordered writes for this outcome: score before status (docs/rules/reporting.md), and whether the score waits. */
  outcomeWrites(outcome: Outcome, facts: LmsFacts, log: (message: string) => void): OutcomeWrites;
  progressWrites(progress: number): DataModelWrite[];
  sessionTimeWrite(ms: number): DataModelWrite;
  /** An interaction id valid for this standard, derived from the report. */
  interactionId(report: InteractionReport): string;
  /** Writes for interaction `index` (id first, then type, then the rest), or null when not expressible. */
  interactionWrites(report: InteractionReport, index: number, id: string, children: ReadonlySet<string>): DataModelWrite[] | null;
  /** A rated task's rater and feedback for the LMS's comment element (docs/reporting.md "Rated tasks"); [] for anything else. */
  commentWrites(report: InteractionReport, log: (message: string) => void): DataModelWrite[];
  /** On an explicit exit: navigation request, if the standard has one (2004 adl.nav.request). */
  exitNavigation(done: boolean): DataModelWrite[];
}

/** Engine status → "this course is done": nothing more can change and the content is complete. */
export function isDone(outcome: Outcome): boolean {
  return outcome.completed && outcome.final;
}
