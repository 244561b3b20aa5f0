// The rule checker must accept what a correct AU sends and catch every violation it claims to.
import type { Statement } from "@xapi/xapi";
import { describe, expect, it } from "vitest";
import { checkCmi5Statement, type Cmi5SessionInfo } from "../../authoring/lrs";
import {
  buildAnswered,
  buildCompleted,
  buildFailed,
  buildInitialized,
  buildPassed,
  buildProgressed,
  buildTerminated,
  type StatementFrame,
} from "../../runtime/lms/cmi5/statements";
import { uuidV4 } from "../../runtime/lms/xapi/uuid";
import { choiceReport } from "./helpers";
import { xapiInteraction } from "../../runtime/lms/xapi/interaction";

const SESSION_ID = "0e5e2b1c-4a7d-4c1e-9d3e-2f1a0b9c8d7e";
const actor = { objectType: "Agent" as const, account: { homePage: "https://lms.example.test", name: "ada" } };
const session: Cmi5SessionInfo = {
  sessionId: SESSION_ID,
  registration: "5c2a1f0e-3b4d-4e6f-8a9b-0c1d2e3f4a5b",
  activityId: "https://lms.example.test/au/1",
  actor,
  contextTemplate: {
    contextActivities: { grouping: [{ objectType: "Activity", id: "https://publisher.example.test/au/1" }] },
    extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": SESSION_ID },
  },
  launchMode: "Normal",
  masteryScore: 0.8,
};
const T0 = Date.parse("2026-01-01T10:00:00.000Z");

function frame(offsetMs: number, info: Cmi5SessionInfo = session): StatementFrame {
  return {
    id: uuidV4(),
    timestamp: new Date(T0 + offsetMs).toISOString(),
    actor,
    activityId: info.activityId,
    registration: info.registration,
    contextTemplate: info.contextTemplate,
  };
}
const judge = (score: number | null, sessionMs: number) => ({ score, masteryScore: 0.8, sessionMs });

const initialized = buildInitialized(frame(0));
const completed = buildCompleted(frame(1_000), 1_000);
const passed = buildPassed(frame(2_000), judge(90, 2_000));
const history = [initialized, completed];

function rules(statement: Statement, previous: Statement[] = history, info: Cmi5SessionInfo | null = session): string[] {
  return checkCmi5Statement(statement, info, previous).map((v) => v.rule);
}
function mutate(statement: Statement, change: (s: Statement) => void): Statement {
  const copy = JSON.parse(JSON.stringify(statement)) as Statement;
  change(copy);
  return copy;
}

describe("cmi5 rule checker: a correct AU passes", () => {
  it("every statement our builders make for a full session is clean", () => {
    const sequence: Statement[] = [
      initialized,
      buildProgressed(frame(500), 0.4),
      buildAnswered(frame(600), choiceReport("q1", true), xapiInteraction(choiceReport("q1", true))!),
      completed,
      passed,
      buildTerminated(frame(3_000), 3_000),
    ];
    sequence.forEach((statement, index) => expect(rules(statement, sequence.slice(0, index))).toEqual([]));
  });

  it("Failed in one session and Passed in the next is legal", () => {
    const second: Cmi5SessionInfo = {
      ...session,
      sessionId: "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
      contextTemplate: {
        ...session.contextTemplate,
        extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d" },
      },
    };
    const s1 = [initialized, buildFailed(frame(1_000), judge(50, 1_000)), buildTerminated(frame(2_000), 2_000)];
    const init2 = buildInitialized(frame(10_000, second));
    expect(rules(init2, s1, second)).toEqual([]);
    expect(rules(buildPassed(frame(11_000, second), judge(95, 1_000)), [...s1, init2], second)).toEqual([]);
  });
});

