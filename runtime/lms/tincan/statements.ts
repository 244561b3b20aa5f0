// Pure statement builders of the Tin Can driver (docs/xapi-target.md "Statements"): ADL verbs, no cmi5
// categories, no cmi5 session id, no masteryScore extension. Ids and timestamps are handed in.
import type { InteractionReport } from "../../assessment/outcome";
import { instructorAgent } from "../cmi5/instructor";
import { answeredResult, questionActivityId } from "../cmi5/statements";
import { isoDuration } from "../xapi/duration";
import type { XapiInteraction } from "../xapi/interaction";
import type { Activity, Agent, Context, Result, ResultScore, Statement } from "../xapi/types";

export const TINCAN_VERB = {
  attempted: "http://adlnet.gov/expapi/verbs/attempted",
  initialized: "http://adlnet.gov/expapi/verbs/initialized",
  answered: "http://adlnet.gov/expapi/verbs/answered",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  passed: "http://adlnet.gov/expapi/verbs/passed",
  failed: "http://adlnet.gov/expapi/verbs/failed",
  terminated: "http://adlnet.gov/expapi/verbs/terminated",
} as const;

export type TincanVerb = keyof typeof TINCAN_VERB;
export type TincanStatement = Statement & { id: string; timestamp: string };

export interface TincanFrame {
  id: string;
  timestamp: string;
  actor: Agent;
  activityId: string;
  registration: string | null;
}

function context(frame: TincanFrame, extra: Partial<Context> = {}): Context | undefined {
  const built: Context = { ...(frame.registration !== null ? { registration: frame.registration } : {}), ...extra };
  return Object.keys(built).length > 0 ? built : undefined;
}

function statement(frame: TincanFrame, verb: TincanVerb, object: Activity, result?: Result, ctx = context(frame)): TincanStatement {
  const built: TincanStatement = {
    id: frame.id,
    timestamp: frame.timestamp,
    actor: frame.actor,
    verb: { id: TINCAN_VERB[verb], display: { "en-US": verb } },
    object,
  };
  if (ctx !== undefined) built.context = ctx;
  if (result !== undefined) built.result = result;
  return built;
}

function activity(frame: TincanFrame): Activity {
  return { objectType: "Activity", id: frame.activityId };
}

/** The first session of an attempt (no State document yet). */
export function buildAttempted(frame: TincanFrame): TincanStatement {
  return statement(frame, "attempted", activity(frame));
}

/** Every session's first statement. */
export function buildInitialized(frame: TincanFrame): TincanStatement {
  return statement(frame, "initialized", activity(frame));
}

export function buildCompleted(frame: TincanFrame, sessionMs: number): TincanStatement {
  return statement(frame, "completed", activity(frame), { completion: true, duration: isoDuration(sessionMs) });
}

export interface TincanJudgement {
  /** 0..100, null: the verb goes without a score (never 0 instead). */
  score: number | null;
  completed: boolean;
  sessionMs: number;
  assessor?: { name: string; id: string } | null;
}

/** result.score on 0..100: scaled, raw (the score itself), min 0, max 100. */
export function scoreOf(score: number | null): ResultScore | null {
  if (score === null || !Number.isFinite(score) || score < 0 || score > 100) return null;
  return { scaled: Math.round(score * 1e4) / 1e6, raw: score, min: 0, max: 100 };
}

export function buildJudgement(frame: TincanFrame, verb: "passed" | "failed", input: TincanJudgement): TincanStatement {
  const result: Result = { success: verb === "passed", completion: input.completed, duration: isoDuration(input.sessionMs) };
  const score = scoreOf(input.score);
  if (score !== null) result.score = score;
  const ctx = context(frame, input.assessor ? { instructor: instructorAgent(input.assessor) } : {});
  return statement(frame, verb, activity(frame), result, ctx);
}

/** The session's last statement; duration since this session's start. */
export function buildTerminated(frame: TincanFrame, sessionMs: number): TincanStatement {
  return statement(frame, "terminated", activity(frame), { duration: isoDuration(sessionMs) });
}

/**
 * `answered` with the same interaction definition as cmi5 (lms/xapi/interaction.ts); the question's
 * activity is a child of the launched activity (context.contextActivities.parent).
 */
export function buildAnswered(frame: TincanFrame, report: InteractionReport, xapi: XapiInteraction): TincanStatement {
  const object: Activity = { objectType: "Activity", id: questionActivityId(frame.activityId, report.questionId), definition: xapi.definition };
  const result = answeredResult(report, xapi);
  const task = report.task ?? null;
  const extra: Partial<Context> = { contextActivities: { parent: [activity(frame)] } };
  if (task?.rater.role === "assessor") extra.instructor = instructorAgent(task.rater);
  return statement(frame, "answered", object, result, context(frame, extra));
}
