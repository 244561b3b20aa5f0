// The cmi5 sequence rules (runtime/lms/cmi5/sequence-rules.ts): what each one catches, the fold the
// local LMS and the AU share, and every requirement id we cite is one of ADL's.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { afterStatement, checkSequence, EMPTY_SEQUENCE, type SequenceSoFar, type SequenceStatement } from "../../runtime/lms/cmi5/sequence-rules";
import { VERB } from "../../runtime/lms/cmi5/vocabulary";

const requirements = createRequire(import.meta.url)("@cmi5/requirements") as Record<string, { txt: string }>;
const root = join(import.meta.dirname, "../..");

const start: SequenceSoFar = { ...EMPTY_SEQUENCE, launchMode: "Normal", masteryScore: 0.8 };
const at = (verb: string, ms: number, scaled?: number): SequenceStatement => ({ verb, at: ms, ...(scaled !== undefined ? { scaled } : {}) });
const fold = (statements: SequenceStatement[], from: SequenceSoFar = start) => statements.reduce(afterStatement, from);
const ids = (statement: SequenceStatement, soFar: SequenceSoFar) => checkSequence(statement, soFar);

describe("cmi5 sequence rules", () => {
  const opened = fold([at(VERB.initialized, 0), at(VERB.progressed, 10)]);

  it("a whole Normal session, one statement after the other, breaks none", () => {
    const session = [at(VERB.initialized, 0), at(VERB.answered, 5), at(VERB.completed, 10), at(VERB.passed, 20, 0.9), at(VERB.terminated, 30)];
    session.forEach((statement, index) => expect(ids(statement, fold(session.slice(0, index)))).toEqual([]));
  });

  it.each([
    ["9.3.0.0-4", at(VERB.progressed, 5), start],
    ["9.3.0.0-4", at(VERB.initialized, 20), opened],
    ["9.3.0.0-5", at(VERB.answered, 50), fold([at(VERB.terminated, 40)], opened)],
    ["9.3.0.0-5", at(VERB.terminated, 10), opened],
    ["9.3.0.0-2", at(VERB.completed, 50), fold([at(VERB.completed, 40)], { ...opened, completedAt: null })],
    ["9.3.0.0-3", at(VERB.passed, 50, 0.9), fold([at(VERB.failed, 40, 0.5)], opened)],
    ["9.3.0.0-6", at(VERB.completed, 50), { ...opened, completedAt: 0 }],
    ["9.3.0.0-7", at(VERB.passed, 50, 0.9), { ...opened, passedAt: 0 }],
    ["9.3.0.0-8", at(VERB.failed, 50, 0.5), { ...opened, passedAt: 0 }],
    ["10.2.2.0-9", at(VERB.completed, 50), { ...opened, launchMode: "Browse" as const }],
    ["10.2.2.0-11", at(VERB.failed, 50), { ...opened, launchMode: "Review" as const }],
    ["9.3.4.0-2", at(VERB.passed, 50, 0.7), opened],
    ["9.3.5.0-2", at(VERB.failed, 50, 0.8), opened],
  ])("catches %s", (id, statement, soFar) => {
    expect(ids(statement, soFar)).toContain(id);
  });

  it("a Failed in one session and a Passed in the next is legal; a Failed in several sessions too", () => {
    const nextSession: SequenceSoFar = { ...fold([at(VERB.initialized, 100)]), completedAt: null, passedAt: null };
    expect(ids(at(VERB.passed, 110, 0.9), nextSession)).toEqual([]);
    expect(ids(at(VERB.failed, 110, 0.5), nextSession)).toEqual([]);
  });

  it("order is by timestamp: a Failed timed before the registration's Passed is not 'after' it", () => {
    expect(ids(at(VERB.failed, 50, 0.5), { ...opened, passedAt: 60 })).toEqual([]);
  });

  it("allowed statements (answered, progressed) are only held to Initialized first and Terminated last", () => {
    const browse: SequenceSoFar = { ...fold([at(VERB.initialized, 0), at(VERB.progressed, 5)]), launchMode: "Browse" };
    expect(ids(at(VERB.progressed, 10), browse)).toEqual([]);
  });

  it("the fold keeps the earliest Completed and Passed and the session's first and last times", () => {
    const soFar = fold([at(VERB.initialized, 0), at(VERB.passed, 30, 0.9), at(VERB.completed, 20), at(VERB.answered, 40)]);
    expect(soFar).toMatchObject({ initializedAt: 0, firstAt: 0, lastAt: 40, completedAt: 20, passedAt: 30, terminatedAt: null });
    expect(soFar.definedVerbs).toEqual([VERB.initialized, VERB.passed, VERB.completed]);
  });
});

describe("cmi5 requirement ids", () => {
  const cited = (dir: string) =>
    readdirSync(join(root, dir))
      .filter((file) => file.endsWith(".ts"))
      .flatMap((file) => [...readFileSync(join(root, dir, file), "utf8").matchAll(/"(\d+\.\d+\.\d+\.\d+-\d+)"/g)].map((m) => m[1]!));

  it("every id the AU and the local LMS cite is in ADL's list (@cmi5/requirements)", () => {
    const ours = [...new Set([...cited("runtime/lms/cmi5"), ...cited("authoring/lrs")])];
    expect(ours.length).toBeGreaterThanOrEqual(11);
    expect(ours.filter((id) => requirements[id] === undefined)).toEqual([]);
  });

  it("the ids name the rules they are used for", () => {
    expect(requirements["9.3.0.0-4"]!.txt).toMatch(/Initialized.*first/);
    expect(requirements["9.3.0.0-5"]!.txt).toMatch(/Terminated.*last/);
    expect(requirements["9.3.0.0-8"]!.txt).toMatch(/Failed.*MUST NOT follow.*Passed/);
    expect(requirements["10.2.2.0-9"]!.txt).toMatch(/MUST NOT send other cmi5 defined statements \[for a Browse/);
  });
});
