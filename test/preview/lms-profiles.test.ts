// The preview's LMS behaviours, rule by rule, on the LMS side (ScormStore in memory: launch → seed →
// commits stored as that LMS stores them → what it holds): Moodle's review lock per status, new
// attempts with empty data, 2004 exit "normal", no-credit writes, the 1.2 mastery override (Moodle vs
// ILIAS), the grade (highest score.raw; none without a score), ILIAS's _count 0 on every launch.
import { describe, expect, it } from "vitest";
import { LaunchRequestError, checkLaunchRequest } from "../../authoring/preview/launch-request";
import type { PackageInfo } from "../../authoring/preview/package-info";
import type { LmsProfileId, ScormFacts } from "../../authoring/preview/protocol";
import { scormView } from "../../authoring/preview/lms-view";
import { ScormStore, type ScormSessionRecord } from "../../authoring/preview/scorm-store";
import type { FlatCmi } from "../../authoring/preview/scorm-seed";
import type { TargetId } from "../../runtime/course/types";
import { Scorm12API, Scorm2004API } from "../lms-scorm/scorm-again";

type ScormTarget = Exclude<TargetId, "cmi5">;
const LEARNER = { id: "learner-1", name: "Learner, One" };
const FACTS: ScormFacts = { credit: true, mode: "normal", masteryScore: 80, previousStatus: "stored", commitFailures: 0 };

/** { "cmi.core.lesson_status": "x" } → { cmi: { core: { lesson_status: "x" } } }, the commit shape. */
function nested(flat: FlatCmi): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return root;
}

/** One LMS with one learner on one target: launches, and the SCO's commits. */
class Lms {
  readonly store = new ScormStore(null);
  private seq = 0;
  constructor(
    readonly profile: LmsProfileId,
    readonly target: ScormTarget,
  ) {}

  launch(options: { facts?: Partial<ScormFacts>; newAttempt?: boolean } = {}): ScormSessionRecord {
    this.seq = 0;
    return this.store.start({ id: crypto.randomUUID(), target: this.target, learner: LEARNER, facts: { ...FACTS, ...options.facts }, profile: this.profile, newAttempt: options.newAttempt ?? false });
  }

  /** The SCO's data model at this commit: the seed plus what it wrote. */
  commit(session: ScormSessionRecord, wrote: FlatCmi, options: { terminate?: boolean; scoWrote?: FlatCmi } = {}): string[] {
    const data = { ...(session.committed ?? session.seedFlat), ...wrote };
    return this.store.commit({ sessionId: session.id, seq: ++this.seq, terminate: options.terminate ?? false, data: nested(data), scoWrote: options.scoWrote }).notes;
  }

  holding() {
    return this.store.holding(LEARNER.id, this.target);
  }

  view() {
    return scormView(this.target, LEARNER.id, this.store.sessions(LEARNER.id, this.target), this.holding());
  }
}

const S12 = (status: string, extra: FlatCmi = {}): FlatCmi => ({ "cmi.core.lesson_status": status, "cmi.core.exit": "suspend", "cmi.suspend_data": "state-1", ...extra });

