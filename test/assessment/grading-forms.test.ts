// docs/grading-forms.md: gradeForm on the worked examples, then fast-check properties of all three methods.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  errorsToGrade,
  gradeForm,
  validateGradingForm,
  type ErrorsForm,
  type FormFilling,
  type GradingForm,
  type GuideForm,
  type RubricForm,
} from "../../runtime/assessment/grading-forms";

/** A rubric whose row i has levels scoring rows[i] (level ids "s<score>"). */
const rubric = (rows: number[][], pointsOnly?: boolean): RubricForm => ({
  method: "rubric",
  ...(pointsOnly === undefined ? {} : { pointsOnly }),
  criteria: rows.map((scores, i) => ({
    id: `r${i}`,
    description: `row ${i}`,
    levels: scores.map((score) => ({ id: `s${score}`, score, description: `${score} points` })),
  })),
});
/** A filling picking the level scoring picks[i] in row i. */
const picks = (...scores: number[]): FormFilling => Object.fromEntries(scores.map((s, i) => [`r${i}`, `s${s}`]));

describe("rubric (docs/grading-forms.md, Rubric)", () => {
  it("seed example: 3 rows of 3/2/1/0, total 5 of 9 → 55.5… (11.1 on a 20-point grade)", () => {
    const form = rubric([
      [3, 2, 1, 0],
      [3, 2, 1, 0],
      [3, 2, 1, 0],
    ]);
    const { grade, criteria } = gradeForm(form, picks(3, 2, 0));
    expect(grade).toBeCloseTo(500 / 9, 12);
    expect(((grade as number) * 20) / 100).toBeCloseTo(11.11, 2);
    expect(criteria.r0).toBe(100);
    expect(criteria.r1).toBeCloseTo(200 / 3, 12);
    expect(criteria.r2).toBe(0);
  });

  it("5 rows of levels 4,3,2,1: all best → 100, all worst → 0 (min is the sum of the lowest levels, not 0)", () => {
    const form = rubric(Array.from({ length: 5 }, () => [4, 3, 2, 1]));
    expect(gradeForm(form, picks(4, 4, 4, 4, 4)).grade).toBe(100);
    expect(gradeForm(form, picks(1, 1, 1, 1, 1)).grade).toBe(0);
    // total 12 of min 5 .. max 20 → 7/15, not 12/20
    expect(gradeForm(form, picks(4, 3, 2, 2, 1)).grade).toBeCloseTo((7 / 15) * 100, 12);
  });

  it("Moodle's docs example: two rows of levels 1..4, picks 2 and 3 → 50 %; both 1 → 0 (not 2/8)", () => {
    const form = rubric([
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ]);
    expect(gradeForm(form, picks(2, 3)).grade).toBe(50);
    expect(gradeForm(form, picks(1, 1)).grade).toBe(0);
  });

  it("the unusual rubric, min 2 max 16: a total of 9 is 50, not 9/16; pointsOnly gives 9/16", () => {
    // Two rows start at 0 and two at 1: the worst filling still totals 2 points.
    const rows = [
      [0, 1, 2, 4],
      [0, 2, 4],
      [1, 2, 3, 4],
      [1, 4],
    ];
    const form = rubric(rows);
    expect(gradeForm(form, picks(0, 0, 1, 1)).grade).toBe(0);
    expect(gradeForm(form, picks(4, 4, 4, 4)).grade).toBe(100);
    expect(gradeForm(form, picks(2, 2, 4, 1)).grade).toBe(50);
    const lock = rubric(rows, true);
    expect(gradeForm(lock, picks(2, 2, 4, 1)).grade).toBe(56.25);
    expect(gradeForm(lock, picks(0, 0, 1, 1)).grade).toBe(12.5);
    expect(gradeForm(lock, picks(4, 4, 4, 4)).grade).toBe(100);
    // The per-criterion values use each row's own lowest..highest, with or without pointsOnly.
    expect(gradeForm(lock, picks(2, 2, 4, 1)).criteria).toEqual({ r0: 50, r1: 50, r2: 100, r3: 0 });
  });

  it("is null until every row has a valid pick; unfilled and unknown picks are null criteria", () => {
    const form = rubric([
      [0, 1],
      [0, 1],
    ]);
    expect(gradeForm(form, {})).toEqual({ grade: null, criteria: { r0: null, r1: null } });
    expect(gradeForm(form, { r0: "s1" })).toEqual({ grade: null, criteria: { r0: 100, r1: null } });
    expect(gradeForm(form, { r0: "s1", r1: "s7" })).toEqual({ grade: null, criteria: { r0: 100, r1: null } });
    expect(gradeForm(form, { r0: "s1", r1: 1 })).toEqual({ grade: null, criteria: { r0: 100, r1: null } });
    expect(gradeForm(form, { r0: "s1", r1: "s0", extra: "s1" })).toEqual({ grade: 50, criteria: { r0: 100, r1: 0 } });
  });

  it("a rubric that cannot be graded (every level scores the same) gives null, never a throw", () => {
    expect(gradeForm(rubric([[2, 2]]), picks(2))).toEqual({ grade: null, criteria: { r0: null } });
    expect(gradeForm(rubric([]), {})).toEqual({ grade: null, criteria: {} });
  });
});

