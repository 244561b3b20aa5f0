// Shared helpers of the Tin Can driver tests: the real local LRS (authoring/lrs, Tin Can launches),
// a driver wired to Node's fetch with an in-memory sessionStorage, and the statement validator.
import validateXapi from "@learninglocker/xapi-validation";
import type { Statement } from "@xapi/xapi";
import { expect } from "vitest";
import type { LocalLms, TincanLaunchOptions } from "../../authoring/lrs";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import { TincanDriver, type TincanDriverOptions } from "../../runtime/lms/tincan/driver";
import { FAST_TIMING } from "../lms-cmi5/helpers";

export const LAUNCH_URL = "https://content.example.test/xapi/index.html";
export const COURSE_ID = "https://courses.example.test/fire-safety";

export function tincanLaunch(lms: LocalLms, options: Partial<TincanLaunchOptions> = {}) {
  return lms.launchTincan({ launchUrl: LAUNCH_URL, activityId: COURSE_ID, ...options });
}

export interface Logs {
  warn: string[];
  error: string[];
}

export function newTincanDriver(
  url: string,
  storage = new MemorySessionStorage(),
  logs: Logs = { warn: [], error: [] },
  extra: Partial<TincanDriverOptions> = {},
) {
  return new TincanDriver({
    url,
    courseId: COURSE_ID,
    reporting: { interactions: true },
    sessionStorage: storage,
    logger: { warn: (m) => logs.warn.push(m), error: (m) => logs.error.push(m) },
    ...extra,
    timing: { ...FAST_TIMING, ...extra.timing },
  });
}

export const verbs = (statements: Statement[]): string[] => statements.map((s) => s.verb.id.split("/").pop()!);

/** Every statement valid per @learninglocker/xapi-validation, and none carrying a cmi5 IRI. */
export function expectValidTincan(statements: Statement[]): void {
  expect(statements.length).toBeGreaterThan(0);
  for (const statement of statements) {
    expect(validateXapi(statement), JSON.stringify(statement)).toEqual([]);
    expect(JSON.stringify(statement)).not.toContain("w3id.org/xapi/cmi5");
  }
}