describe("moodle, SCORM 1.2: the stored status of the attempt decides the launch", () => {
  for (const status of ["completed", "passed", "failed"]) {
    it(`"${status}": review mode, no-credit, the old attempt's data loaded`, () => {
      const lms = new Lms("moodle", "scorm12");
      lms.commit(lms.launch({ facts: { masteryScore: null } }), S12(status, { "cmi.core.score.raw": "90" }), { terminate: true });
      const again = lms.launch();
      expect(again.seedFlat).toMatchObject({ "cmi.core.lesson_mode": "review", "cmi.core.credit": "no-credit", "cmi.core.lesson_status": status, "cmi.suspend_data": "state-1", "cmi.core.entry": "resume" });
      expect(again.attempt).toBe(1);
    });
  }

  for (const status of ["incomplete", "not attempted"]) {
    it(`"${status}": the same attempt resumes in normal mode with credit, entry resume, suspend_data kept`, () => {
      const lms = new Lms("moodle", "scorm12");
      lms.commit(lms.launch(), S12(status), { terminate: true });
      const again = lms.launch();
      expect(again.seedFlat).toMatchObject({ "cmi.core.lesson_mode": "normal", "cmi.core.credit": "credit", "cmi.core.entry": "resume", "cmi.suspend_data": "state-1" });
      expect(again.attempt).toBe(1);
    });
  }

  it("the first launch: attempt 1, entry ab-initio, not attempted", () => {
    const first = new Lms("moodle", "scorm12").launch();
    expect(first.attempt).toBe(1);
    expect(first.seedFlat).toMatchObject({ "cmi.core.entry": "ab-initio", "cmi.core.lesson_status": "not attempted", "cmi.core.lesson_mode": "normal" });
  });

  it("a new attempt after one that is over: a new attempt number with EMPTY data", () => {
    const lms = new Lms("moodle", "scorm12");
    lms.commit(lms.launch(), S12("failed", { "cmi.core.score.raw": "40", "cmi.core.lesson_location": "p3", "cmi.interactions.0.id": "q1" }), { terminate: true });
    const fresh = lms.launch({ newAttempt: true });
    expect(fresh.attempt).toBe(2);
    expect(fresh.seedFlat).toMatchObject({ "cmi.core.lesson_mode": "normal", "cmi.core.credit": "credit", "cmi.core.entry": "ab-initio", "cmi.core.lesson_status": "not attempted" });
    for (const key of ["cmi.suspend_data", "cmi.core.score.raw", "cmi.core.lesson_location", "cmi.interactions.0.id"]) expect(fresh.seedFlat, key).not.toHaveProperty(key);
    expect(lms.holding()).toMatchObject({ attempt: 2, attempts: [{ number: 1, score: 40 }, { number: 2, score: null }] });
  });

  it("asking for a new attempt while the attempt is open continues it (Moodle offers none)", () => {
    const lms = new Lms("moodle", "scorm12");
    lms.commit(lms.launch(), S12("incomplete"), { terminate: true });
    const again = lms.launch({ newAttempt: true });
    expect(again.attempt).toBe(1);
    expect(again.seedFlat["cmi.suspend_data"]).toBe("state-1");
    expect(again.launchNote).toMatch(/not over/);
  });

  it("the author's simulated previous status counts as the stored one", () => {
    const lms = new Lms("moodle", "scorm12");
    expect(lms.launch({ facts: { previousStatus: "passed" } }).seedFlat).toMatchObject({ "cmi.core.lesson_mode": "review", "cmi.core.credit": "no-credit" });
  });

  it("hands the attempt's interactions back on a resume (_count goes on from them)", () => {
    const lms = new Lms("moodle", "scorm12");
    lms.commit(lms.launch(), S12("incomplete", { "cmi.interactions.0.id": "q1", "cmi.interactions.0.result": "correct", "cmi.interactions.1.id": "q2" }), { terminate: true });
    const api = new Scorm12API({ mastery_override: false, logLevel: 5, autocommit: false });
    api.loadFromJSON(lms.launch().seed, "");
    api.LMSInitialize("");
    expect(api.LMSGetValue("cmi.interactions._count")).toBe("2");
  });
});

describe("moodle: review and no-credit writes are accepted but not stored", () => {
  it("1.2 review: status and score writes dropped, the attempt keeps its own", () => {
    const lms = new Lms("moodle", "scorm12");
    lms.commit(lms.launch(), S12("failed", { "cmi.core.score.raw": "40" }), { terminate: true });
    const review = lms.launch();
    const notes = lms.commit(review, { "cmi.core.lesson_status": "passed", "cmi.core.score.raw": "100" }, { terminate: true });
    expect(notes.join()).toMatch(/no-credit: not stored/);
    expect(review.committed).toMatchObject({ "cmi.core.lesson_status": "failed", "cmi.core.score.raw": "40" });
    expect(lms.holding()).toMatchObject({ status: "failed", grade: 40 });
  });

  it("2004 no-credit chosen by the author: completion, success and score writes dropped", () => {
    const lms = new Lms("moodle", "scorm2004-4");
    const session = lms.launch({ facts: { credit: false } });
    lms.commit(session, { "cmi.completion_status": "completed", "cmi.success_status": "passed", "cmi.score.scaled": "1", "cmi.score.raw": "100" });
    expect(lms.holding()).toMatchObject({ score: null, grade: null });
  });
});

