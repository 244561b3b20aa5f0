// docs/grading-forms.md: validateGradingForm — every problem at once, with JSON pointers relative to the form.
import { describe, expect, it } from "vitest";
import { validateGradingForm } from "../../runtime/assessment/grading-form-validate";

const paths = (problems: { path: string; severity: string }[], severity = "error"): string[] =>
  problems.filter((p) => p.severity === severity).map((p) => p.path);
const errors = (form: unknown): string[] => paths(validateGradingForm(form));
const warnings = (form: unknown): string[] => paths(validateGradingForm(form), "warning");

const level = (id: string, score: unknown) => ({ id, score, description: `${id} described` });
const row = (id: string, ...levels: object[]) => ({ id, description: `${id} described`, levels });
const soundRubric = { method: "rubric", criteria: [row("a", level("lo", 0), level("hi", 2)), row("b", level("lo", 1), level("mid", 2), level("hi", 4))] };
const soundGuide = {
  method: "guide",
  criteria: [
    { id: "a", description: "A", maxPoints: 10 },
    { id: "b", description: "B", weight: 2, scale: ["poor", "good"] },
  ],
};
const soundErrors = {
  method: "errors",
  criteria: [
    { id: "a", description: "A" },
    { id: "b", description: "B", weight: 2 },
  ],
  mapping: [
    { errors: 1, grade: 70 },
    { errors: 3, grade: 0 },
  ],
};

