// The observation template (templates/observation, `passmark init --template observation`) loads
// cleanly and shows the three grading-form methods: an assessor rubric with the documented passcode
// 1234, a marking guide with points and a scale, a number-of-errors checklist, a self-assessment that
// does not count, and ordinary questions.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pbkdf2Sync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { validateAssessment } from "../../runtime/assessment/index";
import { ALL_TARGETS, type AssessmentData, type TaskQuestion } from "../../runtime/course/types";
import { loadCourse } from "../../authoring/course/load-course";
import type { LoadedCourse } from "../../authoring/course/loaded-course";

const dir = path.resolve("templates/observation");
let course: LoadedCourse;
let assessment: AssessmentData;
let tasks: Map<string, TaskQuestion>;

beforeAll(async () => {
  course = await loadCourse(dir);
  assessment = course.data.assessment!;
  tasks = new Map(assessment.items.flatMap((q) => (q.kind === "question" && q.type === "task" ? [[q.id, q] as [string, TaskQuestion]] : [])));
});

describe("observation template", () => {
  it("loads without errors or warnings, for every target, and points editors at the schema", () => {
    expect(course.warnings).toEqual([]);
    expect(course.targets).toEqual([...ALL_TARGETS]);
    const json = JSON.parse(readFileSync(path.join(dir, "course.json"), "utf8")) as { $schema: string };
    expect(path.resolve(dir, json.$schema)).toBe(path.resolve("schema/course.schema.json"));
  });

  it("has the three methods rated by an assessor, a self-assessment that does not count, and ordinary questions", () => {
    const summary = [...tasks.values()].map((t) => [t.id, t.gradingForm.method, t.rater, t.counts, t.learnerResponse]);
    expect(summary).toEqual([
      ["observed-lift", "rubric", "assessor", true, "none"],
      ["stairs-plan", "guide", "assessor", true, "text"],
      ["workstation-checklist", "errors", "assessor", true, "none"],
      ["self-check", "guide", "learner", false, "text"],
    ]);
    const guide = tasks.get("stairs-plan")!.gradingForm;
    expect(guide.method === "guide" && guide.criteria.some((c) => "maxPoints" in c) && guide.criteria.some((c) => "scale" in c)).toBe(true);
    const ordinary = assessment.items.filter((q) => q.kind === "question" && q.type !== "task").map((q) => q.kind === "question" && q.type);
    expect(ordinary).toEqual(["single-choice", "true-false", "ordering"]);
  });

  it("every assessor task asks the passcode 1234 its pages document", () => {
    for (const id of ["observed-lift", "stairs-plan", "workstation-checklist"]) {
      const stored = tasks.get(id)!.passcode!;
      const key = pbkdf2Sync("1234", Buffer.from(stored.salt, "base64"), stored.iterations, 32, "sha256");
      expect(key.toString("base64"), id).toBe(stored.hash);
    }
    expect(tasks.get("self-check")!.passcode).toBeNull();
    expect(readFileSync(path.join(dir, "pages/for-the-trainer.md"), "utf8")).toContain("**1234**");
  });

  it("passes the assessment engine's own validation", () => {
    expect(validateAssessment(assessment, { masteryExpected: true, masteryScore: course.data.reporting.masteryScore })).toEqual([]);
  });
});