describe("moodle, SCORM 2004", () => {
  const end = (lms: Lms, wrote: FlatCmi) => lms.commit(lms.launch(), { "cmi.exit": "suspend", "cmi.suspend_data": "s1", ...wrote }, { terminate: true, scoWrote: pickStatus(wrote) });

  for (const success of ["passed", "failed", "unknown"]) {
    it(`completion_status completed (success ${success}, not looked at): review, the old data loaded`, () => {
      const lms = new Lms("moodle", "scorm2004-4");
      end(lms, { "cmi.completion_status": "completed", "cmi.success_status": success });
      expect(lms.launch().seedFlat).toMatchObject({ "cmi.mode": "review", "cmi.credit": "no-credit", "cmi.entry": "resume", "cmi.suspend_data": "s1", "cmi.completion_status": "completed" });
    });
  }

  it("completion incomplete (even with success failed): the attempt resumes, normal, entry resume", () => {
    const lms = new Lms("moodle", "scorm2004-3");
    end(lms, { "cmi.completion_status": "incomplete", "cmi.success_status": "failed" });
    expect(lms.launch().seedFlat).toMatchObject({ "cmi.mode": "normal", "cmi.credit": "credit", "cmi.entry": "resume", "cmi.suspend_data": "s1" });
  });

  it("after exit normal: review mode with no stored data; a new attempt starts empty", () => {
    const lms = new Lms("moodle", "scorm2004-4");
    end(lms, { "cmi.completion_status": "incomplete", "cmi.exit": "normal", "cmi.score.raw": "50", "cmi.score.scaled": "0.5" });
    const review = lms.launch();
    expect(review.seedFlat).toMatchObject({ "cmi.mode": "review", "cmi.credit": "no-credit", "cmi.entry": "ab-initio" });
    for (const key of ["cmi.suspend_data", "cmi.completion_status", "cmi.score.raw"]) expect(review.seedFlat, key).not.toHaveProperty(key);
    const fresh = lms.launch({ newAttempt: true });
    expect(fresh.attempt).toBe(2);
    expect(fresh.seedFlat).toMatchObject({ "cmi.mode": "normal", "cmi.entry": "ab-initio" });
    expect(fresh.seedFlat).not.toHaveProperty("cmi.suspend_data");
  });

  it("seeds cmi.objectives.0.id = PRIMARYOBJ (scorm-again hands it to the SCO)", () => {
    const session = new Lms("moodle", "scorm2004-4").launch();
    expect(session.seedFlat["cmi.objectives.0.id"]).toBe("PRIMARYOBJ");
    const api = new Scorm2004API({ logLevel: 5, autocommit: false });
    api.loadFromJSON(session.seed, "");
    api.Initialize("");
    expect([api.GetValue("cmi.objectives._count"), api.GetValue("cmi.objectives.0.id")]).toEqual(["1", "PRIMARYOBJ"]);
  });

  it("does not apply scaled_passing_score: keeps the success_status the SCO wrote where scorm-again recomputed it", () => {
    for (const profile of ["moodle", "strict"] as const) {
      const lms = new Lms(profile, "scorm2004-4");
      // scorm-again at Terminate: score.scaled 0.7 < 0.8 → "failed"; the SCO had written "unknown".
      lms.commit(lms.launch(), { "cmi.success_status": "failed", "cmi.completion_status": "incomplete", "cmi.score.scaled": "0.7", "cmi.score.raw": "70" }, { terminate: true, scoWrote: { "cmi.success_status": "unknown", "cmi.completion_status": "incomplete" } });
      expect(lms.holding().status, profile).toBe(profile === "moodle" ? "incomplete / unknown" : "incomplete / failed");
    }
  });
});

const pickStatus = (wrote: FlatCmi): FlatCmi => Object.fromEntries(Object.entries(wrote).filter(([k]) => k === "cmi.completion_status" || k === "cmi.success_status"));

