// The context of every statement: the LMS's contextTemplate + registration (cmi5 §9.6 / §10).
import type { Activity, Agent, Context } from "../xapi/types";
import { CATEGORY_CMI5, CATEGORY_MOVEON, EXT_MASTERY_SCORE } from "./statement-vocabulary";

type ListName = "parent" | "grouping" | "category" | "other";
const LIST_NAMES: readonly ListName[] = ["parent", "grouping", "category", "other"];

export interface ContextAdditions {
  /** cmi5 defined statements carry the cmi5 category (cmi5 §9.6.2.1). */
  cmi5Category: boolean;
  /** cmi5 §9.6.2.2: REQUIRED on Completed/Passed/Failed, FORBIDDEN elsewhere. */
  moveOnCategory: boolean;
  /** cmi5 §9.6.3.2: the launch masteryScore on Passed/Failed judged against it. */
  masteryScore: number | null;
  /** xAPI context.instructor: the assessor of a rated task (docs/reporting.md "Rated tasks"); never replaces the template's own. */
  instructor?: Agent | null;
}

/**
 * Template entries first, ours appended; never overwrite what the template holds (cmi5 §10).
 * contextActivities lists always as arrays (docs/rules/lms.md §5: validators reject single objects).
 */
export function buildContext(template: Context, registration: string, additions: ContextAdditions): Context {
  const context: Context = structuredCloneJson(template);
  context.registration = registration;
  const activities: NonNullable<Context["contextActivities"]> = {};
  const source = (template.contextActivities ?? {}) as Record<string, Activity | Activity[] | undefined>;
  for (const name of LIST_NAMES) {
    const entry = source[name];
    if (entry !== undefined) activities[name] = structuredCloneJson(Array.isArray(entry) ? entry : [entry]);
  }
  const category = activities.category ?? [];
  if (additions.cmi5Category) appendActivity(category, CATEGORY_CMI5);
  if (additions.moveOnCategory) appendActivity(category, CATEGORY_MOVEON);
  if (category.length > 0) activities.category = category;
  if (Object.keys(activities).length > 0) context.contextActivities = activities;
  else delete context.contextActivities;
  if (additions.instructor && context.instructor === undefined) context.instructor = additions.instructor;
  if (additions.masteryScore !== null) {
    context.extensions = { ...(context.extensions ?? {}), [EXT_MASTERY_SCORE]: additions.masteryScore };
  }
  return context;
}

function appendActivity(list: Activity[], id: string): void {
  if (!list.some((activity) => activity.id === id)) list.push({ id, objectType: "Activity" });
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
