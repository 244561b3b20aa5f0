// One harness per driver for the contract suite (runtime/lms/driver.ts): each starts its driver
// against its real test LMS — cmi5 and xAPI Tin Can against the local LMS/LRS (authoring/lrs), SCORM 1.2 and 2004
// against scorm-again, standalone against in-memory storage — and counts, on the LMS side, what reached it.
import type { Statement } from "@xapi/xapi";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";
import type { LmsDriver, Standard } from "../../runtime/lms/driver";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import { Cmi5Driver } from "../../runtime/lms/cmi5/driver";
import type { FetchLike } from "../../runtime/lms/xapi/client";
import { createScorm12Driver } from "../../runtime/lms/scorm12/driver";
import { createScorm2004Driver } from "../../runtime/lms/scorm2004/driver";
import { StandaloneDriver, type StateStorage } from "../../runtime/lms/standalone/driver";
import { TincanDriver } from "../../runtime/lms/tincan/driver";
import { AU_URL, ACTIVITY_ID, FAST_TIMING } from "../lms-cmi5/helpers";
import { lms12, lms2004, logInto, reporting, stored, type RecordedCall } from "../lms-scorm/helpers";

export interface LaunchChoice {
  /** Browse is look-around; null from a harness whose standard has no such launch (standalone). */
  mode?: "normal" | "browse";
  interactions?: boolean;
}

/** One session of one learner's attempt. */
export interface Launched {
  driver: LmsDriver;
  /** The driver's log (warnings and errors). */
  logs: string[];
  /** Everything sent to the LMS side so far (HTTP requests, API writes, storage writes). */
  traffic(): number;
  /** Resolves once nothing sent is still on its way (cmi5 requests, keepalive ones included). */
  landed(): Promise<void>;
  /** Judgement and interaction records the LMS side holds for this attempt. */
  recorded(): { judgements: number; interactions: number };
}

/** One learner's attempt on one LMS: each launch() is the next session, started from what the LMS kept. */
export interface Enrolment {
  launch(choice?: LaunchChoice): Launched | null;
}

export interface Harness {
  standard: Standard;
  /** The standard has a look-around launch (browse) whose results the LMS does not keep. */
  browse: boolean;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  enrol(): Enrolment;
}

const JUDGEMENT_VERBS = new Set(["completed", "passed", "failed"]);

/** Node's fetch, counting every request as it leaves; `landed` waits for the answers. */
function countedFetch(): { fetch: FetchLike; started: () => number; landed: () => Promise<void> } {
  let started = 0;
  const inFlight = new Set<Promise<unknown>>();
  const counted: FetchLike = (url, init) => {
    started++;
    const answer = fetch(url, init);
    const tracked = answer.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(tracked);
    void tracked.then(() => inFlight.delete(tracked));
    return answer;
  };
  const landed = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  };
  return { fetch: counted, started: () => started, landed };
}

const TINCAN_LAUNCH_URL = "https://content.example.test/xapi/index.html";

function tincanHarness(): Harness {
  let lms: LocalLms | null = null;
  return {
    standard: "xapi",
    browse: false, // a Tin Can launch has no mode: every launch counts
    setUp: async () => void (lms = await startLocalLms()),
    tearDown: async () => void (await lms?.close()),
    enrol() {
      const server = lms!;
      let registration: string | null | undefined;
      return {
        launch(choice = {}) {
          if (choice.mode === "browse") return null;
          const launch = server.launchTincan({
            launchUrl: TINCAN_LAUNCH_URL,
            activityId: ACTIVITY_ID,
            ...(registration !== undefined ? { registration } : {}),
          });
          registration = launch.registration;
          const logs: string[] = [];
          const counted = countedFetch();
          const driver = new TincanDriver({
            url: launch.url,
            courseId: ACTIVITY_ID,
            fetch: counted.fetch,
            reporting: { interactions: choice.interactions ?? true },
            sessionStorage: new MemorySessionStorage(), // a new tab per launch
            logger: { warn: (m) => logs.push(m), error: (m) => logs.push(m) },
            timing: FAST_TIMING,
          });
          const verbs = (): string[] =>
            server.statements({ registration: launch.registration ?? undefined }).map((s: Statement) => s.verb.id.split("/").pop()!);
          return {
            driver,
            logs,
            traffic: counted.started,
            landed: counted.landed,
            recorded: () => ({
              judgements: verbs().filter((v) => JUDGEMENT_VERBS.has(v)).length,
              interactions: verbs().filter((v) => v === "answered").length,
            }),
          };
        },
      };
    },
  };
}