describe("the 1.2 mastery override at LMSFinish", () => {
  const finish = (lms: Lms, status: string, raw: string | null, terminate = true) =>
    lms.commit(lms.launch(), S12(status, raw === null ? {} : { "cmi.core.score.raw": raw }), { terminate });

  it("moodle: with mastery and score.raw, lesson_status becomes passed/failed by comparing them (incomplete too)", () => {
    const cases: [string, string, string][] = [["incomplete", "40", "failed"], ["incomplete", "85", "passed"], ["completed", "40", "failed"], ["passed", "70", "failed"], ["failed", "80", "passed"]];
    for (const [status, raw, after] of cases) {
      const lms = new Lms("moodle", "scorm12");
      const notes = finish(lms, status, raw);
      expect(lms.holding().status, `${status} + ${raw}`).toBe(after);
      expect(notes.join()).toMatch(/mastery override/);
    }
  });

  it("moodle: not without score.raw, not without a mastery score, not before LMSFinish", () => {
    const noScore = new Lms("moodle", "scorm12");
    finish(noScore, "incomplete", null);
    expect(noScore.holding().status).toBe("incomplete");
    const noMastery = new Lms("moodle", "scorm12");
    noMastery.commit(noMastery.launch({ facts: { masteryScore: null } }), S12("incomplete", { "cmi.core.score.raw": "40" }), { terminate: true });
    expect(noMastery.holding().status).toBe("incomplete");
    const midSession = new Lms("moodle", "scorm12");
    finish(midSession, "incomplete", "40", false);
    expect(midSession.holding().status).toBe("incomplete");
  });

  it("ilias: only completed is rewritten; incomplete is never changed", () => {
    const cases: [string, string, string][] = [["incomplete", "40", "incomplete"], ["incomplete", "85", "incomplete"], ["completed", "40", "failed"], ["completed", "85", "passed"], ["passed", "40", "passed"]];
    for (const [status, raw, after] of cases) {
      const lms = new Lms("ilias", "scorm12");
      finish(lms, status, raw);
      expect(lms.holding().status, `${status} + ${raw}`).toBe(after);
    }
  });

  it("strict: the preview's scorm-again runs without the override; the store keeps what was committed", () => {
    const lms = new Lms("strict", "scorm12");
    finish(lms, "incomplete", "40");
    expect(lms.holding().status).toBe("incomplete");
  });
});

describe("the grade each LMS records", () => {
  it("moodle: score.raw only, the highest attempt", () => {
    const lms = new Lms("moodle", "scorm12");
    lms.commit(lms.launch(), S12("failed", { "cmi.core.score.raw": "70" }), { terminate: true });
    lms.commit(lms.launch({ newAttempt: true }), S12("failed", { "cmi.core.score.raw": "55" }), { terminate: true });
    expect(lms.holding()).toMatchObject({ attempt: 2, score: 55, grade: 70 });
    expect(lms.holding().gradeText).toBe("70 (cmi.core.score.raw, highest of 2 attempts)");
    expect(lms.view()).toMatchObject({ profile: "moodle", grade: "70 (cmi.core.score.raw, highest of 2 attempts)", facts: { Attempt: "2 (scores 70, 55)", Mode: "normal, credit" } });
  });

  it("moodle: no score written → no grade at all (a failed status alone gives nothing)", () => {
    const lms = new Lms("moodle", "scorm12");
    lms.commit(lms.launch({ facts: { masteryScore: null } }), S12("failed"), { terminate: true });
    expect(lms.holding()).toMatchObject({ status: "failed", grade: null });
    expect(lms.view().grade).toMatch(/^none/);
  });

  it("moodle 2004: cmi.score.raw, else scaled × 100", () => {
    const raw = new Lms("moodle", "scorm2004-4");
    raw.commit(raw.launch(), { "cmi.score.raw": "62.5", "cmi.score.scaled": "0.6" });
    expect(raw.holding().grade).toBe(62.5);
    const scaled = new Lms("moodle", "scorm2004-4");
    scaled.commit(scaled.launch(), { "cmi.score.scaled": "0.875" });
    expect(scaled.holding().grade).toBe(87.5);
  });

  it("strict: the score the data model holds (2004: scaled × 100)", () => {
    const lms = new Lms("strict", "scorm2004-3");
    lms.commit(lms.launch(), { "cmi.score.scaled": "0.9", "cmi.score.raw": "85" });
    expect(lms.holding()).toMatchObject({ grade: 90 });
    expect(lms.view().grade).toBe("90 (cmi.score.scaled × 100, as the data model holds it)");
  });

  it("ilias: no grade; learning progress from lesson_status alone (incomplete stays in progress)", () => {
    const lms = new Lms("ilias", "scorm12");
    lms.commit(lms.launch(), S12("incomplete", { "cmi.core.score.raw": "40" }), { terminate: true });
    expect(lms.holding()).toMatchObject({ grade: null, score: 40, learningProgress: "in progress" });
    expect(lms.view()).toMatchObject({ grade: "no gradebook grade; score kept in tracking", facts: { "Learning progress": "in progress" } });
    lms.commit(lms.launch(), S12("passed", { "cmi.core.score.raw": "90" }), { terminate: true });
    expect(lms.holding().learningProgress).toBe("completed (passed)");
  });
});