const guide: GuideForm = {
  method: "guide",
  criteria: [
    { id: "method", description: "Follows the method", weight: 2, maxPoints: 10 },
    { id: "safety", description: "Works safely", scale: ["poor", "fair", "good", "excellent"] },
    { id: "tidy", description: "Leaves the bench tidy", weight: 0, scale: ["no", "yes"] },
  ],
};

describe("marking guide (docs/grading-forms.md, Marking guide)", () => {
  it("accumulative with a scale: (0.7×2×100 + ⅔×1×100) / 3; weight 0 shown but not counted", () => {
    const { grade, criteria } = gradeForm(guide, { method: 7, safety: "good", tidy: "no" });
    expect(grade).toBeCloseTo(620 / 9, 12);
    expect(criteria.method).toBeCloseTo(70, 12);
    expect(criteria.safety).toBeCloseTo(200 / 3, 12);
    expect(criteria.tidy).toBe(0);
    // The weight-0 criterion does not count, so the form is complete without it and its value changes nothing.
    expect(gradeForm(guide, { method: 7, safety: "good" }).grade).toBe(grade);
    expect(gradeForm(guide, { method: 7, safety: "good", tidy: "yes" }).grade).toBe(grade);
  });

  it("scale item k of M is (k − 1)/(M − 1): worst 0, best 100; points 0..maxPoints", () => {
    expect(gradeForm(guide, { method: 0, safety: "poor" }).grade).toBe(0);
    expect(gradeForm(guide, { method: 10, safety: "excellent" }).grade).toBe(100);
    expect(gradeForm(guide, { method: 2.5, safety: "fair" }).criteria).toMatchObject({ method: 25 });
  });

  it("is null until every counted criterion has a valid value", () => {
    expect(gradeForm(guide, { method: 7 }).grade).toBeNull();
    for (const bad of [
      { method: 11, safety: "good" },
      { method: -1, safety: "good" },
      { method: "7", safety: "good" },
      { method: 7, safety: "Good" },
      { method: 7, safety: 3 },
    ]) {
      expect(gradeForm(guide, bad as FormFilling).grade, JSON.stringify(bad)).toBeNull();
    }
    expect(gradeForm(guide, { method: 11, safety: "Good" }).criteria).toEqual({ method: null, safety: null, tidy: null });
  });

  it("Σ weight = 0 (a build error) gives null, not Moodle's 0", () => {
    const flat: GuideForm = { method: "guide", criteria: [{ id: "a", description: "A", weight: 0, maxPoints: 5 }] };
    expect(gradeForm(flat, { a: 5 })).toEqual({ grade: null, criteria: { a: 100 } });
  });
});

