// The starter course (templates/starter, what `passmark init` copies) loads cleanly and shows every
// question type, a bank, a survey and a rubric with mods, 3 attempts and unableToPassResult.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateAssessment } from "../../runtime/assessment/index";
import type { AssessmentData, QuestionData } from "../../runtime/course/types";
import { ALL_TARGETS } from "../../runtime/course/types";
import { loadCourse } from "../../authoring/course/load-course";
import type { LoadedCourse } from "../../authoring/course/loaded-course";
import { snapshotTree } from "./course-fixtures";

const starterDir = path.resolve("templates/starter");
let starter: LoadedCourse;
let assessment: AssessmentData;

const allQuestions = (a: AssessmentData): QuestionData[] => a.items.flatMap((i) => (i.kind === "bank" ? i.questions : [i]));

beforeAll(async () => {
  starter = await loadCourse(starterDir);
  if (!starter.data.assessment) throw new Error("the starter has no assessment");
  assessment = starter.data.assessment;
});

describe("starter course", () => {
  it("loads without errors or warnings, for every target", () => {
    expect(starter.warnings).toEqual([]);
    expect(starter.targets).toEqual([...ALL_TARGETS]);
    expect(starter.data.pages.map((p) => p.id)).toEqual(["welcome", "alarm", "extinguishers", "evacuation"]);
  });

  it("shows every question type, a bank and a survey", () => {
    const types = new Set(allQuestions(assessment).map((q) => q.type));
    expect([...types].sort()).toEqual(["matching", "multiple-response", "numeric", "ordering", "single-choice", "survey", "text-entry", "true-false"].sort());
    const bank = assessment.items.find((i) => i.kind === "bank");
    expect(bank).toMatchObject({ kind: "bank", choose: 1, order: "random-unseen" });
  });

  it("has a rubric with mods, 3 attempts and unableToPassResult set", () => {
    expect(assessment.attempts).toBe(3);
    expect(assessment.rubric.type).toBe("pass-fail");
    expect(assessment.rubric.mods?.length).toBeGreaterThan(0);
    expect(assessment.rubric.unableToPassResult).toBe("$highest_attempt_score");
    expect(starter.data.reporting.masteryScore).toBe(assessment.rubric.passingAttemptScore);
  });

  it("passes the assessment engine's own validation", () => {
    const errors = validateAssessment(assessment, { masteryExpected: true, masteryScore: starter.data.reporting.masteryScore });
    expect(errors).toEqual([]);
  });

  it("packages its image, audio and captions under assets/", () => {
    expect(starter.assets.map((a) => a.zipPath)).toEqual(["assets/extinguisher.svg", "assets/smoke-alarm.vtt", "assets/smoke-alarm.wav"]);
    for (const asset of starter.assets) expect(asset.sourcePath).toBe(path.join(starterDir, asset.zipPath));
    const extinguishers = starter.data.pages.find((p) => p.id === "extinguishers")!;
    expect(extinguishers.body.html).toContain('<img src="assets/extinguisher.svg" alt="A red fire extinguisher');
    const alarm = starter.data.pages.find((p) => p.id === "alarm")!;
    expect(alarm.media).toEqual([
      {
        id: "alarm-sound",
        kind: "audio",
        src: "assets/smoke-alarm.wav",
        captions: "assets/smoke-alarm.vtt",
        title: "The fire alarm (three beeps)",
        watchedThreshold: 1,
      },
    ]);
  });

  it("turns author questions into the built form", () => {
    const byId = new Map(allQuestions(assessment).map((q) => [q.id, q]));
    expect(byId.get("first-action")).toMatchObject({ type: "single-choice", correct: "alarm" });
    expect(byId.get("electrical-extinguishers")).toMatchObject({ correct: ["co2", "powder"], partialCredit: true });
    expect(byId.get("aim")).toMatchObject({ correct: "a", choices: [{ id: "a" }, { id: "b" }, { id: "c" }] });
    expect(byId.get("pass-steps")).toMatchObject({ answer: { exact: 4 } });
    expect(byId.get("evacuation-order")).toMatchObject({ items: [{ id: "a", text: "Raise the alarm" }, { id: "b" }, { id: "c" }, { id: "d" }] });
    expect(byId.get("squeeze")).toMatchObject({ accepted: ["Squeeze"], caseSensitive: false, whitespace: "collapse", long: false });
  });

  it("is deterministic: the same folder, copied elsewhere, gives the same course data", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "passmark-starter-"));
    try {
      const copy = path.join(parent, "starter");
      cpSync(starterDir, copy, { recursive: true });
      const again = await loadCourse(copy);
      expect(JSON.stringify(again.data)).toBe(JSON.stringify(starter.data));
      expect(again.assets.map((a) => a.zipPath)).toEqual(starter.assets.map((a) => a.zipPath));
      expect(JSON.stringify((await loadCourse(starterDir)).data)).toBe(JSON.stringify(starter.data));
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("is not modified by loading it", async () => {
    const before = snapshotTree(starterDir);
    await loadCourse(starterDir);
    expect(snapshotTree(starterDir)).toEqual(before);
  });
});