describe("ilias, SCORM 1.2: no attempts, interactions not handed back", () => {
  it("a relaunch always continues the same data in normal mode with credit, whatever the status", () => {
    const lms = new Lms("ilias", "scorm12");
    lms.commit(lms.launch(), { "cmi.core.lesson_status": "failed", "cmi.core.exit": "", "cmi.suspend_data": "s1" }, { terminate: true });
    const again = lms.launch({ newAttempt: true });
    expect(again.attempt).toBe(1);
    expect(again.seedFlat).toMatchObject({ "cmi.core.lesson_mode": "normal", "cmi.core.credit": "credit", "cmi.core.entry": "", "cmi.suspend_data": "s1", "cmi.core.lesson_status": "failed" });
    lms.commit(again, { "cmi.core.exit": "suspend" }, { terminate: true });
    expect(lms.launch().seedFlat["cmi.core.entry"]).toBe("resume");
  });

  it("cmi.interactions._count is 0 on every launch; the store keeps old rows and shows those written over", () => {
    const lms = new Lms("ilias", "scorm12");
    const rows = (ids: string[]): FlatCmi => Object.fromEntries(ids.flatMap((id, n) => [[`cmi.interactions.${n}.id`, id], [`cmi.interactions.${n}.result`, "correct"]]));
    lms.commit(lms.launch(), S12("incomplete", rows(["a1", "a2", "a3"])), { terminate: true });
    const second = lms.launch();
    // The host page answers _count with this (0) while the rows stay in the store the SCO writes to.
    expect(second.interactionsCount).toBe(0);
    const api = new Scorm12API({ mastery_override: false, logLevel: 5, autocommit: false });
    api.loadFromJSON(second.seed, "");
    api.LMSInitialize("");
    expect(api.LMSGetValue("cmi.interactions._count")).toBe("3"); // kept in the store the SCO writes to
    // A SCO numbering from _count writes its rows at 0, 1 again.
    lms.commit(second, { ...rows(["a1", "a2", "a3"]), ...rows(["b1", "b2"]) }, { terminate: true });
    const held = lms.holding();
    expect(held.interactions.map((r) => [r.index, r.id, r.replaced])).toEqual([[0, "b1", "a1"], [1, "b2", "a2"], [2, "a3", null]]);
    expect(held.overwrittenInteractions).toBe(2);
    expect(lms.view().facts.Interactions).toBe("3 kept (2 overwritten by a later session)");
  });

  it("a SCO numbering from its own counter appends after the kept rows: nothing is written over", () => {
    const lms = new Lms("ilias", "scorm12");
    const rows = (ids: string[], from = 0): FlatCmi => Object.fromEntries(ids.flatMap((id, n) => [[`cmi.interactions.${from + n}.id`, id], [`cmi.interactions.${from + n}.result`, "correct"]]));
    lms.commit(lms.launch(), S12("incomplete", rows(["a1", "a2"])), { terminate: true });
    const second = lms.launch();
    lms.commit(second, { ...rows(["a1", "a2"]), ...rows(["b1"], 2) }, { terminate: true });
    const held = lms.holding();
    expect(held.interactions.map((r) => [r.index, r.id, r.session])).toEqual([[0, "a1", 1], [1, "a2", 1], [2, "b1", 2]]);
    expect(held.overwrittenInteractions).toBe(0);
  });
});