const errorsForm: ErrorsForm = {
  method: "errors",
  criteria: [
    { id: "gloves", description: "Puts on gloves" },
    { id: "label", description: "Labels the sample" },
    { id: "seal", description: "Seals the container", weight: 2 },
    { id: "log", description: "Logs the time" },
  ],
  // Gaps at 2 and 4; nothing past 5.
  mapping: [
    { errors: 1, grade: 80 },
    { errors: 3, grade: 40 },
    { errors: 5, grade: 0 },
  ],
};
const answers = (gloves: boolean, label: boolean, seal: boolean, log: boolean): FormFilling => ({ gloves, label, seal, log });

describe("number of errors (docs/grading-forms.md, Number of errors)", () => {
  it("weighted errors through a mapping table with gaps: the last entry at or below the count applies", () => {
    expect(gradeForm(errorsForm, answers(true, true, true, true)).grade).toBe(100); // 0 errors
    expect(gradeForm(errorsForm, answers(false, true, true, true)).grade).toBe(80); // 1
    expect(gradeForm(errorsForm, answers(true, true, false, true)).grade).toBe(80); // 2 (weight 2): gap → entry 1
    expect(gradeForm(errorsForm, answers(false, true, false, true)).grade).toBe(40); // 3
    expect(gradeForm(errorsForm, answers(false, false, false, true)).grade).toBe(40); // 4: gap → entry 3
    expect(gradeForm(errorsForm, answers(false, false, false, false)).grade).toBe(0); // 5
    expect(gradeForm(errorsForm, answers(false, true, false, true)).criteria).toEqual({ gloves: 0, label: 100, seal: 0, log: 100 });
  });

  it("errorsToGrade: below the first entry stays 100, past the table keeps the last entry, out-of-range grades clamp", () => {
    const table = [
      { errors: 2, grade: 70 },
      { errors: 4, grade: 30 },
    ];
    expect([0, 1, 2, 3, 4, 9].map((n) => errorsToGrade(table, n))).toEqual([100, 100, 70, 70, 30, 30]);
    expect(errorsToGrade([{ errors: 1, grade: -20 }], 1)).toBe(0);
    expect(errorsToGrade([{ errors: 1, grade: 120 }], 1)).toBe(100);
    expect(errorsToGrade([], 3)).toBe(100);
  });

  it("is null until every counted assertion is answered yes or no; weight 0 need not be answered", () => {
    expect(gradeForm(errorsForm, { gloves: true, label: true, seal: true }).grade).toBeNull();
    expect(gradeForm(errorsForm, { gloves: true, label: true, seal: true, log: "yes" }).criteria.log).toBeNull();
    const optional: ErrorsForm = { ...errorsForm, criteria: [...errorsForm.criteria, { id: "extra", description: "Extra", weight: 0 }] };
    expect(gradeForm(optional, answers(false, true, true, true)).grade).toBe(80);
    expect(gradeForm(optional, { ...answers(false, true, true, true), extra: false }).grade).toBe(80);
  });
});

describe("gradeForm on data that is not a form", () => {
  it("never throws", () => {
    expect(gradeForm({ method: "checklist" } as unknown as GradingForm, {})).toEqual({ grade: null, criteria: {} });
    expect(gradeForm(null as unknown as GradingForm, {})).toEqual({ grade: null, criteria: {} });
    expect(gradeForm(rubric([[0, 1]]), null as unknown as FormFilling)).toEqual({ grade: null, criteria: { r0: null } });
    expect(gradeForm({ method: "guide", criteria: [{ id: "a", description: "A", weight: -1, maxPoints: 1 }] }, { a: 1 }).grade).toBeNull();
  });

  it("reads only the filling's own properties (an id like 'constructor' is just an id)", () => {
    const form: ErrorsForm = { method: "errors", criteria: [{ id: "constructor", description: "C" }], mapping: [{ errors: 1, grade: 0 }] };
    expect(gradeForm(form, {})).toEqual({ grade: null, criteria: { constructor: null } });
    expect(gradeForm(form, { constructor: false }).grade).toBe(0);
  });
});