describe("validateGradingForm (build time)", () => {
  it("accepts sound forms of each method", () => {
    expect(validateGradingForm(soundRubric)).toEqual([]);
    expect(validateGradingForm({ ...soundRubric, pointsOnly: true })).toEqual([]);
    expect(validateGradingForm(soundGuide)).toEqual([]);
    expect(validateGradingForm(soundErrors)).toEqual([]);
  });

  it("problems have the Problem shape of the other validators", () => {
    expect(validateGradingForm({ method: "rubric", criteria: [] })).toEqual([
      { path: "/criteria", severity: "error", message: expect.stringMatching(/non-empty/) },
    ]);
  });

  it("reports non-forms, unknown methods and missing criteria without throwing", () => {
    expect(errors(null)).toEqual([""]);
    expect(errors([])).toEqual([""]);
    expect(errors({ method: "checklist", criteria: [] })).toEqual(["/method"]);
    expect(errors({ method: "guide" })).toEqual(["/criteria"]);
    expect(errors({ method: "guide", criteria: ["x"] })).toEqual(["/criteria/0"]);
  });

  it("criteria: ids short, unique; descriptions not empty", () => {
    const form = {
      method: "guide",
      criteria: [
        { id: "a", description: "A", maxPoints: 1 },
        { id: "a", description: " ", maxPoints: 1 },
        { id: "has space", description: "C", maxPoints: 1 },
        { id: "__proto__", description: "D", maxPoints: 1 },
      ],
    };
    expect(errors(form)).toEqual(["/criteria/1/id", "/criteria/1/description", "/criteria/2/id", "/criteria/3/id"]);
  });

  describe("rubric", () => {
    it("every problem at once: too few levels, duplicate level ids, bad scores, empty descriptions", () => {
      const form = {
        method: "rubric",
        pointsOnly: "yes",
        criteria: [
          row("a", level("only", 1)),
          row("b", level("x", 0), level("x", 1)),
          row("c", level("lo", -1), level("hi", Infinity), { id: "nan", score: NaN, description: "" }),
          { id: "d", description: "D" },
        ],
      };
      expect(errors(form)).toEqual([
        "/pointsOnly",
        "/criteria/0/levels",
        "/criteria/1/levels/1/id",
        "/criteria/2/levels/0/score",
        "/criteria/2/levels/1/score",
        "/criteria/2/levels/2/description",
        "/criteria/2/levels/2/score",
        "/criteria/3/levels",
      ]);
    });

    it("a criterion whose highest score is not above its lowest cannot be graded", () => {
      const problems = validateGradingForm({ method: "rubric", criteria: [row("a", level("x", 2), level("y", 2)), row("b", level("lo", 0), level("hi", 1))] });
      expect(problems).toEqual([{ path: "/criteria/0/levels", severity: "error", message: expect.stringMatching(/every level scores 2/) }]);
      // The same rule holds with pointsOnly (and an all-zero rubric would have max 0).
      expect(errors({ method: "rubric", pointsOnly: true, criteria: [row("a", level("x", 0), level("y", 0))] })).toEqual(["/criteria/0/levels"]);
    });

    it("level ids need only be unique within their criterion", () => {
      expect(validateGradingForm({ method: "rubric", criteria: [row("a", level("lo", 0), level("hi", 1)), row("b", level("lo", 0), level("hi", 1))] })).toEqual(
        [],
      );
    });
  });

  describe("marking guide", () => {
    it("maxPoints > 0 or a scale of 2+ unique labels, exactly one of them", () => {
      const form = {
        method: "guide",
        criteria: [
          { id: "a", description: "A", maxPoints: 0 },
          { id: "b", description: "B", scale: ["only"] },
          { id: "c", description: "C", scale: ["ok", "ok", ""] },
          { id: "d", description: "D", maxPoints: 5, scale: ["x", "y"] },
          { id: "e", description: "E" },
          { id: "f", description: "F", maxPoints: "10" },
        ],
      };
      expect(errors(form)).toEqual([
        "/criteria/0/maxPoints",
        "/criteria/1/scale",
        "/criteria/2/scale/1",
        "/criteria/2/scale/2",
        "/criteria/3",
        "/criteria/4",
        "/criteria/5/maxPoints",
      ]);
    });

    it("weights are whole numbers ≥ 0 adding up to more than 0; weight 0 is a warning", () => {
      const bad = {
        method: "guide",
        criteria: [
          { id: "a", description: "A", weight: -1, maxPoints: 1 },
          { id: "b", description: "B", weight: 1.5, maxPoints: 1 },
        ],
      };
      expect(errors(bad)).toEqual(["/criteria/0/weight", "/criteria/1/weight"]);
      const zero = {
        method: "guide",
        criteria: [
          { id: "a", description: "A", weight: 0, maxPoints: 1 },
          { id: "b", description: "B", weight: 0, scale: ["n", "y"] },
        ],
      };
      expect(errors(zero)).toEqual(["/criteria"]);
      expect(warnings(zero)).toEqual(["/criteria/0/weight", "/criteria/1/weight"]);
      expect(errors({ ...soundGuide, criteria: [...soundGuide.criteria, { id: "c", description: "C", weight: 0, maxPoints: 1 }] })).toEqual([]);
    });
  });

  describe("number of errors", () => {
    it("mapping entries: errors whole numbers ≥ 1, unique; grade 0..100", () => {
      const form = {
        ...soundErrors,
        mapping: [
          { errors: 0, grade: 50 },
          { errors: 1.5, grade: 50 },
          { errors: 2, grade: 101 },
          { errors: 1, grade: 60 },
          { errors: 1, grade: 40 },
          "x",
          { errors: 3, grade: NaN },
        ],
      };
      expect(errors(form)).toEqual(["/mapping/0/errors", "/mapping/1/errors", "/mapping/2/grade", "/mapping/4/errors", "/mapping/5", "/mapping/6/grade"]);
      expect(errors({ ...soundErrors, mapping: undefined })).toEqual(["/mapping"]);
      expect(errors({ ...soundErrors, criteria: [{ id: "a", description: "A", weight: -2 }] })).toEqual(["/criteria/0/weight"]);
    });

    it("warns (does not reject) when the mapping never lowers the grade", () => {
      for (const mapping of [
        [],
        [
          { errors: 1, grade: 100 },
          { errors: 2, grade: 100 },
        ],
        [{ errors: 4, grade: 0 }],
      ]) {
        const problems = validateGradingForm({ ...soundErrors, mapping });
        expect(paths(problems), JSON.stringify(mapping)).toEqual([]);
        expect(paths(problems, "warning"), JSON.stringify(mapping)).toContain("/mapping");
      }
      // All weights 0: no filling can make an error.
      expect(warnings({ ...soundErrors, criteria: [{ id: "a", description: "A", weight: 0 }] })).toEqual([
        "/criteria/0/weight",
        "/mapping/0/errors",
        "/mapping/1/errors",
        "/mapping",
      ]);
    });

    it("warns about entries no filling can reach and tables where more errors grade higher", () => {
      // The assertions add up to 3 errors at most.
      expect(
        warnings({
          ...soundErrors,
          mapping: [
            { errors: 1, grade: 50 },
            { errors: 4, grade: 0 },
          ],
        }),
      ).toEqual(["/mapping/1/errors"]);
      expect(
        warnings({
          ...soundErrors,
          mapping: [
            { errors: 1, grade: 50 },
            { errors: 2, grade: 80 },
          ],
        }),
      ).toEqual(["/mapping/1/grade"]);
    });
  });
});
