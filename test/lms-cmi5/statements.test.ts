// Pure builders and parsers, one rule per test (cmi5 §9.5 result, §9.6 context, §8 launch).
import { describe, expect, it } from "vitest";
import validateXapi from "@learninglocker/xapi-validation";
import { buildContext } from "../../runtime/lms/cmi5/context";
import { parseCmi5LaunchParams } from "../../runtime/lms/cmi5/launch-params";
import { parseLaunchData, parseLearnerPreferences } from "../../runtime/lms/cmi5/launch-data";
import { failedDue, statementsForOutcome } from "../../runtime/lms/cmi5/reporting-policy";
import { afterStatement, EMPTY_SEQUENCE, mayFollow, type SequenceSoFar } from "../../runtime/lms/cmi5/sequence-rules";
import { VERB } from "../../runtime/lms/cmi5/vocabulary";
import { scoreForJudgement } from "../../runtime/lms/cmi5/score";
import { buildAnswered, buildPassed } from "../../runtime/lms/cmi5/statements";
import { isoDuration, parseIsoDuration } from "../../runtime/lms/xapi/duration";
import { isUuid, uuidV4 } from "../../runtime/lms/xapi/uuid";
import { choiceReport, outcome } from "./helpers";
import { xapiInteraction } from "../../runtime/lms/xapi/interaction";

describe("score on Passed/Failed (cmi5 §9.5.1)", () => {
  it.each([
    ["Passed, integer, at mastery", true, 80, 0.8, { scaled: 0.8, raw: 80, min: 0, max: 100 }],
    ["Passed, fraction → scaled only, no raw", true, 87.5, 0.8, { scaled: 0.875 }],
    ["Passed below mastery → no score", true, 79, 0.8, null],
    ["Failed below mastery", false, 79, 0.8, { scaled: 0.79, raw: 79, min: 0, max: 100 }],
    ["Failed at mastery → no score", false, 80, 0.8, null],
    ["no mastery: score kept", false, 95, null, { scaled: 0.95, raw: 95, min: 0, max: 100 }],
    ["null score → none, never 0", true, null, 0.8, null],
    ["binary noise: 57.5 vs 0.575", true, 57.5, 0.575, { scaled: 0.575 }],
    ["binary noise: 7 vs 0.07", true, 7, 0.07, { scaled: 0.07, raw: 7, min: 0, max: 100 }],
  ] as const)("%s", (_name, success, score, mastery, expected) => {
    expect(scoreForJudgement(success, score, mastery)).toEqual(expected);
  });
});

describe("context (cmi5 §9.6, §10)", () => {
  const template = {
    contextActivities: { grouping: { id: "https://pub.example.test/au" }, category: [{ id: "https://lms.example.test/cat" }] },
    extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1" },
  };
  it("keeps template entries first, lists as arrays, adds ours after, never mutates the template", () => {
    const before = JSON.stringify(template);
    const context = buildContext(template as never, "reg", { cmi5Category: true, moveOnCategory: true, masteryScore: 0.7 });
    expect(context.registration).toBe("reg");
    expect(context.contextActivities?.grouping).toEqual([{ id: "https://pub.example.test/au" }]);
    expect(context.contextActivities?.category?.map((c) => c.id)).toEqual([
      "https://lms.example.test/cat",
      "https://w3id.org/xapi/cmi5/context/categories/cmi5",
      "https://w3id.org/xapi/cmi5/context/categories/moveon",
    ]);
    expect(context.extensions).toEqual({ ...template.extensions, "https://w3id.org/xapi/cmi5/context/extensions/masteryscore": 0.7 });
    expect(JSON.stringify(template)).toBe(before);
  });
  it("an allowed statement gets no cmi5 category", () => {
    const context = buildContext(template as never, "reg", { cmi5Category: false, moveOnCategory: false, masteryScore: null });
    expect(context.contextActivities?.category?.map((c) => c.id)).toEqual(["https://lms.example.test/cat"]);
    expect(context.extensions).toEqual(template.extensions);
  });
});