function cmi5Harness(): Harness {
  let lms: LocalLms | null = null;
  return {
    standard: "cmi5",
    browse: true,
    setUp: async () => void (lms = await startLocalLms()),
    tearDown: async () => void (await lms?.close()),
    enrol() {
      const server = lms!;
      let registration: string | undefined;
      return {
        launch(choice = {}) {
          const launch = server.launch({
            auUrl: AU_URL,
            activityId: ACTIVITY_ID,
            moveOn: "CompletedAndPassed",
            returnURL: "https://lms.example.test/return",
            launchMode: choice.mode === "browse" ? "Browse" : "Normal",
            learnerPreferences: { languagePreference: "fr-CA,en" },
            ...(registration ? { registration } : {}),
          });
          registration = launch.registration;
          const logs: string[] = [];
          // Every request the driver makes, counted as it leaves; `landed` waits for the answers.
          let started = 0;
          const inFlight = new Set<Promise<unknown>>();
          const fetchCounted: FetchLike = (url, init) => {
            started++;
            const answer = fetch(url, init);
            const tracked = answer.then(
              () => undefined,
              () => undefined,
            );
            inFlight.add(tracked);
            void tracked.then(() => inFlight.delete(tracked));
            return answer;
          };
          const landed = async (): Promise<void> => {
            while (inFlight.size > 0) await Promise.all([...inFlight]);
          };
          const driver = new Cmi5Driver({
            url: launch.url,
            fetch: fetchCounted,
            reporting: { interactions: choice.interactions ?? true },
            sessionStorage: new MemorySessionStorage(), // a new tab per launch
            logger: { warn: (m) => logs.push(m), error: (m) => logs.push(m) },
            timing: FAST_TIMING,
          });
          const verbs = (): string[] => server.statements({ registration: launch.registration }).map((s: Statement) => s.verb.id.split("/").pop()!);
          return {
            driver,
            logs,
            traffic: () => started,
            landed,
            recorded: () => ({
              judgements: verbs().filter((v) => JUDGEMENT_VERBS.has(v)).length,
              interactions: verbs().filter((v) => v === "answered").length,
            }),
          };
        },
      };
    },
  };
}

const SCORM_WRITE = /SetValue|Commit|Finish|Terminate|Initialize/;
const JUDGEMENT_ELEMENT = /lesson_status|success_status|completion_status|\.score\./;

function scormHarness(standard: "scorm12" | "scorm2004"): Harness {
  return {
    standard,
    browse: true,
    setUp: async () => undefined,
    tearDown: async () => undefined,
    enrol() {
      // The previous session's LMS: the next one starts from the suspend_data it kept, as an LMS would.
      let previous: { lms: Parameters<typeof stored>[0] } | null = null;
      return {
        launch(choice = {}) {
          const mode = choice.mode ?? "normal";
          const credit = mode === "normal" ? "credit" : "no-credit";
          const entry = previous === null ? "ab-initio" : "resume";
          const suspend = previous === null ? "" : (stored(previous.lms)["cmi.suspend_data"] ?? "");
          const lms =
            standard === "scorm12"
              ? lms12({
                  core: { entry, lesson_mode: mode, credit, student_id: "u1", student_name: "Lovelace, Ada" },
                  suspend_data: suspend,
                  student_preference: { language: "fr-CA" },
                })
              : lms2004({
                  entry,
                  mode,
                  credit,
                  learner_id: "u1",
                  learner_name: "Ada Lovelace",
                  suspend_data: suspend,
                  learner_preference: { language: "fr-CA" },
                });
          const logs: string[] = [];
          const options = { logger: logInto(logs) };
          const report = reporting("passed-incomplete", choice.interactions ?? true);
          const driver =
            standard === "scorm12"
              ? createScorm12Driver((lms as ReturnType<typeof lms12>).api, report, options)
              : createScorm2004Driver((lms as ReturnType<typeof lms2004>).api, report, options);
          previous = lms;
          const sets = (): RecordedCall[] => lms.calls.filter((c) => /SetValue$/.test(c.method));
          return {
            driver,
            logs,
            traffic: () => lms.calls.filter((c) => SCORM_WRITE.test(c.method)).length,
            landed: async () => undefined, // the SCORM API answers synchronously
            recorded: () => ({
              judgements: sets().filter((c) => JUDGEMENT_ELEMENT.test(c.args[0]!)).length,
              interactions: sets().filter((c) => /^cmi\.interactions\./.test(c.args[0]!)).length,
            }),
          };
        },
      };
    },
  };
}

class MemoryStorage implements StateStorage {
  readonly items = new Map<string, string>();
  writes = 0;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.writes++;
    this.items.set(key, value);
  }
}

function standaloneHarness(): Harness {
  return {
    standard: "standalone",
    browse: false, // no LMS, no browse launch
    setUp: async () => undefined,
    tearDown: async () => undefined,
    enrol() {
      const storage = new MemoryStorage();
      return {
        launch(choice = {}) {
          if (choice.mode === "browse") return null; // no LMS, no browse launch
          const logs: string[] = [];
          const driver = new StandaloneDriver({ courseId: "https://example.org/courses/contract", storage, languages: ["fr-CA", "en"], logger: logInto(logs) });
          return { driver, logs, traffic: () => storage.writes, landed: async () => undefined, recorded: () => ({ judgements: 0, interactions: 0 }) };
        },
      };
    },
  };
}

export const harnesses: Harness[] = [cmi5Harness(), tincanHarness(), scormHarness("scorm12"), scormHarness("scorm2004"), standaloneHarness()];
