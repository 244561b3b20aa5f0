// What every manifest writer reads (cmi5.xml, imsmanifest.xml, tincan.xml): the course and its
// launchable units. A single-unit course is one unit whose launch has no query and whose ids are
// the ones every earlier build wrote (an LMS that imported an older zip keeps its records).
import type { CourseData, ReportingOptions } from "../../runtime/course/types";
import { auIdFor } from "./ids";

export interface UnitOutline {
  /** The author's unit id (course.json `units[].id`); null for a single-unit course. */
  id: string | null;
  /** The unit's activity IRI: the cmi5 AU id (auIdFor(course id) for a single-unit course). */
  activityId: string;
  title: string;
  /** Plain text; never empty (falls back to the title). */
  description: string;
  /** The launch query without "?": unitLaunchQuery(id) in unit-ids.ts, e.g. "pmUnit=intro"; "" for a single-unit course. */
  launchQuery: string;
  reporting: ReportingOptions;
  /** Whether the unit has an assessment (a unit without one is satisfied by completion). */
  hasAssessment: boolean;
  /** Ids of the units this one may be launched only after (the author's `requires`); [] = none. */
  requires: readonly string[];
  /** The cmi5 block this unit belongs to (course.json `blocks`), or null. */
  block: string | null;
}

export interface BlockOutline {
  id: string;
  /** The block's IRI (cmi5 §13.1.2 block id). */
  activityId: string;
  title: string;
  description: string;
}

export interface CourseOutline {
  /** The course IRI (cmi5 course id; the base of manifest identifiers). */
  id: string;
  title: string;
  /** Plain text; never empty (falls back to the title). */
  description: string;
  language: string;
  units: readonly UnitOutline[];
  blocks: readonly BlockOutline[];
}

/** The outline of a single-unit course: one unit, launched from index.html with no query. */
export function singleUnitOutline(course: CourseData): CourseOutline {
  // An empty description is valid but shows nothing in LMS catalogues: fall back to the title.
  const description = course.description.trim() === "" ? course.title : course.description;
  return {
    id: course.id,
    title: course.title,
    description,
    language: course.language,
    units: [
      {
        id: null,
        activityId: auIdFor(course.id),
        title: course.title,
        description,
        launchQuery: "",
        reporting: course.reporting,
        hasAssessment: course.assessment !== null,
        requires: [],
        block: null,
      },
    ],
    blocks: [],
  };
}
