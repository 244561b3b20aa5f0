// The preview's LMS behaviours, rule by rule, on the LMS side (ScormStore in memory: launch → seed →
// commits stored as that LMS stores them → what it holds): Moodle's review lock per status, new
// attempts with empty data, 2004 exit "normal", no-credit writes, the 1.2 mastery override (Moodle vs
// ILIAS). The grade each LMS records and ILIAS's habits: lms-profiles-grade.test.ts.
import { describe, expect, it } from "vitest";
import { ScormStore } from "../../authoring/preview/scorm-store";
import type { FlatCmi } from "../../authoring/preview/scorm-seed";
import { Scorm12API, Scorm2004API } from "../lms-scorm/scorm-again";
import { Lms, S12 } from "./lms-profile-harness";

describe("moodle, SCORM 1.2: the stored status of the attempt decides the launch", () => {
  for (const status of ["completed", "passed", "failed"]) {
    it(`"${status}": review mode, no-credit, the old attempt's data loaded`, () => {
      const lms = new Lms("moodle", "scorm12");
      lms.commit(lms.launch({ facts: { masteryScore: null } }), S12(status, { "cmi.core.score.raw": "90" }), { terminate: true });
      const again = lms.launch();
      expect(again.seedFlat).toMatchObject({
        "cmi.core.lesson_mode": "review",
        "cmi.core.credit": "no-credit",
        "cmi.core.lesson_status": status,
        "cmi.suspend_data": "state-1",
        "cmi.core.entry": "resume",
      });
      expect(again.attempt).toBe(1);
    });
  }

  for (const status of ["incomplete", "not attempted"]) {
    it(`"${status}": the same attempt resumes in normal mode with credit, entry resume, suspend_data kept`, () => {
      const lms = new Lms("moodle", "scorm12");
      lms.commit(lms.launch(), S12(status), { terminate: true });
      const again = lms.launch();
      expect(again.seedFlat).toMatchObject({
        "cmi.core.lesson_mode": "normal",
        "cmi.core.credit": "credit",
        "cmi.core.entry": "resume",
        "cmi.suspend_data": "state-1",
      });
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
    lms.commit(lms.launch(), S12("failed", { "cmi.core.score.raw": "40", "cmi.core.lesson_location": "p3", "cmi.interactions.0.id": "q1" }), {
      terminate: true,
    });
    const fresh = lms.launch({ newAttempt: true });
    expect(fresh.attempt).toBe(2);
    expect(fresh.seedFlat).toMatchObject({
      "cmi.core.lesson_mode": "normal",
      "cmi.core.credit": "credit",
      "cmi.core.entry": "ab-initio",
      "cmi.core.lesson_status": "not attempted",
    });
    for (const key of ["cmi.suspend_data", "cmi.core.score.raw", "cmi.core.lesson_location", "cmi.interactions.0.id"])
      expect(fresh.seedFlat, key).not.toHaveProperty(key);
    expect(lms.holding()).toMatchObject({
      attempt: 2,
      attempts: [
        { number: 1, score: 40 },
        { number: 2, score: null },
      ],
    });
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
    lms.commit(lms.launch(), S12("incomplete", { "cmi.interactions.0.id": "q1", "cmi.interactions.0.result": "correct", "cmi.interactions.1.id": "q2" }), {
      terminate: true,
    });
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
  const end = (lms: Lms, wrote: FlatCmi) =>
    lms.commit(lms.launch(), { "cmi.exit": "suspend", "cmi.suspend_data": "s1", ...wrote }, { terminate: true, scoWrote: pickStatus(wrote) });

  for (const success of ["passed", "failed", "unknown"]) {
    it(`completion_status completed (success ${success}, not looked at): review, the old data loaded`, () => {
      const lms = new Lms("moodle", "scorm2004-4");
      end(lms, { "cmi.completion_status": "completed", "cmi.success_status": success });
      expect(lms.launch().seedFlat).toMatchObject({
        "cmi.mode": "review",
        "cmi.credit": "no-credit",
        "cmi.entry": "resume",
        "cmi.suspend_data": "s1",
        "cmi.completion_status": "completed",
      });
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
      lms.commit(
        lms.launch(),
        { "cmi.success_status": "failed", "cmi.completion_status": "incomplete", "cmi.score.scaled": "0.7", "cmi.score.raw": "70" },
        { terminate: true, scoWrote: { "cmi.success_status": "unknown", "cmi.completion_status": "incomplete" } },
      );
      expect(lms.holding().status, profile).toBe(profile === "moodle" ? "incomplete / unknown" : "incomplete / failed");
    }
  });
});

const pickStatus = (wrote: FlatCmi): FlatCmi =>
  Object.fromEntries(Object.entries(wrote).filter(([k]) => k === "cmi.completion_status" || k === "cmi.success_status"));

describe("the 1.2 mastery override at LMSFinish", () => {
  const finish = (lms: Lms, status: string, raw: string | null, terminate = true) =>
    lms.commit(lms.launch(), S12(status, raw === null ? {} : { "cmi.core.score.raw": raw }), { terminate });

  it("moodle: with mastery and score.raw, lesson_status becomes passed/failed by comparing them (incomplete too)", () => {
    const cases: [string, string, string][] = [
      ["incomplete", "40", "failed"],
      ["incomplete", "85", "passed"],
      ["completed", "40", "failed"],
      ["passed", "70", "failed"],
      ["failed", "80", "passed"],
    ];
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
    const cases: [string, string, string][] = [
      ["incomplete", "40", "incomplete"],
      ["incomplete", "85", "incomplete"],
      ["completed", "40", "failed"],
      ["completed", "85", "passed"],
      ["passed", "40", "passed"],
    ];
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