describe("launch requests name an LMS behaviour the target is covered by", () => {
  const pkg = (target: TargetId): PackageInfo => ({ target, root: "/x", title: "t", launchPath: "index.html", activityId: "a", moveOn: "Passed", masteryScore: 80 });
  const packages = new Map<TargetId, PackageInfo>((["cmi5", "scorm12", "scorm2004-4"] as const).map((t) => [t, pkg(t)]));

  it("accepts lms and newAttempt, refuses what does not fit with a message naming the field", () => {
    expect(checkLaunchRequest({ target: "scorm12", lms: "ilias", newAttempt: true }, packages)).toMatchObject({ lms: "ilias", newAttempt: true });
    expect(checkLaunchRequest({ target: "scorm12" }, packages)).toMatchObject({ lms: null, newAttempt: false });
    const refused: [unknown, RegExp][] = [
      [{ target: "scorm12", lms: "blackboard" }, /^lms: expected one of strict, moodle, ilias/],
      [{ target: "scorm12", lms: null }, /^lms: expected one of/],
      [{ target: "cmi5", lms: "moodle" }, /^lms: moodle covers SCORM 1\.2, SCORM 2004 3rd edition, SCORM 2004 4th edition, not cmi5/],
      [{ target: "scorm2004-4", lms: "ilias" }, /^lms: ilias covers SCORM 1\.2, not scorm2004-4/],
      [{ target: "scorm12", newAttempt: "yes" }, /^newAttempt: expected true or false/],
    ];
    for (const [body, message] of refused) {
      expect(() => checkLaunchRequest(body, packages)).toThrow(LaunchRequestError);
      expect(() => checkLaunchRequest(body, packages)).toThrow(message);
    }
  });
});

describe("the learner's comments are handed back on a resume (a SCO that appends reads what it wrote)", () => {
  const COMMENT_12 = "[observed, attempt 1] Grade 20/100. Rated by Ana Diaz (ana@example.org), 2027-01-15T08:00:07Z.";
  for (const profile of ["strict", "moodle"] as const) {
    it(`${profile}, 1.2: cmi.comments`, () => {
      const lms = new Lms(profile, "scorm12");
      lms.commit(lms.launch(), S12("incomplete", { "cmi.comments": COMMENT_12 }), { terminate: true });
      const api = new Scorm12API({ mastery_override: false, logLevel: 5, autocommit: false });
      api.loadFromJSON(lms.launch().seed, "");
      api.LMSInitialize("");
      expect(api.LMSGetValue("cmi.comments")).toBe(COMMENT_12);
    });

    it(`${profile}, 2004: cmi.comments_from_learner (_count goes on from them)`, () => {
      const lms = new Lms(profile, "scorm2004-4");
      const rows = { "cmi.comments_from_learner.0.comment": COMMENT_12, "cmi.comments_from_learner.0.location": "observed", "cmi.comments_from_learner.0.timestamp": "2027-01-15T08:00:07.000Z" };
      lms.commit(lms.launch(), { "cmi.exit": "suspend", "cmi.completion_status": "incomplete", "cmi.suspend_data": "s1", ...rows }, { terminate: true });
      const api = new Scorm2004API({ logLevel: 5, autocommit: false });
      api.loadFromJSON(lms.launch().seed, "");
      api.Initialize("");
      expect(api.GetValue("cmi.comments_from_learner._count")).toBe("1");
      expect([api.GetValue("cmi.comments_from_learner.0.comment"), api.GetValue("cmi.comments_from_learner.0.location")]).toEqual([COMMENT_12, "observed"]);
    });
  }

  it("strict 2004: not after an exit that ended the attempt (the next one starts from scratch)", () => {
    const lms = new Lms("strict", "scorm2004-4");
    lms.commit(lms.launch(), { "cmi.exit": "normal", "cmi.completion_status": "completed", "cmi.comments_from_learner.0.comment": COMMENT_12 }, { terminate: true });
    expect(Object.keys(lms.launch().seedFlat).filter((k) => k.startsWith("cmi.comments"))).toEqual([]);
  });
});
