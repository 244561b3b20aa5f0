// Shared helpers of the cmi5 driver tests: a real local LMS/LRS, a driver wired to Node's fetch with
// an in-memory sessionStorage and fake page events, and outcomes/interactions built by hand.
import XAPI, { type Statement } from "@xapi/xapi";
import { buildInteractionReport } from "../../runtime/assessment/interactions/report";
import type { InteractionReport, Outcome } from "../../runtime/assessment/outcome";
import type { QuestionData } from "../../runtime/course/types";
import { watchPageHide } from "../../runtime/app/page-hide";
import { Cmi5Driver, type Cmi5DriverOptions } from "../../runtime/lms/cmi5/driver";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startLocalLms, type LaunchOptions, type LocalLms } from "../../authoring/lrs";

export const AU_URL = "https://content.example.test/au/index.html?lang=en";
export const ACTIVITY_ID = "https://courses.example.test/safety/au/1";

export class FakeDocument extends EventTarget {
  visibilityState: "visible" | "hidden" = "visible";
  hide(): void {
    this.visibilityState = "hidden";
    this.dispatchEvent(new Event("visibilitychange"));
  }
}

export interface Page {
  window: EventTarget;
  document: FakeDocument;
  logs: { warn: string[]; error: string[] };
}

export function newPage(): Page {
  return { window: new EventTarget(), document: new FakeDocument(), logs: { warn: [], error: [] } };
}

export const FAST_TIMING = {
  // A safety net only (no test here relies on it firing): generous, so a busy machine never turns a
  // slow local answer into a "timeout" and an extra request.
  requestTimeoutMs: 5_000,
  retryBaseMs: 20,
  retryMaxMs: 200,
  authRetryMs: 100,
  progressIntervalMs: 50,
  stateIntervalMs: 0, // every saveState written at once here; coalescing has its own tests (state-coalescing.test.ts)
  launchRetries: 2,
};

/** A driver whose page events come from `page`, through the runtime's one page-lifecycle owner. */
export function newDriver(url: string, storage: MemorySessionStorage, page: Page, extra: Partial<Cmi5DriverOptions> = {}): Cmi5Driver {
  const driver = new Cmi5Driver({
    url,
    reporting: { interactions: true },
    sessionStorage: storage,
    logger: { warn: (m) => page.logs.warn.push(m), error: (m) => page.logs.error.push(m) },
    ...extra,
    timing: { ...FAST_TIMING, ...extra.timing },
  });
  watchPageHide(page.window as never, page.document, (unloading) => driver.pageHidden(unloading));
  return driver;
}

export function launch(lms: LocalLms, options: Partial<LaunchOptions> = {}) {
  return lms.launch({
    auUrl: AU_URL,
    activityId: ACTIVITY_ID,
    publisherId: "https://courses.example.test/safety/au-publisher-1",
    moveOn: "CompletedAndPassed",
    masteryScore: 0.8,
    returnURL: "https://lms.example.test/return?course=safety",
    ...options,
  });
}

export function outcome(partial: Partial<Outcome>): Outcome {
  return { progress: 0, completed: false, status: "notAttempted", score: null, final: false, hasAssessment: true, ...partial };
}

/** The engine's report of a single-choice question ("Which sign means stop?"), answered right or wrong. */
export function choiceReport(questionId: string, correct: boolean, attemptNumber = 1, prompt = `Question ${questionId}`): InteractionReport {
  const question: QuestionData = {
    kind: "question",
    id: questionId,
    prompt: { html: `<p>${prompt}</p>`, text: prompt },
    weight: 1,
    feedback: { correct: null, incorrect: null },
    type: "single-choice",
    choices: [
      { id: "red", text: "Red octagon" },
      { id: "green", text: "Green circle" },
    ],
    correct: "red",
  };
  const response = { type: "single-choice", choice: correct ? "red" : "green" };
  return buildInteractionReport(question, response, { attemptNumber, language: "en", latencyMs: 4_250, timestamp: Date.now() });
}

/** choiceReport with a long prompt: about 1.5 KB of text in the statement (its name and description). */
export function longPromptReport(questionId: string): InteractionReport {
  return choiceReport(questionId, true, 1, `A long prompt ${"x".repeat(750)}`);
}

/** Read the registration back through @xapi/xapi (the library, in Node), oldest first. */
export async function readBack(lms: LocalLms, registration: string): Promise<Statement[]> {
  const xapi = new XAPI({ endpoint: lms.endpoint, auth: lms.adminAuth, adapter: "fetch" });
  const response = await xapi.getStatements({ registration, ascending: true });
  return response.data.statements;
}

export function verbs(statements: readonly Statement[]): string[] {
  return statements.map((s) => s.verb.id.split("/").pop()!);
}

export async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What a test added to the local LMS's logs since it started (see useLocalLms). */
export interface LocalLmsMarks {
  newViolations(): LocalLms["violations"][number][];
  newRequests(): LocalLms["requests"][number][];
}

/**
 * One real local LMS/LRS (strict mode) for the whole test file: started before the first test,
 * closed after the last, faults cleared before each test. `onStart` hands the server to the file.
 */
export function useLocalLms(onStart: (lms: LocalLms) => void): LocalLmsMarks {
  let lms: LocalLms | undefined;
  let violationsBefore = 0;
  let requestsBefore = 0;
  beforeAll(async () => {
    lms = await startLocalLms();
    onStart(lms);
  });
  afterAll(async () => {
    await lms?.close();
  });
  beforeEach(() => {
    violationsBefore = lms!.violations.length;
    requestsBefore = lms!.requests.length;
    lms!.faults.clear();
  });
  return {
    newViolations: () => lms!.violations.slice(violationsBefore),
    newRequests: () => lms!.requests.slice(requestsBefore),
  };
}