// ── Properties ────────────────────────────────────────────────────────────────────────────────
// Valid forms of each method, each with, per criterion, its possible values ordered worst → best.

interface Case {
  form: GradingForm;
  /** values[i]: the fillings criterion i accepts, worst first. */
  values: (string | number | boolean)[][];
  /** counted[i]: whether criterion i must be filled for the form to be complete. */
  counted: boolean[];
}

// Realistic decimals (0.1, 2.35, …) make float sums depend on their order; extremes come from fc.double.
const decimal = (max: number, places: number) => fc.integer({ min: 0, max: max * 10 ** places }).map((n) => n / 10 ** places);
const score = fc.oneof(fc.integer({ min: 0, max: 10 }), decimal(100, 1), decimal(10, 2), fc.double({ min: 0, max: 100, noNaN: true }));
const rubricCase: fc.Arbitrary<Case> = fc
  .tuple(
    fc.array(
      fc.array(score, { minLength: 2, maxLength: 5 }).filter((s) => Math.max(...s) > Math.min(...s)),
      { minLength: 1, maxLength: 6 },
    ),
    fc.boolean(),
  )
  .map(([rows, pointsOnly]) => {
    const criteria = rows.map((scores, i) => ({
      id: `c${i}`,
      description: `C${i}`,
      levels: scores.map((s, j) => ({ id: `l${j}`, score: s, description: `L${j}` })),
    }));
    // Worst first: level ids sorted by score.
    const values = criteria.map((c) => [...c.levels].sort((a, b) => a.score - b.score).map((l) => l.id));
    return { form: { method: "rubric", pointsOnly, criteria }, values, counted: criteria.map(() => true) };
  });

const weight = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }));
const guideCriterion = fc.oneof(
  fc
    .record({
      weight,
      maxPoints: fc.oneof(
        fc.integer({ min: 1, max: 20 }),
        decimal(50, 1).filter((m) => m > 0),
        fc.double({ min: 0.5, max: 100, noNaN: true }),
      ),
      shares: fc.array(decimal(1, 3), { minLength: 1, maxLength: 4 }),
    })
    .map(({ weight: w, maxPoints, shares }) => ({
      criterion: { weight: w, maxPoints },
      values: [...new Set([0, ...shares.map((p) => p * maxPoints), maxPoints])].sort((a, b) => a - b) as (string | number)[],
    })),
  fc.record({ weight, size: fc.integer({ min: 2, max: 6 }) }).map(({ weight: w, size }) => {
    const scale = Array.from({ length: size }, (_, k) => `level ${k + 1}`);
    return { criterion: { weight: w, scale }, values: scale as (string | number)[] };
  }),
);
const guideCase: fc.Arbitrary<Case> = fc
  .array(guideCriterion, { minLength: 1, maxLength: 6 })
  .filter((cs) => cs.some((c) => c.criterion.weight > 0))
  .map((cs) => ({
    form: { method: "guide", criteria: cs.map((c, i) => ({ id: `c${i}`, description: `C${i}`, ...c.criterion })) },
    values: cs.map((c) => c.values),
    counted: cs.map((c) => c.criterion.weight > 0),
  }));

const errorsCase: fc.Arbitrary<Case> = fc
  .record({
    weights: fc.array(weight, { minLength: 1, maxLength: 7 }),
    counts: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 6 }),
    grades: fc.array(decimal(100, 1), { minLength: 6, maxLength: 6 }),
  })
  .map(({ weights, counts, grades }) => {
    // A sensible table: more errors never grade higher (a warning otherwise).
    const sortedCounts = [...counts].sort((a, b) => a - b);
    const sortedGrades = grades.slice(0, counts.length).sort((a, b) => b - a);
    const form: ErrorsForm = {
      method: "errors",
      criteria: weights.map((w, i) => ({ id: `c${i}`, description: `C${i}`, weight: w })),
      mapping: sortedCounts.map((errors, k) => ({ errors, grade: sortedGrades[k] as number })),
    };
    return { form, values: weights.map(() => [false, true]), counted: weights.map((w) => w > 0) };
  });

