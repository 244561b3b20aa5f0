// The preview's LMS behaviours on the LMS side, continued: the grade each LMS records (highest
// score.raw; none without a score), ILIAS's _count 0 on every launch, which launch requests a profile
// covers, the learner's comments handed back on a resume.
import { describe, expect, it } from "vitest";
import { LaunchRequestError, checkLaunchRequest } from "../../authoring/preview/launch-request";
import type { PackageInfo } from "../../authoring/preview/package-info";
import type { FlatCmi } from "../../authoring/preview/scorm-seed";
import type { TargetId } from "../../runtime/course/types";
import { Scorm12API, Scorm2004API } from "../lms-scorm/scorm-again";
import { Lms, S12 } from "./lms-profile-harness";

describe("the grade each LMS records", () => {
  it("moodle: score.raw only, the highest attempt", () => {
    const lms = new Lms("moodle", "scorm12");
    lms.commit(lms.launch(), S12("failed", { "cmi.core.score.raw": "70" }), { terminate: true });
    lms.commit(lms.launch({ newAttempt: true }), S12("failed", { "cmi.core.score.raw": "55" }), { terminate: true });
    expect(lms.holding()).toMatchObject({ attempt: 2, score: 55, grade: 70 });
    expect(lms.holding().gradeText).toBe("70 (cmi.core.score.raw, highest of 2 attempts)");
    expect(lms.view()).toMatchObject({
      profile: "moodle",
      grade: "70 (cmi.core.score.raw, highest of 2 attempts)",
      facts: { Attempt: "2 (scores 70, 55)", Mode: "normal, credit" },
    });
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
    expect(again.seedFlat).toMatchObject({
      "cmi.core.lesson_mode": "normal",
      "cmi.core.credit": "credit",
      "cmi.core.entry": "",
      "cmi.suspend_data": "s1",
      "cmi.core.lesson_status": "failed",
    });
    lms.commit(again, { "cmi.core.exit": "suspend" }, { terminate: true });
    expect(lms.launch().seedFlat["cmi.core.entry"]).toBe("resume");
  });

  it("cmi.interactions._count is 0 on every launch; the store keeps old rows and shows those written over", () => {
    const lms = new Lms("ilias", "scorm12");
    const rows = (ids: string[]): FlatCmi =>
      Object.fromEntries(
        ids.flatMap((id, n) => [
          [`cmi.interactions.${n}.id`, id],
          [`cmi.interactions.${n}.result`, "correct"],
        ]),
      );
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
    expect(held.interactions.map((r) => [r.index, r.id, r.replaced])).toEqual([
      [0, "b1", "a1"],
      [1, "b2", "a2"],
      [2, "a3", null],
    ]);
    expect(held.overwrittenInteractions).toBe(2);
    expect(lms.view().facts.Interactions).toBe("3 kept (2 overwritten by a later session)");
  });

  it("a SCO numbering from its own counter appends after the kept rows: nothing is written over", () => {
    const lms = new Lms("ilias", "scorm12");
    const rows = (ids: string[], from = 0): FlatCmi =>
      Object.fromEntries(
        ids.flatMap((id, n) => [
          [`cmi.interactions.${from + n}.id`, id],
          [`cmi.interactions.${from + n}.result`, "correct"],
        ]),
      );
    lms.commit(lms.launch(), S12("incomplete", rows(["a1", "a2"])), { terminate: true });
    const second = lms.launch();
    lms.commit(second, { ...rows(["a1", "a2"]), ...rows(["b1"], 2) }, { terminate: true });
    const held = lms.holding();
    expect(held.interactions.map((r) => [r.index, r.id, r.session])).toEqual([
      [0, "a1", 1],
      [1, "a2", 1],
      [2, "b1", 2],
    ]);
    expect(held.overwrittenInteractions).toBe(0);
  });
});

describe("launch requests name an LMS behaviour the target is covered by", () => {
  const pkg = (target: TargetId): PackageInfo => ({
    target,
    root: "/x",
    title: "t",
    launchPath: "index.html",
    activityId: "a",
    moveOn: "Passed",
    masteryScore: 80,
    units: [],
  });
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
      const rows = {
        "cmi.comments_from_learner.0.comment": COMMENT_12,
        "cmi.comments_from_learner.0.location": "observed",
        "cmi.comments_from_learner.0.timestamp": "2027-01-15T08:00:07.000Z",
      };
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
    lms.commit(
      lms.launch(),
      { "cmi.exit": "normal", "cmi.completion_status": "completed", "cmi.comments_from_learner.0.comment": COMMENT_12 },
      { terminate: true },
    );
    expect(Object.keys(lms.launch().seedFlat).filter((k) => k.startsWith("cmi.comments"))).toEqual([]);
  });
});
