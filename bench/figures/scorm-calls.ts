// Figure 6 (issue 7): SCORM LMS API calls and commits per session for a 20-question pass, with the
// real drivers and the runtime's CourseSession against scorm-again (the LMS side) in Node.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Scorm12APIClass from "scorm-again/scorm12";
import type Scorm2004APIClass from "scorm-again/scorm2004";
import * as scorm12Module from "scorm-again/scorm12";
import * as scorm2004Module from "scorm-again/scorm2004";
import { loadCourse } from "../../authoring/course/load-course";
import { createLearnerState } from "../../runtime/assessment";
import { decodeState } from "../../runtime/assessment/codec/state-codec";
import { CourseSession } from "../../runtime/app/session";
import type { CourseData } from "../../runtime/course/types";
import type { LmsDriver } from "../../runtime/lms/driver";
import type { Scorm12Api, Scorm2004Api } from "../../runtime/lms/scorm-common/api-types";
import { createScorm12Driver } from "../../runtime/lms/scorm12/driver";
import { createScorm2004Driver } from "../../runtime/lms/scorm2004/driver";
import { correctResponse } from "../lib/answers";
import { generateCourse } from "../lib/course-generator";
import { count, row, type FigureResult, type ResultRow } from "../lib/report";
import * as stateCodec from "../../runtime/assessment/codec/state-codec";
import { codecAtHand } from "../../runtime/app/state-codec-loader";
import * as assessmentHalf from "../../runtime/app/assessment-half";
import { halfAtHand } from "../../runtime/app/assessment-half-loader";

// scorm-again's ESM build exports the classes by name while its types declare a default export.
const Scorm12API = (scorm12Module as unknown as { Scorm12API: typeof Scorm12APIClass }).Scorm12API;
const Scorm2004API = (scorm2004Module as unknown as { Scorm2004API: typeof Scorm2004APIClass }).Scorm2004API;

const QUESTIONS = 20;

/**
 * Counts every call made on `api`, by method name, and the redundant SetValue calls: a value the
 * element already held (the last value set to it, or read from it).
 */
function counted<T extends object>(api: T): { api: T; calls: Map<string, number>; redundant: string[] } {
  const calls = new Map<string, number>();
  const held = new Map<string, string>();
  const redundant: string[] = [];
  const wrapper = new Proxy(api, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== "function" || typeof key !== "string" || !/^(LMS)?[A-Z]/.test(key)) return value;
      return (...args: unknown[]) => {
        calls.set(key, (calls.get(key) ?? 0) + 1);
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        const [element, written] = args.map(String);
        if (/SetValue$/.test(key) && element !== undefined) {
          if (held.get(element) === written) redundant.push(element);
          held.set(element, written ?? "");
        } else if (/GetValue$/.test(key) && element !== undefined) held.set(element, String(result));
        return result;
      };
    },
  });
  return { api: wrapper, calls, redundant };
}

/** One learner session as the UI runs it: every page, one attempt all correct, submit, exit. */
async function passSession(course: CourseData, driver: LmsDriver): Promise<string> {
  const facts = await driver.start();
  let seed = 7;
  const session = new CourseSession(course, driver, facts, decodeState(facts.resumeState, course).state ?? createLearnerState(), {
    clock: { now: () => Date.now() },
    seed: () => seed++,
    codec: codecAtHand(stateCodec),
    half: halfAtHand(assessmentHalf),
    logger: { warn: () => undefined, error: () => undefined },
  });
  session.begin();
  for (const page of course.pages) session.visitPage(page.id);
  session.showAssessment();
  if (!session.startAttempt()) throw new Error("no attempt could start");
  for (const d of session.view().state.current?.draw.questions ?? []) session.answer(d.questionId, correctResponse(session.questions.get(d.questionId)!));
  const submitted = session.submit();
  await driver.checkpoint();
  await session.exit();
  return submitted?.result.status ?? "nothing submitted";
}

function callRows(
  label: string,
  calls: Map<string, number>,
  commitMethod: string,
  setMethod: string,
  getMethod: string,
  status: string,
  warnings: number,
  redundant: string[],
): ResultRow[] {
  const total = [...calls.values()].reduce((a, b) => a + b, 0);
  const detail = [...calls.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([m, n]) => `${m} ${n}`)
    .join(", ");
  if (status !== "passed") throw new Error(`${label}: the attempt was judged ${status}, expected passed`);
  return [
    row(`${label}: API calls per session`, total, "calls", count, undefined, detail),
    row(`${label}: ${setMethod} per session`, calls.get(setMethod) ?? 0, "calls", count, undefined, `${getMethod} ${calls.get(getMethod) ?? 0}`),
    row(`${label}: commits per session`, calls.get(commitMethod) ?? 0, "commits", count, undefined, `driver warnings: ${warnings}`),
    row(
      `${label}: redundant ${setMethod} (a value the element already held)`,
      redundant.length,
      "calls",
      count,
      { text: "0 (issue 14)", pass: redundant.length === 0 },
      redundant.length > 0 ? [...new Set(redundant)].join(", ") : undefined,
    ),
  ];
}

export async function scormCallsFigure(): Promise<FigureResult> {
  const dir = await mkdtemp(join(tmpdir(), "passmark-bench-scorm-"));
  try {
    await generateCourse(dir, { name: "scorm-calls", pages: 4, questions: QUESTIONS, mediaBytes: 0, mediaFiles: 0, attempts: 3 });
    const course = (await loadCourse(dir)).data;
    const lms12 = new Scorm12API({ mastery_override: false, logLevel: 5, autocommit: false });
    const api12 = counted(lms12 as unknown as Scorm12Api);
    const log12: string[] = [];
    const status12 = await passSession(
      course,
      createScorm12Driver(api12.api, course.reporting, { logger: { warn: (m) => log12.push(m), error: (m) => log12.push(m) } }),
    );
    const lms2004 = new Scorm2004API({ logLevel: 5, autocommit: false });
    const api2004 = counted(lms2004 as unknown as Scorm2004Api);
    const log2004: string[] = [];
    const status2004 = await passSession(
      course,
      createScorm2004Driver(api2004.api, course.reporting, { logger: { warn: (m) => log2004.push(m), error: (m) => log2004.push(m) } }),
    );
    for (const [label, log] of [
      ["SCORM 1.2", log12],
      ["SCORM 2004", log2004],
    ] as const) {
      for (const message of log) console.log(`   ${label} driver: ${message}`);
    }
    return {
      id: "scorm",
      title: `6. SCORM calls, ${QUESTIONS}-question pass`,
      rows: [
        ...callRows("SCORM 1.2", api12.calls, "LMSCommit", "LMSSetValue", "LMSGetValue", status12, log12.length, api12.redundant),
        ...callRows("SCORM 2004", api2004.calls, "Commit", "SetValue", "GetValue", status2004, log2004.length, api2004.redundant),
      ],
      method:
        `A generated course (4 pages, ${QUESTIONS} questions of every type), the real SCORM 1.2 / 2004 drivers and the runtime's CourseSession (the calls the UI makes: begin, every page, start attempt, ${QUESTIONS} correct answers, submit, exit) ` +
        "against scorm-again's Scorm12API / Scorm2004API in Node (autocommit off, so every commit is the driver's). Every call on the API object is counted, GetLastError included. No numeric target in issue 4: reported for regressions.",
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
