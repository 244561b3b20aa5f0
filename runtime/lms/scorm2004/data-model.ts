// SCORM 2004 (3rd/4th ed.) data model for one graded SCO (SCORM 2004 RTE data model, docs/rules/reporting.md "SCORM 2004").
import type { InteractionReport, Outcome } from "../../assessment/outcome";
import { parseLmsMastery } from "../../assessment/mastery";
import type { LaunchMode, LmsFacts } from "../driver";
import type { DataModelWrite, OutcomeWrites, ReadElement, ScormDataModel, StartData } from "../scorm-common/data-model";
import { iso8601Duration } from "../scorm-common/time-format";
import { SCORM2004_SUSPEND_DATA_MAX } from "../scorm-common/suspend-data";
import { scorm2004InteractionId, scorm2004InteractionWrites } from "./interactions";
import { parseHeldScore } from "../scorm-common/held-outcome";
import { Scorm2004TaskComments } from "./task-comments";
import { progressWrite, scorm2004Held, scorm2004OutcomeWrites, type Scorm2004Held } from "./outcome-writes";

export const SCORM2004_LOCATION_LIMIT = 1000;

function launchMode(value: string): LaunchMode {
  return value === "browse" || value === "review" ? value : "normal";
}

export class Scorm2004DataModel implements ScormDataModel {
  readonly standard = "scorm2004";
  readonly version = "2004";
  readonly suspendDataElement = "cmi.suspend_data";
  readonly locationElement = "cmi.location";
  readonly locationLimit = SCORM2004_LOCATION_LIMIT;
  readonly interactionsCountElement = "cmi.interactions._count";
  readonly interactionsChildrenElement = "cmi.interactions._children";
  readonly interactionIdsReadable = true;
  readonly commitBeforeFinish = false; // Terminate implies a commit; some LMSs fail a commit on unload
  /** What the LMS held at start: never lowered in this session (held-outcome.ts). */
  private held_: Scorm2004Held | null = null;
  private readonly comments_ = new Scorm2004TaskComments();

  readStart(read: ReadElement): StartData {
    const completion = read("cmi.completion_status");
    const success = read("cmi.success_status");
    const progress = parseHeldScore(read("cmi.progress_measure"));
    const scaled = parseHeldScore(read("cmi.score.scaled"));
    const heldScore = parseHeldScore(read("cmi.score.raw")) ?? (scaled === null ? null : scaled * 100);
    this.held_ = scorm2004Held(success, completion, heldScore, progress);
    const suspendData = read("cmi.suspend_data"); // "" with 403 on first launch = no saved state
    this.comments_.readStart(read);
    const mastery = parseLmsMastery(read("cmi.scaled_passing_score"), "fraction", "SCORM 2004 cmi.scaled_passing_score", true);
    const language = read("cmi.learner_preference.language").trim();
    const facts: LmsFacts = {
      standard: "scorm2004",
      launchMode: launchMode(read("cmi.mode")),
      credit: read("cmi.credit") !== "no-credit",
      masteryScore: mastery.score,
      warnings: mastery.warning ? [mastery.warning] : [],
      learner: { id: read("cmi.learner_id") || null, name: read("cmi.learner_name").trim() || null },
      languagePreference: language ? [language] : [],
      audioPreference: read("cmi.learner_preference.audio_level") === "0" ? "off" : null,
      resumeState: suspendData === "" ? null : suspendData,
      stateBudget: SCORM2004_SUSPEND_DATA_MAX,
      resumed: read("cmi.entry") === "resume",
    };
    const initialWrites: DataModelWrite[] = [];
    if (completion === "not attempted" || completion === "unknown" || completion === "") {
      initialWrites.push({ element: "cmi.completion_status", value: "incomplete", kind: "session" });
    }
    initialWrites.push({ element: "cmi.exit", value: "suspend", kind: "session" });
    return {
      facts,
      current: { "cmi.completion_status": completion, "cmi.success_status": success, "cmi.suspend_data": suspendData },
      initialWrites,
    };
  }

  outcomeWrites(outcome: Outcome, facts: LmsFacts, log: (message: string) => void): OutcomeWrites {
    return scorm2004OutcomeWrites(outcome, facts.masteryScore, log, this.held_);
  }

  progressWrites(progress: number): DataModelWrite[] {
    return [progressWrite(this.held_ ? this.held_.progress(progress) : progress)];
  }

  sessionTimeWrite(ms: number): DataModelWrite {
    return { element: "cmi.session_time", value: iso8601Duration(ms), kind: "session" };
  }

  interactionId(report: InteractionReport): string {
    return scorm2004InteractionId(report);
  }

  interactionWrites(report: InteractionReport, index: number, id: string, children: ReadonlySet<string>): DataModelWrite[] | null {
    return scorm2004InteractionWrites(report, index, id, children);
  }

  commentWrites(report: InteractionReport, log: (message: string) => void): DataModelWrite[] {
    return this.comments_.writes(report, log);
  }

  /** adl.nav.request to match cmi.exit, on an explicit exit (docs/rules/reporting.md "SCORM 2004"). */
  exitNavigation(done: boolean): DataModelWrite[] {
    return [{ element: "adl.nav.request", value: done ? "exitAll" : "suspendAll", kind: "session" }];
  }
}
