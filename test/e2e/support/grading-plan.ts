// The grading journey's plan (grading-journey.ts): the observation template's items, the two assessors,
// what each rates in attempts 1 and 2, and the grades and attempt scores that gives by hand.
import { join } from "node:path";
import { REPO_ROOT } from "../../support/package-fixture";

export const OBSERVATION_COURSE = join(REPO_ROOT, "templates", "observation");

export const TASKS = ["observed-lift", "stairs-plan", "workstation-checklist"] as const;
export const SELF = "self-check";
export const QUESTIONS = ["before-lifting", "twist", "lift-order"] as const;
export const PASSCODE = "1234";

export interface Rater {
  name: string;
  id: string;
}
/** Attempt 1's assessor has an email identifier (xAPI mbox), attempt 2's an employee number (account). */
export const ANA: Rater = { name: "Ana Díaz", id: "ana.diaz@example.org" };
export const BRAM: Rater = { name: "Bram Jansen", id: "EMP-4711" };

/** What the assessor enters per task, and the grade and criterion values that gives by hand. */
export interface Rating {
  /** rubric: criterion → level id */
  lift: Record<string, string>;
  /** guide: hazards points 0..10, help and clarity scale labels */
  stairs: { hazards: number; help: string; clarity: string };
  /** errors: criterion → answer */
  checklist: Record<string, boolean>;
  remark: string;
  feedback: string;
  grades: Record<(typeof TASKS)[number], number>;
  /** What the criteria come to (value 0..100 and what was entered), per task, as the LMS should get them. */
  criteria: Record<(typeof TASKS)[number], Record<string, unknown>[]>;
}

export const CHECKLIST = ["weight-checked", "path-clear", "feet-apart", "load-close", "no-twist", "set-down"];
export function errorsCriteria(errors: Record<string, false>): Record<string, unknown>[] {
  return CHECKLIST.map((id) => (id in errors ? { id, value: 0, answer: false } : { id, value: 100, answer: true }));
}

// Rubric rows score 0–2, 0–1, 0–2: min 0, max 5. Guide weights 2, 1, 1. Errors mapping 1→80, 2→60, 4→20, 6→0.
export const LOW: Rating = {
  lift: { posture: "fair", grip: "loose", movement: "jerky" }, // total 1 → 1/5 = 20
  stairs: { hazards: 3, help: "no", clarity: "adequate" }, // (0.3·2 + 0 + 0.5) / 4 = 27.5
  checklist: Object.fromEntries(CHECKLIST.map((id) => [id, id !== "weight-checked" && id !== "no-twist"])), // 1 + 2 (weight) errors = 3 → 60
  remark: "Back rounds as the load comes up",
  feedback: "Practise the lift with bent knees before the next check.",
  grades: { "observed-lift": 20, "stairs-plan": 27.5, "workstation-checklist": 60 },
  criteria: {
    "observed-lift": [
      { id: "posture", value: 50, level: "fair", remark: "Back rounds as the load comes up" },
      { id: "grip", value: 0, level: "loose" },
      { id: "movement", value: 0, level: "jerky" },
    ],
    "stairs-plan": [
      { id: "hazards", value: 30, points: 3 },
      { id: "help", value: 0, label: "no" },
      { id: "clarity", value: 50, label: "adequate" },
    ],
    "workstation-checklist": errorsCriteria({ "weight-checked": false, "no-twist": false }),
  },
};
export const HIGH: Rating = {
  lift: { posture: "good", grip: "firm", movement: "mostly" }, // total 4 → 80
  stairs: { hazards: 8, help: "yes", clarity: "clear" }, // (0.8·2 + 1 + 1) / 4 = 90
  checklist: Object.fromEntries(CHECKLIST.map((id) => [id, id !== "set-down"])), // 1 error → 80
  remark: "One small twist at the table",
  feedback: "Safe and steady.",
  grades: { "observed-lift": 80, "stairs-plan": 90, "workstation-checklist": 80 },
  criteria: {
    "observed-lift": [
      { id: "posture", value: 100, level: "good", remark: "One small twist at the table" },
      { id: "grip", value: 100, level: "firm" },
      { id: "movement", value: 50, level: "mostly" },
    ],
    "stairs-plan": [
      { id: "hazards", value: 80, points: 8 },
      { id: "help", value: 100, label: "yes" },
      { id: "clarity", value: 100, label: "clear" },
    ],
    "workstation-checklist": errorsCriteria({ "set-down": false }),
  },
};

/** The self-assessment as filled in each attempt: two 3-label scales (0, 50, 100). */
export const SELF_RATINGS = [
  {
    confidence: "somewhat",
    explain: "with help",
    grade: 50,
    criteria: [
      { id: "confidence", value: 50, label: "somewhat" },
      { id: "explain", value: 50, label: "with help" },
    ],
  },
  {
    confidence: "confident",
    explain: "yes",
    grade: 100,
    criteria: [
      { id: "confidence", value: 100, label: "confident" },
      { id: "explain", value: 100, label: "yes" },
    ],
  },
] as const;

/**
 * The attempt score by hand: the three questions answered right (100 each, weight 1), the rubric task
 * weight 2, the guide and errors tasks weight 1; the self-assessment counts not at all. Σweights 7.
 */
export const attemptScore = (r: Rating) => (3 * 100 + 2 * r.grades["observed-lift"] + r.grades["stairs-plan"] + r.grades["workstation-checklist"]) / 7;
export const SCORE_1 = attemptScore(LOW); // 427.5 / 7 = 61.0714…: below the passing 70
export const SCORE_2 = attemptScore(HIGH); // 630 / 7 = 90
export const PASSING = 70;
