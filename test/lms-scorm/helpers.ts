// Shared test fixtures: scorm-again as the LMS, a call recorder around its API, outcomes and
// InteractionReports built from questions by the engine, and a page whose visibilitychange/pagehide we can fire.
import { Scorm12API, Scorm2004API } from "./scorm-again";
import { buildInteractionReport } from "../../runtime/assessment/interactions/report";
import type { AssessmentStatus, InteractionReport, Outcome } from "../../runtime/assessment/outcome";
import type { QuestionData } from "../../runtime/course/types";
import type { ReportingOptions, Scorm12StatusMode } from "../../runtime/course/types";
import type { Scorm12Api, Scorm2004Api, ScormAnswer } from "../../runtime/lms/scorm-common/api-types";
import { watchPageHide, type PageHideEvent } from "../../runtime/app/page-hide";
import type { LmsDriver } from "../../runtime/lms/driver";
import type { Logger } from "../../runtime/lms/ports";

/** A logger that keeps every line, warning or error, in `lines`. */
export function logInto(lines: string[]): Logger {
  return { warn: (message) => void lines.push(message), error: (message) => void lines.push(message) };
}

/** A logger that keeps nothing. */
export const quiet: Logger = { warn: () => undefined, error: () => undefined };

export interface RecordedCall {
  method: string;
  args: string[];
  result: string;
}

/** Wrap an API so that every call is recorded (and can be made to throw: the LMS window closed). */
export function recorded<T extends object>(api: T): { api: T; calls: RecordedCall[]; vanish(): void } {
  const calls: RecordedCall[] = [];
  let gone = false;
  const wrapper: Record<string, unknown> = {};
  for (const method of Object.keys(METHOD_SETS).flatMap((k) => METHOD_SETS[k as keyof typeof METHOD_SETS])) {
    const target = (api as Record<string, unknown>)[method];
    if (typeof target !== "function") continue;
    wrapper[method] = (...args: string[]): ScormAnswer => {
      if (gone) throw new TypeError("Can't execute code from a freed script");
      const result = (target as (...a: string[]) => ScormAnswer).apply(api, args);
      calls.push({ method, args, result: String(result) });
      return result;
    };
  }
  return { api: wrapper as T, calls, vanish: () => (gone = true) };
}

const METHOD_SETS = {
  scorm12: ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"],
  scorm2004: ["Initialize", "Terminate", "GetValue", "SetValue", "Commit", "GetLastError", "GetErrorString", "GetDiagnostic"],
} as const;

/** A commit service that fails (docs/rules/lms.md §6) while `failing` is true. */
export function switchableCommit(): {
  httpService: { processHttpRequest(): { result: string; errorCode: number }; updateSettings(): void };
  fail(on: boolean): void;
  commits: number;
} {
  const state = { failing: false, commits: 0 };
  return {
    httpService: {
      processHttpRequest: () => {
        state.commits++;
        return state.failing ? { result: "false", errorCode: 391 } : { result: "true", errorCode: 0 };
      },
      updateSettings: () => undefined,
    },
    fail: (on: boolean) => (state.failing = on),
    get commits() {
      return state.commits;
    },
  };
}

export interface Lms12 {
  lms: Scorm12API;
  api: Scorm12Api;
  calls: RecordedCall[];
  vanish(): void;
}

export function lms12(seed: Record<string, unknown> = {}, settings: Record<string, unknown> = {}): Lms12 {
  const lms = new Scorm12API({ mastery_override: false, logLevel: 5, autocommit: false, ...settings });
  lms.loadFromJSON(seed, "");
  const wrapped = recorded(lms as unknown as Scorm12Api);
  return { lms, api: wrapped.api, calls: wrapped.calls, vanish: wrapped.vanish };
}

export interface Lms2004 {
  lms: Scorm2004API;
  api: Scorm2004Api;
  calls: RecordedCall[];
  vanish(): void;
}

export function lms2004(seed: Record<string, unknown> = {}, settings: Record<string, unknown> = {}): Lms2004 {
  const lms = new Scorm2004API({ logLevel: 5, autocommit: false, ...settings });
  lms.loadFromJSON(seed, "");
  const wrapped = recorded(lms as unknown as Scorm2004Api);
  return { lms, api: wrapped.api, calls: wrapped.calls, vanish: wrapped.vanish };
}