const anyCase = fc.oneof(rubricCase, guideCase, errorsCase);
const idOf = (i: number): string => `c${i}`;
const fillingOf = (c: Case, picks: (number | undefined)[]): FormFilling =>
  Object.fromEntries(picks.flatMap((p, i) => (p === undefined ? [] : [[idOf(i), c.values[i]?.[p]]])));

/** A case, and for each criterion either the index of a value or undefined (unfilled, one time in three). */
const filledCase = anyCase.chain((c) =>
  fc.tuple(fc.constant(c), fc.tuple(...c.values.map((vs) => fc.option(fc.nat(vs.length - 1), { nil: undefined, freq: 2 })))),
);
/** A case with every criterion filled. */
const completeCase = anyCase.chain((c) => fc.tuple(fc.constant(c), fc.tuple(...c.values.map((vs) => fc.nat(vs.length - 1)))));

describe("grading form properties", () => {
  it("the generated forms are valid (no validation errors)", () => {
    fc.assert(
      fc.property(anyCase, ({ form }) => {
        expect(validateGradingForm(form).filter((p) => p.severity === "error")).toEqual([]);
      }),
    );
  });

  it("grade is in 0..100 or null, and every criterion value in 0..100 or null — whatever is filled in", () => {
    const junk = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom("l0", "l1", "level 1", "level 2"));
    fc.assert(
      fc.property(anyCase, fc.dictionary(fc.constantFrom("c0", "c1", "c2", "c3", "x"), junk), ({ form }, filling) => {
        const { grade, criteria } = gradeForm(form, filling);
        for (const v of [grade, ...Object.values(criteria)]) expect(v === null || (v >= 0 && v <= 100)).toBe(true);
      }),
    );
  });

  it("grade is null iff some counted criterion is unfilled", () => {
    fc.assert(
      fc.property(filledCase, ([c, picks]) => {
        const incomplete = picks.some((p, i) => p === undefined && c.counted[i]);
        const { grade, criteria } = gradeForm(c.form, fillingOf(c, picks));
        expect(grade === null).toBe(incomplete);
        picks.forEach((p, i) => expect(criteria[idOf(i)] === null).toBe(p === undefined));
      }),
    );
  });

  it("monotone: a better value in one criterion (level, points, label, yes for no) never lowers the grade or that criterion's value", () => {
    fc.assert(
      fc.property(completeCase, fc.nat(), fc.nat(), fc.nat(), ([c, picks], which, a, b) => {
        const i = which % picks.length;
        const n = (c.values[i] as unknown[]).length;
        const [worse, better] = [a % n, b % n].sort((x, y) => x - y) as [number, number];
        const low = gradeForm(
          c.form,
          fillingOf(
            c,
            picks.map((p, j) => (j === i ? worse : p)),
          ),
        );
        const high = gradeForm(
          c.form,
          fillingOf(
            c,
            picks.map((p, j) => (j === i ? better : p)),
          ),
        );
        expect(high.grade as number).toBeGreaterThanOrEqual(low.grade as number);
        expect(high.criteria[idOf(i)] as number).toBeGreaterThanOrEqual(low.criteria[idOf(i)] as number);
      }),
    );
  });

  it("invariant to the order of the criteria (bit for bit)", () => {
    const shuffled = completeCase.chain(([c, picks]) =>
      fc.tuple(fc.constant(c), fc.constant(picks), fc.shuffledSubarray(c.form.criteria as unknown[], { minLength: c.form.criteria.length })),
    );
    fc.assert(
      fc.property(shuffled, ([c, picks, criteria]) => {
        const filling = fillingOf(c, picks);
        const reordered = { ...c.form, criteria } as GradingForm;
        const original = gradeForm(c.form, filling);
        const other = gradeForm(reordered, filling);
        expect(other.grade).toBe(original.grade);
        expect(other.criteria).toEqual(original.criteria);
      }),
    );
  });
});