describe("statements validate with @learninglocker/xapi-validation", () => {
  const frame = {
    id: uuidV4(),
    timestamp: "2026-01-01T10:00:00.000Z",
    actor: { objectType: "Agent" as const, account: { homePage: "https://lms.example.test", name: "ada" } },
    activityId: "https://lms.example.test/au/1",
    registration: uuidV4(),
    contextTemplate: { extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s" } },
  };
  it("Passed and answered are valid xAPI; answered's object is activityId/q/<question id>", () => {
    expect(validateXapi(buildPassed(frame, { score: 90, masteryScore: 0.8, sessionMs: 65_432 }))).toEqual([]);
    const answered = buildAnswered(frame, choiceReport("q-7", false), xapiInteraction(choiceReport("q-7", false))!);
    expect(validateXapi(answered)).toEqual([]);
    expect(answered.object).toMatchObject({ id: "https://lms.example.test/au/1/q/q-7" });
    expect(answered.result).toMatchObject({ response: "green", success: false, duration: "PT4.25S" });
  });
});

describe("reporting policy (docs/rules/reporting.md cmi5)", () => {
  // What may go is the sequence rules' decision (sequence-rules.ts): a session just initialized…
  const opened: SequenceSoFar = afterStatement({ ...EMPTY_SEQUENCE, launchMode: "Normal", masteryScore: 0.8 }, { verb: VERB.initialized, at: 0 });
  const none = (verb: string) => mayFollow(verb, opened);
  it("a failing, non-final outcome is deferred; final → Failed at once", () => {
    expect(statementsForOutcome(outcome({ status: "failed", score: 40 }), none)).toEqual([]);
    expect(failedDue(outcome({ status: "failed", score: 40 }), none)).toBe(true);
    expect(statementsForOutcome(outcome({ status: "unableToPass", score: 40, final: true }), none)).toEqual(["failed"]);
  });
  it("never a Failed after a Passed, never a second Passed or Completed in the registration", () => {
    const sent = (verb: string) => mayFollow(verb, { ...opened, completedAt: 0, passedAt: 0 }); // …of a registration already Completed and Passed
    expect(statementsForOutcome(outcome({ completed: true, status: "passed", score: 90, final: true }), sent)).toEqual([]);
    expect(statementsForOutcome(outcome({ status: "failed", score: 10, final: true }), sent)).toEqual([]);
    expect(failedDue(outcome({ status: "failed", score: 10 }), sent)).toBe(false);
  });
  it("one of Passed/Failed per session; nothing defined but Initialized/Terminated in Browse", () => {
    const failedHere = (verb: string) => mayFollow(verb, afterStatement(opened, { verb: VERB.failed, at: 10 }));
    expect(statementsForOutcome(outcome({ completed: true, status: "passed", score: 90, final: true }), failedHere)).toEqual(["completed"]);
    const browse = (verb: string) => mayFollow(verb, { ...opened, launchMode: "Browse" });
    expect(statementsForOutcome(outcome({ completed: true, status: "passed", score: 90, final: true }), browse)).toEqual([]);
    expect(failedDue(outcome({ status: "failed", score: 10 }), browse)).toBe(false);
  });
  it("a null score is no judgement", () => {
    expect(statementsForOutcome(outcome({ status: "unableToPass", score: null, final: true }), none)).toEqual([]);
    expect(failedDue(outcome({ status: "failed", score: null }), none)).toBe(false);
  });
});

describe("launch parameters and LaunchData", () => {
  const good = new URL("https://au.example.test/index.html?lang=fr");
  good.searchParams.set("endpoint", "https://lrs.example.test/xapi/");
  good.searchParams.set("fetch", "https://lms.example.test/fetch/abc");
  good.searchParams.set("actor", JSON.stringify({ objectType: "Agent", account: { homePage: "https://lms", name: "ada" } }));
  good.searchParams.set("registration", "5c2a1f0e-3b4d-4e6f-8a9b-0c1d2e3f4a5b");
  good.searchParams.set("activityId", "https://lms.example.test/au/1");
  it("parses the five parameters; the actor is kept exactly", () => {
    const params = parseCmi5LaunchParams(good.toString());
    expect(params.actor).toEqual({ objectType: "Agent", account: { homePage: "https://lms", name: "ada" } });
    expect(params.registration).toBe("5c2a1f0e-3b4d-4e6f-8a9b-0c1d2e3f4a5b");
  });
  it("an actor without an account is refused", () => {
    const url = new URL(good);
    url.searchParams.set("actor", JSON.stringify({ mbox: "mailto:a@b.c" }));
    expect(() => parseCmi5LaunchParams(url.toString())).toThrow(/account/);
  });
  it("LaunchData: bad launchMode or moveOn → cmi5-launch-data; masteryScore kept as given", () => {
    const base = { contextTemplate: {}, launchMode: "Normal", moveOn: "Passed", masteryScore: 0.65, returnURL: "https://lms/r" };
    expect(parseLaunchData(base)).toMatchObject({ masteryScore: 0.65, masteryScorePercent: 65, returnURL: "https://lms/r" });
    expect(() => parseLaunchData({ ...base, launchMode: "normal" })).toThrow(expect.objectContaining({ reason: "cmi5-launch-data" }));
    expect(() => parseLaunchData({ ...base, moveOn: "Whatever" })).toThrow(/moveOn/);
    expect(parseLaunchData({ ...base, masteryScore: 1.5 })).toMatchObject({ masteryScore: null, masteryScorePercent: null });
  });
  it("learner preferences: comma list, on/off", () => {
    expect(parseLearnerPreferences({ languagePreference: "en-US, fr", audioPreference: "on" })).toEqual({
      languagePreference: ["en-US", "fr"],
      audioPreference: "on",
    });
    expect(parseLearnerPreferences(null)).toEqual({ languagePreference: [], audioPreference: null });
  });
});

describe("ISO 8601 durations and UUIDs", () => {
  it.each([
    [0, "PT0S"],
    [4_250, "PT4.25S"],
    [61_000, "PT1M1S"],
    [3_723_500, "PT1H2M3.5S"],
  ])("%i ms → %s and back", (ms, text) => {
    expect(isoDuration(ms)).toBe(text);
    expect(parseIsoDuration(text)).toBe(ms);
  });
  it("malformed durations are refused", () => {
    expect(parseIsoDuration("PT")).toBeNull();
    expect(parseIsoDuration("1 hour")).toBeNull();
  });
  it("uuidV4 makes RFC 4122 v4 ids", () => {
    const ids = Array.from({ length: 100 }, () => uuidV4());
    expect(ids.every(isUuid)).toBe(true);
    expect(new Set(ids).size).toBe(100);
  });
});