/** The LMS's stored data model, flattened: { "cmi.core.lesson_status": "passed", ... }. */
export function stored(lms: Scorm12API | Scorm2004API): Record<string, string> {
  const flat: Record<string, string> = {};
  const walk = (value: unknown, path: string): void => {
    if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    } else flat[path] = value === undefined || value === null ? "" : String(value);
  };
  walk(lms.renderCommitCMI(true), "");
  return flat;
}

export function reporting(statusMode: Scorm12StatusMode = "passed-incomplete", interactions = true): ReportingOptions {
  return {
    cmi5: { moveOn: "CompletedAndPassed", launchMethod: "AnyWindow" },
    masteryScore: null,
    scorm12: { statusMode },
    interactions,
  };
}

export function outcome(status: AssessmentStatus, score: number | null, over: Partial<Outcome> = {}): Outcome {
  const final = status === "passed" || status === "unableToPass";
  return { progress: 1, completed: status !== "notAttempted", status, score, final, hasAssessment: true, ...over };
}

export const notStarted: Outcome = { progress: 0, completed: false, status: "notAttempted", score: null, final: false, hasAssessment: true };

/** The engine's report of `question` answered with `response` (default: a true-false answered true), with fields overridden. */
export function interaction(
  questionId: string,
  over: Partial<InteractionReport> = {},
  question?: QuestionData,
  response: unknown = { type: "true-false", value: true },
): InteractionReport {
  const asked: QuestionData = question ?? {
    kind: "question",
    id: questionId,
    prompt: { html: `<p>Question ${questionId}</p>`, text: `Question ${questionId}` },
    weight: 1,
    feedback: { correct: null, incorrect: null },
    type: "true-false",
    answer: true,
  };
  const report = buildInteractionReport(asked, response, { attemptNumber: 1, language: "en", latencyMs: 12_340, timestamp: Date.UTC(2026, 0, 2, 3, 4, 5) });
  return { ...report, questionId, description: `Question ${questionId}`, ...over };
}

/** A page (window and document in one) whose lifecycle events the test fires. */
export class FakePage {
  document = { visibilityState: "visible" };
  get visibilityState(): string {
    return this.document.visibilityState;
  }
  /** Wire `driver` to this page the way the runtime does (runtime/app/page-hide.ts). */
  drive(driver: LmsDriver): LmsDriver {
    watchPageHide(this, this, (unloading) => driver.pageHidden(unloading));
    return driver;
  }
  private readonly listeners = new Map<string, Set<(event: PageHideEvent) => void>>();
  addEventListener(type: string, listener: (event: PageHideEvent) => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: (event: PageHideEvent) => void): void {
    this.listeners.get(type)?.delete(listener);
  }
  hide(): void {
    this.document.visibilityState = "hidden";
    for (const listener of this.listeners.get("visibilitychange") ?? []) listener({});
  }
  pagehide(persisted = false): void {
    for (const listener of this.listeners.get("pagehide") ?? []) listener({ persisted });
  }
}

/** Calls that change LMS data, in order: [method, element, value]. */
export function writes(calls: RecordedCall[]): string[][] {
  return calls.filter((c) => /SetValue|Commit|Finish|Terminate/.test(c.method)).map((c) => [c.method, ...c.args]);
}

/**
 * Every call made after the first Finish/Terminate (must be none). Reading the error of a Finish
 * that answered "false" is the only exception (the spec allows the error calls at any time).
 */
export function callsAfterFinish(calls: RecordedCall[]): RecordedCall[] {
  const at = calls.findIndex((c) => c.method === "LMSFinish" || c.method === "Terminate");
  if (at < 0) return [];
  const finishFailed = calls[at]!.result !== "true";
  return calls.slice(at + 1).filter((c) => !(finishFailed && /GetLastError|GetErrorString|GetDiagnostic/.test(c.method)));
}

/** Index in the call log of the first SetValue of `element` (−1 when never written). */
export function firstSet(calls: RecordedCall[], element: string): number {
  return calls.findIndex((c) => /SetValue$/.test(c.method) && c.args[0] === element);
}

/** Every value written to `element`, in order. */
export function valuesSet(calls: RecordedCall[], element: string): string[] {
  return calls.filter((c) => /SetValue$/.test(c.method) && c.args[0] === element).map((c) => c.args[1]!);
}