describe("cmi5 rule checker: every violation it claims to catch", () => {
  const terminatedHistory = [...history, buildTerminated(frame(5_000), 5_000)];
  const cases: [string, Statement, Statement[]?, Cmi5SessionInfo?][] = [
    ["verb.lms-only", mutate(passed, (s) => (s.verb.id = "https://w3id.org/xapi/adl/verbs/satisfied"))],
    ["statement.id", mutate(passed, (s) => delete s.id)],
    ["statement.timestamp", mutate(passed, (s) => (s.timestamp = "yesterday"))],
    ["actor", mutate(passed, (s) => (s.actor = { objectType: "Agent", account: { homePage: "https://lms.example.test", name: "bob" } }))],
    ["context.registration", mutate(passed, (s) => (s.context!.registration = "1c2a1f0e-3b4d-4e6f-8a9b-0c1d2e3f4a5b"))],
    ["context.template-extension", mutate(passed, (s) => (s.context!.extensions!["https://w3id.org/xapi/cmi5/context/extensions/sessionid"] = "other"))],
    ["context.template-activities", mutate(passed, (s) => s.context!.contextActivities!.grouping!.unshift({ id: "https://mine.example.test" }))],
    [
      "category.cmi5-missing",
      mutate(
        passed,
        (s) => (s.context!.contextActivities!.category = s.context!.contextActivities!.category!.filter((c) => !c.id.endsWith("categories/cmi5"))),
      ),
    ],
    [
      "category.cmi5-on-allowed",
      mutate(
        buildProgressed(frame(1_500), 0.5),
        (s) => (s.context!.contextActivities = { ...s.context!.contextActivities, category: [{ id: "https://w3id.org/xapi/cmi5/context/categories/cmi5" }] }),
      ),
    ],
    [
      "category.moveon-missing",
      mutate(passed, (s) => (s.context!.contextActivities!.category = s.context!.contextActivities!.category!.filter((c) => !c.id.endsWith("moveon")))),
    ],
    [
      "category.moveon-forbidden",
      mutate(buildTerminated(frame(3_000), 3_000), (s) =>
        s.context!.contextActivities!.category!.push({ id: "https://w3id.org/xapi/cmi5/context/categories/moveon" }),
      ),
    ],
    [
      "context.list-not-array",
      mutate(passed, (s) => ((s.context!.contextActivities as Record<string, unknown>).grouping = { id: "https://publisher.example.test/au/1" })),
    ],
    ["object.id", mutate(passed, (s) => (s.object = { objectType: "Activity", id: "https://cmi5.xml/au/id" }))],
    ["result.score-forbidden", mutate(completed, (s) => (s.result!.score = { scaled: 1 }))],
    ["result.score.raw-integer", mutate(passed, (s) => (s.result!.score = { scaled: 0.905, raw: 90.5, min: 0, max: 100 }))],
    ["result.score.min-max", mutate(passed, (s) => (s.result!.score = { scaled: 0.9, raw: 90 }))],
    ["result.score.raw-range", mutate(passed, (s) => (s.result!.score = { scaled: 0.9, raw: 190, min: 0, max: 100 }))],
    ["9.3.4.0-2", mutate(passed, (s) => (s.result!.score = { scaled: 0.7 }))],
    ["9.3.5.0-2", buildFailed(frame(2_000), { score: 85, masteryScore: null, sessionMs: 2_000 })],
    ["result.success", mutate(passed, (s) => delete s.result!.success)],
    ["result.completion", mutate(passed, (s) => (s.result!.completion = true))],
    ["result.duration", mutate(passed, (s) => delete s.result!.duration)],
    ["context.masteryscore", mutate(passed, (s) => delete s.context!.extensions!["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"])],
    ["context.masteryscore-forbidden", mutate(completed, (s) => (s.context!.extensions!["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"] = 0.8))],
    [
      "result.progress-range",
      mutate(buildProgressed(frame(500), 0.5), (s) => (s.result!.extensions!["https://w3id.org/xapi/cmi5/result/extensions/progress"] = 50.5)),
      [initialized],
    ],
    [
      "result.progress-on-completed",
      mutate(buildCompleted(frame(1_000), 1_000), (s) => (s.result!.extensions = { "https://w3id.org/xapi/cmi5/result/extensions/progress": 100 })),
      [initialized],
    ],
    ["result.progress-after-completed", buildProgressed(frame(1_500), 1)],
    ["10.2.2.0-9", passed, history, { ...session, launchMode: "Browse" }],
    ["9.3.0.0-4", buildProgressed(frame(500), 0.5), []],
    ["9.3.0.0-4", mutate(buildInitialized(frame(-1)), () => undefined), [buildProgressed(frame(-5), 0.1)]],
    ["9.3.0.0-5", buildProgressed(frame(6_000), 0.1), terminatedHistory],
    ["9.3.0.0-5", buildTerminated(frame(1_500), 1_500), [...history, passed]],
    ["result.duration-terminated", buildTerminated(frame(60_000), 1_000)],
    ["9.3.0.0-2", buildInitialized(frame(1_500))],
    ["9.3.0.0-3", buildPassed(frame(3_000), judge(90, 3_000)), [initialized, buildFailed(frame(2_000), judge(50, 2_000))]],
    ["9.3.0.0-6", buildCompleted(frame(2_500), 2_500)],
    ["9.3.0.0-7", buildPassed(frame(3_000), judge(90, 3_000)), [...history, passed]],
    ["9.3.0.0-8", buildFailed(frame(3_000), judge(50, 3_000)), [...history, passed]],
  ];
  it.each(cases)("catches %s", (rule, statement, previous = history, info = session) => {
    expect(rules(statement, previous, info)).toContain(rule);
  });

  it("the AU names a sequence rule by its id only; the local LMS words it (section and message)", () => {
    const worded = (statement: Statement, previous: Statement[]) =>
      checkCmi5Statement(statement, session, previous)
        .filter((v) => v.rule === "9.3.0.0-5")
        .map((v) => `${v.rule} (${v.cite}): ${v.message}`);
    expect(worded(buildProgressed(frame(6_000), 0.1), terminatedHistory)).toEqual(["9.3.0.0-5 (cmi5 §9.3.8): progressed after Terminated"]);
    expect(worded(buildTerminated(frame(5_500), 5_500), [...terminatedHistory, buildProgressed(frame(6_000), 0.1)])).toEqual([
      "9.3.0.0-5 (cmi5 §9.3.8): terminated after Terminated",
      "9.3.0.0-5 (cmi5 §9.3.8): Terminated is not the last statement of the session",
    ]);
  });

  it("a statement of an unknown session is a violation", () => {
    expect(rules(passed, history, null)).toEqual(["context.session"]);
  });
});
