// Pure statement builders, one per statement kind (house.md: builders separate from sending).
// Each returns a complete xAPI statement; ids and timestamps are handed in (assigned at creation).
import type { Assessor, InteractionReport } from "../../assessment/outcome";
import type { XapiInteraction } from "../xapi/interaction";
import { isoDuration } from "../xapi/duration";
import type { Activity, Agent, Context, Result, Statement } from "../xapi/types";
import { buildContext, type ContextAdditions } from "./context";
import { EXT_PROGRESS, EXT_TASK_RATING, VERB, type VerbName } from "./statement-vocabulary";
import { instructorAgent } from "./instructor";
import { scoreForJudgement } from "./score";
import { taskRatingExtension, taskScore } from "./task-result";

export interface StatementFrame {
  id: string;
  /** ISO 8601 UTC (cmi5 §9.7 timestamp). */
  timestamp: string;
  /** The launch actor, exactly as received (cmi5 §8.1). */
  actor: Agent;
  /** The launch activityId (cmi5 §9.4: object of every cmi5 defined statement). */
  activityId: string;
  registration: string;
  contextTemplate: Context;
}

export type Cmi5Statement = Statement & { id: string; timestamp: string };

const DEFINED: ContextAdditions = { cmi5Category: true, moveOnCategory: false, masteryScore: null };

function statement(frame: StatementFrame, verb: VerbName, object: Activity, context: Context, result?: Result): Cmi5Statement {
  const built: Cmi5Statement = {
    id: frame.id,
    timestamp: frame.timestamp,
    actor: frame.actor,
    verb: { id: VERB[verb], display: { "en-US": verb } },
    object,
    context,
  };
  if (result !== undefined) built.result = result;
  return built;
}

function auObject(frame: StatementFrame): Activity {
  return { objectType: "Activity", id: frame.activityId };
}

/** cmi5 §9.3.2: the first statement of a session. */
export function buildInitialized(frame: StatementFrame): Cmi5Statement {
  return statement(frame, "initialized", auObject(frame), buildContext(frame.contextTemplate, frame.registration, DEFINED));
}

/** cmi5 §9.3.3: completion true, duration required (§9.5.4.1), moveon category (§9.6.2.2). */
export function buildCompleted(frame: StatementFrame, sessionMs: number): Cmi5Statement {
  const context = buildContext(frame.contextTemplate, frame.registration, { ...DEFINED, moveOnCategory: true });
  return statement(frame, "completed", auObject(frame), context, { completion: true, duration: isoDuration(sessionMs) });
}

export interface JudgementInput {
  /** Assessment score 0..100 (null = no score: the verb goes without one). */
  score: number | null;
  /** LaunchData masteryScore as given (0..1), null when none. */
  masteryScore: number | null;
  sessionMs: number;
  /** The assessor of the attempt that gave the judgement (Outcome.assessor): context.instructor. */
  assessor?: Assessor | null;
}

/** cmi5 §9.3.4: success true; §9.5.1 score only when scaled ≥ masteryScore; §9.6.3.2 masteryscore extension. */
export function buildPassed(frame: StatementFrame, input: JudgementInput): Cmi5Statement {
  return judgement(frame, "passed", true, input);
}

/** cmi5 §9.3.5: success false; §9.5.1 score only when scaled < masteryScore. */
export function buildFailed(frame: StatementFrame, input: JudgementInput): Cmi5Statement {
  return judgement(frame, "failed", false, input);
}

function judgement(frame: StatementFrame, verb: "passed" | "failed", success: boolean, input: JudgementInput): Cmi5Statement {
  const context = buildContext(frame.contextTemplate, frame.registration, {
    cmi5Category: true,
    moveOnCategory: true,
    masteryScore: input.masteryScore,
    instructor: input.assessor ? instructorAgent(input.assessor) : null,
  });
  const result: Result = { success, duration: isoDuration(input.sessionMs) };
  const score = scoreForJudgement(success, input.score, input.masteryScore);
  if (score !== null) result.score = score;
  return statement(frame, verb, auObject(frame), context, result);
}

/** cmi5 §9.3.8: the last statement; duration = time since Initialized of this session (§9.5.4.1). */
export function buildTerminated(frame: StatementFrame, sessionMs: number): Cmi5Statement {
  const context = buildContext(frame.contextTemplate, frame.registration, DEFINED);
  return statement(frame, "terminated", auObject(frame), context, { duration: isoDuration(sessionMs) });
}

/** cmi5 allowed statement (§9.6.2.1: no cmi5 category) with the progress extension (§9.5.5.1), 0..100 integer. */
export function buildProgressed(frame: StatementFrame, progress: number): Cmi5Statement {
  const percent = Math.max(0, Math.min(100, Math.round(progress * 100)));
  const context = buildContext(frame.contextTemplate, frame.registration, { cmi5Category: false, moveOnCategory: false, masteryScore: null });
  return statement(frame, "progressed", auObject(frame), context, { extensions: { [EXT_PROGRESS]: percent } });
}

/** The object id of a question: the AU activityId + "/q/" + question id (docs/rules/interactions.md §2). */
export function questionActivityId(activityId: string, questionId: string): string {
  return `${activityId}/q/${encodeURIComponent(questionId)}`;
}

/**
 * The result of an `answered` statement (cmi5's and Tin Can's): the response and latency; a rated
 * task's grade and filled form, else the question's success and score.
 */
export function answeredResult(report: InteractionReport, xapi: XapiInteraction): Result {
  const result: Result = { response: xapi.response, duration: isoDuration(report.latencyMs) };
  const task = report.task ?? null;
  if (task) {
    const score = taskScore(task);
    if (score !== null) result.score = score;
    result.extensions = { [EXT_TASK_RATING]: taskRatingExtension(task) };
  } else {
    if (report.result !== "neutral") result.success = report.result === "correct";
    if (report.score !== null) {
      const scaled = Math.round(report.score * 1e4) / 1e6;
      result.score = Number.isInteger(report.score) ? { scaled, raw: report.score, min: 0, max: 100 } : { scaled };
    }
  }
  return result;
}

/**
 * cmi5 allowed `answered` statement (docs/rules/interactions.md §2) from the report's xAPI interaction
 * (lms/xapi/interaction.ts).
 * A rated task (docs/reporting.md "Rated tasks") has no success (a grade is not right or wrong), its
 * grade as the score, the filled form in EXT_TASK_RATING and its assessor as context.instructor.
 */
export function buildAnswered(frame: StatementFrame, report: InteractionReport, xapi: XapiInteraction): Cmi5Statement {
  const object: Activity = {
    objectType: "Activity",
    id: questionActivityId(frame.activityId, report.questionId),
    definition: xapi.definition,
  };
  const result = answeredResult(report, xapi);
  const task = report.task ?? null;
  const instructor = task?.rater.role === "assessor" ? instructorAgent(task.rater) : null;
  const context = buildContext(frame.contextTemplate, frame.registration, { cmi5Category: false, moveOnCategory: false, masteryScore: null, instructor });
  return statement(frame, "answered", object, context, result);
}
